#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace lb::ui {

struct Settings;

// One window of the workstation (STYLE.md §2): an open flag, draw(), UI-only members. Panels read the
// Workspace through its accessors and change things only through its actions.
class Panel {
public:
    virtual ~Panel() = default;
    // Stable id for the settings file, e.g. "layers".
    virtual std::string_view id() const = 0;
    virtual void draw() = 0;
    // Whether the open flag is saved between sessions (dialogs are not).
    virtual bool persistsOpenState() const { return true; }

    bool isOpen() const { return m_open; }
    void setOpen(bool open) { m_open = open; }
    bool* openFlag() { return &m_open; }

protected:
    explicit Panel(bool open) : m_open(open) {}

private:
    bool m_open;
};

// All panels in drawing order. Restores and saves their open state through the settings.
class PanelRegistry {
public:
    template <typename T, typename... Args>
    T& add(Args&&... args) {
        auto panel = std::make_unique<T>(std::forward<Args>(args)...);
        T& ref = *panel;
        m_panels.push_back(std::move(panel));
        return ref;
    }
    // Registers a panel made earlier (when others need a reference to it before its drawing turn).
    template <typename T>
    T& adopt(std::unique_ptr<T> panel) {
        T& ref = *panel;
        m_panels.push_back(std::move(panel));
        return ref;
    }
    void restoreOpenState(const Settings& settings);
    // Writes the open state into the settings; true when anything changed.
    bool storeOpenState(Settings& settings) const;
    void drawAll();
    const std::vector<std::unique_ptr<Panel>>& panels() const { return m_panels; }

private:
    std::vector<std::unique_ptr<Panel>> m_panels;
};

}  // namespace lb::ui
