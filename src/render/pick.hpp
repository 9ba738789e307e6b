#pragma once

#include <optional>

#include "render/map_view.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render {

// The topmost visible feature under a screen position, as drawn: points within their symbol, lines
// within their width, polygons containing the position (holes excluded), each with `tolerance` extra
// pixels. Layers are searched top to bottom in drawing order.
std::optional<FeatureRef> pick(const Scene& scene, const Style& style, const MapView& view,
                               const RenderOptions& options, double sx, double sy, double tolerance = 3);

// The layer names in drawing order (bottom to top) for the options: the style's order, or the options'.
std::vector<std::string> drawingOrder(const Style& style, const RenderOptions& options);

}  // namespace lb::render
