#include "ui/analysis/analysis_runner.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "ui/task_queue.hpp"

namespace lb::ui {

AnalysisRunner::AnalysisRunner(TaskQueue& tasks) : m_tasks(tasks), m_thread([this] { loop(); }) {}

AnalysisRunner::~AnalysisRunner() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void AnalysisRunner::submit(std::string key, Work work) {
    {
        std::lock_guard lock(m_mutex);
        auto waiting = std::find_if(m_queue.begin(), m_queue.end(), [&](const Item& item) { return item.key == key; });
        if (waiting != m_queue.end()) {
            waiting->work = std::move(work);
        } else {
            m_queue.push_back({std::move(key), std::move(work)});
            ++m_outstanding;
        }
    }
    m_wake.notify_one();
}

bool AnalysisRunner::busy() const {
    std::lock_guard lock(m_mutex);
    return m_outstanding > 0;
}

void AnalysisRunner::loop() {
    while (true) {
        Work work;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_stop) return;
            work = std::move(m_queue.front().work);
            m_queue.pop_front();
        }
        Completion done;
        try {
            done = work();
        } catch (const std::exception& e) {
            // Work reports its own errors through its completion; this is a programming mistake.
            std::fprintf(stderr, "error: analysis: %s\n", e.what());
        }
        m_tasks.post([this, alive = std::weak_ptr<bool>(m_alive), done = std::move(done)] {
            if (alive.expired()) return;
            {
                std::lock_guard lock(m_mutex);
                --m_outstanding;
            }
            if (done) done();
        });
    }
}

}  // namespace lb::ui
