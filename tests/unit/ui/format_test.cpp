#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ui/format.hpp"

namespace lb::ui {
namespace {

TEST(Format, NumbersFollowTheLanguage) {
    EXPECT_EQ(formatInteger(1234567, Language::German), "1.234.567");
    EXPECT_EQ(formatInteger(1234567, Language::English), "1,234,567");
    EXPECT_EQ(formatInteger(-1000, Language::German), "-1.000");
    EXPECT_EQ(formatInteger(999, Language::German), "999");
    EXPECT_EQ(formatDecimal(5632637.04, 1, Language::German, true), "5.632.637,0");
    EXPECT_EQ(formatDecimal(12.5, 2, Language::English), "12.50");
    EXPECT_EQ(formatDecimal(-0.04, 1, Language::German), "0,0");
}

TEST(Format, TimestampsForReading) {
    EXPECT_EQ(formatTimestamp("2024-12-05T16:30:00+01:00", Language::German), "05.12.2024 16:30");
    EXPECT_EQ(formatTimestamp("2024-12-05T16:30:00+01:00", Language::English), "2024-12-05 16:30");
    // Times stored in UTC or another offset are shown in Berlin local time, never with "UTC" (issue 18).
    EXPECT_EQ(formatTimestamp("2026-11-24T20:33:23Z", Language::German), "24.11.2026 21:33");
    EXPECT_EQ(formatTimestamp("2025-05-05T05:50:00Z", Language::German), "05.05.2025 07:50");  // CEST
    EXPECT_EQ(formatTimestamp("2025-05-05T07:50:00+02:00", Language::German), "05.05.2025 07:50");
    EXPECT_EQ(formatTimestamp("2024-12-31T23:30:00Z", Language::German), "01.01.2025 00:30");
    EXPECT_EQ(formatTimestamp("2025-02-31T10:00:00", Language::German), "2025-02-31T10:00:00");  // no such day
    EXPECT_EQ(formatTimestamp("2024-03-01", Language::German), "01.03.2024");
    EXPECT_EQ(formatTimestamp("gestern", Language::German), "gestern");
    EXPECT_EQ(formatTimestamp("2024-1", Language::German), "2024-1");
}

TEST(Format, MoneyAreasAndSliders) {
    EXPECT_EQ(formatEuro(135, Language::German), "135,00 €");
    EXPECT_EQ(formatEuro(1234.5, Language::German), "1.234,50 €");
    EXPECT_EQ(formatEuro(1234.5, Language::English), "€1,234.50");
    EXPECT_EQ(formatArea(4.44, Language::German), "4,4 m²");
    EXPECT_EQ(formatArea(12345.2, Language::German), "12.345 m²");
    EXPECT_EQ(sliderText(0.85, 2, Language::German), "0,85");
    EXPECT_EQ(sliderText(0.85, 2, Language::English), "0.85");
    EXPECT_EQ(sliderText(85, 0, Language::German, " %"), "85 %%");  // ImGui reads it as a format
}

TEST(Format, StoredNumbersAndTimesInTheLanguage) {
    EXPECT_EQ(displayValue("cost_eur", "135.0", Language::German), "135,00 €");
    EXPECT_EQ(displayValue("budget_eur", "25000", Language::German), "25.000,00 €");
    EXPECT_EQ(displayValue("area_m2", "4.4", Language::German), "4,4 m²");
    EXPECT_EQ(displayValue("population", "12500", Language::German), "12.500");
    EXPECT_EQ(displayValue("population", "12500", Language::English), "12,500");
    EXPECT_EQ(displayValue("rate", "3.25", Language::German), "3,25");
    EXPECT_EQ(displayValue("count", "42", Language::German), "42");
    EXPECT_EQ(displayValue("implemented", "2025-05-05T07:50:00+02:00", Language::German), "05.05.2025 07:50");
    EXPECT_EQ(displayValue("start_date", "2024-03-01", Language::German), "01.03.2024");
    // Identifiers and text stay as written.
    EXPECT_EQ(displayValue("ext_id", "2024.001", Language::German), "2024.001");
    EXPECT_EQ(displayValue("name", "12.5", Language::German), "12.5");
    EXPECT_EQ(displayValue("uuid", "0b6c2f0e-1", Language::German), "0b6c2f0e-1");
}

TEST(Format, ObjectInformationListsNameFirstAndUuidLast) {
    const std::vector<std::pair<std::string, std::string>> attributes{
        {"id", "7"}, {"uuid", "u-1"}, {"category", "gewalt"}, {"time", "2025-01-01"}, {"name", "Markt"}};
    const auto order = attributeDisplayOrder(attributes);
    ASSERT_EQ(order.size(), 4u);  // "id" is the feature number above the table
    EXPECT_EQ(attributes[order.front()].first, "name");
    EXPECT_EQ(attributes[order[1]].first, "category");
    EXPECT_EQ(attributes[order[2]].first, "time");
    EXPECT_EQ(attributes[order.back()].first, "uuid");
}

TEST(Format, DisplayValues) {
    EXPECT_EQ(displayValue("category", "vermuellung", Language::German), "Vermüllung");
    EXPECT_EQ(displayValue("category", "gewalt", Language::English), "Violence");
    EXPECT_EQ(displayValue("category", "unbekannt", Language::German), "unbekannt");
    EXPECT_EQ(displayValue("name", "2024-01-01", Language::German), "2024-01-01");
}

}  // namespace
}  // namespace lb::ui
