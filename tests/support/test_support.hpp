#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lb::test {

// A fresh temporary folder per test, removed afterwards.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

std::filesystem::path fixture(const std::string& relative);
void writeFile(const std::filesystem::path& path, const std::string& content);
std::string readFile(const std::filesystem::path& path);
// SHA-like digest of a file's bytes (FNV-1a 64), to prove a file was left unchanged.
std::uint64_t fileDigest(const std::filesystem::path& path);

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
// Runs the lagebild binary with the arguments (no shell), capturing stdout and stderr.
RunResult runLagebild(const std::vector<std::string>& args);
// Runs any program (no shell); with asUser >= 0 (and root privileges) as that user id.
RunResult runProgram(const std::string& program, const std::vector<std::string>& args, int asUser = -1);
bool haveProgram(const std::string& program);

}  // namespace lb::test
