#pragma once

#include "ui/docked_panel.hpp"

namespace lb::ui {

class AnalysisController;
class Workspace;

// The Getis-Ord Gi* hot-spot settings ("Hotspots (Gi*)" tab of the right dock): grid or districts, cell
// size, distance band, FDR correction, opacity, each explained by a "(?)", and the summary of the result.
class HotspotPanel : public DockedPanel {
public:
    HotspotPanel(Workspace& workspace, AnalysisController& analysis);
    std::string_view id() const override { return "hotspots"; }
    std::string tabTitle() const override;
    void drawContent() override;

private:
    Workspace& m_workspace;
    AnalysisController& m_analysis;
};

}  // namespace lb::ui
