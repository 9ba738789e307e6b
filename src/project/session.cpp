#include "project/session.hpp"

#include "project/engine_source.hpp"
#include "project/project.hpp"
#include "project/scene_loader.hpp"
#include "store/project_store.hpp"

namespace lb::project {

std::unique_ptr<Session> Session::open(const std::filesystem::path& path, Access access, Threads threads) {
    std::unique_ptr<Session> session(new Session());
    session->m_path = path.string();
    session->m_access = access;
    session->m_project = Project::open(path, access == Access::ReadOnly, threads == Threads::Shared);
    session->m_crs = session->m_project->store().crs();
    session->m_source = std::make_unique<StoreLayerSource>(session->m_project->store());
    session->m_source->setGeometryDonor(
        [raw = session.get()](const std::string& layer) { return raw->geometryDonor(layer); });
    session->m_dataset = std::make_unique<engine::Dataset>(*session->m_source);
    return session;
}

Session::~Session() {
    // The dataset reads through the source, the source through the project's store: release in that order.
    m_dataset.reset();
    m_source.reset();
    m_project.reset();
}

store::ProjectStore& Session::store() {
    return m_project->store();
}

render::Scene Session::loadScene(const render::Style& style, const std::vector<std::string>& onlyLayers,
                                 core::Progress& progress) {
    return project::loadScene(m_project->store(), style, onlyLayers, progress);
}

std::vector<std::pair<std::string, std::string>> Session::featureAttributes(const std::string& layer,
                                                                            std::int64_t fid) {
    return project::featureAttributes(m_project->store(), layer, fid);
}

std::optional<std::int64_t> Session::featureIdOf(core::LayerId layer, const std::string& uuid) {
    return project::featureIdOf(m_project->store(), layer, uuid);
}

void Session::shareScene(render::SceneSnapshot scene, const std::vector<std::string>& changedLayers) {
    {
        std::lock_guard lock(m_sceneMutex);
        m_scene = std::move(scene);
    }
    for (const auto& layer : changedLayers) m_dataset->invalidate(layer);
}

render::SceneLayerSnapshot Session::geometryDonor(const std::string& layer) const {
    std::lock_guard lock(m_sceneMutex);
    if (!m_scene) return nullptr;
    render::SceneLayerSnapshot found;
    for (const auto& candidate : m_scene->layers) {
        if (candidate->name != layer) continue;
        if (found) return nullptr;  // several geometry kinds: the engine reads its own mixed column
        found = candidate;
    }
    return found;
}

}  // namespace lb::project
