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
                                bool publicMode);

struct LoadedMap {
    render::Style style;
    render::SceneSnapshot scene;
    render::RenderOptions options;
    core::BBox extent;
    std::shared_ptr<render::RasterOverlay> heatmap;  // --heatmap: density of all incidents
};

LoadedMap loadMap(project::Session& session, const project::MapRequest& request, const std::string& styleFile,
                  bool heatmap = false);

}  // namespace lb::cli
