#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace lb::ui {

class TaskQueue;

// One worker thread for the analysis panels (queries, heatmap, SQL), apart from the workspace's job so
// that a query never waits for an import and vice versa. Work returns a completion that runs on the main
// thread (through the TaskQueue). Work submitted under a key replaces that key's work still waiting, so a
// dragged slider computes only its latest value.
class AnalysisRunner {
public:
    using Completion = std::function<void()>;
    using Work = std::function<Completion()>;

    explicit AnalysisRunner(TaskQueue& tasks);
    ~AnalysisRunner();
    AnalysisRunner(const AnalysisRunner&) = delete;
    AnalysisRunner& operator=(const AnalysisRunner&) = delete;

    void submit(std::string key, Work work);
    // Work waiting, running, or its completion not yet run on the main thread.
    bool busy() const;

private:
    struct Item {
        std::string key;
        Work work;
    };
    void loop();

    TaskQueue& m_tasks;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    int m_outstanding = 0;  // submitted and not yet completed on the main thread
    bool m_stop = false;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);  // completions check it after we are gone
    std::thread m_thread;
};

}  // namespace lb::ui
