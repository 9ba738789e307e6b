#include <gtest/gtest.h>

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
    EXPECT_EQ(formatTimestamp("2026-11-24T20:33:23Z", Language::German), "24.11.2026 20:33 UTC");
    EXPECT_EQ(formatTimestamp("2024-03-01", Language::German), "01.03.2024");
    EXPECT_EQ(formatTimestamp("gestern", Language::German), "gestern");
    EXPECT_EQ(formatTimestamp("2024-1", Language::German), "2024-1");
}

TEST(Format, DisplayValues) {
    EXPECT_EQ(displayValue("category", "vermuellung", Language::German), "Vermüllung");
    EXPECT_EQ(displayValue("category", "gewalt", Language::English), "Violence");
    EXPECT_EQ(displayValue("category", "unbekannt", Language::German), "unbekannt");
    EXPECT_EQ(displayValue("name", "2024-01-01", Language::German), "2024-01-01");
}

}  // namespace
}  // namespace lb::ui
