#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lb::edit {

class EditSession;

// The big buttons of field mode. The value is the observation category stored (core::kObservationCategories).
// Their German/English labels live beside the kinds, not in the UI catalogue (assets/i18n/): the observation
// form's choices (form_spec.cpp) are built from them, and edit/ sits below ui/.
enum class FieldMarkKind { Treffpunkt, Graffiti, Muell, SpritzenDrogenfund, DefekteBeleuchtung, Angstraum, Sonstiges };

struct FieldMarkInfo {
    FieldMarkKind kind;
    std::string_view id;        // stable id: "treffpunkt", "graffiti", ...
    std::string_view category;  // stored observation category (German)
    std::string_view labelDe;
    std::string_view labelEn;
};
inline constexpr std::array<FieldMarkInfo, 7> kFieldMarks{{
    {FieldMarkKind::Treffpunkt, "treffpunkt", "Treffpunkt", "Treffpunkt", "Meeting point"},
    {FieldMarkKind::Graffiti, "graffiti", "Graffiti", "Graffiti", "Graffiti"},
    {FieldMarkKind::Muell, "muell", "Müll", "Müll", "Litter"},
    {FieldMarkKind::SpritzenDrogenfund, "spritzen", "Spritzen/Drogenfund", "Spritzen/Drogenfund",
     "Needles/drugs found"},
    {FieldMarkKind::DefekteBeleuchtung, "beleuchtung", "Defekte Beleuchtung", "Defekte Beleuchtung", "Broken lighting"},
    {FieldMarkKind::Angstraum, "angstraum", "Angstraum", "Angstraum", "Place of fear"},
    {FieldMarkKind::Sonstiges, "sonstiges", "Sonstiges", "Sonstiges", "Other"},
}};
const FieldMarkInfo& fieldMarkInfo(FieldMarkKind kind);

struct FieldMarkResult {
    std::string observationUuid;
    std::string graffitiUuid;  // empty unless kind == Graffiti
};

// One button press in field mode, saved at once as one undoable edit: an observation at (x, y) in the
// project CRS with the current time, the category of the button, the note and an optional photo (JPEG or
// PNG). The Graffiti button also creates a graffiti site at the same place with status "gemeldet" dated
// today, so that the planner's graffiti layer sees every report without retyping it; the observation's
// attrs record the site's uuid ({"graffiti_uuid": ...}). Throws ValidationError / core::InputError for a
// bad photo or note; then nothing is saved.
FieldMarkResult markField(EditSession& session, FieldMarkKind kind, double x, double y, const std::string& note,
                          const std::optional<std::vector<std::uint8_t>>& photo = std::nullopt);

}  // namespace lb::edit
