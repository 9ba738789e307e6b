// Nothing lost: edits killed at random moments, and several processes on one project file.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"

using namespace lb;
using core::LayerId;

namespace {

constexpr double kX = 316000, kY = 5690000;

// Runs `body` in a forked child whose stdout is a pipe; returns the pid and the read end. The child opens
// the project itself (no SQLite connection crosses the fork) and leaves with _exit.
struct Child {
    pid_t pid = -1;
    int out = -1;
};

template <typename Body>
Child spawn(Body body) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        FILE* out = ::fdopen(fds[1], "w");
        int code = 0;
        try {
            body(out);
        } catch (const std::exception& e) {
            std::fprintf(out, "ERROR %s\n", e.what());
            code = 3;
        }
        std::fflush(out);
        ::_exit(code);
    }
    ::close(fds[1]);
    return {pid, fds[0]};
}

std::string drain(int fd) {
    std::string text;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return text;
}

int waitFor(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Prints "A uuid" after each committed addition, "X uuid" before a deletion and "D uuid" after it commits.
void editForever(const std::filesystem::path& path, FILE* out, unsigned seed, int limit) {
    auto project = store::ProjectStore::open(path, store::ProjectStore::Access::ReadWrite);
    edit::EditSession session(*project, "worker");
    std::mt19937 rng(seed);
    std::vector<std::string> alive;
    for (int i = 0; i < limit; ++i) {
        const int action = alive.size() < 3 ? 0 : static_cast<int>(rng() % 5);
        if (action <= 1) {
            const auto& c = session.apply(
                edit::addFeature(LayerId::Incidents, geo::pointWkb(kX + rng() % 1000, kY + rng() % 1000),
                                 {{"time", std::string("2025-03-14 22:15")}, {"category", std::string("graffiti")}}));
            alive.push_back(c.featureUuid());
            std::fprintf(out, "A %s\n", c.featureUuid().c_str());
        } else if (action == 2) {
            session.apply(edit::moveFeature(LayerId::Incidents, alive[rng() % alive.size()], 1.5, -2.0));
        } else if (action == 3) {
            session.apply(edit::updateAttributes(LayerId::Incidents, alive[rng() % alive.size()],
                                                 {{"source", std::string("Ordnungsamt ") + std::to_string(i)}}));
        } else {
            const std::size_t k = rng() % alive.size();
            const std::string uuid = alive[k];
            std::fprintf(out, "X %s\n", uuid.c_str());  // a delete under way: either outcome is fine
            std::fflush(out);
            session.apply(edit::deleteFeature(LayerId::Incidents, uuid));
            alive.erase(alive.begin() + static_cast<std::ptrdiff_t>(k));
            std::fprintf(out, "D %s\n", uuid.c_str());
        }
        std::fflush(out);
    }
}

struct Printed {
    std::set<std::string> added;
    std::set<std::string> deleting;
    std::set<std::string> deleted;
    std::string errors;
};

Printed parse(const std::string& text) {
    Printed p;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("A ", 0) == 0) p.added.insert(line.substr(2));
        if (line.rfind("X ", 0) == 0) p.deleting.insert(line.substr(2));
        if (line.rfind("D ", 0) == 0) p.deleted.insert(line.substr(2));
        if (line.rfind("ERROR", 0) == 0) p.errors += line + "\n";
    }
    return p;
}

std::set<std::string> uuids(store::ProjectStore& project) {
    std::set<std::string> out;
    store::Statement s(project.db(), "SELECT uuid FROM incidents");
    while (s.step()) out.insert(s.columnText(0));
    return out;
}

std::string integrity(store::ProjectStore& project) {
    store::Statement s(project.db(), "PRAGMA integrity_check");
    return s.step() ? s.columnText(0) : "";
}

}  // namespace

