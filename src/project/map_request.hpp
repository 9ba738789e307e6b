#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bbox.hpp"
#include "render/render_options.hpp"

namespace lb::project {

// What `lagebild render`, `bench-render` and the GUI's export share: which layers, which part of the
// map, and whether the picture is for the public (no raw personal or police data).
struct MapRequest {
    int width = 1600;
    int height = 1200;
    std::optional<core::BBox> bbox;   // project CRS; default: the extent of the drawn layers
    std::vector<std::string> layers;  // empty = the style's default layers
    bool publicMode = false;
};

// "1920x1080" → (1920, 1080); throws core::UsageError naming the flag on anything else or sizes outside
// 16..16384.
std::pair<int, int> parseSize(const std::string& text, const std::string& flag);
// "roads,incidents" → checked layer names; throws core::UsageError for unknown layers.
std::vector<std::string> parseLayerList(const std::string& text, const std::string& flag);

// The public gate of every picture for the public (`render --public`, the GUI's PNG export, "öffentlich"):
// whether a layer's raw features stay out (DSGVO: core::LayerInfo::sensitive — incidents, routes, visits,
// observations).
bool hiddenInPublic(std::string_view layer);
// Applies the gate to render options: the sensitive layers hidden whatever was asked, no highlighted
// selection or query matches (they are raw features too). Aggregates (heatmap, Gi* cells) stay.
void applyPublicGate(render::RenderOptions& options);

// The render options for a request: visibility from `layers` (or the style's defaults); in public mode
// through applyPublicGate.
render::RenderOptions renderOptionsFor(const MapRequest& request, const std::vector<std::string>& styleLayers);
// The layers to load for a request.
std::vector<std::string> layersToLoad(const MapRequest& request);

}  // namespace lb::project
