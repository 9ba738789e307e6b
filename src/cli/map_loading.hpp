#pragma once

#include <memory>
#include <string>

#include "core/bbox.hpp"
#include "project/map_request.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::project {
class Session;
}

namespace lb::cli {

// What `render` and `bench-render` share: the flags read into a map request, and the project's scene,
// style and options loaded for it.
project::MapRequest makeRequest(const std::string& size, const std::string& bbox, const std::string& layers,
                                bool publicMode, int k = project::kMinimumPublicK);

// A map as it leaves the program: scene, options and heat map as the request's gate released them.
struct LoadedMap {
    render::Style style;
    project::Released<render::SceneSnapshot> scene;
    project::Released<render::RenderOptions> options;
    core::BBox extent;
    // --heatmap: density of all incidents (public: the gate's public density); nullptr otherwise.
    project::Released<std::shared_ptr<const render::RasterOverlay>> heatmap;
};

LoadedMap loadMap(project::Session& session, const project::MapRequest& request, const std::string& styleFile,
                  bool heatmap = false);

}  // namespace lb::cli
