#include "edit/form_spec.hpp"

// Section index: [choices] [forms] [value checks] [validate]

#include <charconv>
#include <cmath>

#include "core/field_of_action.hpp"
#include "core/time.hpp"
#include "core/uuid.hpp"
#include "core/vocabulary.hpp"
#include "edit/field_mark.hpp"
#include "store/schema.hpp"

namespace lb::edit {
namespace {

using core::LayerId;
using enum FieldType;

// [choices] Stored values with German and English labels.
constexpr auto kIncidentCategories = [] {
    std::array<ChoiceSpec, core::kFieldsOfAction.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = {core::kFieldsOfAction[i].id, core::kFieldsOfAction[i].labelDe, core::kFieldsOfAction[i].labelEn};
    }
    return out;
}();
constexpr auto kObservationChoices = [] {
    std::array<ChoiceSpec, kFieldMarks.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = {kFieldMarks[i].category, kFieldMarks[i].labelDe, kFieldMarks[i].labelEn};
    }
    return out;
}();
constexpr ChoiceSpec kGraffitiStatusChoices[] = {{"gemeldet", "gemeldet", "reported"},
                                                 {"begutachtet", "begutachtet", "assessed"},
                                                 {"entfernt", "entfernt", "removed"},
                                                 {"legal gestaltet", "legal gestaltet", "legal mural"},
                                                 {"erneut besprüht", "erneut besprüht", "sprayed again"}};
constexpr ChoiceSpec kMeasureTypeChoices[] = {
    {"Beleuchtung", "Beleuchtung", "Lighting"},
    {"Rückschnitt/Sichtachsen", "Rückschnitt/Sichtachsen", "Pruning/sight lines"},
    {"Platzgestaltung", "Platzgestaltung", "Square redesign"},
    {"Wegeführung", "Wegeführung", "Path layout"},
    {"Abfallbehälter", "Abfallbehälter", "Waste bins"},
    {"Wandgestaltung/legales Graffiti", "Wandgestaltung/legales Graffiti", "Wall design/legal graffiti"},
    {"Sozialbüro/Anlaufstelle", "Sozialbüro/Anlaufstelle", "Social office/drop-in point"},
    {"Videoschutz", "Videoschutz", "Video protection"},
    {"Sonstiges", "Sonstiges", "Other"}};
constexpr ChoiceSpec kMeasureStatusChoices[] = {{"geplant", "geplant", "planned"},
                                                {"in Umsetzung", "in Umsetzung", "in progress"},
                                                {"umgesetzt", "umgesetzt", "done"}};

static_assert(std::size(kGraffitiStatusChoices) == core::kGraffitiStatuses.size());
static_assert(std::size(kMeasureTypeChoices) == core::kMeasureTypes.size());
static_assert(std::size(kMeasureStatusChoices) == core::kMeasureStatuses.size());

constexpr std::string_view kNoPersonsDe = "Nur Orte, Zeiten und Anzahlen – keine Namen oder Personenbeschreibungen.";
constexpr std::string_view kNoPersonsEn = "Places, times and counts only – no names or descriptions of persons.";

