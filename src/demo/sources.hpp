#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/progress.hpp"
#include "io/import_mapping.hpp"

namespace lb::demo {

struct DemoOptions {
    std::uint64_t seed = 1;
    std::size_t incidents = 20000;
};

// One source file of the demo and how to import it.
struct DemoSource {
    core::LayerId layer;
    std::filesystem::path path;
    io::ImportMapping mapping;
};

struct DemoSources {
    std::filesystem::path osm;         // musterstadt.osm, OSM XML in WGS84
    std::vector<DemoSource> thematic;  // in import order: districts, routes, visits, graffiti, measures,
                                       // observations, incidents
};

// Writes the source files of the fictitious demo town "Musterstadt" (at Glauchau's coordinates) into dir:
// an OSM XML base map and thematic CSV/GeoJSON files. Deterministic for a seed: the same options give
// byte-identical files. The caller imports them through the normal import paths.
//
// Files: musterstadt.osm, districts.geojson, routes.geojson, visits.csv, graffiti.geojson, measures.geojson,
// observations.csv, incidents.csv (police export: semicolons, "dd.mm.yyyy hh:mm", EPSG:25833). The seed drives
// independent random streams for the town and each thematic file, so changing options.incidents changes only
// incidents.csv. Creates dir if needed; throws core::ProcessingError when a file cannot be written and
// core::CancelledError when progress is cancelled. Implementation: demo_sources.cpp and detail/demo_*.
DemoSources writeDemoSources(const std::filesystem::path& dir, const DemoOptions& options, core::Progress& progress);

}  // namespace lb::demo
