#include "project/demo.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <optional>
#include <string>

#include "core/defaults.hpp"
#include "core/error.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"

namespace lb::project {
namespace {

// Temporary folders and part files carry the process id of the demo that made them, so that a later run
// can tell a killed demo's leftovers from those of one still running.
constexpr std::string_view kTempPrefix = "lagebild-demo-";
constexpr auto kStaleAge = std::chrono::hours(1);
constexpr const char* kSqliteSuffixes[] = {"", "-wal", "-shm", "-journal"};

bool processAlive(long pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// The process id in "<digits>-…" or "<digits>." at the start of text, if any.
std::optional<long> leadingPid(std::string_view text, char separator) {
    std::size_t i = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == 0 || i > 9 || i >= text.size() || text[i] != separator) return std::nullopt;
    return std::stol(std::string(text.substr(0, i)));
}

// A temporary folder lagebild-demo-<pid>-XXXXXX, removed with everything in it when it goes out of scope.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() /
                               (std::string(kTempPrefix) + std::to_string(::getpid()) + "-XXXXXX"))
                                  .string();
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

// ".<name>.demo-<pid>.part" beside the target: the project is built there and renamed into place.
std::string partPrefix(const std::filesystem::path& target) {
    return "." + target.filename().string() + ".demo-";
}
std::filesystem::path partPath(const std::filesystem::path& target) {
    return target.parent_path() / (partPrefix(target) + std::to_string(::getpid()) + ".part");
}

void removeSqliteFiles(const std::filesystem::path& path) {
    std::error_code ec;
    for (const char* suffix : kSqliteSuffixes) std::filesystem::remove(path.string() + suffix, ec);
}

// What a killed demo left behind: its temporary folders (a dead process's, or older than an hour) and its
// part files beside this target (a dead process's).
void removeStaleLeftovers(const std::filesystem::path& target) {
    std::error_code ec;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path(ec), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kTempPrefix, 0) != 0 || !entry.is_directory(ec) || entry.is_symlink(ec)) continue;
        const auto pid = leadingPid(std::string_view(name).substr(kTempPrefix.size()), '-');
        const auto modified = entry.last_write_time(ec);
        const bool old = !ec && now - modified > kStaleAge;
        if ((pid && !processAlive(*pid) && *pid != ::getpid()) || (old && !(pid && processAlive(*pid)))) {
            std::filesystem::remove_all(entry.path(), ec);
        }
    }
    const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
    const std::string prefix = partPrefix(target);
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || !entry.is_regular_file(ec)) continue;
        const auto pid = leadingPid(std::string_view(name).substr(prefix.size()), '.');
        if (pid && !processAlive(*pid)) std::filesystem::remove(entry.path(), ec);
    }
}

}  // namespace

DemoReport createDemo(const std::filesystem::path& projectPath, const demo::DemoOptions& options,
                      core::Progress& progress, bool replaceExisting) {
    removeStaleLeftovers(projectPath);
    if (!replaceExisting && std::filesystem::exists(projectPath)) {
        throw core::InputError(projectPath.string() + ": a file of that name exists already",
                               "choose another name or remove the file");
    }
    // Built under a temporary name and renamed into place at the end: whenever the demo stops, the target
    // is either untouched or a complete project.
    const std::filesystem::path part = partPath(projectPath);
    removeSqliteFiles(part);
    DemoReport report;
    try {
        {
            auto project = Project::create(part, std::string(core::kDefaultProjectCrs));
            project->store().seedUuids(options.seed);
            TempDir dir;
            const demo::DemoSources sources = demo::writeDemoSources(dir.path(), options, progress);
            report.osm = project->importOsm(sources.osm, progress);
            for (const auto& source : sources.thematic) {
                report.thematic.push_back(project->importLayer(source.layer, source.path, source.mapping,
                                                               ImportOptions{.strict = true}, progress));
            }
        }  // closing the last connection checkpoints the WAL into the file and removes -wal and -shm
        std::error_code ec;
        // A stale WAL of a replaced project must not be applied to the new file.
        for (const char* suffix : {"-wal", "-shm", "-journal"})
            std::filesystem::remove(projectPath.string() + suffix, ec);
        std::filesystem::rename(part, projectPath, ec);
        if (ec) throw core::ProcessingError("cannot write " + projectPath.string() + ": " + ec.message());
    } catch (...) {
        removeSqliteFiles(part);
        throw;
    }
    return report;
}

}  // namespace lb::project
