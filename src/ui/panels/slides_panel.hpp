#pragma once

#include <array>
#include <string>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class Presentation;

// Ansicht → Folien: the project's saved views as slides. Save the current view (with a name and caption),
// rename, move up and down, delete (after a confirmation, with one step of undo), the town logo, and the
// start of the presentation.
class SlidesPanel : public Panel {
public:
    SlidesPanel(Workspace& workspace, Presentation& presentation);
    std::string_view id() const override { return "slides"; }
    void draw() override;

private:
    void drawList();
    void drawDeleteConfirmation();

    Workspace& m_workspace;
    Presentation& m_presentation;
    std::array<char, 128> m_name{};
    std::array<char, 256> m_caption{};
    std::array<char, 512> m_logo{};
    std::array<char, 128> m_rename{};
    std::string m_renaming;  // uuid of the slide whose name is being edited
    std::string m_deleting;  // uuid waiting for the confirmation
    bool m_logoShown = false;
};

}  // namespace lb::ui
