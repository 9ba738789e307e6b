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
            created->thread = std::thread([this, created, laneName] {
                while (true) {
                    Lane::Item item;
                    core::Progress* progress = nullptr;
                    {
                        std::unique_lock lock(created->mutex);
                        created->wake.wait(lock, [created] { return created->stopping || !created->queue.empty(); });
                        if (created->stopping) return;
                        item = std::move(created->queue.front());
                        created->queue.pop_front();
                        created->status = JobProgress{true, item.title, {}, 0, 0};
                        created->progress = std::make_unique<core::Progress>(
                            [this, created](const std::string& stage, std::uint64_t done, std::uint64_t total) {
                                {
                                    std::lock_guard inner(created->mutex);
                                    created->status.stage = stage;
                                    created->status.done = done;
                                    created->status.total = total;
                                }
                                m_tasks.wake();
                            });
                        progress = created->progress.get();
                    }
                    Completion done;
                    try {
                        done = item.work(*progress);
                    } catch (const core::CancelledError&) {
                    } catch (const std::exception& e) {
                        std::fprintf(stderr, "error: %s: %s\n", laneName.c_str(), e.what());
                    }
                    {
                        std::lock_guard lock(created->mutex);
                        created->status.running = false;
                        created->progress.reset();
                    }
                    m_tasks.post([created, alive = std::weak_ptr<bool>(m_alive), done = std::move(done)] {
                        const auto flag = alive.lock();
                        if (!flag || !*flag) return;
                        {
                            std::lock_guard lock(created->mutex);
                            --created->outstanding;
                        }
                        if (done) done();
                    });
                }
            });
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
