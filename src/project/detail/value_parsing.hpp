#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lb::project::detail {

// Numbers as police and office exports write them: "1234.5", "1234,5", "1.234,5", " 12 ".
std::optional<double> parseNumber(std::string_view text);
std::optional<std::int64_t> parseInteger(std::string_view text);
// A calendar date from any format core::parseTime reads, as "YYYY-MM-DD" (Berlin local date).
std::optional<std::string> parseDate(std::string_view text);

}  // namespace lb::project::detail
