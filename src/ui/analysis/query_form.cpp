#include "ui/analysis/query_form.hpp"

#include <charconv>
#include <cstdio>

#include "core/error.hpp"
#include "core/field_of_action.hpp"
#include "engine/query_parse.hpp"

namespace lb::ui {
namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::string layerRefText(const engine::LayerRef& ref) {
    std::string text = ref.layer;
    if (!ref.filter) return text;
    text += ":" + ref.filter->attribute + "=";
    for (std::size_t i = 0; i < ref.filter->values.size(); ++i) text += (i ? "," : "") + ref.filter->values[i];
    return text;
}

std::string countByText(const engine::GroupBy& by) {
    switch (by.kind) {
        case engine::GroupKind::None:
            return "";
        case engine::GroupKind::Zones:
            return by.zoneLayer;
        case engine::GroupKind::Hour:
            return "hour";
        case engine::GroupKind::Weekday:
            return "weekday";
        case engine::GroupKind::Month:
            return "month";
        case engine::GroupKind::Category:
            return "category";
        case engine::GroupKind::Grid: {
            char text[48];
            std::snprintf(text, sizeof text, "grid:%g", by.cellSize);
            return text;
        }
        case engine::GroupKind::HourWeekday:
            return "hour-weekday";
        case engine::GroupKind::MonthCategory:
            return "month-category";
    }
    return "";
}

}  // namespace

std::optional<core::Timestamp> parseGermanDate(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const auto dot1 = text.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : text.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || dot1 == 0 || dot1 > 2 || dot2 - dot1 - 1 == 0 || dot2 - dot1 - 1 > 2 ||
        text.size() - dot2 - 1 != 4) {
        return std::nullopt;
    }
    const auto day = number(text.substr(0, dot1));
    const auto month = number(text.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto year = number(text.substr(dot2 + 1));
    if (!day || !month || !year || *year < 1900) return std::nullopt;
    // The calendar (month lengths, leap years) is core::parseTime's, as for every other date.
    return core::parseTime(text);
}

DateInput dateInput(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return DateInput::Empty;
    if (parseGermanDate(text)) return DateInput::Valid;
    // The start of d[d].m[m].yyyy: at most two dots, one or two digits before each, up to four after the last.
    int dots = 0;
    std::size_t digits = 0;
    for (const char c : text) {
        if (c == '.') {
            if (digits == 0 || ++dots > 2) return DateInput::Invalid;
            digits = 0;
        } else if (c >= '0' && c <= '9') {
            if (++digits > (dots < 2 ? 2u : 4u)) return DateInput::Invalid;
        } else {
            return DateInput::Invalid;
        }
    }
    // Complete in shape but impossible (31.02.2025, 00.13.2025): wrong, not incomplete.
    return dots == 2 && digits == 4 ? DateInput::Invalid : DateInput::Incomplete;
}

std::string formatGermanDate(core::Timestamp time) {
    const core::CivilTime local = core::civilFromUnix(time.unixSeconds + core::berlinOffsetSeconds(time.unixSeconds));
    char text[32];
    std::snprintf(text, sizeof text, "%02d.%02d.%04d", local.day, local.month, local.year);
    return text;
}

FormResult buildQuery(const QueryForm& form) {
    engine::Query query;
    query.layer = form.layer;
    engine::AttributeFilter categories{"category", {}};
    for (std::size_t i = 0; i < form.categories.size(); ++i) {
        if (form.categories[i]) categories.values.emplace_back(core::kFieldsOfAction[i].id);
    }
    if (!categories.values.empty()) query.where.push_back(categories);

    auto dateError = [](std::string_view text) {
        return dateInput(text) == DateInput::Incomplete ? Str::QueryDateIncomplete : Str::QueryBadDate;
    };
    if (dateInput(form.from) != DateInput::Empty) {
        query.from = parseGermanDate(form.from);
        if (!query.from) return {std::nullopt, FormError{FormField::From, dateError(form.from)}};
    }
    if (dateInput(form.to) != DateInput::Empty) {
        const auto day = parseGermanDate(form.to);
        if (!day) return {std::nullopt, FormError{FormField::To, dateError(form.to)}};
        query.to = core::startOfNextLocalDay(*day);  // inclusive: the whole day, as --to with a bare date
    }
    if (query.from && query.to && *query.from >= *query.to) {
        return {std::nullopt, FormError{FormField::To, Str::QueryBadRange}};
    }
    if (form.hoursOn) {
        if (form.hourFrom < 0 || form.hourFrom > 23 || form.hourTo < 0 || form.hourTo > 24 ||
            form.hourFrom == form.hourTo) {
            return {std::nullopt, FormError{FormField::Hours, Str::QueryBadHours}};
        }
        query.hours = engine::hourRange(form.hourFrom, form.hourTo);
    }
    for (int d = 0; d < 7; ++d) {
        if (form.weekdays[static_cast<std::size_t>(d)]) query.weekdays |= static_cast<std::uint8_t>(1u << d);
    }
    try {
        if (form.insideOn) query.inside = engine::parseLayerRef(form.inside, "inside");
    } catch (const core::UsageError&) {
        return {std::nullopt, FormError{FormField::Inside, Str::QueryBadLayerRef}};
    }
    if (form.withinOn) {
        if (!(form.withinMetres > 0)) return {std::nullopt, FormError{FormField::Within, Str::QueryBadDistance}};
        try {
            query.within = engine::WithinDistance{form.withinMetres, engine::parseLayerRef(form.withinOf, "of")};
        } catch (const core::UsageError&) {
            return {std::nullopt, FormError{FormField::Within, Str::QueryBadLayerRef}};
        }
    }
    if (!form.countBy.empty()) {
        try {
            query.countBy = engine::parseGroupBy(form.countBy);
        } catch (const core::UsageError&) {
            return {std::nullopt, FormError{FormField::CountBy, Str::QueryBadCountBy}};
        }
    }
    return {std::move(query), std::nullopt};
}

QueryForm formFromQuery(const engine::Query& query) {
    QueryForm form;
    form.layer = query.layer;
    for (const auto& filter : query.where) {
        if (filter.attribute != "category") continue;
        for (const auto& value : filter.values) {
            for (std::size_t i = 0; i < core::kFieldsOfAction.size(); ++i) {
                if (core::kFieldsOfAction[i].id == value) form.categories[i] = true;
            }
        }
    }
    if (query.from) form.from = formatGermanDate(*query.from);
    if (query.to) form.to = formatGermanDate(core::Timestamp{query.to->unixSeconds - 1});
    if (query.hours) {
        form.hoursOn = true;
        form.hourFrom = query.hours->from;
        form.hourTo = query.hours->to == 0 ? 24 : query.hours->to;
    }
    for (int d = 0; d < 7; ++d) form.weekdays[static_cast<std::size_t>(d)] = (query.weekdays >> d) & 1u;
    if (query.inside) {
        form.insideOn = true;
        form.inside = layerRefText(*query.inside);
    }
    if (query.within) {
        form.withinOn = true;
        form.withinMetres = query.within->metres;
        form.withinOf = layerRefText(query.within->of);
    }
    form.countBy = countByText(query.countBy);
    return form;
}

}  // namespace lb::ui
