#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
struct Layout;

// The bottom line: cursor position (project CRS and WGS84), scale, resolution, zoom level, feature count,
// frame time, and the progress of a running job.
class StatusBarPanel : public Panel {
public:
    StatusBarPanel(Workspace& workspace, const Layout& layout);
    std::string_view id() const override { return "status_bar"; }
    void draw() override;

private:
    Workspace& m_workspace;
    const Layout& m_layout;
};

}  // namespace lb::ui
