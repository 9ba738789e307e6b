// The help markup parser, and the embedded help texts: both languages, the same sections, only characters
// the UI font is loaded with.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/help_document.hpp"
#include "ui/theme.hpp"

namespace lb::ui {
namespace {

using Kind = HelpBlock::Kind;

std::vector<std::string> sectionIds(const HelpDocument& doc) {
    std::vector<std::string> ids;
    for (const HelpBlock* section : doc.sections()) ids.push_back(section->id);
    return ids;
}

TEST(HelpDocument, ParsesTitleSectionsParagraphsListsAndNotes) {
    const auto doc = parseHelp(
        "# Handbuch\r\n"
        "\n"
        "## Kerndichte {#kde}\n"
        "Erste Zeile\n"
        "zweite Zeile.\n"
        "- Radius: wie weit\n"
        "  ein Vorfall reicht\n"
        "- Zelle\n"
        "Danach ein Absatz.\n"
        "\n"
        "### Beispiel\n"
        "3. dritter Schritt\n"
        "> Hinweis eins\n"
        "> Hinweis zwei\n");
    EXPECT_TRUE(doc.problems.empty()) << doc.problems.front();
    EXPECT_EQ(doc.title, "Handbuch");
    ASSERT_EQ(doc.blocks.size(), 8u);
    EXPECT_EQ(doc.blocks[0].kind, Kind::Section);
    EXPECT_EQ(doc.blocks[0].text, "Kerndichte");
    EXPECT_EQ(doc.blocks[0].id, "kde");
    EXPECT_EQ(doc.blocks[1].kind, Kind::Paragraph);
    EXPECT_EQ(doc.blocks[1].text, "Erste Zeile zweite Zeile.");
    EXPECT_EQ(doc.blocks[2].kind, Kind::Bullet);
    EXPECT_EQ(doc.blocks[2].text, "Radius: wie weit ein Vorfall reicht");
    EXPECT_EQ(doc.blocks[3].kind, Kind::Bullet);
    EXPECT_EQ(doc.blocks[3].text, "Zelle");
    EXPECT_EQ(doc.blocks[4].kind, Kind::Paragraph);  // not indented: no continuation of the item
    EXPECT_EQ(doc.blocks[4].text, "Danach ein Absatz.");
    EXPECT_EQ(doc.blocks[5].kind, Kind::Heading);
    EXPECT_EQ(doc.blocks[6].kind, Kind::Numbered);
    EXPECT_EQ(doc.blocks[6].number, 3);
    EXPECT_EQ(doc.blocks[6].text, "dritter Schritt");
    EXPECT_EQ(doc.blocks[7].kind, Kind::Note);
    EXPECT_EQ(doc.blocks[7].text, "Hinweis eins Hinweis zwei");
    EXPECT_EQ(sectionIds(doc), std::vector<std::string>{"kde"});
}

TEST(HelpDocument, ReportsMarkupMistakesWithTheirLine) {
    const auto doc = parseHelp(
        "Text vorher\n# Titel\n## Ohne Anker\n## Eins {#a}\n## Zwei {#a}\n## Drei {#Groß}\n# Noch ein Titel\n");
    ASSERT_EQ(doc.problems.size(), 5u);
    EXPECT_EQ(doc.problems[0], "line 1: text before the title (# Title)");
    EXPECT_EQ(doc.problems[1], "line 3: section \"Ohne Anker\" has no {#id}");
    EXPECT_EQ(doc.problems[2], "line 5: section id \"a\" is used twice");
    EXPECT_NE(doc.problems[3].find("line 6: section id \"Groß\""), std::string::npos);
    EXPECT_EQ(doc.problems[4], "line 7: a second title; use ## for a section");
    // The text stays readable.
    EXPECT_EQ(doc.title, "Titel");
    EXPECT_EQ(doc.sections().size(), 4u);
    EXPECT_FALSE(parseHelp("").problems.empty());
}

// Decodes UTF-8; an invalid sequence gives U+FFFD (which the font check then rejects).
std::vector<char32_t> codePoints(std::string_view text) {
    std::vector<char32_t> result;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (length == 0 || i + length > text.size()) {
            result.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = length == 1 ? c : c & (0x7F >> length);
        for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        result.push_back(cp);
        i += length;
    }
    return result;
}

class EmbeddedHelp : public ::testing::TestWithParam<HelpPage> {};

TEST_P(EmbeddedHelp, GermanAndEnglishHaveTheSameSections) {
    const HelpPage page = GetParam();
    const auto de = parseHelp(helpMarkup(page, Language::German));
    const auto en = parseHelp(helpMarkup(page, Language::English));
    for (const auto* doc : {&de, &en}) {
        EXPECT_TRUE(doc->problems.empty()) << helpPageName(page) << ": " << doc->problems.front();
        EXPECT_FALSE(doc->title.empty());
        EXPECT_GE(doc->sections().size(), 8u) << helpPageName(page);
    }
    EXPECT_NE(de.title, en.title);
    EXPECT_EQ(sectionIds(de), sectionIds(en)) << helpPageName(page);
    // Every section says something, in both languages, and the sections are translated.
    const auto deSections = de.sections();
    const auto enSections = en.sections();
    for (std::size_t i = 0; i < std::min(deSections.size(), enSections.size()); ++i) {
        EXPECT_NE(deSections[i]->text, enSections[i]->text) << deSections[i]->id << " is not translated";
    }
    for (const auto* doc : {&de, &en}) {
        for (std::size_t i = 0; i < doc->blocks.size(); ++i) {
            if (doc->blocks[i].kind != Kind::Section) continue;
            const bool empty = i + 1 == doc->blocks.size() || doc->blocks[i + 1].kind == Kind::Section;
            EXPECT_FALSE(empty) << helpPageName(page) << ": section " << doc->blocks[i].id << " is empty";
        }
    }
}

TEST_P(EmbeddedHelp, UsesOnlyCharactersTheUiFontHas) {
    for (const Language language : {Language::German, Language::English}) {
        const auto markup = helpMarkup(GetParam(), language);
        for (const char32_t c : codePoints(markup)) {
            const bool latin1 = c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF);
            const bool extra = std::find(std::begin(theme::kExtraGlyphs), std::end(theme::kExtraGlyphs), c) !=
                               std::end(theme::kExtraGlyphs);
            EXPECT_TRUE(latin1 || extra) << helpPageName(GetParam()) << " (" << languageCode(language) << ") has U+"
                                         << std::hex << static_cast<unsigned>(c);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Pages, EmbeddedHelp, ::testing::ValuesIn(kHelpPages),
                         [](const auto& param) { return std::string(helpPageName(param.param)); });

TEST(EmbeddedHelp, ManualExplainsTheAnalysisParametersAndPrivacy) {
    const auto ids = sectionIds(parseHelp(helpMarkup(HelpPage::Manual, Language::German)));
    for (const std::string id : {"kde", "gistar", "small-numbers", "privacy", "query", "field", "export"}) {
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << "the manual has no section " << id;
    }
    const std::string de(helpMarkup(HelpPage::Manual, Language::German));
    for (const char* term :
         {"Radius", "Zellgröße", "Distanzband", "FDR", "Hotspot", "Coldspot", "§ 65 SGB VIII", "--public"}) {
        EXPECT_NE(de.find(term), std::string::npos) << term;
    }
}

}  // namespace
}  // namespace lb::ui
