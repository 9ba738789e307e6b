#include "ui/panels/edit_toolbar_panel.hpp"
#include "ui/item_probe.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/edit/edit_controller.hpp"
#include "ui/edit/edit_tools.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

struct ToolButton {
    EditTool tool;
    Str label;
};
constexpr ToolButton kTools[] = {
    {EditTool::Select, Str::ToolSelect},   {EditTool::Point, Str::ToolPoint},   {EditTool::Line, Str::ToolLine},
    {EditTool::Polygon, Str::ToolPolygon}, {EditTool::Route, Str::ToolRoute},   {EditTool::Vertices, Str::ToolVertices},
    {EditTool::Move, Str::ToolMove},       {EditTool::Delete, Str::ToolDelete},
};

Str hintFor(EditTool tool) {
    switch (tool) {
        case EditTool::Point:
            return Str::ToolsHintPoint;
        case EditTool::Line:
        case EditTool::Polygon:
            return Str::ToolsHintSketch;
        case EditTool::Route:
            return Str::ToolsHintRoute;
        case EditTool::Vertices:
            return Str::ToolsHintVertices;
        case EditTool::Move:
            return Str::ToolsHintMove;
        case EditTool::Delete:
            return Str::ToolsHintDelete;
        case EditTool::Select:
            break;
    }
    return Str::Count;
}

}  // namespace

EditToolbarPanel::EditToolbarPanel(Workspace& workspace, EditController& editor, EditTools& tools, Panel& fieldMode,
                                   const Layout& layout)
    : Panel(true), m_workspace(workspace), m_editor(editor), m_tools(tools), m_fieldMode(fieldMode), m_layout(layout) {}

void EditToolbarPanel::syncTarget() {
    std::optional<EditTarget> target;
    if (const auto& selection = m_workspace.selection()) {
        const auto layer = core::layerFromName(selection->ref.layer);
        if (layer && core::layerInfo(*layer).kind == core::LayerKind::Thematic) {
            for (const auto& [column, value] : selection->attributes) {
                if (column == "uuid") target = EditTarget{*layer, value};
            }
        }
    }
    // After every committed edit the stored geometry may differ: reload it.
    if (target != m_tools.target() || m_seenRevision != m_editor.revision()) m_tools.setTarget(target);
    m_seenRevision = m_editor.revision();
    m_tools.setResolution(m_workspace.view().metresPerPixel);
}

void EditToolbarPanel::draw() {
    const bool ready = m_workspace.state() == DocumentState::Ready && m_editor.isOpen();
    if (!ready) {
        m_tools.setTool(EditTool::Select);
        return;
    }
    syncTarget();
    if (m_fieldMode.isOpen()) m_tools.setTool(EditTool::Select);  // one editing mode at a time
    if (m_tools.tool() == EditTool::Delete && m_tools.target()) {
        requestDelete();
        m_tools.setTool(EditTool::Select);
    }
    const Translator tr = m_workspace.tr();
    const float s = m_layout.scale;
    const auto& area = m_layout.centre;
    // Bottom centre of the map, above scale bar and attribution: the legend (top left) and the analysis
    // panels (right) stay visible.
    ImGui::SetNextWindowPos(ImVec2(area.x + 0.5f * area.w, area.y + area.h - 34 * s), ImGuiCond_Always,
                            ImVec2(0.5f, 1));
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (ImGui::Begin("##edit_toolbar", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing)) {
        const bool field = m_fieldMode.isOpen();
        if (field) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
        if (field) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button(tr(Str::MenuFieldMode), ImVec2(0, ImGui::GetFrameHeight() * 1.3f)))
            m_fieldMode.setOpen(!field);
        probeItem("toolbar.field_mode");
        if (field) ImGui::PopStyleColor(2);
        // Editing the selected feature's attributes is its own action (a click only shows them).
        if (!field && m_tools.target()) {
            ImGui::SameLine();
            if (ImGui::Button(tr(Str::FormEdit), ImVec2(0, ImGui::GetFrameHeight() * 1.3f))) m_tools.requestEdit();
            probeItem("toolbar.edit");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::FormEditTooltip));
        }
        if (m_showTools && !field) drawToolButtons();
    }
    ImGui::End();
    drawDeleteConfirmation();
}

void EditToolbarPanel::drawToolButtons() {
    const Translator tr = m_workspace.tr();
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    for (const auto& button : kTools) {
        ImGui::SameLine();
        const bool on = m_tools.tool() == button.tool;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
        if (on) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        if (ImGui::Button(tr(button.label))) m_tools.setTool(button.tool);
        if (on) ImGui::PopStyleColor(2);
    }
    // The target layer of new features: the thematic layers.
    ImGui::TextUnformatted(tr(Str::ToolsLayer));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const std::string current(tr.layer(core::layerInfo(m_tools.layer()).name));
    if (ImGui::BeginCombo("##target_layer", current.c_str())) {
        for (const auto& info : core::kLayers) {
            if (info.kind != core::LayerKind::Thematic) continue;
            const std::string label(tr.layer(info.name));
            if (ImGui::Selectable(label.c_str(), info.id == m_tools.layer())) m_tools.setLayer(info.id);
        }
        ImGui::EndCombo();
    }
    if (m_tools.tool() == EditTool::Route) m_tools.setLayer(core::LayerId::Routes);
    const Str hint = hintFor(m_tools.tool());
    if (hint != Str::Count) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(hint));
    }
    if (!m_tools.lastError().empty())
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_tools.lastError().c_str());
}

void EditToolbarPanel::drawDeleteConfirmation() {
    const Translator tr = m_workspace.tr();
    const std::string title = std::string(tr(Str::DeleteTitle)) + "###delete_feature";
    if (m_deleteRequested && m_tools.target()) ImGui::OpenPopup(title.c_str());
    m_deleteRequested = false;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const auto& target = m_tools.target();
    if (!target) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const auto& selection = m_workspace.selection();
    const std::string text = tr.format(Str::DeleteText, tr.layer(core::layerInfo(target->layer).name),
                                       static_cast<long long>(selection ? selection->ref.fid : 0));
    ImGui::TextUnformatted(text.c_str());
    const float width = ImGui::GetFontSize() * 8;
    if (ImGui::Button(tr(Str::DeleteConfirm), ImVec2(width, 0))) {
        const auto outcome = m_editor.apply(edit::deleteFeature(target->layer, target->uuid));
        if (!outcome.ok) m_workspace.notices().push({true, outcome.error, {}});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::FormCancel), ImVec2(width, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace lb::ui
