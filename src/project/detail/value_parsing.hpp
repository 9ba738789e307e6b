#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lb::project::detail {

// Numbers as police and office exports write them: "1234.5", "1234,5", "1.234,5", " 12 ".
std::optional<double> parseNumber(std::string_view text);
// A quantity in an attribute column (costs, areas, counts): as parseNumber, and in addition a dot that only
// groups thousands ("12.500", "1.234.567") is the German thousands separator. Not for coordinates, where
// "13.405" is a decimal.
std::optional<double> parseQuantity(std::string_view text);
// A whole quantity (parseQuantity without a fraction): "2,5" is no whole number.
std::optional<std::int64_t> parseInteger(std::string_view text);
// A calendar date from any format core::parseTime reads, as "YYYY-MM-DD" (Berlin local date).
std::optional<std::string> parseDate(std::string_view text);

}  // namespace lb::project::detail
