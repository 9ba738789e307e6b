#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class AnalysisController;
class Workspace;
struct Layout;
struct QueryOutcome;

// Temporal patterns of the current query ("Zeitmuster"): an hour × weekday heat grid and the monthly trend
// per field of action, drawn with ImDrawList in the map's category colours.
class TemporalPanel : public Panel {
public:
    TemporalPanel(Workspace& workspace, const AnalysisController& analysis, const Layout& layout);
    std::string_view id() const override { return "temporal"; }
    void draw() override;

private:
    void drawMatrix(const QueryOutcome& outcome);
    void drawTrend(const QueryOutcome& outcome);

    Workspace& m_workspace;
    const AnalysisController& m_analysis;
    const Layout& m_layout;
};

}  // namespace lb::ui
