#include "ui/shell.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>

#include "ui/analysis/analysis_controller.hpp"
#include "ui/docked_panel.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/edit/edit_tools.hpp"
#include "ui/edit/field_mode.hpp"
#include "ui/panels/about_panel.hpp"
#include "ui/panels/analysis_menu.hpp"
#include "ui/panels/attribute_table_panel.hpp"
#include "ui/panels/author_dialog_panel.hpp"
#include "ui/panels/dock_panel.hpp"
#include "ui/panels/edit_menu.hpp"
#include "ui/panels/edit_toolbar_panel.hpp"
#include "ui/panels/export_panel.hpp"
#include "ui/panels/feature_form_panel.hpp"
#include "ui/panels/field_mode_panel.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/panels/heatmap_panel.hpp"
#include "ui/panels/help_panel.hpp"
#include "ui/panels/hotspot_panel.hpp"
#include "ui/panels/info_panel.hpp"
#include "ui/panels/layer_panel.hpp"
#include "ui/panels/map_canvas_panel.hpp"
#include "ui/panels/menu_bar_panel.hpp"
#include "ui/panels/notice_panel.hpp"
#include "ui/panels/presentation_panel.hpp"
#include "ui/panels/print_panel.hpp"
#include "ui/panels/query_panel.hpp"
#include "ui/panels/shortcuts_panel.hpp"
#include "ui/panels/slides_panel.hpp"
#include "ui/panels/sql_console_panel.hpp"
#include "ui/panels/status_bar_panel.hpp"
#include "ui/panels/temporal_panel.hpp"
#include "ui/panels/visit_calendar_panel.hpp"
#include "ui/presentation.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

Shell::Shell(Settings& settings, std::filesystem::path settingsFile, std::filesystem::path fontFile, NativeKeys keys)
    : m_settings(settings), m_settingsFile(std::move(settingsFile)), m_keys(keys), m_jobs(m_tasks) {
    m_workspace = std::make_unique<Workspace>(settings, m_jobs, std::move(fontFile));
    Workspace& ws = *m_workspace;
    // Registration order is drawing order: docked panels first, then floating windows, modal dialogs last
    // (ImGui wants windows that appear while a modal is up to be begun before it).
    auto fileDialog = std::make_unique<FileDialogPanel>(ws);
    m_fileDialog = fileDialog.get();
    m_editor = std::make_unique<EditController>();
    m_editor->setChangedHook([&ws](const std::vector<core::LayerId>& layers) {
        std::vector<std::string> names;
        for (auto layer : layers) names.emplace_back(core::layerInfo(layer).name);
        ws.reloadLayers(names);
    });
    m_editor->setFailedHook([&ws](const std::string& error) { ws.notices().push({true, error, {}}); });
    m_fieldMode = std::make_unique<FieldMode>(*m_editor);
    m_tools = std::make_unique<EditTools>(*m_editor);
    m_canvas = &m_panels.add<MapCanvasPanel>(ws, *m_fileDialog, m_layout);
    m_canvas->addTool(*m_fieldMode);
    m_canvas->addTool(*m_tools);
    m_canvas->setEditRequestHook([tools = m_tools.get()] { tools->requestEdit(); });
    auto& layers = m_panels.add<LayerPanel>(ws, m_layout, settings.docks);
    m_layers = &layers;
    m_statusBar = &m_panels.add<StatusBarPanel>(ws, m_layout);
    m_analysis = std::make_unique<AnalysisController>(ws, m_jobs);
    // The right dock's tabs (issue 18), in tab order; the dock itself is drawn after their updates.
    auto& query = m_panels.add<QueryPanel>(ws, *m_analysis, *m_fileDialog);
    auto& heatmap = m_panels.add<HeatmapPanel>(ws, *m_analysis);
    auto& hotspots = m_panels.add<HotspotPanel>(ws, *m_analysis);
    auto& form = m_panels.add<FeatureFormPanel>(ws, *m_editor, *m_tools, *m_fileDialog, m_layout);
    auto& fieldMode = m_panels.add<FieldModePanel>(ws, *m_fieldMode, *m_fileDialog, m_layout);
    auto& info = m_panels.add<InfoPanel>(ws);
    m_dock = &m_panels.add<DockPanel>(ws, m_layout, settings.docks);
    for (DockedPanel* tab : std::initializer_list<DockedPanel*>{&query, &heatmap, &hotspots, &form, &fieldMode, &info})
        m_dock->add(*tab);
    // The attribute table under the map (issue 18).
    m_table =
        &m_panels.add<AttributeTablePanel>(ws, *m_analysis, *m_editor, *m_fileDialog, m_jobs, m_layout, settings.docks);
    layers.setOpenTableHook([table = m_table](core::LayerId layer) { table->showLayer(layer); });
    query.setShowTableHook([table = m_table] { table->showQueryResult(); });
    m_query = &query;
    m_heatmap = &heatmap;
    m_hotspots = &hotspots;
    m_fieldModePanel = &fieldMode;
    m_info = &info;
    m_temporal = &m_panels.add<TemporalPanel>(ws, *m_analysis, m_layout);
    auto& sql = m_panels.add<SqlConsolePanel>(ws, *m_analysis, m_layout);
    m_analysisMenu =
        std::make_unique<AnalysisMenu>(ws, *m_analysis, *m_query, *m_heatmap, *m_hotspots, *m_temporal, sql);
    m_toolbar = &m_panels.add<EditToolbarPanel>(ws, *m_editor, *m_tools, *m_fieldModePanel, m_layout);
    auto& calendar = m_panels.add<VisitCalendarPanel>(ws, *m_editor);
    auto& about = m_panels.add<AboutPanel>(ws);
    m_shortcuts = &m_panels.add<ShortcutsPanel>(ws);
    m_help = &m_panels.add<HelpPanel>(ws);
    m_author = &m_panels.add<AuthorDialogPanel>(ws, settings, *m_editor);
    m_presentation = std::make_unique<Presentation>(ws, *m_analysis, m_jobs);
    m_canvas->setPresentation(m_presentation.get());
    m_slides = &m_panels.add<SlidesPanel>(ws, *m_presentation);
    m_editMenu = std::make_unique<EditMenuTargets>(
        EditMenuTargets{*m_editor, *m_fieldModePanel, m_toolbar->showTools(), calendar, *m_author});
    auto& exportLayers = m_panels.add<ExportPanel>(ws);
    auto& print = m_panels.add<PrintPanel>(ws);
    m_menuBar = &m_panels.add<MenuBarPanel>(
        ws, MenuTargets{*m_layers, *m_info, *m_statusBar, about, *m_shortcuts, *m_fileDialog, m_analysisMenu.get(),
                        m_editMenu.get(), m_help, m_table, &exportLayers, m_slides, m_presentation.get(), &print});
    m_panels.adopt(std::move(fileDialog));
    m_presentationPanel = &m_panels.add<PresentationPanel>(ws, *m_presentation, m_layout);
    m_notices = &m_panels.add<NoticePanel>(ws);
    m_panels.restoreOpenState(settings);
    m_lastDocks = settings.docks;
}

