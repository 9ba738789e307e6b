#include "ui/panels/field_mode_panel.hpp"
#include "ui/item_probe.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <string>

#include "ui/edit/field_mode.hpp"
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

FieldModePanel::FieldModePanel(Workspace& workspace, FieldMode& mode, FileDialogPanel& fileDialog, const Layout& layout)
    : DockedPanel(false), m_workspace(workspace), m_mode(mode), m_fileDialog(fileDialog), m_layout(layout) {}

void FieldModePanel::update() {
    const std::string uuid = m_mode.lastSaved() ? m_mode.lastSaved()->observationUuid : std::string();
    if (uuid != m_lastSavedUuid && !uuid.empty()) requestFront();
    m_lastSavedUuid = uuid;
}

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
    probeFact("field.armed", m_mode.armed() ? std::string(edit::fieldMarkInfo(*m_mode.armed()).id) : "none");
    ImGui::PushTextWrapPos(0);
    if (m_mode.armed()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s",
                           tr.format(Str::FieldTapMap, markLabel(*m_mode.armed(), language)).c_str());
    } else {
        ImGui::TextUnformatted(tr(Str::FieldChoose));
    }
    ImGui::PopTextWrapPos();

    // The big buttons: full width, about 1 cm high on a tablet; the armed one is highlighted.
    ImGui::SetWindowFontScale(1.3f);
    const ImVec2 button(-FLT_MIN, 52 * s);
    for (const auto& info : edit::kFieldMarks) {
        // The armed button stays visibly armed under the finger too (hovered and pressed colours), with a
        // thick frame and the word AKTIV: the tap that armed it leaves the pointer on it.
        const bool armed = m_mode.armed() == info.kind;
        if (armed) {
            const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(theme::kAccent);
            ImGui::PushStyleColor(ImGuiCol_Button, accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, accent);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
            ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.1f, 0.1f, 0.1f, 1));
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3 * s);
        }
        std::string label(markLabel(info.kind, language));
        if (armed) label = "\u25B6 " + label + "  (" + tr(Str::FieldArmedBadge) + ")";
        label += "###mark_" + std::string(info.id);
        if (ImGui::Button(label.c_str(), button)) m_mode.arm(info.kind);
        probeItem("field.mark." + std::string(info.id));
        if (armed) {
            ImGui::PopStyleVar();
            ImGui::PopStyleColor(5);
        }
    }
    ImGui::SetWindowFontScale(1.0f);
    if (m_mode.armed() == edit::FieldMarkKind::Graffiti) {
        // One tap, two entries, on purpose: the planner's graffiti layer sees every report. Said here.
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr(Str::FieldGraffitiBoth));
        ImGui::PopTextWrapPos();
    }

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
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(
            ImVec4(0.1f, 0.5f, 0.2f, 1), "%s",
            tr.format(saved->kind == edit::FieldMarkKind::Graffiti ? Str::FieldSavedBoth : Str::FieldSaved,
                      markLabel(saved->kind, language))
                .c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::FieldUndo))) m_mode.undoLast();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::FieldExit), ImVec2(-FLT_MIN, 0))) setOpen(false);
    probeItem("field.exit");
}

}  // namespace lb::ui