TEST(Durability, EditsKilledAtRandomMomentsLoseNothingCommitted) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    store::ProjectStore::create(path, "EPSG:25833");
    std::mt19937 rng(20250314);
    std::set<std::string> expectedPresent;
    std::set<std::string> expectedAbsent;
    int killedWhileRunning = 0;
    std::ptrdiff_t committedLines = 0;
    constexpr int kRuns = 100;
    for (int run = 0; run < kRuns; ++run) {
        const unsigned seed = static_cast<unsigned>(rng());
        Child child = spawn([&](FILE* out) { editForever(path, out, seed, 1000000); });
        // Let the child commit a few edits (however slow the machine), then kill it at a random moment
        // within the next few milliseconds: in the middle of a transaction, a commit or a print.
        std::string output;
        const std::size_t wanted = 1 + rng() % 6;
        while (static_cast<std::size_t>(std::count(output.begin(), output.end(), '\n')) < wanted) {
            char buffer[256];
            const ssize_t n = ::read(child.out, buffer, sizeof buffer);
            if (n <= 0) break;
            output.append(buffer, static_cast<std::size_t>(n));
        }
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % 4000));
        ::kill(child.pid, SIGKILL);
        output += drain(child.out);
        committedLines += std::count(output.begin(), output.end(), '\n');
        if (waitFor(child.pid) == 128 + SIGKILL) ++killedWhileRunning;
        const Printed printed = parse(output);
        ASSERT_TRUE(printed.errors.empty()) << printed.errors;
        for (const auto& uuid : printed.added) expectedPresent.insert(uuid);
        for (const auto& uuid : printed.deleting) expectedPresent.erase(uuid);
        for (const auto& uuid : printed.deleted) {
            expectedPresent.erase(uuid);
            expectedAbsent.insert(uuid);
        }

        auto project = store::ProjectStore::open(path, store::ProjectStore::Access::ReadOnly);
        ASSERT_EQ(integrity(*project), "ok") << "run " << run;
        const auto stored = uuids(*project);
        for (const auto& uuid : expectedPresent)
            ASSERT_TRUE(stored.count(uuid)) << "lost edit " << uuid << " run " << run;
        for (const auto& uuid : expectedAbsent) ASSERT_FALSE(stored.count(uuid)) << "deleted " << uuid << " came back";
        // The spatial index is in step with the layer, and every stored feature has its audit row.
        ASSERT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM idx_incidents_geometry"),
                  test::sqlInt(project->db(), "SELECT count(*) FROM incidents"));
        ASSERT_EQ(test::sqlInt(project->db(),
                               "SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
                               "WHERE a.feature_uuid = i.uuid AND a.action = 'add_point')"),
                  0);
    }
    EXPECT_GT(killedWhileRunning, kRuns / 2);
    EXPECT_GE(committedLines, kRuns);
    EXPECT_FALSE(expectedPresent.empty());
}

TEST(Durability, TwoEditorsAndAReaderOnOneProjectLoseNothing) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    store::ProjectStore::create(path, "EPSG:25833");
    constexpr int kEdits = 120;
    Child a = spawn([&](FILE* out) { editForever(path, out, 1, kEdits); });
    Child b = spawn([&](FILE* out) { editForever(path, out, 2, kEdits); });
    Child reader = spawn([&](FILE* out) {
        auto project = store::ProjectStore::open(path, store::ProjectStore::Access::ReadOnly);
        for (int i = 0; i < 300; ++i) {
            store::Statement s(project->db(),
                               "SELECT count(*), sum(length(source)) FROM incidents WHERE id IN (SELECT pkid FROM "
                               "idx_incidents_geometry WHERE xmin <= 316500 AND xmax >= 316000)");
            s.step();
            store::Statement audit(project->db(), "SELECT count(*) FROM audit_log");
            audit.step();
        }
        std::fprintf(out, "reader done\n");
    });
    const std::string outA = drain(a.out), outB = drain(b.out), outReader = drain(reader.out);
    EXPECT_EQ(waitFor(a.pid), 0) << outA;
    EXPECT_EQ(waitFor(b.pid), 0) << outB;
    EXPECT_EQ(waitFor(reader.pid), 0) << outReader;
    EXPECT_EQ(outReader, "reader done\n");
    const Printed pa = parse(outA), pb = parse(outB);
    EXPECT_TRUE(pa.errors.empty() && pb.errors.empty()) << pa.errors << pb.errors;

    auto project = store::ProjectStore::open(path, store::ProjectStore::Access::ReadOnly);
    EXPECT_EQ(integrity(*project), "ok");
    const auto stored = uuids(*project);
    std::size_t expected = 0;
    for (const Printed* p : {&pa, &pb}) {
        for (const auto& uuid : p->added) {
            if (p->deleted.count(uuid)) {
                EXPECT_FALSE(stored.count(uuid));
            } else {
                EXPECT_TRUE(stored.count(uuid)) << "lost " << uuid;
                ++expected;
            }
        }
    }
    EXPECT_EQ(stored.size(), expected);
    // Every edit of both editors is in the audit log.
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM audit_log WHERE author = 'worker'"), 2 * kEdits);
}
