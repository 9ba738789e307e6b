#include "ui/panel.hpp"

#include <string>

#include "ui/settings.hpp"

namespace lb::ui {

void PanelRegistry::restoreOpenState(const Settings& settings) {
    for (const auto& panel : m_panels) {
        if (!panel->persistsOpenState()) continue;
        auto it = settings.panels.find(std::string(panel->id()));
        if (it != settings.panels.end()) panel->setOpen(it->second);
    }
}

bool PanelRegistry::storeOpenState(Settings& settings) const {
    bool changed = false;
    for (const auto& panel : m_panels) {
        if (!panel->persistsOpenState()) continue;
        auto [it, inserted] = settings.panels.try_emplace(std::string(panel->id()), panel->isOpen());
        if (inserted || it->second != panel->isOpen()) changed = true;
        it->second = panel->isOpen();
    }
    return changed;
}

void PanelRegistry::drawAll() {
    for (const auto& panel : m_panels) {
        if (panel->isOpen()) panel->draw();
    }
}

}  // namespace lb::ui
