#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/strings.hpp"

namespace lb::ui {

// Numbers as the UI language writes them: German "1.234.567" and "12,5", English "1,234,567" and "12.5".
std::string formatInteger(std::int64_t value, Language language);
std::string formatDecimal(double value, int decimals, Language language, bool grouped = false);

// An ISO 8601 time as the project stores it ("2024-12-05T16:30:00+01:00", "…Z", "2024-12-05") for reading,
// in Europe/Berlin local time whatever offset it was stored with (issue 18: no "UTC" beside local
// times): German "05.12.2024 16:30", English "2024-12-05 16:30". Other text is returned as is.
std::string formatTimestamp(std::string_view iso, Language language);

// Money and areas: German "1.234,50 €" and "4,4 m²", English "€1,234.50" and "4.4 m²".
std::string formatEuro(double value, Language language);
std::string formatArea(double squareMetres, Language language);

// A slider's value as the label ImGui draws on it: formatDecimal(value, decimals) plus `suffix`, with
// every '%' doubled (ImGui reads the label as a printf format; one without a conversion is shown as is).
std::string sliderText(double value, int decimals, Language language, std::string_view suffix = {});

// A stored attribute value for the info panel and tables: field-of-action ids become their labels, times
// are formatted, money (cost_eur, budget_eur) and areas (area_m2) get their unit, decimal numbers the
// language's decimal separator and large counts their thousands separators.
std::string displayValue(std::string_view column, std::string_view value, Language language);

// The order Objektinformationen lists a feature's (column, value) pairs in: the name first, the UUID
// last, the others as stored; "id" (shown as the feature number) left out. Returns indices.
std::vector<std::size_t> attributeDisplayOrder(const std::vector<std::pair<std::string, std::string>>& attributes);

}  // namespace lb::ui
