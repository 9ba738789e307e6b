#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace lb::ui {

// Work posted from worker threads to run on the main (GL/ImGui) thread, drained once per frame
// (STYLE.md §2; Tracy's RunQueue). The app installs a wake-up hook so that a waiting frame loop notices.
class TaskQueue {
public:
    using Task = std::function<void()>;

    void post(Task task);
    // Runs everything posted so far, in order. Main thread only.
    void drain();
    bool pending() const;
    // Called (from any thread) after each post and on progress, e.g. glfwPostEmptyEvent.
    void setWakeHook(std::function<void()> hook);
    void wake() const;

private:
    mutable std::mutex m_mutex;
    std::vector<Task> m_tasks;
    std::function<void()> m_wake;
};

}  // namespace lb::ui
