#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>

#include "core/layer.hpp"

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
struct Layout;
struct DockState;

// The layer list (left): visibility, opacity, drawing order, the main class colour and "zoom to layer",
// top layer first as in other GIS. It is the left dock: the title bar's arrow collapses it into a strip.
class LayerPanel : public Panel {
public:
    LayerPanel(Workspace& workspace, const Layout& layout, DockState& docks);
    std::string_view id() const override { return "layers"; }
    void draw() override;
    // What "Tabelle" does: opens the attribute table on a layer (set by the Shell).
    void setOpenTableHook(std::function<void(core::LayerId)> hook) { m_openTable = std::move(hook); }

private:
    void drawRow(const std::string& layer, std::size_t index, std::size_t count);

    Workspace& m_workspace;
    const Layout& m_layout;
    DockState& m_docks;
    std::string m_expanded = "incidents";  // the layer whose details are shown
    std::map<std::string, std::array<float, 3>> m_colorEdits;
    std::function<void(core::LayerId)> m_openTable;  // colour being edited, per layer
};

}  // namespace lb::ui
