#include "io/atomic_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace lb::io {

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
    std::filesystem::remove(m_temp, ec);
}

AtomicOutput::~AtomicOutput() {
    if (m_committed) return;
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
    for (const char* suffix : {"-journal", "-wal", "-shm", ".aux.xml"}) {
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
