#include "ui/panels/heatmap_panel.hpp"

#include <imgui.h>

#include <cmath>

#include "project/public_gate.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/widgets/analysis_widgets.hpp"
#include "ui/widgets/help_marker.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

HeatmapPanel::HeatmapPanel(Workspace& workspace, AnalysisController& analysis)
    : DockedPanel(false), m_workspace(workspace), m_analysis(analysis) {}

std::string HeatmapPanel::tabTitle() const {
    return m_workspace.tr()(Str::HeatmapTitle);
}

void HeatmapPanel::drawContent() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    if (m_workspace.state() != DocumentState::Ready) {
        ImGui::TextDisabled("%s", tr(Str::AnalysisNoProject));
        return;
    }
    HeatmapSettings heat = m_analysis.heatmap();
    bool changed = ImGui::Checkbox(tr(Str::HeatmapShow), &heat.on);
    probeItem("heatmap.show");
    helpMarker(tr(Str::HelpHeatmap));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(Str::HeatmapHint));
    if (m_workspace.publicMode()) {
        ImGui::TextColored(ImVec4(0.75f, 0.5f, 0.05f, 1), "%s",
                           tr.format(Str::HeatmapPublicRules, static_cast<int>(project::kMinimumPublicKdeRadius),
                                     m_workspace.outputGate().k())
                               .c_str());
    }
    ImGui::PopTextWrapPos();
    const float labels = labelColumnWidth({tr(Str::HeatmapRadius), tr(Str::HeatmapCell), tr(Str::HeatmapOpacity)});
    // Every step of a dragged slider asks for a new KDE; the analysis worker computes only the latest.
    float radius = static_cast<float>(heat.radius), cell = static_cast<float>(heat.cell);
    const std::string radiusText = sliderText(radius, 0, language), cellText = sliderText(cell, 0, language);
    const std::string opacityText = sliderText(heat.opacity, 2, language);
    labelledRow(tr(Str::HeatmapRadius), labels, "radius", tr(Str::HelpHeatmapRadius),
                [&] { changed |= ImGui::SliderFloat("", &radius, 50, 1000, radiusText.c_str()); });
    labelledRow(tr(Str::HeatmapCell), labels, "cell", tr(Str::HelpHeatmapCell),
                [&] { changed |= ImGui::SliderFloat("", &cell, 5, 50, cellText.c_str()); });
    labelledRow(tr(Str::HeatmapOpacity), labels, "opacity", nullptr,
                [&] { changed |= ImGui::SliderFloat("", &heat.opacity, 0.1f, 1.0f, opacityText.c_str()); });
    heat.radius = std::round(radius);
    heat.cell = std::round(cell);
    if (changed) m_analysis.setHeatmap(heat);

    const QueryOutcome* outcome = m_analysis.outcome();
    if (!heat.on || !outcome || !outcome->error.empty()) return;
    ImGui::PushTextWrapPos(0);
    if (outcome->heatmap) {
        ImGui::TextDisabled(
            "%s", tr.format(Str::HeatmapTiming, formatDecimal(outcome->heatmapMs, 1, language),
                            outcome->shownTotal() ? formatInteger(*outcome->shownTotal(), language)
                                                  : tr.format(Str::QuerySuppressed, m_workspace.outputGate().k()))
                      .c_str());
    } else if (outcome->result.rows.empty()) {
        ImGui::TextDisabled("%s", tr(Str::HeatmapNothing));
    }
    ImGui::PopTextWrapPos();
}

}  // namespace lb::ui
