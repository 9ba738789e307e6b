// Section index: [frame] [keys] [title] [controls] [logo] [public mode]
#include "ui/panels/presentation_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/layout.hpp"
#include "ui/presentation.hpp"
#include "ui/widgets/gl_texture.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

}  // namespace

PresentationPanel::PresentationPanel(Workspace& workspace, Presentation& presentation, const Layout& layout)
    : Panel(true), m_workspace(workspace), m_presentation(presentation), m_layout(layout) {}

PresentationPanel::~PresentationPanel() = default;

// [frame]

void PresentationPanel::draw() {
    if (!m_presentation.active()) return;
    handleKeys();
    if (!m_presentation.active()) return;  // Escape
    drawLogo();
    drawTitle();
    drawControls();
    drawPublicConfirmation();
}

// [keys]

void PresentationPanel::handleKeys() {
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); };
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_PageDown) ||
        pressed(ImGuiKey_Space)) {
        m_presentation.next();
    }
    if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_UpArrow) || pressed(ImGuiKey_PageUp)) {
        m_presentation.previous();
    }
    if (pressed(ImGuiKey_Escape)) {
        m_presentation.stop();
        return;
    }
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == 'p' || c == 'P') m_presentation.togglePlay();
        if (c == '+' || c == '=') m_presentation.faster();
        if (c == '-') m_presentation.slower();
    }
}

// [title]

void PresentationPanel::drawTitle() {
    const project::Slide* slide = m_presentation.slide();
    if (!slide) return;
    const Translator tr = m_workspace.tr();
    const auto& area = m_layout.centre;
    const float s = m_layout.scale;
    // Above the scale bar at the bottom left: white on a dark, slightly transparent strip.
    ImGui::SetNextWindowPos(ImVec2(area.x + 12 * s, area.y + area.h - 56 * s), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.72f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.08f, 0.08f, 0.1f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * s, 10 * s));
    ImGui::Begin("##present_title", nullptr, kOverlay | ImGuiWindowFlags_NoInputs);
    ImGui::SetWindowFontScale(1.5f);
    ImGui::TextUnformatted(slide->name.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!slide->definition.caption.empty()) {
        ImGui::PushTextWrapPos(area.w * 0.5f);
        ImGui::TextUnformatted(slide->definition.caption.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TextDisabled("%s", tr.format(Str::PresentSlideOf, m_presentation.current() + 1,
                                        static_cast<int>(m_presentation.slides().size()))
                                  .c_str());
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

// [controls]

void PresentationPanel::drawControls() {
    const Translator tr = m_workspace.tr();
    const auto& area = m_layout.centre;
    const float s = m_layout.scale;
    ImGui::SetNextWindowPos(ImVec2(area.x + area.w / 2, area.y + area.h - 10 * s), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##present_controls", nullptr, kOverlay);
    const bool isPublic = m_presentation.publicMode();
    const ImVec4 badge = isPublic ? ImVec4(0.1f, 0.45f, 0.2f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1);
    ImGui::PushStyleColor(ImGuiCol_Button, badge);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, badge);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, badge);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::Button(isPublic ? tr(Str::PresentPublic) : tr(Str::PresentInternal));
    ImGui::PopStyleColor(4);
    ImGui::SameLine();
    if (isPublic) {
        if (ImGui::SmallButton(tr(Str::PresentPublicOff))) m_confirmPublicOff = true;
        probeItem("present.public_off");
    } else {
        if (ImGui::SmallButton(tr(Str::PresentPublicOn))) m_presentation.setPublicMode(true);
        probeItem("present.public_on");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (m_presentation.computing()) {
        ImGui::TextUnformatted(tr(Str::PresentComputing));
    } else if (ImGui::SmallButton(m_presentation.playing() ? tr(Str::PresentPause) : tr(Str::PresentPlay))) {
        m_presentation.togglePlay();
    }
    probeItem("present.play");
    ImGui::SameLine();
    if (ImGui::SmallButton("\u2212")) m_presentation.slower();
    ImGui::SameLine();
    ImGui::TextUnformatted(
        tr.format(Str::PresentSpeed,
                  formatDecimal(m_presentation.speed(), m_presentation.speed() < 1 ? 1 : 0, m_workspace.language()))
            .c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("+")) m_presentation.faster();
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::PresentLeave))) m_presentation.stop();
    probeItem("present.leave");
    ImGui::TextDisabled("%s", tr(Str::PresentKeys));
    ImGui::End();
}

// [logo]

void PresentationPanel::drawLogo() {
    const LogoPixels& logo = m_presentation.logo();
    if (m_logoGeneration != m_presentation.logoGeneration()) {
        m_logoGeneration = m_presentation.logoGeneration();
        m_logo.reset();
        if (logo.width > 0 && logo.height > 0)
            m_logo = std::make_unique<widgets::GlTexture>(logo.width, logo.height, logo.rgba.data());
    }
    if (!m_logo) return;
    const auto& area = m_layout.centre;
    const float s = m_layout.scale;
    // At most 120 × 120 logical pixels, above the attribution in the bottom right corner.
    const float fit =
        std::min(120 * s / static_cast<float>(m_logo->width()), 120 * s / static_cast<float>(m_logo->height()));
    const float w = static_cast<float>(m_logo->width()) * fit, h = static_cast<float>(m_logo->height()) * fit;
    const ImVec2 max(area.x + area.w - 12 * s, area.y + area.h - 28 * s);
    ImGui::GetForegroundDrawList()->AddImage(m_logo->imguiId(), ImVec2(max.x - w, max.y - h), max);
}

// [public mode]

void PresentationPanel::drawPublicConfirmation() {
    const Translator tr = m_workspace.tr();
    if (m_confirmPublicOff) {
        ImGui::OpenPopup("##present_public_off");
        m_confirmPublicOff = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560 * m_layout.scale, viewport->Size.x * 0.9f), 0));
    if (!ImGui::BeginPopupModal("##present_public_off", nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::TextWrapped("%s", tr(Str::PresentPublicConfirm));
    ImGui::Spacing();
    if (ImGui::Button(tr(Str::PresentPublicConfirmOk))) {
        m_presentation.setPublicMode(false);
        ImGui::CloseCurrentPopup();
    }
    probeItem("present.public_confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::PresentCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    probeItem("present.public_cancel");
    ImGui::EndPopup();
}

}  // namespace lb::ui
