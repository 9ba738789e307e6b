#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;

// Shows the workspace's notices (import reports, errors) one at a time as a modal message box.
class NoticePanel : public Panel {
public:
    explicit NoticePanel(Workspace& workspace) : Panel(true), m_workspace(workspace) {}
    std::string_view id() const override { return "notices"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

private:
    Workspace& m_workspace;
    bool m_enterArmed = false;  // Enter was up since the notice opened
};

}  // namespace lb::ui
