#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "project/saved_views.hpp"
#include "ui/help_document.hpp"
#include "ui/job_runner.hpp"
#include "ui/layout.hpp"
#include "ui/panel.hpp"
#include "ui/settings.hpp"
#include "ui/task_queue.hpp"

namespace lb::ui {

class Workspace;
class DockedPanel;
class MenuBarPanel;
class MapCanvasPanel;
class FileDialogPanel;
class AnalysisController;
class AnalysisMenu;
class EditController;
class EditTools;
class FieldMode;
class EditToolbarPanel;
class AuthorDialogPanel;
class DockPanel;
class HelpPanel;
class AttributeTablePanel;
class Presentation;
class PresentationPanel;
struct EditMenuTargets;

// Keys the shell needs that ImGui 1.86 has no named key for: the app fills them from its backend's codes
// (GLFW key codes index io.KeysDown), so ui/ stays free of GLFW.
struct NativeKeys {
    int o = -1, e = -1, n = -1, q = -1, f1 = -1;
    int z = -1, y = -1, del = -1;  // undo, redo (the keys that type z and y), delete feature
    int f5 = -1;                   // start the presentation
};

// The workstation UI without a window: the workspace, every panel, the docked layout and the global
// shortcuts. The app calls frame() between ImGui::NewFrame() and ImGui::Render().
class Shell {
public:
    Shell(Settings& settings, std::filesystem::path settingsFile, std::filesystem::path fontFile, NativeKeys keys);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    void frame(float contentScale, float framebufferScale);

    Workspace& workspace() { return *m_workspace; }
    AnalysisController& analysis() { return *m_analysis; }
    // Opens the query panel (the app's --query-json and --heatmap).
    void showQueryPanel();
    void showHeatmapPanel();
    void showHotspotPanel();
    // Opens the attribute table on a layer (the script driver's show_table).
    void showAttributeTable(core::LayerId layer);
    const AttributeTablePanel& attributeTable() const;
    // The slides and the presentation (Ansicht → Folien / Präsentation, `lagebild present`).
    Presentation& presentation() { return *m_presentation; }
    // Starts the presentation once the project is shown: with these slides (a slides file), else the
    // project's saved views. A notice says so when there are none.
    void requestPresentation(std::optional<std::vector<project::Slide>> slides);
    bool presenting() const;
    // Opens Hilfe on a page (the app's --open-help), optionally at a section id.
    void showHelp(HelpPage page, std::string section = {});
    EditController& editor() { return *m_editor; }
    // Opens the selected feature's attribute form (the app's --select with --edit).
    void requestEdit();
    // Where the panels sit (the script driver turns map coordinates into window pixels with it).
    const Layout& layout() const { return m_layout; }
    // Field mode on, with a button already chosen (the app's --field-mark).
    void startFieldMode(std::optional<int> markIndex);
    TaskQueue& tasks() { return m_tasks; }
    bool quitRequested() const;
    bool busy() const;
    // Another frame is due soon without any input (the map shows a preview that still has to render).
    bool wantsFrame() const;
    // Whether the last frame showed the map (a project is loaded and drawn).
    bool mapShown() const;
    std::string windowTitle() const;
    // Saves the settings now if they changed (always when `force`); warnings go to stderr.
    void saveSettings(bool force);

private:
    void computeLayout(float contentScale, float framebufferScale);
    void handleShortcuts();
    void syncEditor();
    void updatePresentation();

    Settings& m_settings;
    std::filesystem::path m_settingsFile;
    NativeKeys m_keys;
    TaskQueue m_tasks;  // before the workspace: jobs post into it until the workspace is gone
    JobRunner m_jobs;   // stopped first in ~Shell: its work and completions refer to what follows
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<AnalysisController> m_analysis;  // after the workspace: it refers to it
    std::unique_ptr<AnalysisMenu> m_analysisMenu;
    // Editing (issue 5): before the panels, which refer to them.
    std::unique_ptr<EditController> m_editor;
    std::unique_ptr<FieldMode> m_fieldMode;
    std::unique_ptr<EditTools> m_tools;
    std::unique_ptr<EditMenuTargets> m_editMenu;
    Layout m_layout;
    PanelRegistry m_panels;
    MenuBarPanel* m_menuBar = nullptr;
    MapCanvasPanel* m_canvas = nullptr;
    FileDialogPanel* m_fileDialog = nullptr;
    Panel* m_layers = nullptr;
    Panel* m_info = nullptr;
    Panel* m_statusBar = nullptr;
    Panel* m_shortcuts = nullptr;
    DockedPanel* m_query = nullptr;
    DockedPanel* m_heatmap = nullptr;
    DockedPanel* m_hotspots = nullptr;
    DockPanel* m_dock = nullptr;
    DockState m_lastDocks;  // to notice splitter drags and collapses (saved with the settings)
    Panel* m_temporal = nullptr;
    Panel* m_fieldModePanel = nullptr;
    EditToolbarPanel* m_toolbar = nullptr;
    AuthorDialogPanel* m_author = nullptr;
    HelpPanel* m_help = nullptr;
    AttributeTablePanel* m_table = nullptr;
    std::unique_ptr<Presentation> m_presentation;
    PresentationPanel* m_presentationPanel = nullptr;
    Panel* m_slides = nullptr;
    Panel* m_notices = nullptr;
    std::uint64_t m_slidesLoad = 0;  // the workspace's load generation the slides were read for
    bool m_presentPending = false;
    std::optional<std::vector<project::Slide>> m_pendingSlides;
    bool m_authorAsked = false;
    std::uint64_t m_lastMapFrames = 0;
    bool m_mapShown = false;
    std::chrono::steady_clock::time_point m_lastSave = std::chrono::steady_clock::now();
};

}  // namespace lb::ui
