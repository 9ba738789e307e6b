#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/layer.hpp"
#include "ui/strings.hpp"

namespace lb::ui {
namespace {

// The placeholders of an fmt pattern ("{0}", "{1:.1f}"), sorted; "{{" and "}}" are literal braces.
std::vector<std::string> placeholders(const std::string& pattern) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{{") == 0 || pattern.compare(i, 2, "}}") == 0) {
            ++i;
        } else if (pattern[i] == '{') {
            const auto end = pattern.find('}', i);
            if (end == std::string::npos) break;
            out.push_back(pattern.substr(i, end - i + 1));
            i = end;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The shown text of a catalogue entry without placeholders: {{ and }} are single braces.
std::string unescaped(std::string text) {
    for (const char* pair : {"{{", "}}"}) {
        for (auto at = text.find(pair); at != std::string::npos; at = text.find(pair, at + 1)) text.erase(at, 1);
    }
    return text;
}

TEST(Strings, TableHasEveryIdInKeyOrder) {
    const auto strings = allStrings();
    ASSERT_EQ(strings.size(), static_cast<std::size_t>(Str::Count));
    for (std::size_t i = 0; i < strings.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(strings[i].id), i) << "entry " << i << " (" << strings[i].key << ")";
        if (i > 0) EXPECT_LT(strings[i - 1].key, strings[i].key);
        EXPECT_EQ(strFromKey(strings[i].key), strings[i].id) << strings[i].key;
    }
    EXPECT_EQ(strFromKey("menu.project"), Str::MenuProject);
    EXPECT_EQ(strFromKey("menu.import_osm"), Str::MenuImportOsm);
    EXPECT_EQ(strFromKey("no.such_key"), std::nullopt);
    EXPECT_EQ(strFromKey(""), std::nullopt);
}

TEST(Strings, EveryIdHasGermanAndEnglishText) {
    for (const auto& entry : allStrings()) {
        EXPECT_FALSE(entry.de.empty()) << entry.key;
        EXPECT_FALSE(entry.en.empty()) << entry.key;
        EXPECT_STREQ(text(entry.id, Language::German), std::string(entry.de).c_str());
        EXPECT_STREQ(text(entry.id, Language::English), std::string(entry.en).c_str());
    }
}

// The build checks the catalogues (cmake/EmbedStrings.cmake); this reads the embedded JSON again with another
// parser, so that a fault in the generator does not go unseen either.
TEST(Strings, CataloguesHaveTheSameKeysAndPlaceholders) {
    const auto de = nlohmann::json::parse(catalogueSource(Language::German));
    const auto en = nlohmann::json::parse(catalogueSource(Language::English));
    ASSERT_TRUE(de.is_object());
    ASSERT_TRUE(en.is_object());
    std::set<std::string> deKeys, enKeys;
    for (const auto& [key, value] : de.items()) deKeys.insert(key);
    for (const auto& [key, value] : en.items()) enKeys.insert(key);
    EXPECT_EQ(deKeys, enKeys);
    EXPECT_EQ(deKeys.size(), static_cast<std::size_t>(Str::Count));

    for (const auto& key : deKeys) {
        if (!en.contains(key)) continue;
        const std::string deText = de[key].get<std::string>();
        const std::string enText = en[key].get<std::string>();
        EXPECT_FALSE(deText.empty()) << key;
        EXPECT_FALSE(enText.empty()) << key;
        EXPECT_EQ(placeholders(deText), placeholders(enText)) << key;

        const auto id = strFromKey(key);
        ASSERT_TRUE(id.has_value()) << key;
        const StringEntry& entry = allStrings()[static_cast<std::size_t>(*id)];
        const auto found = placeholders(deText);
        EXPECT_EQ(entry.arguments, std::set<std::string>(found.begin(), found.end()).size()) << key;
        for (const auto& placeholder : found) {
            EXPECT_TRUE(placeholder.size() > 2 && std::isdigit(static_cast<unsigned char>(placeholder[1])))
                << key << ": " << placeholder << " lacks its argument's position";
        }
        EXPECT_EQ(std::string(entry.de), entry.arguments ? deText : unescaped(deText)) << key;
        EXPECT_EQ(std::string(entry.en), entry.arguments ? enText : unescaped(enText)) << key;
    }
}

TEST(Strings, MenuEntriesAreTranslated) {
    int menuEntries = 0;
    for (const auto& entry : allStrings()) {
        EXPECT_EQ(entry.menuEntry, entry.key.starts_with("menu.")) << entry.key;
        if (!entry.menuEntry) continue;
        ++menuEntries;
        EXPECT_NE(entry.de, entry.en) << entry.key << " is not translated";
    }
    EXPECT_GE(menuEntries, 20);
    EXPECT_STREQ(text(Str::MenuProject, Language::German), "Projekt");
    EXPECT_STREQ(text(Str::MenuOpen, Language::German), "Öffnen…");
    EXPECT_STREQ(text(Str::MenuExportPng, Language::English), "Map as PNG…");
}

TEST(Strings, FormatFillsPositionalArguments) {
    const Translator de(Language::German);
    const Translator en(Language::English);
    EXPECT_EQ(de.format(Str::TableRows, "12", "3.400"), "12 von 3.400 Zeilen");
    EXPECT_EQ(en.format(Str::TableRows, "12", "3,400"), "12 of 3,400 rows");
    EXPECT_EQ(de.format(Str::NoticeImported, "vorfaelle.csv", 120LL, 3LL),
              "vorfaelle.csv: 120 Objekte importiert, 3 abgewiesen.");
    EXPECT_EQ(en.format(Str::NoticeImported, std::string("incidents.csv"), 120LL, 0LL),
              "incidents.csv: 120 features imported, 0 rejected.");
    EXPECT_EQ(de.format(Str::QueryHoursRange, 20, 4), "20:00 bis 4:00 Uhr");
    EXPECT_EQ(en.format(Str::DeleteText, std::string_view("Graffiti sites"), 17LL),
              "Graffiti sites no. 17 will be deleted. Ctrl+Z undoes it.");
    EXPECT_EQ(de.format(Str::GraffitiDerived, "–", 2, "1.250"),
              "Tage bis zur Entfernung: – · erneut besprüht: 2× · Kosten gesamt: 1.250 €");
    EXPECT_EQ(en.format(Str::CalendarVisits, 3, 11LL), "3 visits, 11 contacts");
    // A text without placeholders formats to itself.
    EXPECT_EQ(de.format(Str::MenuProject), "Projekt");
}

TEST(Strings, WrongArgumentCountIsCaughtNotUndefined) {
    const Translator de(Language::German);
    std::string shown;
    ASSERT_NO_THROW(shown = de.format(Str::TableRows, "12"));
    EXPECT_NE(shown.find("[format error: table.rows"), std::string::npos) << shown;
    EXPECT_EQ(shown.rfind("{0} von {1} Zeilen", 0), 0u) << shown;
    ASSERT_NO_THROW(shown = de.format(Str::TableRows, "1", "2", "3"));
    EXPECT_NE(shown.find("[format error"), std::string::npos) << shown;
    ASSERT_NO_THROW(shown = de.format(Str::MenuProject, 1));
    EXPECT_NE(shown.find("[format error"), std::string::npos) << shown;
    ASSERT_NO_THROW(shown = Translator(Language::English).format(Str::NoticeImported));
    EXPECT_NE(shown.find("[format error"), std::string::npos) << shown;
}

TEST(Strings, ColumnAndLayerLabels) {
    EXPECT_EQ(columnLabel("category", Language::German), "Kategorie");
    EXPECT_EQ(columnLabel("time", Language::German), "Zeitpunkt");
    EXPECT_EQ(columnLabel("highway", Language::German), "Straßenklasse");
    EXPECT_EQ(columnLabel("lit", Language::German), "Beleuchtet");
    EXPECT_EQ(columnLabel("highway", Language::English), "Road class");
    EXPECT_EQ(columnLabel("no_such_column", Language::German), "no_such_column");
    EXPECT_EQ(layerLabel("incidents", Language::German), "Vorfälle");
    EXPECT_EQ(layerLabel("incidents", Language::English), "Incidents");
    EXPECT_EQ(layerLabel("no_such_layer", Language::English), "no_such_layer");
    EXPECT_EQ(languageFromCode("en"), Language::English);
    EXPECT_EQ(languageFromCode("xx"), Language::German);
    EXPECT_EQ(languageCode(Language::German), "de");
}

// The German layer names are core's (the CLI's `info` prints them too); the catalogue must not drift from them.
TEST(Strings, EveryLayerHasLabelsAndGermanMatchesCore) {
    for (const auto& info : core::kLayers) {
        const std::string key = "layer." + std::string(info.name);
        ASSERT_TRUE(strFromKey(key).has_value()) << key;
        EXPECT_EQ(layerLabel(info.name, Language::German), info.displayName) << key;
        EXPECT_NE(layerLabel(info.name, Language::English), info.name) << key;
    }
}

}  // namespace
}  // namespace lb::ui
