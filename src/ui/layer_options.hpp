#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/render_options.hpp"
#include "render/style.hpp"
#include "ui/settings.hpp"

namespace lb::ui {

// The layer panel's choices on the map: each layer's visibility and opacity, the drawing order, labels and
// the legend. They live in the render options the renderer draws with and are saved in the settings (a
// saved order only while it names exactly the style's layers). After every change the hook runs (the
// workspace counts a new revision and marks the settings for saving). No ImGui, no GL.
class LayerOptions {
public:
    LayerOptions(render::RenderOptions& options, const render::Style& style, Settings& settings)
        : m_options(options), m_style(style), m_settings(settings) {}
    void setChangedHook(std::function<void()> hook) { m_changed = std::move(hook); }

    // Drawing order bottom to top.
    std::vector<std::string> order() const;
    render::LayerState state(const std::string& layer) const;
    // The colour the layer panel shows for a layer: its first class's symbol, fill or line colour.
    std::optional<render::Color> color(const std::string& layer) const;

    void setVisible(const std::string& layer, bool visible);
    void setOpacity(const std::string& layer, float opacity);
    void move(const std::string& layer, int delta);  // +1 = one step up (drawn later)
    void setLabels(bool on);
    void setLegend(bool on);
    // Takes the saved visibility, opacity and order for the style's layers (after a project load).
    void applySaved();

private:
    void changed();

    render::RenderOptions& m_options;
    const render::Style& m_style;
    Settings& m_settings;
    std::function<void()> m_changed;
};

}  // namespace lb::ui
