#pragma once

namespace lb::ui {

class AnalysisController;
class Panel;
class Workspace;

// The "Analyse" menu of the menu bar: opens the query builder, the temporal charts and the SQL console,
// and switches the density heatmap.
class AnalysisMenu {
public:
    AnalysisMenu(Workspace& workspace, AnalysisController& analysis, Panel& query, Panel& heatmap, Panel& hotspots,
                 Panel& temporal, Panel& sql);
    // Draws the menu inside the main menu bar.
    void draw();

private:
    Workspace& m_workspace;
    AnalysisController& m_analysis;
    Panel& m_query;
    Panel& m_heatmap;
    Panel& m_hotspots;
    Panel& m_temporal;
    Panel& m_sql;
};

}  // namespace lb::ui
