#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;

// Hilfe → Tastenkürzel: a table of actions and keys.
class ShortcutsPanel : public Panel {
public:
    explicit ShortcutsPanel(Workspace& workspace) : Panel(false), m_workspace(workspace) {}
    std::string_view id() const override { return "shortcuts"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

private:
    Workspace& m_workspace;
};

}  // namespace lb::ui
