#include "ui/panels/layer_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "render/style.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

namespace {

// The name with a line break at the last space that lets the first line fit `width` (unchanged when it fits
// or has no such space).
std::string wrapName(const std::string& name, float width) {
    if (ImGui::CalcTextSize(name.c_str()).x <= width) return name;
    for (std::size_t space = name.rfind(' '); space != std::string::npos && space > 0;
         space = name.rfind(' ', space - 1)) {
        if (ImGui::CalcTextSize(name.substr(0, space).c_str()).x <= width) {
            return name.substr(0, space) + "\n" + name.substr(space + 1);
        }
    }
    // One long word ("Präventionsmaßnahmen"): hyphenated where the first part with its hyphen fits,
    // preferably after a joining "s" of the compound (Präventions-maßnahmen).
    std::size_t fits = 0;
    for (std::size_t at = 1; at < name.size(); ++at) {
        if ((static_cast<unsigned char>(name[at]) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
        if (ImGui::CalcTextSize((name.substr(0, at) + "-").c_str()).x > width) break;
        fits = at;
    }
    if (fits < 3) return name;
    std::size_t at = fits;
    for (std::size_t s = fits; s > fits / 2; --s) {
        if (name[s - 1] == 's') {
            at = s;
            break;
        }
    }
    return name.substr(0, at) + "-\n" + name.substr(at);
}

}  // namespace

LayerPanel::LayerPanel(Workspace& workspace, const Layout& layout, DockState& docks)
    : Panel(true), m_workspace(workspace), m_layout(layout), m_docks(docks) {}

void LayerPanel::draw() {
    if (m_layout.leftCollapsed) return;  // the dock panel draws the strip
    const Translator tr = m_workspace.tr();
    ImGui::SetNextWindowPos(ImVec2(m_layout.left.x, m_layout.left.y));
    ImGui::SetNextWindowSize(ImVec2(m_layout.left.w, m_layout.left.h));
    ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);  // collapsing collapses the dock instead
    const std::string title = std::string(tr(Str::LayersTitle)) + "###layers";
    if (!ImGui::Begin(title.c_str(), openFlag(),
                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                          ImGuiWindowFlags_NoBringToFrontOnFocus)) {
        if (ImGui::IsWindowCollapsed()) m_docks.leftCollapsed = true;
        ImGui::End();
        return;
    }
    if (m_workspace.state() != DocumentState::Ready) {
        ImGui::TextDisabled("%s", tr(Str::LayersNoProject));
        ImGui::End();
        return;
    }
    const auto order = m_workspace.layers().order();
    // Fachdaten first, then the base map, each top of the drawing order first. A thematic layer drawn low
    // (the districts' outlines lie under the roads) still belongs under Fachdaten (issue 18).
    for (const bool thematicPass : {true, false}) {
        bool heading = false;
        for (std::size_t i = order.size(); i-- > 0;) {
            const auto* style = m_workspace.style().find(order[i]);
            const bool thematic = style && style->thematic;
            if (thematic != thematicPass) continue;
            if (!heading) {
                if (!thematicPass) ImGui::Spacing();
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s",
                                   tr(thematicPass ? Str::LayersThematic : Str::LayersBaseMap));
                ImGui::Separator();
                heading = true;
            }
            drawRow(order[i], i, order.size());
        }
    }
    // Thematic layers the map does not draw (visits have no style of their own, many lack a place): their
    // table still opens from here.
    bool noMapHeading = false;
    for (const auto& info : core::kLayers) {
        if (info.kind != core::LayerKind::Thematic || !m_openTable) continue;
        if (std::find(order.begin(), order.end(), std::string(info.name)) != order.end()) continue;
        if (!noMapHeading) {
            ImGui::Spacing();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::LayersNoMap));
            ImGui::Separator();
            noMapHeading = true;
        }
        ImGui::PushID(info.name.data(), info.name.data() + info.name.size());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(std::string(tr.layer(info.name)).c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(!m_workspace.outputGate().layerAllowed(info.id));
        if (ImGui::SmallButton(tr(Str::LayersOpenTable))) m_openTable(info.id);
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::End();
}

