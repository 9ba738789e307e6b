// An output interrupted while it is being written (Ctrl+C, kill, closed terminal) leaves nothing in the
// user's folder: no temporary file, no half-written target.

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.hpp"

using namespace lb;

namespace {

pid_t start(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv{const_cast<char*>(LAGEBILD_BINARY)};
        for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execv(LAGEBILD_BINARY, argv.data());
        ::_exit(127);
    }
    return pid;
}

std::vector<std::string> namesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
    return names;
}

struct Interrupted {
    bool caught = false;            // the command was stopped while a temporary file existed
    std::string temporary;          // its name
    std::vector<std::string> left;  // what the folder held afterwards
};

// Runs the command writing into `out` (an empty folder); as soon as it creates a file there, stops it,
// sends `signal` and lets it go on.
Interrupted interrupt(const std::vector<std::string>& args, const std::filesystem::path& out, int signal) {
    Interrupted result;
    const int watch = ::inotify_init1(IN_NONBLOCK);
    ::inotify_add_watch(watch, out.c_str(), IN_CREATE);
    const pid_t pid = start(args);
    pollfd fd{watch, POLLIN, 0};
    if (::poll(&fd, 1, 60'000) == 1) {
        ::kill(pid, SIGSTOP);
        alignas(inotify_event) char buffer[4096];
        const ssize_t n = ::read(watch, buffer, sizeof buffer);
        if (n > 0) result.temporary = reinterpret_cast<inotify_event*>(buffer)->name;
        result.caught = !namesIn(out).empty();
        ::kill(pid, signal);
        ::kill(pid, SIGCONT);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(watch);
    result.left = namesIn(out);
    return result;
}

}  // namespace

TEST(Cli, InterruptedOutputsLeaveNoTemporaryFileBehind) {
    test::TempDir dir;
    const std::string project = (dir / "demo.sqlite").string();
    ASSERT_EQ(test::runLagebild({"demo", project, "--incidents", "3000"}).exitCode, 0);
    struct Case {
        std::string file;
        std::vector<std::string> args;
        int signal;
    };
    const std::vector<Case> cases{
        {"map.png", {"render", project, "--size", "3000x3000"}, SIGINT},
        {"kde.tif", {"hotspots", project, "--method", "kde", "--radius", "200", "--cell", "2"}, SIGTERM},
        {"gi.gpkg", {"hotspots", project, "--method", "gistar", "--cell", "25", "--distance", "100"}, SIGINT},
        {"buildings.gpkg", {"query", project, "--layer", "buildings", "--format", "gpkg"}, SIGHUP},
        {"field.sqlite", {"field-export", project}, SIGTERM},
    };
    for (const auto& c : cases) {
        bool caught = false;
        for (int attempt = 0; attempt < 5 && !caught; ++attempt) {
            const auto out = dir / ("out-" + std::to_string(attempt) + "-" + c.file);
            std::filesystem::create_directory(out);
            auto args = c.args;
            args.push_back("--out");
            args.push_back((out / c.file).string());
            const auto result = interrupt(args, out, c.signal);
            if (!result.caught) continue;  // finished before it could be stopped: try again
            caught = true;
            EXPECT_NE(result.temporary, c.file) << c.file << ": the target itself was created first";
            EXPECT_TRUE(result.left.empty()) << c.file << ": left " << ::testing::PrintToString(result.left);
        }
        EXPECT_TRUE(caught) << c.args[0] << " " << c.file << " was never caught while writing";
    }
}
