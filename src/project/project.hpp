#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
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

// The document both front ends drive. Every operation of the CLI and the GUI is a method here.
class Project {
public:
    static std::unique_ptr<Project> create(const std::filesystem::path& path, const std::string& crs);
    // With `sharedAcrossThreads` several threads may read through the project's store at once.
    static std::unique_ptr<Project> open(const std::filesystem::path& path, bool readOnly,
                                         bool sharedAcrossThreads = false);
    ~Project();
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    store::ProjectStore& store() { return *m_store; }

    ProjectSummary summary();
    OsmImportReport importOsm(const std::filesystem::path& file, core::Progress& progress, const OsmClip& clip = {});
    ThematicImportReport importLayer(core::LayerId layer, const std::filesystem::path& file,
                                     const io::ImportMapping& mapping, const ImportOptions& options,
                                     core::Progress& progress);

private:
    explicit Project(std::unique_ptr<store::ProjectStore> store);
    std::unique_ptr<store::ProjectStore> m_store;
};

}  // namespace lb::project
