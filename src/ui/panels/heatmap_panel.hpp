#pragma once

#include "ui/docked_panel.hpp"

namespace lb::ui {

class AnalysisController;
class Workspace;

// The density heatmap's settings ("Dichte-Heatmap" tab of the right dock): on/off, kernel radius, cell
// size and opacity, each explained by a "(?)"; the KDE runs on the analysis worker over the query's matches.
class HeatmapPanel : public DockedPanel {
public:
    HeatmapPanel(Workspace& workspace, AnalysisController& analysis);
    std::string_view id() const override { return "heatmap"; }
    std::string tabTitle() const override;
    void drawContent() override;

private:
    Workspace& m_workspace;
    AnalysisController& m_analysis;
};

}  // namespace lb::ui
