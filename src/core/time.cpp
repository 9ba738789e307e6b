#include "core/time.hpp"

#include <chrono>
#include <cstdio>

namespace lb::core {
namespace {

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Weekday of a day count since 1970-01-01: 0 = Sunday.
int weekdayFromDays(std::int64_t days) {
    return static_cast<int>(((days % 7) + 11) % 7);
}

std::int64_t lastSundayUtc(int year, int month, int hourUtc) {
    const int lastDay = daysInMonth(year, month);
    const std::int64_t days = daysFromCivil(year, month, lastDay);
    const std::int64_t sunday = days - weekdayFromDays(days);
    return sunday * 86400 + hourUtc * 3600;
}

struct Cursor {
    std::string_view text;
    std::size_t pos = 0;
    bool done() const { return pos >= text.size(); }
    char peek() const { return done() ? '\0' : text[pos]; }
    bool accept(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    // Reads between minDigits and maxDigits decimal digits.
    std::optional<int> number(int minDigits, int maxDigits) {
        int value = 0, digits = 0;
        while (!done() && digits < maxDigits && text[pos] >= '0' && text[pos] <= '9') {
            value = value * 10 + (text[pos] - '0');
            ++pos;
            ++digits;
        }
        if (digits < minDigits) return std::nullopt;
        return value;
    }
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) {
        s.remove_suffix(1);
    }
    return s;
}

bool validCivil(const CivilTime& t) {
    return t.year >= 1900 && t.year <= 2200 && t.month >= 1 && t.month <= 12 && t.day >= 1 &&
           t.day <= daysInMonth(t.year, t.month) && t.hour >= 0 && t.hour <= 24 && t.minute >= 0 && t.minute <= 59 &&
           t.second >= 0 && t.second <= 60 && !(t.hour == 24 && (t.minute || t.second));
}

std::int64_t civilToUnix(const CivilTime& t) {
    return daysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

}  // namespace

std::int64_t daysFromCivil(int year, int month, int day) {
    // Shift the year to start in March so the leap day is the last day of the year.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return static_cast<std::int64_t>(era) * 146097 + dayOfEra - 719468;
}

CivilTime civilFromUnix(std::int64_t unixSeconds) {
    std::int64_t days = unixSeconds / 86400;
    std::int64_t secs = unixSeconds % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned mp = (5 * dayOfYear + 2) / 153;
    CivilTime t;
    t.day = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
    t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    t.year = static_cast<int>(yearOfEra + era * 400 + (t.month <= 2 ? 1 : 0));
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>((secs % 3600) / 60);
    t.second = static_cast<int>(secs % 60);
    return t;
}

int berlinOffsetSeconds(std::int64_t unixSeconds) {
    const int year = civilFromUnix(unixSeconds).year;
    if (year < 1981) return 3600;
    const std::int64_t start = lastSundayUtc(year, 3, 1);
    const std::int64_t end = lastSundayUtc(year, year >= 1996 ? 10 : 9, 1);
    return unixSeconds >= start && unixSeconds < end ? 7200 : 3600;
}

Timestamp fromBerlinLocal(const CivilTime& local) {
    const std::int64_t wall = civilToUnix(local);
    const std::int64_t asSummer = wall - 7200;
    if (berlinOffsetSeconds(asSummer) == 7200) return {asSummer};
    return {wall - 3600};
}

Timestamp startOfNextLocalDay(Timestamp time) {
    CivilTime next = civilFromUnix(time.unixSeconds + berlinOffsetSeconds(time.unixSeconds) + 86400);
    next.hour = next.minute = next.second = 0;
    return fromBerlinLocal(next);
}

std::optional<Timestamp> parseTime(std::string_view input) {
    Cursor c{trim(input)};
    if (c.text.empty()) return std::nullopt;
    CivilTime t;
    // Date part: ISO (YYYY-MM-DD), with slashes as KML/GPS tools write it (YYYY/MM/DD), or German
    // (DD.MM.YYYY / DD.MM.YY).
    const std::size_t start = c.pos;
    const auto first = c.number(1, 4);
    if (!first) return std::nullopt;
    const bool fourDigitYear = c.pos - start == 4;
    if (const char separator = c.peek(); separator == '-' || (separator == '/' && fourDigitYear)) {
        ++c.pos;
        const auto month = c.number(1, 2);
        if (!month || !c.accept(separator)) return std::nullopt;
        const auto day = c.number(1, 2);
        if (!day) return std::nullopt;
        t.year = *first;
        t.month = *month;
        t.day = *day;
    } else if (c.accept('.')) {
        const auto month = c.number(1, 2);
        if (!month || !c.accept('.')) return std::nullopt;
        const std::size_t before = c.pos;
        const auto year = c.number(2, 4);
        if (!year) return std::nullopt;
        const auto yearDigits = c.pos - before;
        if (yearDigits == 3) return std::nullopt;
        t.year = yearDigits == 2 ? 2000 + *year : *year;
        t.month = *month;
        t.day = *first;
    } else {
        return std::nullopt;
    }
    // Optional time part.
    if (c.accept('T') || c.accept(' ') || c.accept(',')) {
        while (c.accept(' ')) {
        }
        const auto hour = c.number(1, 2);
        if (!hour || !c.accept(':')) return std::nullopt;
        const auto minute = c.number(2, 2);
        if (!minute) return std::nullopt;
        t.hour = *hour;
        t.minute = *minute;
        if (c.accept(':')) {
            const auto second = c.number(2, 2);
            if (!second) return std::nullopt;
            t.second = *second;
            if (c.accept('.')) {  // fractional seconds are dropped
                if (!c.number(1, 9)) return std::nullopt;
            }
        }
        if (c.accept(' ')) {
            // "22:15 Uhr"
            if (c.text.substr(c.pos) == "Uhr") c.pos = c.text.size();
        }
    }
    if (!validCivil(t)) return std::nullopt;
    // Optional offset.
    if (c.accept('Z')) {
        if (!c.done()) return std::nullopt;
        return Timestamp{civilToUnix(t)};
    }
    if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.peek() == '-' ? -1 : 1;
        ++c.pos;
        const auto oh = c.number(2, 2);
        if (!oh) return std::nullopt;
        c.accept(':');
        const auto om = c.number(2, 2);
        if (!om || *oh > 14 || *om > 59 || !c.done()) return std::nullopt;
        return Timestamp{civilToUnix(t) - sign * (*oh * 3600 + *om * 60)};
    }
    if (!c.done()) return std::nullopt;
    return fromBerlinLocal(t);
}

std::string formatBerlin(Timestamp time) {
    const int offset = berlinOffsetSeconds(time.unixSeconds);
    const CivilTime t = civilFromUnix(time.unixSeconds + offset);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", t.year, t.month, t.day, t.hour, t.minute,
                  t.second, offset / 3600);
    return buf;
}

std::string formatUtc(Timestamp time) {
    const CivilTime t = civilFromUnix(time.unixSeconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute,
                  t.second);
    return buf;
}

Timestamp now() {
    using namespace std::chrono;
    return {duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

}  // namespace lb::core
