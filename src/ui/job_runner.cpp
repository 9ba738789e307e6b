#include "ui/job_runner.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "core/error.hpp"
#include "ui/task_queue.hpp"

namespace lb::ui {

struct JobRunner::Lane {
    struct Item {
        std::string key;
        std::string title;
        Work work;
    };

    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<Item> queue;
    int outstanding = 0;  // submitted and not yet completed on the main thread
    bool stopping = false;
    JobProgress status;
    std::unique_ptr<core::Progress> progress;  // of the running work; guarded by mutex
    std::thread thread;
};

JobRunner::JobRunner(TaskQueue& tasks) : m_tasks(tasks) {}

// A lane's worker thread: takes the oldest work, runs it with a fresh Progress, posts its completion.
void JobRunner::runLane(Lane& lane, const std::string& name) {
    while (true) {
        Lane::Item item;
        core::Progress* progress = nullptr;
        {
            std::unique_lock lock(lane.mutex);
            lane.wake.wait(lock, [&lane] { return lane.stopping || !lane.queue.empty(); });
            if (lane.stopping) return;
            item = std::move(lane.queue.front());
            lane.queue.pop_front();
            lane.status = JobProgress{true, item.title, {}, 0, 0};
            lane.progress = std::make_unique<core::Progress>(
                [this, &lane](const std::string& stage, std::uint64_t done, std::uint64_t total) {
                    {
                        std::lock_guard inner(lane.mutex);
                        lane.status.stage = stage;
                        lane.status.done = done;
                        lane.status.total = total;
                    }
                    m_tasks.wake();
                });
            progress = lane.progress.get();
        }
        Completion done;
        try {
            done = item.work(*progress);
        } catch (const core::CancelledError&) {
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: %s: %s\n", name.c_str(), e.what());
        }
        {
            std::lock_guard lock(lane.mutex);
            lane.status.running = false;
            lane.progress.reset();
        }
        m_tasks.post([lane = &lane, alive = std::weak_ptr<bool>(m_alive), done = std::move(done)] {
            const auto flag = alive.lock();
            if (!flag || !*flag) return;  // stopped: the lane and the completion's owner may be gone
            {
                std::lock_guard lock(lane->mutex);
                --lane->outstanding;
            }
            if (done) done();
        });
    }
}

JobRunner::~JobRunner() {
    stop();
}

JobRunner::Lane* JobRunner::find(const std::string& name) const {
    std::lock_guard lock(m_lanesMutex);
    auto it = m_lanes.find(name);
    return it == m_lanes.end() ? nullptr : it->second.get();
}

void JobRunner::submit(const std::string& laneName, std::string key, Work work, std::string title) {
    Lane* lane = nullptr;
    {
        std::lock_guard lock(m_lanesMutex);
        if (!*m_alive) return;  // stopped: nothing runs any more
        auto& slot = m_lanes[laneName];
        if (!slot) {
            slot = std::make_unique<Lane>();
            Lane* created = slot.get();
            created->thread = std::thread([this, created, laneName] { runLane(*created, laneName); });
        }
        lane = slot.get();
    }
    {
        std::lock_guard lock(lane->mutex);
        auto waiting = std::find_if(lane->queue.begin(), lane->queue.end(),
                                    [&](const Lane::Item& item) { return item.key == key; });
        if (waiting != lane->queue.end()) {
            waiting->work = std::move(work);
            waiting->title = std::move(title);
        } else {
            lane->queue.push_back({std::move(key), std::move(title), std::move(work)});
            ++lane->outstanding;
        }
    }
    lane->wake.notify_one();
}

bool JobRunner::busy(const std::string& laneName) const {
    const Lane* lane = find(laneName);
    if (!lane) return false;
    std::lock_guard lock(lane->mutex);
    return lane->outstanding > 0;
}

JobProgress JobRunner::progress(const std::string& laneName) const {
    const Lane* lane = find(laneName);
    if (!lane) return {};
    std::lock_guard lock(lane->mutex);
    return lane->status;
}

void JobRunner::cancel(const std::string& laneName) {
    Lane* lane = find(laneName);
    if (!lane) return;
    std::lock_guard lock(lane->mutex);
    lane->outstanding -= static_cast<int>(lane->queue.size());
    lane->queue.clear();
    if (lane->progress) lane->progress->cancel();
}

void JobRunner::stop() {
    std::map<std::string, std::unique_ptr<Lane>> lanes;
    {
        std::lock_guard lock(m_lanesMutex);
        *m_alive = false;  // completions already posted do nothing now
        lanes.swap(m_lanes);
    }
    for (auto& [name, lane] : lanes) {
        {
            std::lock_guard lock(lane->mutex);
            lane->stopping = true;
            lane->queue.clear();
            if (lane->progress) lane->progress->cancel();
        }
        lane->wake.notify_all();
    }
    for (auto& [name, lane] : lanes) lane->thread.join();
}

}  // namespace lb::ui
