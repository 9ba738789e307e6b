#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>

#include "ui/strings.hpp"

namespace lb::ui {
namespace {

TEST(Strings, TableHasEveryIdInOrder) {
    const auto strings = allStrings();
    ASSERT_EQ(strings.size(), static_cast<std::size_t>(Str::Count));
    for (std::size_t i = 0; i < strings.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(strings[i].id), i) << "entry " << i << " (" << strings[i].key << ")";
    }
}

TEST(Strings, EveryIdHasGermanAndEnglishText) {
    std::set<std::string> keys;
    for (const auto& entry : allStrings()) {
        EXPECT_FALSE(entry.key.empty());
        EXPECT_TRUE(keys.insert(std::string(entry.key)).second) << "duplicate key " << entry.key;
        EXPECT_FALSE(entry.de.empty()) << entry.key;
        EXPECT_FALSE(entry.en.empty()) << entry.key;
        EXPECT_STREQ(text(entry.id, Language::German), std::string(entry.de).c_str());
        EXPECT_STREQ(text(entry.id, Language::English), std::string(entry.en).c_str());
    }
}

TEST(Strings, MenuEntriesAreTranslated) {
    int menuEntries = 0;
    for (const auto& entry : allStrings()) {
        if (!entry.menuEntry) continue;
        ++menuEntries;
        EXPECT_NE(entry.de, entry.en) << entry.key << " is not translated";
    }
    EXPECT_GE(menuEntries, 20);
    EXPECT_STREQ(text(Str::MenuProject, Language::German), "Projekt");
    EXPECT_STREQ(text(Str::MenuOpen, Language::German), "Öffnen…");
    EXPECT_STREQ(text(Str::MenuExportPng, Language::English), "Map as PNG…");
}

TEST(Strings, FormatPlaceholdersMatch) {
    auto placeholders = [](std::string_view s) {
        std::string out;
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            if (s[i] == '%') out += s[++i];
        }
        return out;
    };
    for (const auto& entry : allStrings()) {
        EXPECT_EQ(placeholders(entry.de), placeholders(entry.en)) << entry.key;
    }
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
    EXPECT_EQ(languageFromCode("en"), Language::English);
    EXPECT_EQ(languageFromCode("xx"), Language::German);
    EXPECT_EQ(languageCode(Language::German), "de");
}

}  // namespace
}  // namespace lb::ui
