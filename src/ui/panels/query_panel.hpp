#pragma once

#include <functional>

#include "ui/analysis/query_form.hpp"
#include "ui/docked_panel.hpp"

namespace lb::ui {

class AnalysisController;
class FileDialogPanel;
class Workspace;

// The query builder ("Abfrage" tab of the right dock): filters → engine::Query, run on the analysis worker
// whenever they change; the result (count, groups, matches on the map, export). The heatmap and Gi*
// settings have their own tabs (HeatmapPanel, HotspotPanel).
class QueryPanel : public DockedPanel {
public:
    QueryPanel(Workspace& workspace, AnalysisController& analysis, FileDialogPanel& fileDialog);
    std::string_view id() const override { return "query"; }
    std::string tabTitle() const override;
    void drawContent() override;
    // What "Als Tabelle" does: shows the matches in the attribute table (set by the Shell).
    void setShowTableHook(std::function<void()> hook) { m_showTable = std::move(hook); }

private:
    // Returns true when the form should be committed (a choice changed or a text field was left).
    bool drawForm();
    void drawResult();
    void drawMatchTable();

    Workspace& m_workspace;
    AnalysisController& m_analysis;
    FileDialogPanel& m_fileDialog;
    QueryForm m_draft;  // what the widgets edit; text fields reach the controller when left
    std::function<void()> m_showTable;
    QueryForm m_synced;  // the controller's form when last seen (to notice outside changes)
};

}  // namespace lb::ui
