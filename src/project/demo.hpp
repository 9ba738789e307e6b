#pragma once

#include <filesystem>
#include <vector>

#include "core/progress.hpp"
#include "demo/sources.hpp"
#include "project/osm_import.hpp"
#include "project/thematic_import.hpp"

namespace lb::project {

struct DemoReport {
    OsmImportReport osm;
    std::vector<ThematicImportReport> thematic;
};

// Creates the demo town "Musterstadt" in a new project file: writes its OSM and thematic source files
// into a temporary folder and imports them through the same paths a user's files take. Deterministic for
// a seed (UUIDs included). The project is built beside the target under a temporary name and renamed into
// place at the end, so a failed or killed demo leaves the target as it was (absent, or with
// replaceExisting the old file); leftovers of killed demos (temporary folders, part files) are removed
// when the next one starts.
DemoReport createDemo(const std::filesystem::path& projectPath, const demo::DemoOptions& options,
                      core::Progress& progress, bool replaceExisting = false);

}  // namespace lb::project
