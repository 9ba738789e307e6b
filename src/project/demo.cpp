#include "project/project.hpp"

#include <unistd.h>

#include "core/error.hpp"
#include "store/project_store.hpp"

namespace lb::project {
namespace {

// A temporary folder removed with everything in it when it goes out of scope.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "lagebild-demo-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw core::ProcessingError("cannot create a temporary folder " + pattern);
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace

DemoReport createDemo(const std::filesystem::path& projectPath, const DemoOptions& options, core::Progress& progress) {
    auto project = Project::create(projectPath, "EPSG:25833");
    DemoReport report;
    try {
        project->store().seedUuids(options.seed);
        TempDir dir;
        const DemoSources sources = writeDemoSources(dir.path(), options, progress);
        report.osm = project->importOsm(sources.osm, progress);
        for (const auto& source : sources.thematic) {
            report.thematic.push_back(project->importLayer(source.layer, source.path, source.mapping,
                                                           ImportOptions{.strict = true}, progress));
        }
    } catch (...) {
        project.reset();
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(projectPath.string() + suffix, ec);
        }
        throw;
    }
    return report;
}

}  // namespace lb::project
