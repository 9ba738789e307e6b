#pragma once

#include <filesystem>
#include <memory>
#include <vector>

namespace lb::core {
class TempFileGuard;
}

namespace lb::io {

// An output file that appears complete or not at all: the writer writes tempPath() (a hidden file beside
// the target), and commit() renames it over the target. Without commit() the temporary file is removed.
// The constructor checks that the target's folder exists and is writable, and throws core::InputError
// naming the path otherwise. An interrupting signal removes the temporary file too (core::TempFileGuard),
// and the temporary files of killed earlier writers of the same target are removed on construction.
class AtomicOutput {
public:
    explicit AtomicOutput(std::filesystem::path target);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& tempPath() const { return m_temp; }
    const std::filesystem::path& target() const { return m_target; }
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_committed = false;
    std::vector<std::unique_ptr<core::TempFileGuard>> m_guards;
};

}  // namespace lb::io
