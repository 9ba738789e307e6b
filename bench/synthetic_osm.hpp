#pragma once

#include <cstddef>
#include <filesystem>

namespace lb::bench {

struct SyntheticOsmStats {
    std::size_t nodes = 0, ways = 0, relations = 0, buildings = 0, roads = 0, pois = 0;
};

// Writes an OSM XML town with at least minNodes nodes around Glauchau: a street grid (highway, names,
// lit), blocks of rectangular buildings (some as multipolygons with a courtyard), parks and tagged POI
// nodes. Deterministic.
SyntheticOsmStats writeSyntheticOsm(const std::filesystem::path& file, std::size_t minNodes);

}  // namespace lb::bench
