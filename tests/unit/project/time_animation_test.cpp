// The animation's time windows: calendar months and ISO weeks in Berlin local time.
#include <gtest/gtest.h>

#include "project/time_animation.hpp"

namespace lb::project {
namespace {

core::Timestamp at(const char* text) {
    return *core::parseTime(text);
}

TEST(TimeWindows, MonthsFollowTheLocalCalendarAcrossDaylightSaving) {
    const auto windows = timeWindows(at("2025-01-15"), at("2025-04-02"), TimeStep::Month);
    ASSERT_EQ(windows.size(), 4u);  // January (from mid-month) to April (one day of it)
    EXPECT_EQ(windows[0].from, at("2025-01-01T00:00:00+01:00"));
    EXPECT_EQ(windows[2].label, "März 2025");
    EXPECT_EQ(windows[2].to, at("2025-04-01T00:00:00+02:00"));  // after the change to summer time
    for (std::size_t i = 1; i < windows.size(); ++i) EXPECT_EQ(windows[i].from, windows[i - 1].to);
    EXPECT_EQ(timeWindows(at("2025-01-01"), at("2026-01-01"), TimeStep::Month).size(), 12u);
    EXPECT_EQ(timeWindows(at("2025-12-01"), at("2026-01-01"), TimeStep::Month, "en")[0].label, "December 2025");
    EXPECT_TRUE(timeWindows(at("2025-02-01"), at("2025-02-01"), TimeStep::Month).empty());
}

TEST(TimeWindows, WeeksAreIsoWeeksStartingMonday) {
    // 2025-01-01 is a Wednesday in ISO week 1 of 2025, which starts on Monday 2024-12-30.
    const auto windows = timeWindows(at("2025-01-01"), at("2025-01-13"), TimeStep::Week);
    ASSERT_EQ(windows.size(), 2u);
    EXPECT_EQ(windows[0].from, at("2024-12-30T00:00:00+01:00"));
    EXPECT_EQ(windows[0].label.rfind("KW 1/2025", 0), 0u) << windows[0].label;
    EXPECT_EQ(windows[1].label.rfind("KW 2/2025", 0), 0u) << windows[1].label;
    // The week of the spring change has 167 hours, and ends at local midnight.
    const auto spring = timeWindows(at("2025-03-25"), at("2025-03-26"), TimeStep::Week);
    ASSERT_EQ(spring.size(), 1u);
    EXPECT_EQ(spring[0].to.unixSeconds - spring[0].from.unixSeconds, 167 * 3600);
    EXPECT_EQ(timeWindows(at("2020-12-31"), at("2021-01-01"), TimeStep::Week, "en")[0].label.rfind("Week 53/2020", 0),
              0u);
    EXPECT_EQ(timeStepFromName("week"), TimeStep::Week);
    EXPECT_FALSE(timeStepFromName("day"));
}

}  // namespace
}  // namespace lb::project