Shell::~Shell() {
    m_jobs.stop();  // waits for running work; completions not yet run are dropped
    m_panels.storeOpenState(m_settings);
    // Panels refer to the workspace: they go first (member order would destroy the workspace last anyway).
}

bool Shell::quitRequested() const {
    return m_menuBar->quitRequested();
}

bool Shell::wantsFrame() const {
    return m_canvas->previewPending() || m_presentation->flying() || m_presentation->playing();
}

bool Shell::busy() const {
    return m_workspace->busy() || m_analysis->busy() || m_table->busy() || m_tasks.pending();
}

void Shell::showHelp(HelpPage page, std::string section) {
    m_help->show(page, std::move(section));
}

void Shell::showQueryPanel() {
    m_query->setOpen(true);
    m_query->requestFront();
}

void Shell::showAttributeTable(core::LayerId layer) {
    m_table->showLayer(layer);
}

const AttributeTablePanel& Shell::attributeTable() const {
    return *m_table;
}

void Shell::showHeatmapPanel() {
    m_heatmap->setOpen(true);
    m_heatmap->requestFront();
}

void Shell::showHotspotPanel() {
    m_hotspots->setOpen(true);
    m_hotspots->requestFront();
}

bool Shell::mapShown() const {
    return m_mapShown;
}

std::string Shell::windowTitle() const {
    const std::string name = m_workspace->projectName();
    return name.empty() ? "Lagebild" : "Lagebild – " + name;
}

bool Shell::presenting() const {
    return m_presentation->active();
}

void Shell::requestPresentation(std::optional<std::vector<project::Slide>> slides) {
    m_presentPending = true;
    m_pendingSlides = std::move(slides);
}

// The slides are read again with every project load; a requested presentation starts once the map is shown
// with its real canvas size and the slides are there.
void Shell::updatePresentation() {
    Workspace& ws = *m_workspace;
    if (ws.state() == DocumentState::Ready && ws.loadGeneration() != m_slidesLoad) {
        m_slidesLoad = ws.loadGeneration();
        if (m_pendingSlides) m_presentation->useSlides(std::move(*m_pendingSlides));
        m_pendingSlides.reset();
        m_presentation->reloadSlides();
    }
    if (ws.state() == DocumentState::Empty && m_presentation->active()) m_presentation->stop();
    if (m_presentPending && ws.state() == DocumentState::Ready && m_slidesLoad == ws.loadGeneration() &&
        !m_presentation->slidesBusy() && m_canvas->mapFrames() > 0 && !ws.busy()) {
        m_presentPending = false;
        if (!m_presentation->start(0)) ws.notices().push({true, ws.tr()(Str::PresentNoSlides), {}});
    }
    m_presentation->update(ImGui::GetTime());
}

