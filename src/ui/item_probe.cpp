#include "ui/item_probe.hpp"

#include <imgui.h>

namespace lb::ui {

std::optional<ItemRect> ItemProbe::find(std::string_view key) const {
    const auto it = m_items.find(key);
    if (it == m_items.end()) return std::nullopt;
    return it->second;
}

std::optional<std::pair<std::string, int>> ItemProbe::fact(std::string_view key) const {
    const auto it = m_facts.find(key);
    if (it == m_facts.end()) return std::nullopt;
    return it->second;
}

void probeFact(std::string_view key, std::string value) {
    if (auto* probe = static_cast<ItemProbe*>(ImGui::GetIO().UserData))
        probe->state(key, std::move(value), ImGui::GetFrameCount());
}

void probeItem(std::string_view key) {
    auto* probe = static_cast<ItemProbe*>(ImGui::GetIO().UserData);
    if (!probe || !ImGui::IsItemVisible()) return;  // scrolled away or clipped: not clickable now
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    probe->record(key, ItemRect{min.x, min.y, max.x, max.y, ImGui::GetFrameCount()});
}

}  // namespace lb::ui
