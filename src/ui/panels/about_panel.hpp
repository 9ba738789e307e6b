#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;

// Hilfe → Über Lagebild: version, purpose, the OpenStreetMap attribution.
class AboutPanel : public Panel {
public:
    explicit AboutPanel(Workspace& workspace) : Panel(false), m_workspace(workspace) {}
    std::string_view id() const override { return "about"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

private:
    Workspace& m_workspace;
};

}  // namespace lb::ui