// [forms]
constexpr FieldSpec kIncidentForm[] = {
    {.name = "time", .type = DateTime, .labelDe = "Tatzeit", .labelEn = "Time", .required = true},
    {.name = "category",
     .type = Choice,
     .labelDe = "Handlungsfeld",
     .labelEn = "Field of action",
     .required = true,
     .choices = kIncidentCategories},
    {.name = "subcategory", .type = Text, .labelDe = "Delikt", .labelEn = "Offence", .maxLength = 200},
    {.name = "offence_key", .type = Text, .labelDe = "Straftatenschlüssel", .labelEn = "Offence key", .maxLength = 20},
    {.name = "source", .type = Text, .labelDe = "Quelle", .labelEn = "Source", .maxLength = 200},
    {.name = "weight", .type = Real, .labelDe = "Gewicht", .labelEn = "Weight", .min = 0.0, .max = 1000.0},
};
constexpr FieldSpec kGraffitiForm[] = {
    {.name = "name", .type = Text, .labelDe = "Bezeichnung", .labelEn = "Name", .maxLength = 200},
    {.name = "status",
     .type = Choice,
     .labelDe = "Status",
     .labelEn = "Status",
     .required = true,
     .readOnly = true,
     .choices = kGraffitiStatusChoices},
    {.name = "time", .type = DateTime, .labelDe = "Gemeldet am", .labelEn = "Reported at"},
    {.name = "area_m2",
     .type = Real,
     .labelDe = "Fläche",
     .labelEn = "Area",
     .min = 0.0,
     .max = 100000.0,
     .unit = "m²"},
    {.name = "cost_eur",
     .type = Real,
     .labelDe = "Kosten",
     .labelEn = "Cost",
     .min = 0.0,
     .max = 10000000.0,
     .unit = "€"},
};
constexpr FieldSpec kRouteForm[] = {
    {.name = "name", .type = Text, .labelDe = "Route", .labelEn = "Route", .required = true, .maxLength = 200},
    {.name = "team",
     .type = Text,
     .labelDe = "Team",
     .labelEn = "Team",
     .maxLength = 100,
     .hintDe = "Teambezeichnung, keine Namen von Personen.",
     .hintEn = "Team label, no names of persons."},
};
constexpr FieldSpec kVisitForm[] = {
    {.name = "route_uuid", .type = RouteRef, .labelDe = "Route", .labelEn = "Route"},
    {.name = "time", .type = DateTime, .labelDe = "Beginn", .labelEn = "Start", .required = true},
    {.name = "end_time", .type = DateTime, .labelDe = "Ende", .labelEn = "End"},
    {.name = "duration_min",
     .type = Real,
     .labelDe = "Dauer",
     .labelEn = "Duration",
     .readOnly = true,
     .min = 0.0,
     .max = 1440.0,
     .unit = "min"},
    {.name = "staff", .type = Integer, .labelDe = "Fachkräfte", .labelEn = "Staff", .min = 1.0, .max = 50.0},
    {.name = "contacts",
     .type = Integer,
     .labelDe = "Kontakte (Anzahl)",
     .labelEn = "Contacts (count)",
     .min = 0.0,
     .max = 10000.0,
     .hintDe = kNoPersonsDe,
     .hintEn = kNoPersonsEn},
};
constexpr FieldSpec kMeasureForm[] = {
    {.name = "name", .type = Text, .labelDe = "Maßnahme", .labelEn = "Measure", .required = true, .maxLength = 200},
    {.name = "type",
     .type = Choice,
     .labelDe = "Art",
     .labelEn = "Type",
     .required = true,
     .choices = kMeasureTypeChoices},
    {.name = "status",
     .type = Choice,
     .labelDe = "Stand",
     .labelEn = "Status",
     .required = true,
     .choices = kMeasureStatusChoices},
    {.name = "budget_eur",
     .type = Real,
     .labelDe = "Budget",
     .labelEn = "Budget",
     .min = 0.0,
     .max = 1.0e9,
     .unit = "€"},
    {.name = "start_date", .type = Date, .labelDe = "Beginn", .labelEn = "Start"},
    {.name = "end_date", .type = Date, .labelDe = "Ende", .labelEn = "End"},
    {.name = "owner",
     .type = Text,
     .labelDe = "Zuständiges Amt",
     .labelEn = "Responsible office",
     .maxLength = 200,
     .hintDe = "Amt oder Stelle, keine Namen von Personen.",
     .hintEn = "Office or unit, no names of persons."},
};
constexpr FieldSpec kObservationForm[] = {
    {.name = "time", .type = DateTime, .labelDe = "Zeitpunkt", .labelEn = "Time", .required = true},
    {.name = "category",
     .type = Choice,
     .labelDe = "Kategorie",
     .labelEn = "Category",
     .required = true,
     .choices = kObservationChoices},
    {.name = "note",
     .type = LongText,
     .labelDe = "Notiz",
     .labelEn = "Note",
     .maxLength = 1000,
     .hintDe = kNoPersonsDe,
     .hintEn = kNoPersonsEn},
};
constexpr FieldSpec kDistrictForm[] = {
    {.name = "name", .type = Text, .labelDe = "Name", .labelEn = "Name", .required = true, .maxLength = 200},
    {.name = "population",
     .type = Integer,
     .labelDe = "Einwohner",
     .labelEn = "Population",
     .min = 0.0,
     .max = 10000000.0},
};

// Event times (not plans) cannot lie in the future.
bool isEventTime(LayerId layer, std::string_view field) {
    return field == "time" && layer != LayerId::Measures;
}

