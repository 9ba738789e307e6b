#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// What of the file to keep (import-osm --bbox, --bbox-wgs84, --boundary); at most one of them. Features
// are cut at the edge while reading: a road that leaves the town ends at its boundary, nothing outside is
// kept.
struct OsmClip {
    std::optional<core::BBox> bbox;       // project CRS
    std::optional<core::BBox> bboxWgs84;  // longitude, latitude
    std::string boundary;                 // the name of an administrative boundary relation in the file
    bool any() const { return bbox || bboxWgs84 || !boundary.empty(); }
};

struct OsmImportReport {
    std::map<core::LayerId, std::int64_t> counts;  // features written per base-map layer
    std::vector<std::string> warnings;             // read problems worked around (io::OsmReader::warnings)
    // With a clip: what it was ("boundary Glauchau (admin_level 8, relation 62565)"), its area, and how many
    // features were cut at its edge or left out.
    std::string clip;
    double clipAreaKm2 = 0;
    std::int64_t cut = 0;
    std::int64_t outside = 0;
};

// Imports the OSM base map: replaces the roads, buildings, landuse, water, railways and pois layers with
// the file's content, reprojected to the project CRS, in one transaction — on any error or cancellation
// the project is left as it was. A file that yields no base-map feature at all (empty, header-only, cut
// off) throws core::InputError rather than wiping the base map.
// With a clip only what lies inside is written; a boundary name the file does not have throws
// core::InputError listing the boundaries it does have.
OsmImportReport importOsm(store::ProjectStore& store, const std::filesystem::path& file, core::Progress& progress,
                          const OsmClip& clip = {});

}  // namespace lb::project
