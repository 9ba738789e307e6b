#include "engine/query_parse.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/field_of_action.hpp"
#include "core/text.hpp"

namespace lb::engine {
namespace {

[[noreturn]] void bad(std::string_view flag, std::string_view text, const std::string& why) {
    throw core::UsageError(std::string(flag) + " \"" + std::string(text) + "\": " + why);
}

std::optional<double> parseNumber(std::string_view s) {
    s = core::trimBlanks(s);
    if (s.empty()) return std::nullopt;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

bool isBareDate(std::string_view s) {
    s = core::trimBlanks(s);
    return s.find(' ') == std::string_view::npos && s.find('T') == std::string_view::npos;
}

}  // namespace

AttributeFilter parseAttributeFilter(std::string_view text, std::string_view flag) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos) bad(flag, text, "expected ATTR=VALUE[,VALUE...]");
    AttributeFilter filter;
    filter.attribute = std::string(core::trimBlanks(text.substr(0, eq)));
    if (filter.attribute.empty()) bad(flag, text, "the attribute name is missing before '='");
    for (auto value : core::splitTrimmed(text.substr(eq + 1), ',')) filter.values.emplace_back(value);
    return filter;
}

LayerRef parseLayerRef(std::string_view text, std::string_view flag) {
    LayerRef ref;
    const std::size_t colon = text.find(':');
    ref.layer = std::string(core::trimBlanks(text.substr(0, colon)));
    if (ref.layer.empty()) bad(flag, text, "expected LAYER[:ATTR=VALUE]");
    if (colon != std::string_view::npos) ref.filter = parseAttributeFilter(text.substr(colon + 1), flag);
    return ref;
}

HourRange parseHours(std::string_view text) {
    const auto parts = core::splitTrimmed(text, '-');
    if (parts.size() != 2) bad("--hours", text, "expected H1-H2, e.g. 20-4 (20:00 to 04:00)");
    const auto from = parseNumber(parts[0]);
    const auto to = parseNumber(parts[1]);
    auto whole = [](std::optional<double> v, double max) { return v && *v >= 0 && *v <= max && *v == std::floor(*v); };
    if (!whole(from, 23) || !whole(to, 24)) bad("--hours", text, "hours must be whole numbers, H1 0–23 and H2 0–24");
    return hourRange(static_cast<int>(*from), static_cast<int>(*to));
}

HourRange hourRange(int from, int to) {
    auto refuse = [&](const std::string& why) { bad("--hours", std::to_string(from) + "-" + std::to_string(to), why); };
    if (from < 0 || from > 23 || to < 0 || to > 24) refuse("hours must be whole numbers, H1 0–23 and H2 0–24");
    HourRange range{from, to};
    if (range.from == range.to) refuse("the range is empty; use 0-24 for the whole day");
    if (range.to == 24) range.to = 0;
    if (range.from == 0 && range.to == 0) range.to = 24;
    return range;
}

std::string_view weekdayKey(int weekday) {
    static constexpr std::array<std::string_view, 7> kKeys{"mo", "di", "mi", "do", "fr", "sa", "so"};
    return kKeys[static_cast<std::size_t>(weekday)];
}

std::uint8_t parseWeekdays(std::string_view text) {
    static constexpr std::array<std::string_view, 7> kEnglish{"mo", "tu", "we", "th", "fr", "sa", "su"};
    std::uint8_t mask = 0;
    for (auto part : core::splitTrimmed(text, ',')) {
        const std::string day = core::foldGerman(part);
        const std::string_view key = std::string_view(day).substr(0, 2);
        int found = -1;
        for (int d = 0; d < 7; ++d) {
            if (key == weekdayKey(d) || key == kEnglish[static_cast<std::size_t>(d)]) found = d;
        }
        if (found < 0 || day.size() < 2)
            bad("--weekdays", text, "unknown weekday \"" + std::string(part) + "\"; use mo,di,mi,do,fr,sa,so");
        mask |= static_cast<std::uint8_t>(1u << found);
    }
    return mask;
}

core::Timestamp parseFromTime(std::string_view text, std::string_view flag) {
    const auto t = core::parseTime(core::trimBlanks(text));
    if (!t) bad(flag, text, "not a date; use YYYY-MM-DD, DD.MM.YYYY or YYYY-MM-DDTHH:MM");
    return *t;
}

core::Timestamp parseToTime(std::string_view text, std::string_view flag) {
    const core::Timestamp t = parseFromTime(text, flag);
    // A bare date is the whole day: up to local midnight of the next day.
    return isBareDate(text) ? core::startOfNextLocalDay(t) : t;
}

GroupBy parseGroupBy(std::string_view text) {
    text = core::trimBlanks(text);
    GroupBy group;
    if (text == "hour") {
        group.kind = GroupKind::Hour;
    } else if (text == "weekday") {
        group.kind = GroupKind::Weekday;
    } else if (text == "month") {
        group.kind = GroupKind::Month;
    } else if (text == "category") {
        group.kind = GroupKind::Category;
    } else if (text == "hour-weekday") {
        group.kind = GroupKind::HourWeekday;
    } else if (text == "month-category") {
        group.kind = GroupKind::MonthCategory;
    } else if (text.starts_with("grid:")) {
        const auto size = parseNumber(text.substr(5));
        if (!size || *size <= 0) bad("--count-by", text, "grid:SIZE needs a cell size in metres > 0");
        group.kind = GroupKind::Grid;
        group.cellSize = *size;
    } else if (!text.empty() && text.find_first_of(":= ") == std::string_view::npos) {
        group.kind = GroupKind::Zones;
        group.zoneLayer = std::string(text);
    } else {
        bad("--count-by", text,
            "expected a polygon layer, hour, weekday, month, category, grid:SIZE, hour-weekday or month-category");
    }
    return group;
}

}  // namespace lb::engine
