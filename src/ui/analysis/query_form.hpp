#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/query.hpp"
#include "ui/strings.hpp"

namespace lb::ui {

// The query builder's fields as the user edits them (text where the user types, flags where they tick).
// buildQuery() turns them into the engine::Query that `lagebild query` builds from its flags; the text
// forms of layer references and count-by are the CLI's (engine/query_parse.hpp).
struct QueryForm {
    std::string layer = "incidents";
    std::array<bool, 6> categories{};  // by core::kFieldsOfAction; none ticked = every category
    std::string from, to;              // dd.mm.yyyy, empty = open; `to` includes its whole day
    bool hoursOn = false;
    int hourFrom = 20, hourTo = 4;   // local hours [from, to), wrapping past midnight; to may be 24
    std::array<bool, 7> weekdays{};  // Monday first; none ticked = every day
    bool insideOn = false;
    std::string inside = "districts";  // LAYER or LAYER:ATTR=VALUE[,VALUE...]
    bool withinOn = false;
    double withinMetres = 150;
    std::string withinOf = "pois:amenity=school";
    std::string countBy;  // "" (none) or a --count-by text: districts, category, hour, ...
    bool operator==(const QueryForm&) const = default;
};

// Which field an error belongs to (the panel marks it).
enum class FormField { From, To, Hours, Inside, Within, CountBy };

struct FormError {
    FormField field;
    Str message;
};

struct FormResult {
    std::optional<engine::Query> query;
    std::optional<FormError> error;
};

FormResult buildQuery(const QueryForm& form);

// The form showing a query (for --query-json and saved queries); parts the form cannot show (bbox,
// attribute filters other than category) are dropped.
QueryForm formFromQuery(const engine::Query& query);

// A date typed as dd.mm.yyyy (one-digit day and month allowed) → its local midnight; nothing for other
// text or impossible dates (31.02.2025).
std::optional<core::Timestamp> parseGermanDate(std::string_view text);
// How far a date field's text is while it is being typed: empty (open end), a complete valid date, the
// start of one (digits and dots that can still become dd.mm.yyyy: "3", "31.0", "31.03.202"), or wrong.
enum class DateInput { Empty, Incomplete, Invalid, Valid };
DateInput dateInput(std::string_view text);
// The query's result belongs to the form only when every date field is empty or valid.
inline bool datesComplete(const QueryForm& form) {
    const auto ok = [](DateInput d) { return d == DateInput::Empty || d == DateInput::Valid; };
    return ok(dateInput(form.from)) && ok(dateInput(form.to));
}
// The local date of an instant as dd.mm.yyyy.
std::string formatGermanDate(core::Timestamp time);

// The count-by choices the form offers, as --count-by texts ("" = no grouping).
inline constexpr std::array<std::string_view, 9> kCountByChoices{
    "", "districts", "category", "hour", "weekday", "month", "hour-weekday", "month-category", "grid:250"};

}  // namespace lb::ui
