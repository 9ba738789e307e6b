#include "ui/panels/info_panel.hpp"

#include <imgui.h>

#include <string>

#include "ui/format.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

InfoPanel::InfoPanel(Workspace& workspace) : DockedPanel(true), m_workspace(workspace) {}

std::string InfoPanel::tabTitle() const {
    return m_workspace.tr()(Str::InfoTitle);
}

void InfoPanel::update() {
    const auto& selection = m_workspace.selection();
    std::optional<render::FeatureRef> now;
    if (selection) now = selection->ref;
    if (now && now != m_shown) requestFront();
    m_shown = now;
}

void InfoPanel::drawContent() {
    const Translator tr = m_workspace.tr();
    const auto& selection = m_workspace.selection();
    if (!selection) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr(Str::InfoNothing));
        ImGui::PopTextWrapPos();
        return;
    }
    const Language language = m_workspace.language();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s",
                       std::string(tr.layer(selection->ref.layer)).c_str());
    ImGui::TextDisabled("%s %s", tr(Str::InfoFeatureId), formatInteger(selection->ref.fid, language).c_str());
    ImGui::Spacing();
    if (ImGui::BeginTable("attributes", 2,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                              ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr(Str::InfoAttribute), ImGuiTableColumnFlags_WidthStretch, 0.42f);
        ImGui::TableSetupColumn(tr(Str::InfoValue), ImGuiTableColumnFlags_WidthStretch, 0.58f);
        ImGui::TableHeadersRow();
        for (std::size_t i : attributeDisplayOrder(selection->attributes)) {
            const auto& [column, value] = selection->attributes[i];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(std::string(tr.column(column)).c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableSetColumnIndex(1);
            ImGui::PushTextWrapPos(0);
            if (m_workspace.publicMode() && !m_workspace.outputGate().columnAllowed(column)) {
                ImGui::TextDisabled("–");  // public mode: no authors, notes or photos on the screen
            } else if (column == "uuid") {
                ImGui::TextDisabled("%s", value.c_str());  // for support requests; nobody reads it first
            } else {
                ImGui::TextUnformatted(displayValue(column, value, language).c_str());
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::InfoClear))) m_workspace.clearSelection();
}

}  // namespace lb::ui
