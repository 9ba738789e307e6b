#include "project/detail/value_parsing.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/time.hpp"

namespace lb::project::detail {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

std::optional<double> parseNumber(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::string cleaned;
    cleaned.reserve(text.size());
    const bool hasComma = text.find(',') != std::string_view::npos;
    for (char c : text) {
        if (hasComma && c == '.') continue;  // German thousands separator
        if (c == ' ') continue;
        cleaned.push_back(hasComma && c == ',' ? '.' : c);
    }
    double value = 0;
    const char* begin = cleaned.data();
    const char* end = cleaned.data() + cleaned.size();
    if (*begin == '+') ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<double> parseQuantity(std::string_view text) {
    const std::string_view t = trim(text);
    // "12.500" / "-1.234.567": 1–3 digits, then only groups of a dot and exactly three digits.
    std::size_t pos = t.empty() || (t[0] != '-' && t[0] != '+') ? 0 : 1;
    const std::size_t lead = pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    bool grouped = pos > lead && pos - lead <= 3 && pos < t.size();
    while (grouped && pos < t.size()) {
        grouped =
            t[pos] == '.' && pos + 4 <= t.size() &&
            std::all_of(t.begin() + static_cast<std::ptrdiff_t>(pos) + 1,
                        t.begin() + static_cast<std::ptrdiff_t>(pos) + 4, [](char c) { return c >= '0' && c <= '9'; });
        pos += 4;
    }
    if (grouped) {
        std::string digits;
        for (const char c : t) {
            if (c != '.') digits.push_back(c);
        }
        return parseNumber(digits);
    }
    return parseNumber(t);
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    const auto number = parseQuantity(text);
    if (!number || std::floor(*number) != *number || std::abs(*number) > 9.0e15) return std::nullopt;
    return static_cast<std::int64_t>(*number);
}

std::optional<std::string> parseDate(std::string_view text) {
    const auto time = core::parseTime(text);
    if (!time) return std::nullopt;
    const auto local = core::civilFromUnix(time->unixSeconds + core::berlinOffsetSeconds(time->unixSeconds));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", local.year, local.month, local.day);
    return std::string(buf);
}

}  // namespace lb::project::detail
