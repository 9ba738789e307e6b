#include "project/project.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "store/project_store.hpp"

namespace lb::project {
Project::Project(std::unique_ptr<store::ProjectStore> store) : m_store(std::move(store)) {}
Project::~Project() = default;

std::unique_ptr<Project> Project::create(const std::filesystem::path& path, const std::string& crs) {
    const std::string code = geo::parseCrs(crs);
    if (!geo::isProjectedMetric(code)) {
        throw core::InputError(code + " is not a projected CRS in metres",
                               "a project needs a metric CRS such as EPSG:25833 (ETRS89 / UTM 33N)");
    }
    return std::unique_ptr<Project>(new Project(store::ProjectStore::create(path, code)));
}

std::unique_ptr<Project> Project::open(const std::filesystem::path& path, bool readOnly, bool sharedAcrossThreads) {
    return std::unique_ptr<Project>(new Project(store::ProjectStore::open(
        path, readOnly ? store::ProjectStore::Access::ReadOnly : store::ProjectStore::Access::ReadWrite,
        sharedAcrossThreads ? store::Db::Threads::Shared : store::Db::Threads::One)));
}

ProjectSummary Project::summary() {
    ProjectSummary summary;
    summary.path = m_store->path().string();
    summary.crs = m_store->crs();
    summary.schemaVersion = m_store->schemaVersion();
    for (const auto& layer : core::kLayers) {
        LayerSummary s{layer.id, m_store->count(layer.id), {}};
        if (s.count > 0) s.extent = m_store->extent(layer.id);
        summary.layers.push_back(s);
    }
    return summary;
}

OsmImportReport Project::importOsm(const std::filesystem::path& file, core::Progress& progress, const OsmClip& clip) {
    return project::importOsm(*m_store, file, progress, clip);
}

ThematicImportReport Project::importLayer(core::LayerId layer, const std::filesystem::path& file,
                                          const io::ImportMapping& mapping, const ImportOptions& options,
                                          core::Progress& progress) {
    return importThematic(*m_store, layer, file, mapping, options, progress);
}

}  // namespace lb::project
