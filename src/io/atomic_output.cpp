#include "io/atomic_output.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/temp_files.hpp"

namespace lb::io {
namespace {

constexpr const char* kCompanions[] = {"-journal", "-wal", "-shm", ".aux.xml"};

// ".<name>.tmp-<pid>" (and its companions) of writers that died without cleaning up.
void removeStaleTemporaries(const std::filesystem::path& dir, const std::filesystem::path& target) {
    const std::string prefix = "." + target.filename().string() + ".tmp-";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || !entry.is_regular_file(ec)) continue;
        std::size_t end = prefix.size();
        while (end < name.size() && name[end] >= '0' && name[end] <= '9') ++end;
        if (end == prefix.size() || end - prefix.size() > 9) continue;
        const auto pid = static_cast<pid_t>(std::stol(name.substr(prefix.size(), end - prefix.size())));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM) continue;
        std::filesystem::remove(entry.path(), ec);
    }
}

}  // namespace

AtomicOutput::AtomicOutput(std::filesystem::path target) : m_target(std::move(target)) {
    if (m_target.empty()) throw core::UsageError("no output file given", "give one with --out FILE");
    std::filesystem::path dir = m_target.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw core::InputError("cannot write " + m_target.string() + ": the folder " + dir.string() +
                               " does not exist");
    }
    if (std::filesystem::is_directory(m_target, ec)) {
        throw core::InputError("cannot write " + m_target.string() + ": it is a folder");
    }
    if (::access(dir.c_str(), W_OK) != 0) {
        throw core::InputError("cannot write " + m_target.string() + ": " + std::strerror(errno));
    }
    std::string name(1, '.');
    name.append(m_target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
    m_temp = dir / name;
    removeStaleTemporaries(dir, m_target);
    std::filesystem::remove(m_temp, ec);
    m_guards.push_back(std::make_unique<core::TempFileGuard>(m_temp));
    for (const char* suffix : kCompanions) {
        m_guards.push_back(std::make_unique<core::TempFileGuard>(m_temp.string() + suffix));
    }
}

AtomicOutput::~AtomicOutput() {
    if (m_committed) return;
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
    for (const char* suffix : kCompanions) {
        std::filesystem::remove(m_temp.string() + suffix, ec);
    }
}

void AtomicOutput::commit() {
    std::error_code ec;
    std::filesystem::rename(m_temp, m_target, ec);
    if (ec) throw core::ProcessingError("cannot write " + m_target.string() + ": " + ec.message());
    m_committed = true;
}

}  // namespace lb::io
