#include "ui/panels/info_panel.hpp"

#include <imgui.h>

#include <string>

#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

InfoPanel::InfoPanel(Workspace& workspace, const Layout& layout)
    : Panel(true), m_workspace(workspace), m_layout(layout) {}

void InfoPanel::draw() {
    const Translator tr = m_workspace.tr();
    ImGui::SetNextWindowPos(ImVec2(m_layout.right.x, m_layout.right.y));
    ImGui::SetNextWindowSize(ImVec2(m_layout.right.w, m_layout.right.h));
    const std::string title = std::string(tr(Str::InfoTitle)) + "###info";
    if (!ImGui::Begin(title.c_str(), openFlag(),
                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus)) {
        ImGui::End();
        return;
    }
    const auto& selection = m_workspace.selection();
    if (!selection) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr(Str::InfoNothing));
        ImGui::PopTextWrapPos();
        ImGui::End();
        return;
    }
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s",
                       std::string(tr.layer(selection->ref.layer)).c_str());
    ImGui::TextDisabled("%s %lld", tr(Str::InfoFeatureId), static_cast<long long>(selection->ref.fid));
    ImGui::Spacing();
    if (ImGui::BeginTable("attributes", 2,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                              ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr(Str::InfoAttribute), ImGuiTableColumnFlags_WidthStretch, 0.42f);
        ImGui::TableSetupColumn(tr(Str::InfoValue), ImGuiTableColumnFlags_WidthStretch, 0.58f);
        ImGui::TableHeadersRow();
        for (const auto& [column, value] : selection->attributes) {
            if (column == "id") continue;  // shown above as the feature number
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(std::string(tr.column(column)).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(displayValue(column, value, m_workspace.language()).c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::InfoClear))) m_workspace.clearSelection();
    ImGui::End();
}

}  // namespace lb::ui
