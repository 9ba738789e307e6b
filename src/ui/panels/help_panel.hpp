#pragma once

#include <array>
#include <string>

#include "ui/help_document.hpp"
#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;

// Hilfe → Erste Schritte / Handbuch: the embedded help texts in the UI language, one tab per document,
// the sections listed on the left (a click scrolls to one).
class HelpPanel : public Panel {
public:
    explicit HelpPanel(Workspace& workspace) : Panel(false), m_workspace(workspace) {}
    std::string_view id() const override { return "help"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Opens the window on a page, optionally scrolled to a section id (e.g. "kde").
    void show(HelpPage page, std::string section = {});

private:
    const HelpDocument& document(HelpPage page);
    void drawPage(HelpPage page);
    void drawBlocks(const HelpDocument& doc);

    Workspace& m_workspace;
    HelpPage m_page = HelpPage::FirstSteps;
    bool m_selectTab = false;  // the next frame selects m_page's tab
    std::string m_jumpTo;      // section id to scroll to in the next frame
    // Parsed when first shown and again when the language changes (parsing is cheap; the text is in memory).
    std::array<HelpDocument, 2> m_documents;
    std::array<bool, 2> m_parsed{};
    Language m_parsedLanguage = Language::German;
};

}  // namespace lb::ui
