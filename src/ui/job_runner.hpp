#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/progress.hpp"

namespace lb::ui {

class TaskQueue;

// What a lane is doing, as the UI shows it (the progress bar).
struct JobProgress {
    bool running = false;
    std::string title;
    std::string stage;
    std::uint64_t done = 0;
    std::uint64_t total = 0;
    float fraction() const { return total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f; }
};

// The workstation's background work, on named lanes. Each lane is one worker thread, so that the work of
// one lane never waits for another's (a query never waits for an import, the attribute table never for a
// query). Work gets the lane's core::Progress (stages, counts, cancellation) and returns a completion that
// runs on the main thread through the TaskQueue. Work submitted under a key replaces that key's work still
// waiting on the lane, so a dragged slider computes only its latest value. Knows nothing of what the work
// is: the Workspace, the analysis controller and the attribute table each name their lane.
//
// Work should report its errors through its completion; an exception that escapes it is logged, and a
// core::CancelledError ends the work quietly. stop() (and the destructor) drop waiting work, cancel and
// wait for running work, and make completions not yet run do nothing, so that their owners may go.
class JobRunner {
public:
    using Completion = std::function<void()>;
    using Work = std::function<Completion(core::Progress&)>;

    explicit JobRunner(TaskQueue& tasks);
    ~JobRunner();
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    // Queues work on a lane (started on first use). `title` is what progress() shows while it runs.
    void submit(const std::string& lane, std::string key, Work work, std::string title = {});
    // Work waiting or running on the lane, or its completion not yet run on the main thread.
    bool busy(const std::string& lane) const;
    JobProgress progress(const std::string& lane) const;
    // Cancels the lane's running work (its Progress reports cancelled) and drops its waiting work.
    void cancel(const std::string& lane);
    void stop();

private:
    struct Lane;
    Lane* find(const std::string& name) const;
    void runLane(Lane& lane, const std::string& name);

    TaskQueue& m_tasks;
    mutable std::mutex m_lanesMutex;
    std::map<std::string, std::unique_ptr<Lane>> m_lanes;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);  // completions check it after stop()
};

// One lane of a JobRunner, for an owner that works on that lane only (the analysis panels, the table).
class JobLane {
public:
    JobLane(JobRunner& runner, std::string name) : m_runner(runner), m_name(std::move(name)) {}
    void submit(std::string key, JobRunner::Work work, std::string title = {}) {
        m_runner.submit(m_name, std::move(key), std::move(work), std::move(title));
    }
    bool busy() const { return m_runner.busy(m_name); }
    JobProgress progress() const { return m_runner.progress(m_name); }
    void cancel() { m_runner.cancel(m_name); }

private:
    JobRunner& m_runner;
    std::string m_name;
};

}  // namespace lb::ui
