#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/layer.hpp"
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
// commands, the benchmarks and the GUI open a project through it instead of wiring Project,
// StoreLayerSource and Dataset themselves; a second store backend (PostGIS) plugs in behind it.
//
// The workstation holds one read-only session shared by its threads (Threads::Shared: scene loads, the
// analysis worker, the attribute table, the main thread's lookups) and one read-write session for edits.
// Once a scene is shared with the session (shareScene), the dataset borrows the coordinates of every layer
// the scene holds whole instead of reading a second copy.
class Session {
public:
    enum class Access { ReadOnly, ReadWrite };
    // One: used by one thread at a time. Shared: any thread may read through it (SQLite serializes calls on
    // the connection; the dataset has its own lock).
    enum class Threads { One, Shared };

    // Throws what Project::open throws (core::InputError for a missing, foreign or damaged file).
    static std::unique_ptr<Session> open(const std::filesystem::path& path, Access access,
                                         Threads threads = Threads::One);
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
    // The scene a front end shows of this project. Layers the dataset loads later borrow its coordinates where
    // the scene holds every row of the layer; `changedLayers` (after an edit) are dropped from the dataset so
    // that the next query reads them again. nullptr: nothing to borrow from.
    void shareScene(render::SceneSnapshot scene, const std::vector<std::string>& changedLayers = {});
    // The stored attributes of one feature as (column, text) pairs, for the info panel (scene_loader.hpp).
    std::vector<std::pair<std::string, std::string>> featureAttributes(const std::string& layer, std::int64_t fid);
    // The row id of a thematic feature by its uuid; nullopt when there is none.
    std::optional<std::int64_t> featureIdOf(core::LayerId layer, const std::string& uuid);

private:
    Session() = default;
    render::SceneLayerSnapshot geometryDonor(const std::string& layer) const;

    mutable std::mutex m_sceneMutex;
    render::SceneSnapshot m_scene;  // guarded by m_sceneMutex
    std::string m_path, m_crs;
    Access m_access = Access::ReadOnly;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<StoreLayerSource> m_source;
    std::unique_ptr<engine::Dataset> m_dataset;
};

}  // namespace lb::project
