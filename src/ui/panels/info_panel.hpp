#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
struct Layout;

// The attributes of the feature picked on the map (right), with German column labels.
class InfoPanel : public Panel {
public:
    InfoPanel(Workspace& workspace, const Layout& layout);
    std::string_view id() const override { return "info"; }
    void draw() override;

private:
    Workspace& m_workspace;
    const Layout& m_layout;
};

}  // namespace lb::ui
