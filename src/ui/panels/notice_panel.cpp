#include "ui/panels/notice_panel.hpp"

#include <imgui.h>

#include <string>

#include "ui/workspace.hpp"

namespace lb::ui {

void NoticePanel::draw() {
    const auto& notices = m_workspace.notices().all();
    if (notices.empty()) return;
    // Not while another modal (a file dialog) is up: they would fight over the focus.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !ImGui::IsPopupOpen("###notice")) return;
    const Translator tr = m_workspace.tr();
    const auto& notice = notices.front();
    const std::string title = std::string(tr(notice.error ? Str::NoticeError : Str::NoticeTitle)) + "###notice";
    if (!ImGui::IsPopupOpen("###notice")) {
        ImGui::OpenPopup(title.c_str());
        m_enterArmed = false;
    }
    // Enter closes the notice only once it was up with Enter released: the Enter that confirmed a dialog
    // (a merged field package) must not close the report it brings before anyone could read it.
    const int enter = ImGui::GetKeyIndex(ImGuiKey_Enter);
    if (!ImGui::IsKeyDown(enter)) m_enterArmed = true;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 24, 0),
                                        ImVec2(viewport->Size.x * 0.7f, viewport->Size.y * 0.7f));
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        ImGui::TextUnformatted(notice.text.c_str());
        for (const auto& line : notice.details) ImGui::TextDisabled("%s", line.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button(tr(Str::NoticeClose), ImVec2(ImGui::GetFontSize() * 8, 0)) ||
            (m_enterArmed && ImGui::IsKeyPressed(enter))) {
            m_workspace.notices().dismiss();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace lb::ui
