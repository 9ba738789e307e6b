#pragma once

#include <string>
#include <utility>

#include "ui/panel.hpp"

namespace lb::ui {

// A panel shown as a tab of the right dock (DockPanel) instead of in a window of its own over the map.
// The registry's draw() runs update() every frame while the panel is open; the dock calls drawContent()
// for the front tab inside its window.
class DockedPanel : public Panel {
public:
    // The tab's label in the UI language (also the dock's title while it is in front).
    virtual std::string tabTitle() const = 0;
    // Whether the panel has a tab now (default: its open flag).
    virtual bool tabShown() const { return isOpen(); }
    // The tab's close button.
    virtual void closeTab() { setOpen(false); }
    // The tab's widgets, drawn into the dock's content region.
    virtual void drawContent() = 0;
    void draw() final { update(); }

    // Asks the dock to bring this tab to the front (a request, read once by the dock).
    void requestFront() { m_frontRequested = true; }
    bool takeFrontRequest() { return std::exchange(m_frontRequested, false); }

protected:
    using Panel::Panel;
    // Per-frame work that must not wait for the tab to be in front (following the edit tools, ...).
    virtual void update() {}

private:
    bool m_frontRequested = false;
};

}  // namespace lb::ui
