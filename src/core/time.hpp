#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lb::core {

// A point in time as seconds since the Unix epoch (UTC). Projects store times as ISO 8601 text in
// Europe/Berlin local time with its offset ("2025-03-14T22:15:00+01:00"), which SQLite's date
// functions and every spreadsheet understand.
struct Timestamp {
    std::int64_t unixSeconds = 0;
    auto operator<=>(const Timestamp&) const = default;
};

struct CivilTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t daysFromCivil(int year, int month, int day);
CivilTime civilFromUnix(std::int64_t unixSeconds);

// Europe/Berlin UTC offset in seconds at a UTC instant: CET (+3600) or CEST (+7200), with the EU rule
// in force since 1996 (last Sunday of March to last Sunday of October, 01:00 UTC); 1981–1995 ended on
// the last Sunday of September; before 1981 no daylight saving time is applied.
int berlinOffsetSeconds(std::int64_t unixSeconds);

// Local Berlin wall-clock time to an instant. In the autumn hour that occurs twice the earlier instant
// (CEST) is taken; a spring wall-clock time that does not exist is moved forward by one hour.
Timestamp fromBerlinLocal(const CivilTime& local);

// The instant the Berlin day after the one containing `time` begins (local midnight, whatever daylight saving
// does in between): the exclusive end of a date range that includes the whole day of `time`.
Timestamp startOfNextLocalDay(Timestamp time);

// Parses the time formats of police exports and ISO 8601: "2025-03-14T22:15:00[+01:00|Z]",
// "2025-03-14 22:15", "2025-03-14", "2025/03/14 22:15:00" (KML and GPS tools), "14.03.2025 22:15[:00]",
// "14.03.2025", "14.03.25 22:15".
// Without an offset the text is Berlin local time. Returns nothing when the text is not a valid time
// (including impossible dates such as 31.02.).
std::optional<Timestamp> parseTime(std::string_view text);

// "2025-03-14T22:15:00+01:00"
std::string formatBerlin(Timestamp time);
// "2025-03-14T21:15:00Z"
std::string formatUtc(Timestamp time);

// Current time (UTC) from the system clock.
Timestamp now();

}  // namespace lb::core