// [value checks]
struct Checked {
    core::Value value;
    std::string problem;  // English
    std::string problemDe;
};

Checked fail(std::string en, std::string de) {
    return {{}, std::move(en), std::move(de)};
}

std::optional<double> toNumber(const core::Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* s = std::get_if<std::string>(&v)) {
        std::string text;
        for (char c : *s) {
            if (c == ' ') continue;
            text.push_back(c == ',' ? '.' : c);
        }
        double out = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return out;
    }
    return std::nullopt;
}

std::size_t codePoints(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::string numberText(double v) {
    std::string s = std::to_string(v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

Checked checkValue(LayerId layer, const FieldSpec& field, const core::Value& raw) {
    if (core::isNull(raw)) return {};
    const bool isText = std::holds_alternative<std::string>(raw);
    const std::string text = isText ? trimmed(std::get<std::string>(raw)) : core::toString(raw);
    if (isText && text.empty()) return {};
    switch (field.type) {
        case Text:
        case LongText:
            if (field.maxLength > 0 && codePoints(text) > field.maxLength) {
                return fail("longer than " + std::to_string(field.maxLength) + " characters",
                            "länger als " + std::to_string(field.maxLength) + " Zeichen");
            }
            return {text, {}, {}};
        case Integer:
        case Real: {
            const auto number = toNumber(raw);
            if (!number || !std::isfinite(*number))
                return fail("'" + text + "' is not a number", "„" + text + "“ ist keine Zahl");
            if (field.type == Integer && std::floor(*number) != *number) {
                return fail("'" + text + "' is not a whole number", "„" + text + "“ ist keine ganze Zahl");
            }
            if ((field.min && *number < *field.min) || (field.max && *number > *field.max)) {
                const std::string range = numberText(field.min.value_or(0)) + "–" + numberText(field.max.value_or(0));
                return fail(text + " is outside " + range, text + " liegt außerhalb von " + range);
            }
            if (field.type == Integer) return {static_cast<std::int64_t>(*number), {}, {}};
            return {*number, {}, {}};
        }
        case Date:
        case DateTime: {
            if (!isText) return fail("a date is expected as text", "Datum als Text erwartet");
            const auto time = core::parseTime(text);
            if (!time) {
                return fail("'" + text + "' is not a valid date (e.g. 14.03.2025" +
                                std::string(field.type == DateTime ? " 22:15)" : ")"),
                            "„" + text + "“ ist kein gültiges Datum (z. B. 14.03.2025" +
                                std::string(field.type == DateTime ? " 22:15)" : ")"));
            }
            const auto year =
                core::civilFromUnix(time->unixSeconds + core::berlinOffsetSeconds(time->unixSeconds)).year;
            if (year < 1990 || year > 2100) {
                return fail("the date " + text + " is out of range (1990–2100)",
                            "das Datum " + text + " liegt außerhalb 1990–2100");
            }
            if (isEventTime(layer, field.name) && time->unixSeconds > core::now().unixSeconds + 86400) {
                return fail("the time " + text + " lies in the future",
                            "der Zeitpunkt " + text + " liegt in der Zukunft");
            }
            const std::string berlin = core::formatBerlin(*time);
            if (field.type == DateTime) return {berlin, {}, {}};
            return {berlin.substr(0, 10), {}, {}};
        }
        case Choice: {
            const std::string wanted = core::normaliseForMatch(text);
            for (const auto& choice : field.choices) {
                if (core::normaliseForMatch(choice.value) == wanted ||
                    core::normaliseForMatch(choice.labelDe) == wanted ||
                    core::normaliseForMatch(choice.labelEn) == wanted) {
                    return {std::string(choice.value), {}, {}};
                }
            }
            std::string allowed;
            for (const auto& choice : field.choices)
                allowed += (allowed.empty() ? "" : ", ") + std::string(choice.value);
            return fail("'" + text + "' is not one of: " + allowed,
                        "„" + text + "“ ist nicht erlaubt (" + allowed + ")");
        }
        case RouteRef:
            if (!core::isUuid(text)) return fail("'" + text + "' is not a route id", "„" + text + "“ ist keine Route");
            return {text, {}, {}};
    }
    return {};
}

std::vector<FieldProblem> check(LayerId layer, const AttributeValues& values, AttributeValues& out) {
    const FormSpec form = formFor(layer);
    const auto& name = core::layerInfo(layer).name;
    std::vector<FieldProblem> problems;
    for (const auto& [column, value] : values) {
        if (store::isBookkeepingColumn(column)) {
            problems.push_back({column, "is filled by the program", "wird vom Programm gesetzt"});
        } else if (!store::findColumn(layer, column)) {
            problems.push_back({column, "layer " + std::string(name) + " has no such field",
                                "Ebene " + std::string(name) + " hat kein solches Feld"});
        } else if (const FieldSpec* field = form.find(column)) {
            auto checked = checkValue(layer, *field, value);
            if (!checked.problem.empty()) {
                problems.push_back({column, std::move(checked.problem), std::move(checked.problemDe)});
            } else {
                out[column] = std::move(checked.value);
            }
        } else {
            out[column] = value;  // ext_id, attrs, route: kept as given
        }
    }
    for (const auto& field : form.fields) {
        if (!field.required) continue;
        const auto it = out.find(field.name);
        const bool problemAlready =
            std::any_of(problems.begin(), problems.end(), [&](const FieldProblem& p) { return p.field == field.name; });
        if (!problemAlready && (it == out.end() || core::isNull(it->second))) {
            problems.push_back({std::string(field.name), "is required", "ist ein Pflichtfeld"});
        }
    }
    // Cross-field rules.
    auto text = [&](const char* column) {
        const auto it = out.find(column);
        return it == out.end() ? std::string() : core::toString(it->second);
    };
    if (layer == LayerId::Visits && !text("time").empty() && !text("end_time").empty()) {
        const auto start = core::parseTime(text("time")), end = core::parseTime(text("end_time"));
        if (end->unixSeconds < start->unixSeconds) {
            problems.push_back({"end_time", "the visit ends before it starts", "der Einsatz endet vor seinem Beginn"});
        } else if (end->unixSeconds - start->unixSeconds > 24 * 3600) {
            problems.push_back(
                {"end_time", "a visit lasts at most 24 hours", "ein Einsatz dauert höchstens 24 Stunden"});
        } else {
            out["duration_min"] = static_cast<double>(end->unixSeconds - start->unixSeconds) / 60.0;
        }
    }
    if (layer == LayerId::Measures && !text("start_date").empty() && !text("end_date").empty() &&
        text("end_date") < text("start_date")) {
        problems.push_back({"end_date", "the measure ends before it starts", "die Maßnahme endet vor ihrem Beginn"});
    }
    return problems;
}

}  // namespace

const FieldSpec* FormSpec::find(std::string_view name) const {
    for (const auto& field : fields) {
        if (field.name == name) return &field;
    }
    return nullptr;
}

FormSpec formFor(LayerId layer) {
    switch (layer) {
        case LayerId::Incidents:
            return {layer, kIncidentForm};
        case LayerId::Graffiti:
            return {layer, kGraffitiForm};
        case LayerId::Routes:
            return {layer, kRouteForm};
        case LayerId::Visits:
            return {layer, kVisitForm};
        case LayerId::Measures:
            return {layer, kMeasureForm};
        case LayerId::Observations:
            return {layer, kObservationForm};
        case LayerId::Districts:
            return {layer, kDistrictForm};
        default:
            throw core::UsageError("layer " + std::string(core::layerInfo(layer).name) +
                                   " is part of the OSM base map and has no edit form");
    }
}

// [validate]
std::vector<FieldProblem> validate(LayerId layer, const AttributeValues& values) {
    AttributeValues out;
    return check(layer, values, out);
}

AttributeValues normalized(LayerId layer, const AttributeValues& values) {
    AttributeValues out;
    auto problems = check(layer, values, out);
    if (!problems.empty()) throw ValidationError(layer, std::move(problems));
    return out;
}

namespace {
std::string validationMessage(LayerId layer, const std::vector<FieldProblem>& problems) {
    std::string message = "layer " + std::string(core::layerInfo(layer).name) + ": ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (i > 0) message += "; ";
        message += "field '" + problems[i].field + "': " + problems[i].message;
    }
    return message + "; nothing was saved";
}
}  // namespace

ValidationError::ValidationError(LayerId layer, std::vector<FieldProblem> problems)
    : core::InputError(validationMessage(layer, problems)), m_problems(std::move(problems)) {}

}  // namespace lb::edit
