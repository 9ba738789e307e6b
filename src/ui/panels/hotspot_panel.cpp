#include "ui/panels/hotspot_panel.hpp"

#include <imgui.h>

#include <cmath>

#include "ui/analysis/analysis_controller.hpp"
#include "ui/error_text.hpp"
#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/widgets/analysis_widgets.hpp"
#include "ui/widgets/help_marker.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

const ImVec4 kErrorColour{0.75f, 0.1f, 0.1f, 1};

}  // namespace

HotspotPanel::HotspotPanel(Workspace& workspace, AnalysisController& analysis)
    : DockedPanel(false), m_workspace(workspace), m_analysis(analysis) {}

std::string HotspotPanel::tabTitle() const {
    return m_workspace.tr()(Str::HotspotsTitle);
}

void HotspotPanel::drawContent() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    if (m_workspace.state() != DocumentState::Ready) {
        ImGui::TextDisabled("%s", tr(Str::AnalysisNoProject));
        return;
    }
    ImGui::PushID("hotspots");
    HotspotSettings hot = m_analysis.hotspots();
    bool changed = ImGui::Checkbox(tr(Str::HotspotsShow), &hot.on);
    probeItem("hotspots.show");
    helpMarker(tr(Str::HelpHotspots));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(Str::HotspotsHint));
    ImGui::PopTextWrapPos();
    int mode = hot.zones ? 1 : 0;
    changed |= ImGui::RadioButton(tr(Str::HotspotsGrid), &mode, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr(Str::HotspotsZones), &mode, 1);
    helpMarker(tr(Str::HelpHotspotsMode));
    changed |= ImGui::Checkbox(tr(Str::HotspotsFdr), &hot.fdr);
    helpMarker(tr(Str::HelpHotspotsFdr));
    hot.zones = mode == 1;
    const float labels = labelColumnWidth({tr(Str::HotspotsCell), tr(Str::HotspotsDistance), tr(Str::HotspotsOpacity)});
    float cell = static_cast<float>(hot.cell), distance = static_cast<float>(hot.distance);
    const std::string cellText = sliderText(cell, 0, language), distanceText = sliderText(distance, 0, language);
    const std::string opacityText = sliderText(hot.opacity, 2, language);
    if (!hot.zones) {
        labelledRow(tr(Str::HotspotsCell), labels, "cell", tr(Str::HelpHotspotsCell),
                    [&] { changed |= ImGui::SliderFloat("", &cell, 25, 500, cellText.c_str()); });
    }
    labelledRow(tr(Str::HotspotsDistance), labels, "distance", tr(Str::HelpHotspotsDistance),
                [&] { changed |= ImGui::SliderFloat("", &distance, 50, 3000, distanceText.c_str()); });
    labelledRow(tr(Str::HotspotsOpacity), labels, "opacity", nullptr,
                [&] { changed |= ImGui::SliderFloat("", &hot.opacity, 0.1f, 1.0f, opacityText.c_str()); });
    hot.cell = std::round(cell);
    hot.distance = std::round(distance);
    ImGui::PopID();
    if (changed) m_analysis.setHotspots(hot);

    const QueryOutcome* outcome = m_analysis.outcome();
    if (!hot.on || !outcome || !outcome->error.empty()) return;
    ImGui::PushTextWrapPos(0);
    if (!outcome->hotspotError.empty()) {
        ImGui::TextColored(kErrorColour, "%s",
                           tr.format(Str::HotspotsFailed, localiseError(outcome->hotspotError, language)).c_str());
    } else if (outcome->hotspots) {
        auto count = [&](std::size_t n) { return formatInteger(static_cast<std::int64_t>(n), language); };
        ImGui::TextDisabled("%s",
                            tr.format(Str::HotspotsSummary, count(outcome->hotSpots), count(outcome->coldSpots),
                                      count(outcome->hotspotUnits), formatDecimal(outcome->hotspotMs, 1, language))
                                .c_str());
    } else if (outcome->result.rows.empty()) {
        ImGui::TextDisabled("%s", tr(Str::HeatmapNothing));
    }
    ImGui::PopTextWrapPos();
}

}  // namespace lb::ui
