#pragma once

#include "ui/analysis/query_form.hpp"
#include "ui/panel.hpp"

namespace lb::ui {

class AnalysisController;
class FileDialogPanel;
class Workspace;
struct Layout;

// The query builder ("Abfrage"): filters → engine::Query, run on the analysis worker whenever they change;
// the result (count, groups, matches on the map, export) and the density heatmap's settings below.
class QueryPanel : public Panel {
public:
    QueryPanel(Workspace& workspace, AnalysisController& analysis, FileDialogPanel& fileDialog, const Layout& layout);
    std::string_view id() const override { return "query"; }
    void draw() override;

private:
    // Returns true when the form should be committed (a choice changed or a text field was left).
    bool drawForm();
    void drawResult();
    void drawHeatmap();
    void drawHotspots();
    void drawMatchTable();

    Workspace& m_workspace;
    AnalysisController& m_analysis;
    FileDialogPanel& m_fileDialog;
    const Layout& m_layout;
    QueryForm m_draft;   // what the widgets edit; text fields reach the controller when left
    QueryForm m_synced;  // the controller's form when last seen (to notice outside changes)
};

}  // namespace lb::ui
