#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "io/atomic_output.hpp"
#include "support/test_support.hpp"

using namespace lb;

TEST(AtomicOutput, RemovesTheTemporaryFilesOfKilledWritersOfTheSameTarget) {
    test::TempDir dir;
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);  // a process id that no longer runs
    const auto stale = dir / (".karte.csv.tmp-" + std::to_string(dead));
    const auto live = dir / (".karte.csv.tmp-" + std::to_string(::getppid()));
    const auto other = dir / (".andere.csv.tmp-" + std::to_string(dead));
    for (const auto& path : {stale, live, other}) test::writeFile(path, "half");

    {
        io::AtomicOutput output(dir / "karte.csv");
        test::writeFile(output.tempPath(), "a,b\n");
        output.commit();
    }
    EXPECT_FALSE(std::filesystem::exists(stale));
    EXPECT_TRUE(std::filesystem::exists(live)) << "a running writer's file was removed";
    EXPECT_TRUE(std::filesystem::exists(other)) << "another target's file was removed";
    EXPECT_EQ(test::readFile(dir / "karte.csv"), "a,b\n");
}
