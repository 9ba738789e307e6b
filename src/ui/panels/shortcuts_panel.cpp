#include "ui/panels/shortcuts_panel.hpp"

#include <imgui.h>

#include <string>
#include <utility>

#include "ui/workspace.hpp"

namespace lb::ui {

void ShortcutsPanel::draw() {
    const Translator tr = m_workspace.tr();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0), ImGuiCond_Appearing);
    const std::string title = std::string(tr(Str::ShortcutsTitle)) + "###shortcuts";
    if (ImGui::Begin(title.c_str(), openFlag(), ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        constexpr std::pair<Str, Str> kRows[] = {
            {Str::ShortcutPan, Str::ShortcutPanKeys},   {Str::ShortcutZoom, Str::ShortcutZoomKeys},
            {Str::ShortcutFull, Str::ShortcutFullKeys}, {Str::ShortcutSelect, Str::ShortcutSelectKeys},
            {Str::ShortcutOpen, Str::ShortcutOpenKeys}, {Str::ShortcutExport, Str::ShortcutExportKeys},
            {Str::ShortcutQuit, Str::ShortcutQuitKeys},
        };
        if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn(tr(Str::ShortcutsAction));
            ImGui::TableSetupColumn(tr(Str::ShortcutsKeys));
            ImGui::TableHeadersRow();
            for (const auto& [action, keys] : kRows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(tr(action));
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(tr(keys));
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace lb::ui
