#include "ui/format.hpp"

#include <cmath>
#include <cstdio>

#include "core/field_of_action.hpp"

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
    auto digitsAt = [&](std::size_t pos, std::size_t count) {
        if (iso.size() < pos + count) return false;
        for (std::size_t i = pos; i < pos + count; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return false;
        }
        return true;
    };
    if (!digitsAt(0, 4) || iso[4] != '-' || !digitsAt(5, 2) || iso[7] != '-' || !digitsAt(8, 2)) {
        return std::string(iso);
    }
    const std::string_view year = iso.substr(0, 4), month = iso.substr(5, 2), day = iso.substr(8, 2);
    std::string out = language == Language::German
                          ? std::string(day) + "." + std::string(month) + "." + std::string(year)
                          : std::string(year) + "-" + std::string(month) + "-" + std::string(day);
    if (iso.size() == 10) return out;
    if ((iso[10] != 'T' && iso[10] != ' ') || !digitsAt(11, 2) || iso[13] != ':' || !digitsAt(14, 2)) {
        return std::string(iso);
    }
    out += " " + std::string(iso.substr(11, 5));
    if (iso.back() == 'Z') out += " UTC";
    return out;
}

std::string displayValue(std::string_view column, std::string_view value, Language language) {
    if (column == "category") {
        for (const auto& field : core::kFieldsOfAction) {
            if (field.id == value) return std::string(language == Language::German ? field.labelDe : field.labelEn);
        }
    }
    if (column == "time" || column == "end_time" || column == "created" || column == "modified" ||
        column == "start_date" || column == "end_date") {
        return formatTimestamp(value, language);
    }
    return std::string(value);
}

}  // namespace lb::ui
