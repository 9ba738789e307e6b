#include "ui/layer_options.hpp"

#include <algorithm>

#include "render/pick.hpp"

namespace lb::ui {

std::vector<std::string> LayerOptions::order() const {
    return render::drawingOrder(m_style, m_options);
}

render::LayerState LayerOptions::state(const std::string& layer) const {
    const auto* style = m_style.find(layer);
    return m_options.state(layer, style ? style->visibleByDefault : true);
}

std::optional<render::Color> LayerOptions::color(const std::string& layer) const {
    const auto* style = m_style.find(layer);
    if (!style || style->classes.empty()) return std::nullopt;
    const auto& first = style->classes.front();
    if (first.symbolFill) return first.symbolFill;
    if (first.fill) return first.fill;
    if (first.line) return first.line;
    return std::nullopt;
}

void LayerOptions::setVisible(const std::string& layer, bool visible) {
    auto s = state(layer);
    s.visible = visible;
    m_options.layers[layer] = s;
    m_settings.layers[layer] = SavedLayer{s.visible, s.opacity};
    changed();
}

void LayerOptions::setOpacity(const std::string& layer, float opacity) {
    auto s = state(layer);
    s.opacity = std::clamp(opacity, 0.0f, 1.0f);
    m_options.layers[layer] = s;
    m_settings.layers[layer] = SavedLayer{s.visible, s.opacity};
    changed();
}

void LayerOptions::move(const std::string& layer, int delta) {
    auto layers = order();
    auto it = std::find(layers.begin(), layers.end(), layer);
    if (it == layers.end()) return;
    const auto index = static_cast<int>(it - layers.begin());
    const int target = index + delta;
    if (target < 0 || target >= static_cast<int>(layers.size())) return;
    std::swap(layers[index], layers[target]);
    m_options.order = layers;
    m_settings.layerOrder = layers;
    changed();
}

void LayerOptions::setLabels(bool on) {
    m_options.labels = on;
    m_settings.labels = on;
    changed();
}

void LayerOptions::setLegend(bool on) {
    m_options.legend = on;
    m_settings.legend = on;
    changed();
}

void LayerOptions::applySaved() {
    m_options.layers.clear();
    for (const auto& layer : m_style.layers) {
        auto saved = m_settings.layers.find(layer.layer);
        if (saved != m_settings.layers.end()) {
            m_options.layers[layer.layer] = {saved->second.visible, saved->second.opacity};
        }
    }
    // A saved order is used only when it names exactly the style's layers (styles change between versions).
    std::vector<std::string> styleLayers;
    for (const auto& layer : m_style.layers) styleLayers.push_back(layer.layer);
    auto saved = m_settings.layerOrder;
    auto sortedSaved = saved;
    auto sortedStyle = styleLayers;
    std::sort(sortedSaved.begin(), sortedSaved.end());
    std::sort(sortedStyle.begin(), sortedStyle.end());
    m_options.order = sortedSaved == sortedStyle ? saved : std::vector<std::string>{};
}

void LayerOptions::changed() {
    if (m_changed) m_changed();
}

}  // namespace lb::ui
