#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lb::core {

// Fields of action (Handlungsfelder) of municipal crime prevention. The id is what the project stores in
// `category`; labels are for the UI and reports.
// The German/English labels live here and not in the UI catalogue (assets/i18n/): import recognises both
// (parseFieldOfAction) and the forms, the attribute table, the CLI and reports show them, all below ui/.
enum class FieldOfAction { Graffiti, Vermuellung, Gewalt, Extremismus, Drogen, Sonstiges };

struct FieldOfActionInfo {
    FieldOfAction field;
    std::string_view id;       // stored value: "graffiti", "vermuellung", ...
    std::string_view labelDe;  // "Graffiti/Sachbeschädigung"
    std::string_view labelEn;  // "Graffiti/criminal damage"
};

inline constexpr std::array<FieldOfActionInfo, 6> kFieldsOfAction{{
    {FieldOfAction::Graffiti, "graffiti", "Graffiti/Sachbeschädigung", "Graffiti/criminal damage"},
    {FieldOfAction::Vermuellung, "vermuellung", "Vermüllung", "Littering"},
    {FieldOfAction::Gewalt, "gewalt", "Gewalt", "Violence"},
    {FieldOfAction::Extremismus, "extremismus", "Extremismus", "Extremism"},
    {FieldOfAction::Drogen, "drogen", "Drogen", "Drugs"},
    {FieldOfAction::Sonstiges, "sonstiges", "Sonstiges", "Other"},
}};

const FieldOfActionInfo& fieldOfActionInfo(FieldOfAction field);

// Recognises ids, German and English labels and common offence words of police exports
// ("Sachbeschädigung", "Körperverletzung", "BtM", "Vermüllung", ...), case-insensitively.
// Returns nothing for text it does not recognise.
std::optional<FieldOfAction> parseFieldOfAction(std::string_view text);

// Lower-cases ASCII and the German umlauts in UTF-8 and trims whitespace.
std::string foldGerman(std::string_view text);

}  // namespace lb::core
