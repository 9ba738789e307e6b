#include "ui/panels/analysis_menu.hpp"

#include <imgui.h>

#include "ui/analysis/analysis_controller.hpp"
#include "ui/panel.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

AnalysisMenu::AnalysisMenu(Workspace& workspace, AnalysisController& analysis, Panel& query, Panel& heatmap,
                           Panel& hotspots, Panel& temporal, Panel& sql)
    : m_workspace(workspace),
      m_analysis(analysis),
      m_query(query),
      m_heatmap(heatmap),
      m_hotspots(hotspots),
      m_temporal(temporal),
      m_sql(sql) {}

void AnalysisMenu::draw() {
    const Translator tr = m_workspace.tr();
    if (!ImGui::BeginMenu(tr(Str::MenuAnalysis), m_workspace.state() == DocumentState::Ready)) return;
    ImGui::MenuItem(tr(Str::MenuQuery), nullptr, m_query.openFlag());
    HeatmapSettings heat = m_analysis.heatmap();
    if (ImGui::MenuItem(tr(Str::MenuHeatmap), nullptr, heat.on)) {
        heat.on = !heat.on;
        m_analysis.setHeatmap(heat);
        m_heatmap.setOpen(heat.on);  // its settings tab in the right dock
    }
    HotspotSettings hot = m_analysis.hotspots();
    if (ImGui::MenuItem(tr(Str::MenuHotspots), nullptr, hot.on)) {
        hot.on = !hot.on;
        m_analysis.setHotspots(hot);
        m_hotspots.setOpen(hot.on);  // likewise
    }
    ImGui::MenuItem(tr(Str::MenuTemporal), nullptr, m_temporal.openFlag());
    ImGui::Separator();
    ImGui::MenuItem(tr(Str::MenuSqlConsole), nullptr, m_sql.openFlag());
    ImGui::EndMenu();
}

}  // namespace lb::ui