void LayerPanel::drawRow(const std::string& layer, std::size_t index, std::size_t count) {
    const Translator tr = m_workspace.tr();
    ImGui::PushID(layer.c_str());
    // Public mode: a layer whose raw features may not leave is not drawn (the gate takes it out of the
    // scene), so the panel neither offers it nor prints its size; the switch stays as it was for later.
    const bool withheld = !m_workspace.outputGate().layerAllowed(layer);
    auto state = m_workspace.layers().state(layer);
    if (withheld) state.visible = false;
    const std::size_t features = m_workspace.layerFeatureCount(layer);

    bool visible = state.visible;
    ImGui::BeginDisabled(withheld);
    if (ImGui::Checkbox("##visible", &visible)) m_workspace.layers().setVisible(layer, visible);
    ImGui::EndDisabled();
    if (withheld && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", tr(Str::LayersPublicHidden));
    }
    ImGui::SameLine();
    if (const auto color = m_workspace.layers().color(layer)) {
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
    const std::string countText =
        withheld ? std::string() : formatInteger(static_cast<std::int64_t>(features), m_workspace.language());
    const float countWidth = ImGui::CalcTextSize(countText.c_str()).x;
    if (!state.visible) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    // In a narrow dock the name keeps the room and the count moves into the tooltip (no cut labels).
    const float avail = ImGui::GetContentRegionAvail().x;
    // The count stays beside the name when the name's longest line leaves room for it.
    const float longestLine = ImGui::CalcTextSize(wrapName(name, avail).c_str()).x;
    const bool countFits = longestLine + countWidth + 3 * ImGui::GetStyle().ItemSpacing.x <= avail;
    // A name longer than the dock is wide goes onto two lines at a space instead of being cut (issue 18).
    const float nameWidth = countFits ? avail - countWidth - ImGui::GetStyle().ItemSpacing.x : avail;
    const std::string shown = wrapName(name, nameWidth);
    if (ImGui::Selectable((shown + "##name").c_str(), expanded, 0, ImVec2(nameWidth, 0))) {
        m_expanded = expanded ? std::string() : layer;
    }
    if (withheld && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s: %s", name.c_str(), tr(Str::LayersPublicHidden));
    } else if (!countFits && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s: %s", name.c_str(), countText.c_str());
    }
    if (!state.visible) ImGui::PopStyleColor();
    if (countFits) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", countText.c_str());
    }

    if (expanded) {
        ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
        float percent = state.opacity * 100.0f;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr(Str::LayersOpacity)).x -
                                ImGui::GetStyle().ItemInnerSpacing.x);
        if (ImGui::SliderFloat(tr(Str::LayersOpacity), &percent, 0, 100, "%.0f %%")) {
            m_workspace.layers().setOpacity(layer, percent / 100.0f);
        }
        ImGui::BeginDisabled(index + 1 >= count);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up)) m_workspace.layers().move(layer, +1);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Str::LayersMoveUp));
        ImGui::SameLine();
        ImGui::BeginDisabled(index == 0);
        if (ImGui::ArrowButton("##down", ImGuiDir_Down)) m_workspace.layers().move(layer, -1);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s", tr(Str::LayersMoveDown));
        }
        ImGui::SameLine();
        const float zoomWidth = ImGui::CalcTextSize(tr(Str::LayersZoomTo)).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (ImGui::GetContentRegionAvail().x < zoomWidth) ImGui::NewLine();  // wrap, do not cut
        ImGui::BeginDisabled(features == 0 || withheld);
        if (ImGui::Button(tr(Str::LayersZoomTo))) m_workspace.zoomToLayer(layer);
        ImGui::EndDisabled();
        if (const auto id = core::layerFromName(layer); id && m_openTable && !withheld) {
            const float tableWidth =
                ImGui::CalcTextSize(tr(Str::LayersOpenTable)).x + 2 * ImGui::GetStyle().FramePadding.x;
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < tableWidth) ImGui::NewLine();
            if (ImGui::Button(tr(Str::LayersOpenTable))) m_openTable(*id);
        }
        ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
        ImGui::Spacing();
    }
    ImGui::PopID();
}

}  // namespace lb::ui
