#include "ui/job_runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "ui/task_queue.hpp"

namespace lb::ui {
namespace {

using namespace std::chrono_literals;

// Drains the queue (as the frame loop does) until `done` or a timeout.
template <typename Pred>
bool drainUntil(TaskQueue& tasks, Pred done) {
    for (int i = 0; i < 2000 && !done(); ++i) {
        tasks.drain();
        std::this_thread::sleep_for(1ms);
    }
    tasks.drain();
    return done();
}

// Work of one lane never waits for another's: a query runs while an import is still busy.
TEST(JobRunner, LanesRunSideBySide) {
    TaskQueue tasks;
    JobRunner jobs(tasks);
    std::promise<void> release;
    auto released = release.get_future().share();
    std::vector<std::string> finished;
    jobs.submit("document", "import", [released, &finished](core::Progress&) -> JobRunner::Completion {
        released.wait();
        return [&finished] { finished.push_back("import"); };
    });
    jobs.submit("analysis", "query", [&finished](core::Progress&) -> JobRunner::Completion {
        return [&finished] { finished.push_back("query"); };
    });
    ASSERT_TRUE(drainUntil(tasks, [&] { return !finished.empty(); }));
    EXPECT_EQ(finished, std::vector<std::string>{"query"});
    EXPECT_TRUE(jobs.busy("document"));
    EXPECT_FALSE(jobs.busy("analysis"));
    release.set_value();
    ASSERT_TRUE(drainUntil(tasks, [&] { return finished.size() == 2; }));
    EXPECT_FALSE(jobs.busy("document"));
    EXPECT_FALSE(jobs.busy("never used"));
}

// Work waiting under a key is replaced by newer work of that key: a dragged slider computes its last value.
TEST(JobRunner, NewerWorkOfAKeyReplacesTheWaitingOne) {
    TaskQueue tasks;
    JobRunner jobs(tasks);
    std::promise<void> release;
    auto released = release.get_future().share();
    jobs.submit("analysis", "blocker", [released](core::Progress&) -> JobRunner::Completion {
        released.wait();
        return {};
    });
    std::vector<int> ran;
    for (int value = 1; value <= 5; ++value) {
        jobs.submit("analysis", "heatmap", [value, &ran](core::Progress&) -> JobRunner::Completion {
            return [value, &ran] { ran.push_back(value); };
        });
    }
    release.set_value();
    ASSERT_TRUE(drainUntil(tasks, [&] { return !jobs.busy("analysis"); }));
    EXPECT_EQ(ran, std::vector<int>{5});
}

// The lane's progress shows the running work's title and stage; cancel() reaches the work through its
// Progress, and a CancelledError ends it quietly (no completion, the lane is free again).
TEST(JobRunner, ProgressAndCancellationReachTheWork) {
    TaskQueue tasks;
    JobRunner jobs(tasks);
    std::atomic<bool> staged{false};
    bool completed = false;
    jobs.submit(
        "document", "job",
        [&staged, &completed](core::Progress& progress) -> JobRunner::Completion {
            progress.beginStage("Lade Vorfälle", 10);
            progress.step(3);
            staged = true;
            while (!progress.cancelled()) std::this_thread::sleep_for(1ms);
            progress.checkCancelled();
            return [&completed] { completed = true; };
        },
        "Projekt laden");
    ASSERT_TRUE(drainUntil(tasks, [&] { return staged.load(); }));
    const JobProgress status = jobs.progress("document");
    EXPECT_TRUE(status.running);
    EXPECT_EQ(status.title, "Projekt laden");
    EXPECT_EQ(status.stage, "Lade Vorfälle");
    EXPECT_EQ(status.total, 10u);
    jobs.cancel("document");
    ASSERT_TRUE(drainUntil(tasks, [&] { return !jobs.busy("document"); }));
    EXPECT_FALSE(completed);
    EXPECT_FALSE(jobs.progress("document").running);
}

// After stop() nothing of the runner's runs any more: waiting work is dropped, completions already posted do
// nothing (their owners may be gone), and new work is refused.
TEST(JobRunner, StopDropsWaitingWorkAndPostedCompletions) {
    TaskQueue tasks;
    JobRunner jobs(tasks);
    std::atomic<int> worked{0};
    int completions = 0;
    jobs.submit("analysis", "first", [&](core::Progress&) -> JobRunner::Completion {
        ++worked;
        return [&completions] { ++completions; };
    });
    for (int i = 0; i < 200 && worked == 0; ++i) std::this_thread::sleep_for(1ms);
    jobs.submit("analysis", "second", [&](core::Progress&) -> JobRunner::Completion {
        std::this_thread::sleep_for(20ms);
        ++worked;
        return [&completions] { ++completions; };
    });
    jobs.stop();
    jobs.submit("analysis", "late", [&](core::Progress&) -> JobRunner::Completion {
        ++worked;
        return {};
    });
    tasks.drain();
    EXPECT_EQ(completions, 0);
    EXPECT_LE(worked.load(), 2);
    EXPECT_FALSE(jobs.busy("analysis"));
}

}  // namespace
}  // namespace lb::ui
