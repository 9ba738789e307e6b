#include "ui/panels/slides_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ui/item_probe.hpp"
#include "ui/presentation.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

template <std::size_t N>
void copyInto(std::array<char, N>& buffer, const std::string& text) {
    const std::size_t n = std::min(text.size(), N - 1);
    std::memcpy(buffer.data(), text.data(), n);
    buffer[n] = '\0';
}

}  // namespace

SlidesPanel::SlidesPanel(Workspace& workspace, Presentation& presentation)
    : Panel(false), m_workspace(workspace), m_presentation(presentation) {}

void SlidesPanel::draw() {
    const Translator tr = m_workspace.tr();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 30), ImGuiCond_Appearing);
    const std::string title = std::string(tr(Str::PresentWindowTitle)) + "###slides";
    if (!ImGui::Begin(title.c_str(), openFlag(), ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const bool ready = m_workspace.state() == DocumentState::Ready;
    const bool editable = ready && !m_presentation.fromFile();
    if (m_presentation.fromFile()) ImGui::TextWrapped("%s", tr(Str::PresentFromFile));
    if (editable) {
        ImGui::InputText(tr(Str::PresentName), m_name.data(), m_name.size());
        ImGui::InputText(tr(Str::PresentCaption), m_caption.data(), m_caption.size());
        const bool named = m_name[0] != '\0';
        ImGui::BeginDisabled(!named || m_presentation.slidesBusy());
        if (ImGui::Button(tr(Str::PresentSaveView))) {
            m_presentation.saveCurrentView(m_name.data(), m_caption.data());
            m_name[0] = m_caption[0] = '\0';
        }
        probeItem("slides.save");
        ImGui::EndDisabled();
        if (m_presentation.canUndoDelete()) {
            ImGui::SameLine();
            if (ImGui::Button(tr(Str::PresentUndoDelete))) m_presentation.undoDelete();
        }
    }
    ImGui::Separator();
    drawList();
    ImGui::Separator();
    ImGui::BeginDisabled(m_presentation.slides().empty() || !ready);
    if (ImGui::Button(tr(Str::PresentStart))) {
        if (m_presentation.start(0)) setOpen(false);
    }
    probeItem("slides.start");
    ImGui::EndDisabled();
    if (editable) {
        ImGui::Separator();
        if (!m_logoShown) {
            copyInto(m_logo, m_presentation.logoPath());
            m_logoShown = true;
        }
        ImGui::InputText(tr(Str::PresentLogo), m_logo.data(), m_logo.size());
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::PresentLogoSet))) m_presentation.setLogo(m_logo.data());
    }
    drawDeleteConfirmation();
    ImGui::End();
}

void SlidesPanel::drawList() {
    const Translator tr = m_workspace.tr();
    const auto& slides = m_presentation.slides();
    if (slides.empty()) {
        ImGui::TextWrapped("%s", tr(Str::PresentNone));
        return;
    }
    const bool editable = !m_presentation.fromFile() && !m_presentation.slidesBusy();
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const auto& slide = slides[i];
        ImGui::PushID(slide.uuid.empty() ? static_cast<int>(i)
                                         : static_cast<int>(std::hash<std::string>{}(slide.uuid)));
        if (m_renaming == slide.uuid && editable) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            const bool enter =
                ImGui::InputText("##rename", m_rename.data(), m_rename.size(), ImGuiInputTextFlags_EnterReturnsTrue);
            ImGui::SameLine();
            if ((enter || ImGui::SmallButton("OK")) && m_rename[0] != '\0') {
                m_presentation.renameSlide(slide.uuid, m_rename.data());
                m_renaming.clear();
            }
        } else {
            ImGui::Text("%zu. %s", i + 1, slide.name.c_str());
            if (!slide.definition.caption.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", slide.definition.caption.c_str());
        }
        if (editable) {
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 15);
            if (ImGui::SmallButton(tr(Str::PresentRename))) {
                m_renaming = slide.uuid;
                copyInto(m_rename, slide.name);
            }
            ImGui::SameLine();
            ImGui::BeginDisabled(i == 0);
            if (ImGui::ArrowButton("##up", ImGuiDir_Up)) m_presentation.moveSlide(slide.uuid, -1);
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(i + 1 == slides.size());
            if (ImGui::ArrowButton("##down", ImGuiDir_Down)) m_presentation.moveSlide(slide.uuid, +1);
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(Str::PresentDelete))) m_deleting = slide.uuid;
        }
        ImGui::PopID();
    }
}

void SlidesPanel::drawDeleteConfirmation() {
    const Translator tr = m_workspace.tr();
    if (!m_deleting.empty() && !ImGui::IsPopupOpen("##slide_delete")) ImGui::OpenPopup("##slide_delete");
    if (!ImGui::BeginPopupModal("##slide_delete", nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    const auto& slides = m_presentation.slides();
    const auto it = std::find_if(slides.begin(), slides.end(), [&](const auto& s) { return s.uuid == m_deleting; });
    ImGui::TextUnformatted(tr.format(Str::PresentDeleteConfirm, it == slides.end() ? "" : it->name).c_str());
    if (ImGui::Button(tr(Str::PresentDeleteOk))) {
        m_presentation.deleteSlide(m_deleting);
        m_deleting.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::PresentCancel))) {
        m_deleting.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace lb::ui
