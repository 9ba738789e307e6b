#include "ui/item_probe.hpp"

#include <imgui.h>

#include <algorithm>

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
    // The part that can be clicked: within the current clip rectangle (a table row spans all its columns,
    // also those scrolled out of sight; its visible part is the cell it was submitted in).
    const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ItemRect rect{std::max(min.x, clipMin.x), std::max(min.y, clipMin.y), std::min(max.x, clipMax.x),
                        std::min(max.y, clipMax.y), ImGui::GetFrameCount()};
    if (rect.x0 > rect.x1 || rect.y0 > rect.y1) return;  // outside the clip rectangle
    probe->record(key, rect);
}

}  // namespace lb::ui
