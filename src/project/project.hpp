#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "project/demo_sources.hpp"
#include "project/osm_import.hpp"
#include "project/thematic_import.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

struct LayerSummary {
    core::LayerId layer;
    std::int64_t count = 0;
    core::BBox extent;  // empty for an empty layer
};

struct ProjectSummary {
    std::string path;
    std::string crs;
    int schemaVersion = 0;
    std::vector<LayerSummary> layers;  // all layers, in kLayers order
};

struct DemoReport {
    OsmImportReport osm;
    std::vector<ThematicImportReport> thematic;
};

// The document both front ends drive. Every operation of the CLI and the GUI is a method here.
class Project {
public:
    static std::unique_ptr<Project> create(const std::filesystem::path& path, const std::string& crs);
    static std::unique_ptr<Project> open(const std::filesystem::path& path, bool readOnly);
    ~Project();
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    store::ProjectStore& store() { return *m_store; }

    ProjectSummary summary();
    OsmImportReport importOsm(const std::filesystem::path& file, core::Progress& progress);
    ThematicImportReport importLayer(core::LayerId layer, const std::filesystem::path& file,
                                     const ImportMapping& mapping, const ImportOptions& options,
                                     core::Progress& progress);

private:
    explicit Project(std::unique_ptr<store::ProjectStore> store);
    std::unique_ptr<store::ProjectStore> m_store;
};

// Creates the demo town "Musterstadt" in a new project file: writes its OSM and thematic source files
// into a temporary folder and imports them through the same paths a user's files take. Deterministic for
// a seed (UUIDs included). The project is built beside the target under a temporary name and renamed into
// place at the end, so a failed or killed demo leaves the target as it was (absent, or with
// replaceExisting the old file); leftovers of killed demos (temporary folders, part files) are removed
// when the next one starts.
DemoReport createDemo(const std::filesystem::path& projectPath, const DemoOptions& options, core::Progress& progress,
                      bool replaceExisting = false);

}  // namespace lb::project
