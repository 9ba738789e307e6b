#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lb::core {

// Controlled vocabularies of the thematic layers (German, as the UI and reports show them). They live in
// core because the importers (project/) and the edit forms (edit/) both check values against them.

// Graffiti status lifecycle: gemeldet → begutachtet → entfernt / legal gestaltet → erneut besprüht.
inline constexpr std::array<std::string_view, 5> kGraffitiStatuses{"gemeldet", "begutachtet", "entfernt",
                                                                   "legal gestaltet", "erneut besprüht"};
inline constexpr std::array<std::string_view, 9> kMeasureTypes{
    "Beleuchtung",    "Rückschnitt/Sichtachsen",         "Platzgestaltung",         "Wegeführung",
    "Abfallbehälter", "Wandgestaltung/legales Graffiti", "Sozialbüro/Anlaufstelle", "Videoschutz",
    "Sonstiges"};
inline constexpr std::array<std::string_view, 3> kMeasureStatuses{"geplant", "in Umsetzung", "umgesetzt"};
inline constexpr std::array<std::string_view, 7> kObservationCategories{
    "Treffpunkt", "Graffiti", "Müll", "Spritzen/Drogenfund", "Defekte Beleuchtung", "Angstraum", "Sonstiges"};

// Lower-cases (ASCII and umlauts), trims, and spells ä/ö/ü/ß as ae/oe/ue/ss and _/- as space, so that
// "Muell", "müll " and "MÜLL" compare equal.
std::string normaliseForMatch(std::string_view text);

// Finds `text` in a vocabulary with normaliseForMatch; returns the canonical spelling.
template <std::size_t N>
std::optional<std::string> matchVocabulary(const std::array<std::string_view, N>& vocabulary, std::string_view text) {
    const std::string wanted = normaliseForMatch(text);
    for (const auto& entry : vocabulary) {
        if (normaliseForMatch(entry) == wanted) return std::string(entry);
    }
    return std::nullopt;
}

template <std::size_t N>
std::string joinVocabulary(const std::array<std::string_view, N>& vocabulary) {
    std::string out;
    for (const auto& entry : vocabulary) {
        if (!out.empty()) out += ", ";
        out += entry;
    }
    return out;
}

}  // namespace lb::core
