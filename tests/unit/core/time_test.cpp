#include <gtest/gtest.h>

#include "core/time.hpp"

using namespace lb::core;

TEST(Time, CivilRoundTripAcrossCenturiesAndLeapDays) {
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(2000, 3, 1), 11017);
    EXPECT_EQ(daysFromCivil(2024, 2, 29), 19782);
    for (std::int64_t days : {-1000LL, 0LL, 11016LL, 19782LL, 60000LL}) {
        const auto t = civilFromUnix(days * 86400 + 3723);
        EXPECT_EQ(daysFromCivil(t.year, t.month, t.day), days);
        EXPECT_EQ(t.hour, 1);
        EXPECT_EQ(t.minute, 2);
        EXPECT_EQ(t.second, 3);
    }
}

TEST(Time, BerlinOffsetSwitchesAtEuRuleInstants) {
    // 2025: CEST from 30 March 01:00 UTC to 26 October 01:00 UTC.
    const auto start = parseTime("2025-03-30T01:00:00Z")->unixSeconds;
    const auto end = parseTime("2025-10-26T01:00:00Z")->unixSeconds;
    EXPECT_EQ(berlinOffsetSeconds(start - 1), 3600);
    EXPECT_EQ(berlinOffsetSeconds(start), 7200);
    EXPECT_EQ(berlinOffsetSeconds(end - 1), 7200);
    EXPECT_EQ(berlinOffsetSeconds(end), 3600);
    // Before 1996 summer time ended on the last Sunday of September (1995-09-24).
    EXPECT_EQ(berlinOffsetSeconds(parseTime("1995-10-01T12:00:00Z")->unixSeconds), 3600);
}

TEST(Time, ParsesPoliceAndIsoFormatsAsBerlinLocalTime) {
    const auto winter = parseTime("14.03.2025 22:15");
    ASSERT_TRUE(winter);
    EXPECT_EQ(formatUtc(*winter), "2025-03-14T21:15:00Z");
    EXPECT_EQ(formatBerlin(*winter), "2025-03-14T22:15:00+01:00");
    const auto summer = parseTime("2025-07-01 08:00");
    ASSERT_TRUE(summer);
    EXPECT_EQ(formatUtc(*summer), "2025-07-01T06:00:00Z");
    EXPECT_EQ(formatBerlin(*parseTime("2025-07-01T08:00:00+02:00")), "2025-07-01T08:00:00+02:00");
    EXPECT_EQ(formatUtc(*parseTime("2025-07-01T08:00:00Z")), "2025-07-01T08:00:00Z");
    EXPECT_EQ(formatUtc(*parseTime("01.07.25 08:00")), "2025-07-01T06:00:00Z");
    EXPECT_EQ(formatUtc(*parseTime("1.7.2025")), "2025-06-30T22:00:00Z");
    EXPECT_EQ(formatUtc(*parseTime("2025-07-01T08:00:00.250+02:00")), "2025-07-01T06:00:00Z");
    EXPECT_EQ(formatUtc(*parseTime("14.03.2025 22:15 Uhr")), "2025-03-14T21:15:00Z");
}

TEST(Time, AutumnAmbiguousHourTakesTheFirstAndSpringGapMovesForward) {
    EXPECT_EQ(formatUtc(*parseTime("2025-10-26 02:30")), "2025-10-26T00:30:00Z");  // still CEST
    EXPECT_EQ(formatBerlin(*parseTime("2025-03-30 02:30")), "2025-03-30T03:30:00+02:00");
}

TEST(Time, RejectsImpossibleAndMalformedTimes) {
    for (const char* bad : {"", "gestern", "31.02.2025", "2025-13-01", "2025-02-29", "14.03.2025 25:00",
                            "14.03.2025 22:61", "2025-03-14T22:15:00+15:00", "14.03.2025 22:15 extra", "123.4.2025"}) {
        EXPECT_FALSE(parseTime(bad)) << bad;
    }
    EXPECT_TRUE(parseTime("2024-02-29"));
    // A leap year's February has 29 days, not one more.
    EXPECT_FALSE(parseTime("30.02.2024"));
    EXPECT_FALSE(parseTime("2000-02-30"));
}

TEST(Time, LeapDaysFollowTheGregorianCenturyRule) {
    // Divisible by 400: a leap year; by 100 but not 400: none; by 4: a leap year; otherwise none.
    for (const char* good : {"29.02.2000", "29.02.2024", "2000-02-29", "2024-02-29 12:00", "29.02.1996"}) {
        EXPECT_TRUE(parseTime(good)) << good;
    }
    for (const char* bad : {"29.02.1900", "29.02.2025", "1900-02-29", "2025-02-29 12:00", "29.02.2100"}) {
        EXPECT_FALSE(parseTime(bad)) << bad;
    }
    EXPECT_EQ(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28), 2);
    EXPECT_EQ(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28), 1);
}

TEST(Time, ReadsSlashDatesAsKmlAndGpsToolsWriteThem) {
    const auto kml = parseTime("2025/11/24 22:00:00");
    ASSERT_TRUE(kml);
    EXPECT_EQ(formatBerlin(*kml), "2025-11-24T22:00:00+01:00");
    EXPECT_EQ(formatUtc(*parseTime("2025/07/01T08:00:00Z")), "2025-07-01T08:00:00Z");
    EXPECT_EQ(formatUtc(*parseTime("2025/7/1")), "2025-06-30T22:00:00Z");
    // Mixed separators, short years and impossible days stay unreadable.
    for (const char* bad : {"2025/11-24 22:00", "25/11/24 22:00", "24/11/2025 22:00", "2025/02/30"}) {
        EXPECT_FALSE(parseTime(bad)) << bad;
    }
}

// The whole local day, on the days daylight saving time begins (23 hours) and ends (25 hours).
TEST(Time, StartOfTheNextLocalDayAcrossDaylightSavingChanges) {
    EXPECT_EQ(formatBerlin(startOfNextLocalDay(*parseTime("2025-03-30"))), "2025-03-31T00:00:00+02:00");
    EXPECT_EQ(startOfNextLocalDay(*parseTime("2025-03-30")).unixSeconds - parseTime("2025-03-30")->unixSeconds,
              23 * 3600);
    EXPECT_EQ(formatBerlin(startOfNextLocalDay(*parseTime("26.10.2025 23:59"))), "2025-10-27T00:00:00+01:00");
    EXPECT_EQ(startOfNextLocalDay(*parseTime("2025-10-26")).unixSeconds - parseTime("2025-10-26")->unixSeconds,
              25 * 3600);
    EXPECT_EQ(formatBerlin(startOfNextLocalDay(*parseTime("31.12.2024 00:00"))), "2025-01-01T00:00:00+01:00");
}
