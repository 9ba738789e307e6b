#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/progress.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

struct OsmImportReport {
    std::map<core::LayerId, std::int64_t> counts;  // features written per base-map layer
    std::vector<std::string> warnings;             // read problems worked around (io::OsmReader::warnings)
};

// Imports the OSM base map: replaces the roads, buildings, landuse, water, railways and pois layers with
// the file's content, reprojected to the project CRS, in one transaction — on any error or cancellation
// the project is left as it was. A file that yields no base-map feature at all (empty, header-only, cut
// off) throws core::InputError rather than wiping the base map.
OsmImportReport importOsm(store::ProjectStore& store, const std::filesystem::path& file, core::Progress& progress);

}  // namespace lb::project
