#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "support/test_support.hpp"

using namespace lb;

namespace {

// An OSM file with n square buildings, big enough that importing it takes a noticeable moment.
void writeBuildings(const std::filesystem::path& path, int n) {
    test::writeFile(path, test::osmBuildingsXml(n, 200));
}

}  // namespace

TEST(Cli, KilledImportsLeaveTheProjectIntact) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    writeBuildings(dir / "small.osm", 10);
    ASSERT_EQ(test::runLagebild({"import-osm", project, (dir / "small.osm").string()}).exitCode, 0);
    writeBuildings(dir / "big.osm", 40000);
    int killedMidway = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::execl(LAGEBILD_BINARY, LAGEBILD_BINARY, "import-osm", project.c_str(), (dir / "big.osm").c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(150 + 200 * attempt));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) ++killedMidway;
        // Whatever the moment: the file is sound and holds either the old or the complete new base map.
        const auto check = test::runProgram("sqlite3", {project, "PRAGMA integrity_check"});
        EXPECT_EQ(check.out, "ok\n") << check.err;
        const auto info = test::runLagebild({"info", project, "--json"});
        ASSERT_EQ(info.exitCode, 0) << info.err;
        const bool old = info.out.find("\"count\": 10,") != std::string::npos;
        const bool complete = info.out.find("\"count\": 40000,") != std::string::npos;
        EXPECT_TRUE(old || complete) << info.out;
        if (complete) break;
    }
    EXPECT_GT(killedMidway, 0) << "the import always finished before the kill; make the file bigger";
}
