#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "project/public_gate.hpp"
#include "render/render_options.hpp"
#include "ui/attribute_table_model.hpp"
#include "ui/job_runner.hpp"
#include "ui/panel.hpp"

namespace lb::ui {

class AnalysisController;
class EditController;
class FileDialogPanel;
class Workspace;
struct DockState;
struct Layout;

// The attribute table (Attributtabelle, issue 18) under the map: every layer, including those without
// geometry (visits); sortable and filterable columns over a million rows (ImGuiListClipper draws only the
// rows in sight); the selection shared with the map both ways; the query's matches as a table; copy and
// export of the selection through the public gate (project/attribute_table.hpp); cell edits as validated,
// undoable edit commands. The layer is read on a worker of its own with its own read-only connection, again
// after every edit, undo, redo and project reload.
class AttributeTablePanel : public Panel {
public:
    AttributeTablePanel(Workspace& workspace, AnalysisController& analysis, EditController& editor,
                        FileDialogPanel& fileDialog, JobRunner& jobs, const Layout& layout, DockState& docks);
    ~AttributeTablePanel() override;
    std::string_view id() const override { return "attribute_table"; }
    void draw() override;

    // Opens the table on a layer.
    void showLayer(core::LayerId layer);
    // Opens the table on the query's layer, showing only its matches.
    void showQueryResult();
    const AttributeTableModel& model() const { return m_model; }
    std::optional<core::LayerId> layer() const { return m_layer; }
    // Reading the layer (or exporting) is under way.
    bool busy() const { return m_runner.busy(); }

private:
    void drawToolbar();
    void drawTable();
    void drawCell(std::size_t column, std::uint32_t row);
    void drawSplitter();
    void followWorkspace();
    void reload();
    void pushSelection();
    void beginEdit(std::size_t column, std::uint32_t row);
    void commitEdit();
    bool editable(std::size_t column) const;
    void copySelection();
    void exportSelection();
    // The gate copies and exports pass: public (k = 5) while the table's public switch is on.
    project::OutputGate gate() const;

    Workspace& m_workspace;
    AnalysisController& m_analysis;
    EditController& m_editor;
    FileDialogPanel& m_fileDialog;
    const Layout& m_layout;
    DockState& m_docks;
    AttributeTableModel m_model;
    std::optional<core::LayerId> m_layer;
    bool m_wantQueryMatches = false;  // show the query's matches once the table is read
    std::uint64_t m_loadedGeneration = 0, m_loadedEditRevision = 0;
    bool m_loadedOnce = false;
    std::uint64_t m_request = 0;          // increases per read; stale results are dropped
    std::uint64_t m_pushedSelection = 0;  // the model's selection revision the map shows
    std::optional<render::FeatureRef> m_seenMapSelection;
    std::optional<std::uint32_t> m_scrollToRow;
    std::vector<std::string> m_filterText;  // per column, what the filter fields show
    std::vector<char> m_filterBad;
    std::string m_search;
    bool m_public = true;   // copy and export through the public gate
    std::string m_message;  // the last edit's refusal or copy notice
    bool m_messageError = false;
    struct CellEdit {
        std::size_t column = 0;
        std::uint32_t row = 0;
        std::array<char, 1024> buffer{};
        int frames = 0;
    };
    std::optional<CellEdit> m_edit;
    JobLane m_runner;  // last: its thread stops before the members its work uses go
};

}  // namespace lb::ui