void Shell::computeLayout(float contentScale, float framebufferScale) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    LayoutInput in;
    if (m_presentation->active()) {  // the map fills the screen, every panel is hidden
        in.viewport = {viewport->Pos.x, viewport->Pos.y, viewport->Size.x, viewport->Size.y};
        in.scale = contentScale;
        in.framebufferScale = framebufferScale;
        in.leftOpen = in.rightOpen = in.bottomOpen = false;
        in.docks = m_settings.docks;
        m_layout = ui::computeLayout(in);
        return;
    }
    in.viewport = {viewport->Pos.x, viewport->Pos.y, viewport->Size.x, viewport->Size.y};
    in.menuHeight = ImGui::GetFrameHeight();  // the main menu bar
    in.statusHeight = m_statusBar->isOpen() ? ImGui::GetTextLineHeight() + 6 * contentScale + 2 : 0;
    in.scale = contentScale;
    in.framebufferScale = framebufferScale;
    in.leftOpen = m_layers->isOpen();
    in.rightOpen = m_dock->anyShown();
    in.bottomOpen = m_table->isOpen() && m_workspace->state() == DocumentState::Ready;
    in.docks = m_settings.docks;
    m_layout = ui::computeLayout(in);
}

void Shell::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    auto pressed = [](int key) { return key >= 0 && ImGui::IsKeyPressed(key, false); };
    if (io.KeyCtrl && pressed(m_keys.o) && !m_workspace->busy()) m_fileDialog->open(FilePurpose::OpenProject);
    if (io.KeyCtrl && pressed(m_keys.n) && !m_workspace->busy()) m_fileDialog->open(FilePurpose::NewProject);
    if (io.KeyCtrl && pressed(m_keys.e) && m_workspace->state() == DocumentState::Ready) {
        m_fileDialog->open(FilePurpose::ExportPng);
    }
    if (io.KeyCtrl && pressed(m_keys.q)) m_menuBar->requestQuit();
    if (pressed(m_keys.f1)) m_shortcuts->setOpen(true);
    if (pressed(m_keys.f5) && m_workspace->state() == DocumentState::Ready && !m_presentation->start(0))
        m_workspace->notices().push({true, m_workspace->tr()(Str::PresentNoSlides), {}});
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (io.KeyCtrl && pressed(m_keys.z)) m_editor->undo();
    if (io.KeyCtrl && pressed(m_keys.y)) m_editor->redo();
    if (pressed(m_keys.del) && m_tools->target() && !m_tools->active()) m_toolbar->requestDelete();
}

void Shell::syncEditor() {
    const auto& ws = *m_workspace;
    m_editor->setLanguage(ws.language());
    m_fieldMode->setEnabled(m_fieldModePanel->isOpen() && ws.state() == DocumentState::Ready);
    if (ws.state() != DocumentState::Ready) {
        if (ws.state() == DocumentState::Empty && m_editor->isOpen()) m_editor->close();
        return;
    }
    if (m_editor->projectPath() != ws.projectPath()) {
        const std::string author = m_settings.author.empty() ? osUserName() : m_settings.author;
        if (auto error = m_editor->open(ws.projectPath(), author)) m_workspace->notices().push({true, *error, {}});
    }
    // The author name is asked for once, when editing starts.
    const bool editing = m_fieldModePanel->isOpen() || m_tools->active();
    if (editing && m_settings.author.empty() && !m_authorAsked) {
        m_authorAsked = true;
        m_author->ask();
    }
}

void Shell::requestEdit() {
    m_tools->requestEdit();
}

void Shell::startFieldMode(std::optional<int> markIndex) {
    m_fieldModePanel->setOpen(true);
    if (markIndex && *markIndex >= 0 && *markIndex < static_cast<int>(edit::kFieldMarks.size()))
        m_fieldMode->arm(edit::kFieldMarks[static_cast<std::size_t>(*markIndex)].kind);
}

void Shell::frame(float contentScale, float framebufferScale) {
    m_tasks.drain();
    m_analysis->update(m_query->isOpen() || m_heatmap->isOpen() || m_hotspots->isOpen() || m_temporal->isOpen());
    updatePresentation();
    computeLayout(contentScale, framebufferScale);
    syncEditor();
    if (m_presentation->active()) {
        m_canvas->draw();
        m_presentationPanel->draw();
        m_notices->draw();
    } else {
        handleShortcuts();
        m_panels.drawAll();
    }
    m_mapShown = m_canvas->mapFrames() != m_lastMapFrames;
    m_lastMapFrames = m_canvas->mapFrames();
    if (m_panels.storeOpenState(m_settings)) m_workspace->markSettingsDirty();
    if (m_settings.docks != m_lastDocks) {
        m_lastDocks = m_settings.docks;
        m_workspace->markSettingsDirty();
    }
    // Settings are written when they change, at most once a second (the view changes on every drag step).
    if (m_workspace->settingsDirty() && std::chrono::steady_clock::now() - m_lastSave > std::chrono::seconds(1)) {
        saveSettings(false);
    }
}

void Shell::saveSettings(bool force) {
    if (!force && !m_workspace->settingsDirty()) return;
    m_panels.storeOpenState(m_settings);
    if (auto error = ui::saveSettings(m_settingsFile, m_settings)) {
        std::fprintf(stderr, "warning: settings not saved: %s\n", error->c_str());
    }
    m_workspace->markSettingsSaved();
    m_lastSave = std::chrono::steady_clock::now();
}

}  // namespace lb::ui
