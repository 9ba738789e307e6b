#include "ui/panels/author_dialog_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>

#include "ui/edit/edit_controller.hpp"
#include "ui/settings.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

std::string osUserName() {
    for (const char* variable : {"USER", "LOGNAME"}) {
        if (const char* value = std::getenv(variable); value && *value) return value;
    }
    return {};
}

AuthorDialogPanel::AuthorDialogPanel(Workspace& workspace, Settings& settings, EditController& editor)
    : Panel(false), m_workspace(workspace), m_settings(settings), m_editor(editor) {}

void AuthorDialogPanel::ask() {
    m_name = m_settings.author.empty() ? osUserName() : m_settings.author;
    setOpen(true);
}

void AuthorDialogPanel::draw() {
    if (!isOpen()) return;
    const Translator tr = m_workspace.tr();
    const std::string title = std::string(tr(Str::AuthorTitle)) + "###author";
    if (!m_shown) {  // opened by ask() or by the menu's open flag
        if (m_name.empty()) m_name = m_settings.author.empty() ? osUserName() : m_settings.author;
        ImGui::OpenPopup(title.c_str());
        m_shown = true;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        setOpen(false);
        m_shown = false;
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(tr(Str::AuthorText));
    ImGui::PopTextWrapPos();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    const bool entered = ImGui::InputText(tr(Str::AuthorName), &m_name, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool valid = m_name.find_first_not_of(" \t") != std::string::npos;
    ImGui::BeginDisabled(!valid);
    if ((ImGui::Button(tr(Str::AuthorOk), ImVec2(ImGui::GetFontSize() * 8, 0)) || entered) && valid) {
        m_settings.author = m_name;
        m_editor.setAuthor(m_name);
        m_workspace.markSettingsDirty();
        setOpen(false);
        m_shown = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::EndPopup();
}

}  // namespace lb::ui
