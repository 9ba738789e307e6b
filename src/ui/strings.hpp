#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "ui/string_ids.hpp"  // enum class Str, generated from assets/i18n/ by cmake/EmbedStrings.cmake

namespace lb::ui {

// The UI language; German is the default (DESIGN.md: municipal users in Saxony).
enum class Language { German, English };

// "de" / "en" and back; unknown codes give German.
std::string_view languageCode(Language language);
Language languageFromCode(std::string_view code);

// Every UI text is data: assets/i18n/de.json and en.json hold one "dotted.key": "text" per line, embedded
// at build time; the build fails when the two do not have the same keys and placeholders. Str (generated)
// has one id per key. Texts with arguments are fmt patterns with positional placeholders ("{0} von {1}
// Zeilen") and are shown through Translator::format, never as a printf format.
struct StringEntry {
    Str id;
    std::string_view key;   // "menu.project"
    std::string_view de;    // null-terminated
    std::string_view en;    // null-terminated
    bool menuEntry;         // key "menu.…": shown in the menu bar, German and English must differ
    std::size_t arguments;  // number of placeholders ({0} … {arguments - 1})
};

// The whole table, in Str order, which is key order.
std::span<const StringEntry> allStrings();

// The id of a key ("menu.project" → Str::MenuProject); nothing for an unknown key.
std::optional<Str> strFromKey(std::string_view key);

// The catalogue assets/i18n/<code>.json as it was embedded (for the tests that re-read it).
std::string_view catalogueSource(Language language);

// The text of an id in a language; texts are static and null-terminated. A text with placeholders is
// returned as its pattern; use Translator::format for it.
const char* text(Str id, Language language);

// The text of `id` with `args` (fmt::format_args of `argumentCount` values) filled in. A wrong number of
// arguments or a pattern fmt rejects gives the pattern with a visible "[format error …]" note instead of
// throwing, so that a mistake shows on screen and in tests rather than ending the program.
std::string formatText(Str id, Language language, fmt::format_args args, std::size_t argumentCount);

// A German / English label for a project table column ("category" → "Kategorie"; catalogue keys
// "column.<name>"); the column name itself when there is none.
std::string_view columnLabel(std::string_view column, Language language);

// The display name of a project layer ("incidents" → "Vorfälle" / "Incidents"; catalogue keys
// "layer.<name>", the German ones equal to core::layerInfo's display names). Unknown names are returned
// as they are.
std::string_view layerLabel(std::string_view layer, Language language);

// Binds a language for one frame's worth of lookups: tr(Str::MenuOpen), tr.format(Str::TableRows, a, b).
class Translator {
public:
    explicit Translator(Language language = Language::German) : m_language(language) {}
    Language language() const { return m_language; }
    const char* operator()(Str id) const { return text(id, m_language); }
    template <typename... Args>
    std::string format(Str id, const Args&... args) const {
        return formatText(id, m_language, fmt::make_format_args(args...), sizeof...(Args));
    }
    std::string_view column(std::string_view name) const { return columnLabel(name, m_language); }
    std::string_view layer(std::string_view name) const { return layerLabel(name, m_language); }

private:
    Language m_language;
};

}  // namespace lb::ui
