#include "ui/panels/field_mode_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <string>

#include "ui/field_mode.hpp"
#include "ui/layout.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

std::string_view markLabel(edit::FieldMarkKind kind, Language language) {
    const auto& info = edit::fieldMarkInfo(kind);
    return language == Language::English ? info.labelEn : info.labelDe;
}

}  // namespace

FieldModePanel::FieldModePanel(Workspace& workspace, FieldMode& mode, FileDialogPanel& fileDialog,
                               const Layout& layout)
    : DockedPanel(false), m_workspace(workspace), m_mode(mode), m_fileDialog(fileDialog), m_layout(layout) {}

std::string FieldModePanel::tabTitle() const {
    return m_workspace.tr()(Str::FieldTitle);
}

bool FieldModePanel::tabShown() const {
    return isOpen() && m_mode.enabled();  // the shell enables the mode while this panel is open on a loaded project
}

void FieldModePanel::drawContent() {
    const Translator tr = m_workspace.tr();
    const float s = m_layout.scale;
    const Language language = m_workspace.language();
    ImGui::PushTextWrapPos(0);
    if (m_mode.armed()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), tr(Str::FieldTapMap),
                           std::string(markLabel(*m_mode.armed(), language)).c_str());
    } else {
        ImGui::TextUnformatted(tr(Str::FieldChoose));
    }
    ImGui::PopTextWrapPos();

    // The big buttons: full width, about 1 cm high on a tablet; the armed one is highlighted.
    ImGui::SetWindowFontScale(1.3f);
    const ImVec2 button(-FLT_MIN, 52 * s);
    for (const auto& info : edit::kFieldMarks) {
        const bool armed = m_mode.armed() == info.kind;
        if (armed) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
        if (armed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        const std::string label = std::string(markLabel(info.kind, language)) + "###mark_" + std::string(info.id);
        if (ImGui::Button(label.c_str(), button)) m_mode.arm(info.kind);
        if (armed) ImGui::PopStyleColor(2);
    }
    ImGui::SetWindowFontScale(1.0f);

    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::FieldNote));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextMultiline("##note", &m_mode.note(), ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(Str::FieldNoteHint));
    ImGui::PopTextWrapPos();
    if (m_mode.photo()) {
        ImGui::TextUnformatted(m_mode.photo()->filename().string().c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Str::FieldPhotoRemove))) m_mode.setPhoto(std::nullopt);
    } else if (ImGui::Button(tr(Str::FieldPhoto), ImVec2(-FLT_MIN, 34 * s))) {
        m_fileDialog.openPhoto([&mode = m_mode](const std::filesystem::path& file) { mode.setPhoto(file); });
    }

    if (!m_mode.lastError().empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_mode.lastError().c_str());
        ImGui::PopTextWrapPos();
    }
    if (const auto& saved = m_mode.lastSaved()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), tr(Str::FieldSaved),
                           std::string(markLabel(saved->kind, language)).c_str());
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::FieldUndo))) m_mode.undoLast();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::FieldExit), ImVec2(-FLT_MIN, 0))) setOpen(false);
}

}  // namespace lb::ui
