#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ui/strings.hpp"

namespace lb::ui {

// Numbers as the UI language writes them: German "1.234.567" and "12,5", English "1,234,567" and "12.5".
std::string formatInteger(std::int64_t value, Language language);
std::string formatDecimal(double value, int decimals, Language language, bool grouped = false);

// An ISO 8601 time as the project stores it ("2024-12-05T16:30:00+01:00", "…Z", "2024-12-05") for reading:
// German "05.12.2024 16:30", English "2024-12-05 16:30"; UTC times get " UTC". Other text is returned as is.
std::string formatTimestamp(std::string_view iso, Language language);

// A stored attribute value for the info panel: field-of-action ids become their labels, times are formatted.
std::string displayValue(std::string_view column, std::string_view value, Language language);

}  // namespace lb::ui
