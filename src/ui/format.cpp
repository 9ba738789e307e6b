#include "ui/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/field_of_action.hpp"
#include "core/time.hpp"

namespace lb::ui {
namespace {

std::string group(std::string digits, char separator) {
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(digits.begin() + i, separator);
    return digits;
}

}  // namespace

std::string formatInteger(std::int64_t value, Language language) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -static_cast<unsigned long long>(value) : value);
    digits = group(std::move(digits), language == Language::German ? '.' : ',');
    return negative ? "-" + digits : digits;
}

std::string formatDecimal(double value, int decimals, Language language, bool grouped) {
    if (!std::isfinite(value)) return "–";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string text = buffer;
    std::string integer = text.substr(0, text.find('.'));
    std::string fraction = text.find('.') == std::string::npos ? std::string() : text.substr(text.find('.') + 1);
    const bool german = language == Language::German;
    if (grouped) integer = group(std::move(integer), german ? '.' : ',');
    std::string out = (value < 0 && std::stod(text) != 0) ? "-" : "";
    out += integer;
    if (!fraction.empty()) out += (german ? "," : ".") + fraction;
    return out;
}

std::string formatTimestamp(std::string_view iso, Language language) {
    const bool dateOnly = iso.size() == 10;
    // Only ISO text (as the project stores it) is reformatted; anything else is somebody's own text.
    const bool isoLike =
        iso.size() >= 10 && iso[4] == '-' && iso[7] == '-' && (dateOnly || iso[10] == 'T' || iso[10] == ' ');
    const auto parsed = isoLike ? core::parseTime(iso) : std::nullopt;
    if (!parsed) return std::string(iso);
    const std::int64_t local = parsed->unixSeconds + core::berlinOffsetSeconds(parsed->unixSeconds);
    const core::CivilTime t = core::civilFromUnix(local);
    char buffer[32];
    if (language == Language::German) {
        std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", t.day, t.month, t.year);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", t.year, t.month, t.day);
    }
    std::string out = buffer;
    if (dateOnly) return out;
    std::snprintf(buffer, sizeof buffer, " %02d:%02d", t.hour, t.minute);
    return out + buffer;
}

std::string formatEuro(double value, Language language) {
    const std::string number = formatDecimal(value, 2, language, true);
    return language == Language::German ? number + " €" : "€" + number;
}

std::string formatArea(double squareMetres, Language language) {
    const int decimals = std::fabs(squareMetres) >= 100 ? 0 : 1;
    return formatDecimal(squareMetres, decimals, language, true) + " m²";
}

std::string sliderText(double value, int decimals, Language language, std::string_view suffix) {
    std::string text = formatDecimal(value, decimals, language, true);
    text += suffix;
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '%') out += '%';
    }
    return out;
}

namespace {

std::optional<double> number(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

bool isIdentifier(std::string_view column) {
    return column == "id" || column == "ext_id" || column == "uuid" || column == "name" || column == "osm_id" ||
           column.ends_with("_id") || column == "note" || column == "description";
}

}  // namespace

std::string displayValue(std::string_view column, std::string_view value, Language language) {
    if (column == "category") {
        for (const auto& field : core::kFieldsOfAction) {
            if (field.id == value) return std::string(language == Language::German ? field.labelDe : field.labelEn);
        }
    }
    if (isIdentifier(column)) return std::string(value);
    // Every stored time (time, end_time, created, modified, start_date, implemented, ...).
    if (value.size() >= 10 && value[4] == '-' && value[7] == '-') return formatTimestamp(value, language);
    const auto n = number(value);
    if (!n) return std::string(value);
    if (column == "cost_eur" || column == "budget_eur") return formatEuro(*n, language);
    if (column == "area_m2") return formatArea(*n, language);
    const std::size_t dot = value.find('.');
    if (dot == std::string_view::npos && value.find_first_of("eE") == std::string_view::npos) {
        return std::fabs(*n) >= 10000 ? formatInteger(static_cast<std::int64_t>(*n), language) : std::string(value);
    }
    const int decimals =
        dot == std::string_view::npos ? 0 : static_cast<int>(std::min<std::size_t>(value.size() - dot - 1, 6));
    return formatDecimal(*n, decimals, language, std::fabs(*n) >= 10000);
}

std::vector<std::size_t> attributeDisplayOrder(const std::vector<std::pair<std::string, std::string>>& attributes) {
    std::vector<std::size_t> order;
    auto add = [&](auto pick) {
        for (std::size_t i = 0; i < attributes.size(); ++i) {
            if (pick(attributes[i].first)) order.push_back(i);
        }
    };
    add([](const std::string& c) { return c == "name"; });
    add([](const std::string& c) { return c != "name" && c != "uuid" && c != "id"; });
    add([](const std::string& c) { return c == "uuid"; });
    return order;
}

}  // namespace lb::ui
