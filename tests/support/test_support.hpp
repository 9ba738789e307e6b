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
// OSM XML with n closed square building ways (4 nodes each), laid out `perRow` to a row near Glauchau.
std::string osmBuildingsXml(int n, int perRow);
// True when the suite runs in CI (CI=true in the environment).
bool inCi();

}  // namespace lb::test

// Skips the test where something it needs is missing on a developer's machine, but fails it in CI, where the
// test script installs every tool the suite uses: there a missing tool is a broken install, and a skip would
// report success without checking anything. The one skip CI allows is the optional real extract in
// ../shared/data (real_osm_test.cpp); tests/unit/cli/skip_policy_test.cpp keeps it that way.
#define LAGEBILD_SKIP_OR_FAIL_IN_CI(reason)                        \
    do {                                                           \
        if (::lb::test::inCi()) {                                  \
            FAIL() << "in CI this may not be skipped: " << reason; \
        } else {                                                   \
            GTEST_SKIP() << reason;                                \
        }                                                          \
    } while (false)

#define LAGEBILD_REQUIRE_PROGRAM(program)                                                                            \
    do {                                                                                                             \
        if (!::lb::test::haveProgram(program)) LAGEBILD_SKIP_OR_FAIL_IN_CI(std::string(program) + " not installed"); \
    } while (false)
