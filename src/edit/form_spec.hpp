#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/layer.hpp"
#include "edit/attribute_values.hpp"

namespace lb::edit {

// The attribute form of a thematic layer as data: the GUI iterates the fields and draws a widget per type;
// validate() and the edit commands check values against the same data, so nothing half-valid is saved.
//
// Places, not people (§ 65 SGB VIII): the streetwork layers (routes, visits) and observations have no
// field for names or descriptions of persons — visits record times and counts only.

enum class FieldType {
    Text,      // one line
    LongText,  // several lines (notes)
    Integer,
    Real,
    Date,      // stored "YYYY-MM-DD"; accepts "14.03.2025" too
    DateTime,  // stored ISO 8601 Berlin time "2025-03-14T22:15:00+01:00"; accepts "14.03.2025 22:15" too
    Choice,    // one of `choices` (stored value)
    RouteRef,  // the uuid of a feature of layer routes (a dropdown of route names in the GUI)
};

// Labels, hints and problem messages come in German and English here, not from the UI catalogue
// (assets/i18n/): the form specs are edit/'s data, validated and used below ui/ (field packages, CLI
// imports that check values against them), and a field's label belongs with its rules.
struct ChoiceSpec {
    std::string_view value;  // stored value
    std::string_view labelDe;
    std::string_view labelEn;
};

struct FieldSpec {
    std::string_view name{};  // column name
    FieldType type = FieldType::Text;
    std::string_view labelDe{};
    std::string_view labelEn{};
    bool required = false;
    // Shown but not edited in the form: derived (visit duration) or changed by a dedicated action
    // (graffiti status: setGraffitiStatus keeps the history).
    bool readOnly = false;
    std::optional<double> min{};            // Integer/Real: smallest allowed value
    std::optional<double> max{};            // Integer/Real: largest allowed value
    std::size_t maxLength = 0;              // Text/LongText: most characters (UTF-8 code points); 0 = no limit
    std::span<const ChoiceSpec> choices{};  // Choice
    std::string_view unit{};                // "m²", "€", "min" (empty: none)
    std::string_view hintDe{};              // help text under the widget (empty: none)
    std::string_view hintEn{};
};

struct FormSpec {
    core::LayerId layer;
    std::span<const FieldSpec> fields;  // in display order

    const FieldSpec* find(std::string_view name) const;
};

// The form of a thematic layer; core::UsageError for base-map layers (they are not edited here).
FormSpec formFor(core::LayerId layer);

// One problem with one field ("geometry" for the geometry, or the column name).
struct FieldProblem {
    std::string field;
    std::string message;    // English, like every error message of the program
    std::string messageDe;  // German, for the form
};

// Checks a complete set of a feature's values (as the form holds them): types, required fields, ranges,
// dates (1990–2100, event times not in the future), choices, text lengths, cross-field rules (end after
// start), and unknown column names. Columns of the layer that the form does not show (ext_id, attrs) pass.
// Empty: valid.
std::vector<FieldProblem> validate(core::LayerId layer, const AttributeValues& values);

// The values as they are stored: dates and times in ISO form, numbers from text ("12,5") as numbers,
// choices in their canonical spelling, blank text as null. Throws ValidationError when validate() finds
// problems.
AttributeValues normalized(core::LayerId layer, const AttributeValues& values);

// Bad attribute values or geometry: the message names the layer and every field with its problem.
class ValidationError : public core::InputError {
public:
    ValidationError(core::LayerId layer, std::vector<FieldProblem> problems);
    const std::vector<FieldProblem>& problems() const { return m_problems; }

private:
    std::vector<FieldProblem> m_problems;
};

}  // namespace lb::edit
