#include "ui/task_queue.hpp"

#include <utility>

namespace lb::ui {

void TaskQueue::post(Task task) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    wake();
}

void TaskQueue::drain() {
    std::vector<Task> tasks;
    {
        std::lock_guard lock(m_mutex);
        tasks.swap(m_tasks);
    }
    for (auto& task : tasks) task();
}

bool TaskQueue::pending() const {
    std::lock_guard lock(m_mutex);
    return !m_tasks.empty();
}

void TaskQueue::setWakeHook(std::function<void()> hook) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(hook);
}

void TaskQueue::wake() const {
    std::function<void()> hook;
    {
        std::lock_guard lock(m_mutex);
        hook = m_wake;
    }
    if (hook) hook();
}

}  // namespace lb::ui
