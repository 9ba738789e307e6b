#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bbox.hpp"
#include "project/public_gate.hpp"
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
    int k = kMinimumPublicK;  // public mode: the smallest count shown (OutputGate::forPublic refuses k < 5)
    // How the picture looks (not what it shows): labels, legend, furniture, the language of legend texts.
    bool labels = true;
    bool legend = true;
    bool furniture = true;
    std::string language = "de";

    // The gate every picture of this request passes: public or internal.
    OutputGate gate() const { return publicMode ? OutputGate::forPublic(k) : OutputGate::internal(); }
};

// "1920x1080" → (1920, 1080); throws core::UsageError naming the flag on anything else or sizes outside
// 16..16384.
std::pair<int, int> parseSize(const std::string& text, const std::string& flag);
// "roads,incidents" → checked layer names; throws core::UsageError for unknown layers.
std::vector<std::string> parseLayerList(const std::string& text, const std::string& flag);

// The render options for a request: visibility from `layers` (or the style's defaults) and its look,
// through the request's gate (public: no sensitive layer, no highlight).
Released<render::RenderOptions> renderOptionsFor(const MapRequest& request,
                                                 const std::vector<std::string>& styleLayers);
// The layers to load for a request (public: none whose raw features may not leave).
std::vector<std::string> layersToLoad(const MapRequest& request);

}  // namespace lb::project
