#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/value.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// Reads the layers the style draws from the project into a render::Scene: geometry in the project CRS,
// the style class of each feature (first non-empty `classBy` column) and its label. Layers with mixed
// geometry (water, measures) become one scene layer per geometry kind. `onlyLayers` (if not empty)
// restricts which project layers are read.
render::Scene loadScene(store::ProjectStore& store, const render::Style& style,
                        const std::vector<std::string>& onlyLayers = {},
                        core::Progress& progress = core::Progress::none());

// Appends the polygon parts of a little-endian WKB geometry to a polygon scene layer as one feature (points
// and lines in it are left out); throws core::InputError for a truncated or unknown geometry.
void appendPolygons(render::SceneLayer& layer, const core::Wkb& wkb, std::int64_t id, std::string_view className);

// The attributes of one feature for the info panel: (column, value) pairs of non-empty values in table
// order, geometry excluded. Throws core::InputError for an unknown layer or id.
std::vector<std::pair<std::string, std::string>> featureAttributes(store::ProjectStore& store, const std::string& layer,
                                                                   std::int64_t id);

// The id (fid) of the feature with this uuid in a thematic layer, or nothing.
std::optional<std::int64_t> featureIdOf(store::ProjectStore& store, core::LayerId layer, const std::string& uuid);

}  // namespace lb::project
