#pragma once

#include <memory>
#include <utility>

namespace lb::ui {

// Owns the one object a panel draws from (a form, a list it iterates) and never frees or replaces it in
// the middle of a frame: reset() and replace() only note the change, settle() carries it out. A panel
// calls settle() at the start of draw(), before it touches the object, so everything drawn in one frame
// sees the same object from Begin() to End() — a button that closes a form while the form's fields are
// still being drawn cannot leave a dangling pointer behind (issue #18: Abbrechen crashed the GUI).
template <typename T>
class FrameOwned {
public:
    T* get() const { return m_current.get(); }
    T* operator->() const { return m_current.get(); }
    T& operator*() const { return *m_current; }
    explicit operator bool() const { return m_current != nullptr; }

    // From the next settle() on, the object is `next` (nullptr: none).
    void replace(std::unique_ptr<T> next) {
        m_next = std::move(next);
        m_pending = true;
    }
    void reset() { replace(nullptr); }
    // Whether a change waits for settle(); what the object will be then.
    bool pending() const { return m_pending; }
    const T* upcoming() const { return m_pending ? m_next.get() : m_current.get(); }

    // Carries out the noted change; call between frames (at the start of draw()) only.
    void settle() {
        if (!m_pending) return;
        m_pending = false;
        m_current = std::move(m_next);
    }

private:
    std::unique_ptr<T> m_current;
    std::unique_ptr<T> m_next;
    bool m_pending = false;
};

}  // namespace lb::ui
