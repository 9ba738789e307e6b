#pragma once

#include <string_view>
#include <vector>

namespace lb::core {

// Flag values as the command line takes them ("326000, 5631000,…", "mo,di,sa"): spaces and tabs around a
// value do not count.
inline std::string_view trimBlanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The parts of `s` between separators, each trimmed; "" gives one empty part, "a," two.
inline std::vector<std::string_view> splitTrimmed(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = s.find(separator, start);
        parts.push_back(
            trimBlanks(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

}  // namespace lb::core
