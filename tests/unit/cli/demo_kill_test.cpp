// `lagebild demo` killed at random moments: the target is absent or a complete project (never a
// half-built one), and the next run succeeds and removes the killed runs' temporary folders and part files.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "support/test_support.hpp"

using namespace lb;

namespace {

constexpr const char* kIncidents = "300";

// Starts `lagebild demo TARGET --incidents N [--force]` with TMPDIR set, output discarded.
pid_t startDemo(const std::string& target, const std::string& tmpdir, bool force) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("TMPDIR", tmpdir.c_str(), 1);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        if (force) {
            ::execl(LAGEBILD_BINARY, LAGEBILD_BINARY, "demo", target.c_str(), "--incidents", kIncidents, "--force",
                    static_cast<char*>(nullptr));
        } else {
            ::execl(LAGEBILD_BINARY, LAGEBILD_BINARY, "demo", target.c_str(), "--incidents", kIncidents,
                    static_cast<char*>(nullptr));
        }
        ::_exit(127);
    }
    return pid;
}

int waitFor(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Layer name → count, or empty when `info` cannot read the project.
std::map<std::string, int> layerCounts(const std::string& project) {
    const auto info = test::runLagebild({"info", project, "--json"});
    std::map<std::string, int> counts;
    if (info.exitCode != 0) return counts;
    const auto parsed = nlohmann::json::parse(info.out);
    for (const auto& layer : parsed.at("layers")) counts[layer.at("name").get<std::string>()] = layer.at("count");
    return counts;
}

std::vector<std::string> namesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST(Cli, KilledDemoLeavesNoHalfBuiltProjectAndTheNextRunCleansUp) {
    test::TempDir dir;
    std::filesystem::create_directory(dir / "tmp");
    std::filesystem::create_directory(dir / "out");
    const std::string tmpdir = (dir / "tmp").string();
    const std::string target = (dir / "out" / "demo.sqlite").string();

    // One full run tells how long a demo takes here.
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(waitFor(startDemo(target, tmpdir, false)), 0);
    const auto duration = std::chrono::steady_clock::now() - start;
    const auto complete = layerCounts(target);
    ASSERT_EQ(complete.at("incidents"), std::atoi(kIncidents));
    for (const auto& [name, count] : complete) ASSERT_GT(count, 0) << name;

    std::mt19937 random(20240611);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(duration).count();
    std::uniform_int_distribution<long> moment(0, micros);
    int killed = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
        // Even attempts start without a target, odd ones replace the complete one (--force).
        const bool force = attempt % 2 == 1 && std::filesystem::exists(target);
        if (attempt % 2 == 0) std::filesystem::remove(target);
        const pid_t pid = startDemo(target, tmpdir, force);
        std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
        ::kill(pid, SIGKILL);
        if (waitFor(pid) == -SIGKILL) ++killed;
        if (!std::filesystem::exists(target)) continue;
        EXPECT_EQ(layerCounts(target), complete) << "attempt " << attempt << ": the target is not a complete project";
    }
    EXPECT_GT(killed, 10) << "most runs should have been killed midway";

    // Someone else's leftovers: an hour-old folder of an older version (no pid) goes, a fresh one and one of a
    // live process stay.
    const auto oldFolder = dir / "tmp" / "lagebild-demo-Ab3xYz";
    const auto youngFolder = dir / "tmp" / "lagebild-demo-Qw7pLm";
    const auto liveFolder = dir / "tmp" / ("lagebild-demo-" + std::to_string(::getpid()) + "-Kd93Lx");
    for (const auto& folder : {oldFolder, youngFolder, liveFolder}) std::filesystem::create_directory(folder);
    std::filesystem::last_write_time(oldFolder, std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));

    // The next run succeeds and leaves only the project and what is not ours to remove.
    std::filesystem::remove(target);
    ASSERT_EQ(waitFor(startDemo(target, tmpdir, false)), 0);
    EXPECT_EQ(namesIn(dir / "out"), std::vector<std::string>{"demo.sqlite"});
    EXPECT_EQ(layerCounts(target), complete);
    std::vector<std::string> expected{liveFolder.filename(), youngFolder.filename()};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(namesIn(dir / "tmp"), expected);
}
