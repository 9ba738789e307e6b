#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "engine/dataset.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

class Project;
class StoreLayerSource;

// One open project as a front end uses it: the document (its store connection), the engine's dataset over
// it (layers loaded on first use, through StoreLayerSource), and the scene the renderer draws. The CLI
// commands, the benchmarks and the GUI's analysis worker open a project through it instead of wiring
// Project, StoreLayerSource and Dataset themselves; a second store backend (PostGIS) plugs in behind it.
class Session {
public:
    enum class Access { ReadOnly, ReadWrite };

    // Throws what Project::open throws (core::InputError for a missing, foreign or damaged file).
    static std::unique_ptr<Session> open(const std::filesystem::path& path, Access access);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const std::string& path() const { return m_path; }
    const std::string& crs() const { return m_crs; }
    Access access() const { return m_access; }
    Project& project() { return *m_project; }
    store::ProjectStore& store();
    // The engine's view of the project; layers and columns are read from the store on first use and kept.
    engine::Dataset& dataset() { return *m_dataset; }
    // The layers the style draws (all, or `onlyLayers`), read from the store.
    render::Scene loadScene(const render::Style& style, const std::vector<std::string>& onlyLayers = {},
                            core::Progress& progress = core::Progress::none());

private:
    Session() = default;
    std::string m_path, m_crs;
    Access m_access = Access::ReadOnly;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<StoreLayerSource> m_source;
    std::unique_ptr<engine::Dataset> m_dataset;
};

}  // namespace lb::project
