#include "ui/panels/layer_panel.hpp"

#include <imgui.h>

#include <cstdio>

#include "render/style.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

LayerPanel::LayerPanel(Workspace& workspace, const Layout& layout)
    : Panel(true), m_workspace(workspace), m_layout(layout) {}

void LayerPanel::draw() {
    const Translator tr = m_workspace.tr();
    ImGui::SetNextWindowPos(ImVec2(m_layout.left.x, m_layout.left.y));
    ImGui::SetNextWindowSize(ImVec2(m_layout.left.w, m_layout.left.h));
    const std::string title = std::string(tr(Str::LayersTitle)) + "###layers";
    if (!ImGui::Begin(title.c_str(), openFlag(),
                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus)) {
        ImGui::End();
        return;
    }
    if (m_workspace.state() != DocumentState::Ready) {
        ImGui::TextDisabled("%s", tr(Str::LayersNoProject));
        ImGui::End();
        return;
    }
    const auto order = m_workspace.layerOrder();
    bool thematicHeading = false;
    bool baseHeading = false;
    // Top of the drawing order first.
    for (std::size_t i = order.size(); i-- > 0;) {
        const auto* style = m_workspace.style().find(order[i]);
        const bool thematic = style && style->thematic;
        if (thematic && !thematicHeading) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::LayersThematic));
            ImGui::Separator();
            thematicHeading = true;
        } else if (!thematic && !baseHeading) {
            if (thematicHeading) ImGui::Spacing();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::LayersBaseMap));
            ImGui::Separator();
            baseHeading = true;
        }
        drawRow(order[i], i, order.size());
    }
    ImGui::End();
}

void LayerPanel::drawRow(const std::string& layer, std::size_t index, std::size_t count) {
    const Translator tr = m_workspace.tr();
    ImGui::PushID(layer.c_str());
    const auto state = m_workspace.layerState(layer);
    const std::size_t features = m_workspace.layerFeatureCount(layer);

    bool visible = state.visible;
    if (ImGui::Checkbox("##visible", &visible)) m_workspace.setLayerVisible(layer, visible);
    ImGui::SameLine();
    if (const auto color = m_workspace.layerColor(layer)) {
        auto& edit = m_colorEdits[layer];
        if (!ImGui::IsPopupOpen("##colorpicker", ImGuiPopupFlags_AnyPopupId)) edit = {color->r, color->g, color->b};
        ImGui::ColorEdit3("##color", edit.data(),
                          ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel | ImGuiColorEditFlags_NoAlpha);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            m_workspace.setLayerColor(layer, render::Color{edit[0], edit[1], edit[2], color->a});
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::LayersColor));
        ImGui::SameLine();
    }
    const bool expanded = m_expanded == layer;
    const std::string name(tr.layer(layer));
    const std::string countText = formatInteger(static_cast<std::int64_t>(features), m_workspace.language());
    const float countWidth = ImGui::CalcTextSize(countText.c_str()).x;
    if (!state.visible) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ImGui::Selectable(name.c_str(), expanded, 0,
                          ImVec2(ImGui::GetContentRegionAvail().x - countWidth - ImGui::GetStyle().ItemSpacing.x, 0))) {
        m_expanded = expanded ? std::string() : layer;
    }
    if (!state.visible) ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", countText.c_str());

    if (expanded) {
        ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
        float percent = state.opacity * 100.0f;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr(Str::LayersOpacity)).x -
                                ImGui::GetStyle().ItemInnerSpacing.x);
        if (ImGui::SliderFloat(tr(Str::LayersOpacity), &percent, 0, 100, "%.0f %%")) {
            m_workspace.setLayerOpacity(layer, percent / 100.0f);
        }
        ImGui::BeginDisabled(index + 1 >= count);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up)) m_workspace.moveLayer(layer, +1);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::LayersMoveUp));
        ImGui::SameLine();
        ImGui::BeginDisabled(index == 0);
        if (ImGui::ArrowButton("##down", ImGuiDir_Down)) m_workspace.moveLayer(layer, -1);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s", tr(Str::LayersMoveDown));
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(features == 0);
        if (ImGui::Button(tr(Str::LayersZoomTo))) m_workspace.zoomToLayer(layer);
        ImGui::EndDisabled();
        ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
        ImGui::Spacing();
    }
    ImGui::PopID();
}

}  // namespace lb::ui
