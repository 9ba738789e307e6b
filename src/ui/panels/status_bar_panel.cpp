#include "ui/panels/status_bar_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <string>

#include "render/map_furniture.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

void separator() {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}

std::string degrees(double value, bool latitude, Language language) {
    const char* hemisphere =
        latitude ? (value >= 0 ? "N" : "S") : (value >= 0 ? (language == Language::German ? "O" : "E") : "W");
    return formatDecimal(std::fabs(value), 5, language) + "° " + hemisphere;
}

}  // namespace

StatusBarPanel::StatusBarPanel(Workspace& workspace, const Layout& layout)
    : Panel(true), m_workspace(workspace), m_layout(layout) {}

void StatusBarPanel::draw() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    ImGui::SetNextWindowPos(ImVec2(m_layout.status.x, m_layout.status.y));
    ImGui::SetNextWindowSize(ImVec2(m_layout.status.w, m_layout.status.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 3 * m_layout.scale));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##status_bar", nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    const JobProgress job = m_workspace.job();
    if (m_workspace.state() != DocumentState::Ready || !m_workspace.camera().hasView()) {
        ImGui::TextUnformatted(job.running ? job.title.c_str() : tr(Str::StatusNoProject));
    } else {
        const auto& view = m_workspace.view();
        if (m_workspace.publicMode()) {
            ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.2f, 1), "%s", tr(Str::StatusPublic));
            separator();
        }
        if (const auto& cursor = m_workspace.cursor()) {
            ImGui::Text("%s  E %s  N %s", m_workspace.projectCrs().c_str(),
                        formatDecimal(cursor->x, 1, language, true).c_str(),
                        formatDecimal(cursor->y, 1, language, true).c_str());
            if (cursor->lonLat) {
                separator();
                ImGui::Text("WGS84  %s  %s", degrees((*cursor->lonLat)[1], true, language).c_str(),
                            degrees((*cursor->lonLat)[0], false, language).c_str());
            }
        } else {
            ImGui::TextDisabled("%s", tr(Str::StatusOutside));
        }
        separator();
        ImGui::Text("%s %s", tr(Str::StatusScale),
                    render::formatScale(view.scaleDenominator(), std::string(languageCode(language))).c_str());
        separator();
        ImGui::Text("%s %s", formatDecimal(view.metresPerPixel, 2, language).c_str(), tr(Str::StatusResolution));
        separator();
        ImGui::Text("%s %s", tr(Str::StatusZoom), formatDecimal(m_workspace.zoomLevel(), 1, language).c_str());
        separator();
        ImGui::Text("%s %s", formatInteger(static_cast<std::int64_t>(m_workspace.featureCount()), language).c_str(),
                    tr(Str::StatusFeatures));
        separator();
        ImGui::Text("%s %s ms", tr(Str::StatusFrame), formatDecimal(m_workspace.lastFrameMs(), 1, language).c_str());
    }
    if (job.running) {
        const float width = 260 * m_layout.scale;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        const std::string overlay = job.stage.empty() ? job.title : job.stage;
        ImGui::ProgressBar(job.total ? job.fraction() : -1.0f * static_cast<float>(ImGui::GetTime()),
                           ImVec2(width, ImGui::GetTextLineHeight()), overlay.c_str());
    } else if (!m_workspace.projectPath().empty()) {
        const std::string path = m_workspace.projectPath();
        const float width = ImGui::CalcTextSize(path.c_str()).x;
        const float x = ImGui::GetWindowContentRegionMax().x - width;
        if (x > ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 40 * m_layout.scale) {
            ImGui::SameLine(x);
            ImGui::TextDisabled("%s", path.c_str());
        }
    }
    ImGui::End();
}

}  // namespace lb::ui
