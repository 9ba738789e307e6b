#include "ui/panels/about_panel.hpp"

#include <imgui.h>

#include <string>

#include "ui/theme.hpp"
#include "ui/workspace.hpp"

// The version comes from CMake's project() (src/ui/CMakeLists.txt), as the CLI's --version does; no fallback,
// so a build that forgot it fails instead of showing a made-up number.
#ifndef LAGEBILD_VERSION
#error "LAGEBILD_VERSION is defined by CMake from project(VERSION)"
#endif

namespace lb::ui {

void AboutPanel::draw() {
    const Translator tr = m_workspace.tr();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    const std::string title = std::string(tr(Str::AboutTitle)) + "###about";
    if (ImGui::Begin(title.c_str(), openFlag(), ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::SetWindowFontScale(1.4f);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "Lagebild");
        ImGui::SetWindowFontScale(1.0f);
        ImGui::TextDisabled("Version %s", LAGEBILD_VERSION);
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr(Str::AboutText));
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(Str::AboutAttribution));
    }
    ImGui::End();
}

}  // namespace lb::ui
