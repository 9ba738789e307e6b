#pragma once

#include <filesystem>

namespace lb::core {

// Marks a file that exists only while an output is being written (a temporary name renamed into place at
// the end). While the guard lives, removeTempFilesNow() — called from the CLI's handler for SIGINT,
// SIGTERM and SIGHUP — deletes it, so that an interrupted export, render or hotspot run leaves nothing
// behind in the user's folder. Removing the file on normal failure stays the owner's job.
class TempFileGuard {
public:
    explicit TempFileGuard(const std::filesystem::path& path);
    ~TempFileGuard();
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;

private:
    int m_slot = -1;  // -1: the registry was full (the file is then not removed on a signal)
};

// Unlinks every guarded file. Async-signal-safe: only unlink(2) on preallocated paths.
void removeTempFilesNow() noexcept;

}  // namespace lb::core
