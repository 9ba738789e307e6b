#include "project/detail/value_parsing.hpp"

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

std::optional<std::int64_t> parseInteger(std::string_view text) {
    const auto number = parseNumber(text);
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
