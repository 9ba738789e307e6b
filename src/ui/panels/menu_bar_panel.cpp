#include "ui/panels/menu_bar_panel.hpp"

#include <imgui.h>

#include <cstdio>

#include <string>

#include "ui/edit/edit_controller.hpp"
#include "ui/error_text.hpp"
#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/panels/analysis_menu.hpp"
#include "ui/panels/edit_menu.hpp"
#include "ui/panels/export_panel.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/panels/help_panel.hpp"
#include "ui/panels/print_panel.hpp"
#include "ui/presentation.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

MenuBarPanel::MenuBarPanel(Workspace& workspace, MenuTargets targets)
    : Panel(true), m_workspace(workspace), m_targets(targets) {}

void MenuBarPanel::draw() {
    const Translator tr = m_workspace.tr();
    if (!ImGui::BeginMainMenuBar()) return;
    m_height = ImGui::GetWindowSize().y;
    const bool ready = m_workspace.state() == DocumentState::Ready;
    const bool busy = m_workspace.busy();

    const bool projectOpen = ImGui::BeginMenu(tr(Str::MenuProject));
    if (!projectOpen) probeItem("menu.project");
    if (projectOpen) {
        drawProjectMenu();
        ImGui::EndMenu();
    }
    if (m_targets.edit && ImGui::BeginMenu(tr(Str::MenuEdit))) {
        drawEditMenuItems(*m_targets.edit, tr, ready);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Str::MenuImport), ready && !busy)) {
        if (ImGui::MenuItem(tr(Str::MenuImportOsm))) m_targets.fileDialog.open(FilePurpose::ImportOsm);
        if (ImGui::MenuItem(tr(Str::MenuImportThematic))) m_targets.fileDialog.open(FilePurpose::ImportThematic);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Str::MenuExport), ready)) {
        if (ImGui::MenuItem(tr(Str::MenuExportPng), tr(Str::ShortcutExportKeys)))
            m_targets.fileDialog.open(FilePurpose::ExportPng);
        if (m_targets.exportLayers && ImGui::MenuItem(tr(Str::ExportMenuLayers), nullptr, false, !busy)) {
            m_targets.exportLayers->open();
        }
        ImGui::EndMenu();
    }
    const bool viewOpen = ImGui::BeginMenu(tr(Str::MenuView));
    if (!viewOpen) probeItem("menu.view");  // while closed the last item is the menu's title (script driver)
    if (viewOpen) {
        drawViewMenu();
        ImGui::EndMenu();
    }
    if (m_targets.analysis) m_targets.analysis->draw();
    if (ImGui::BeginMenu(tr(Str::MenuHelp))) {
        if (m_targets.help) {
            if (ImGui::MenuItem(tr(Str::MenuFirstSteps))) m_targets.help->show(HelpPage::FirstSteps);
            if (ImGui::MenuItem(tr(Str::MenuManual))) m_targets.help->show(HelpPage::Manual);
            ImGui::Separator();
        }
        if (ImGui::MenuItem(tr(Str::MenuShortcuts), "F1")) m_targets.shortcuts.setOpen(true);
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Str::MenuAbout))) m_targets.about.setOpen(true);
        ImGui::EndMenu();
    }
    if (!m_workspace.projectName().empty()) {
        const std::string name = m_workspace.projectName();
        const float width = ImGui::CalcTextSize(name.c_str()).x;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width - ImGui::GetStyle().ItemSpacing.x);
        ImGui::TextDisabled("%s", name.c_str());
    }
    ImGui::EndMainMenuBar();
}

void MenuBarPanel::drawProjectMenu() {
    const Translator tr = m_workspace.tr();
    const bool busy = m_workspace.busy();
    if (ImGui::MenuItem(tr(Str::MenuOpen), tr(Str::ShortcutOpenKeys), false, !busy)) {
        m_targets.fileDialog.open(FilePurpose::OpenProject);
    }
    if (ImGui::MenuItem(tr(Str::MenuNew), nullptr, false, !busy)) m_targets.fileDialog.open(FilePurpose::NewProject);
    if (ImGui::MenuItem(tr(Str::MenuDemo), nullptr, false, !busy)) m_targets.fileDialog.open(FilePurpose::CreateDemo);
    const auto& recent = m_workspace.settings().recentProjects;
    if (ImGui::BeginMenu(tr(Str::MenuRecent), !recent.empty() && !busy)) {
        for (const auto& path : recent) {
            if (ImGui::MenuItem(path.c_str())) {
                m_workspace.openProject(path);
                break;
            }
        }
        ImGui::EndMenu();
    }
    if (m_targets.edit) drawFieldPackageItems();
    ImGui::Separator();
    const bool ready = m_workspace.state() == DocumentState::Ready;
    if (m_targets.exportLayers && ImGui::MenuItem(tr(Str::ExportMenu), nullptr, false, ready && !busy)) {
        m_targets.exportLayers->open();
    }
    probeItem("menu.export_layers");
    if (m_targets.print && ImGui::MenuItem(tr(Str::MenuPrint), nullptr, false, ready && !busy)) {
        m_targets.print->open();
    }
    probeItem("menu.print");
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuClose), nullptr, false, !busy && m_workspace.state() != DocumentState::Empty)) {
        m_workspace.closeProject();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuQuit), tr(Str::ShortcutQuitKeys))) m_quitRequested = true;
}

// Projekt → Feldpaket erstellen / zurückführen (issue 18): the streetworker's laptop package, made and
// merged from the GUI; the merge's report and every conflict show as a notice.
void MenuBarPanel::drawFieldPackageItems() {
    const Translator tr = m_workspace.tr();
    EditController& editor = m_targets.edit->editor;
    const bool ready = m_workspace.state() == DocumentState::Ready && editor.isOpen() && !m_workspace.busy();
    Workspace& ws = m_workspace;
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuFieldExport), nullptr, false, ready)) {
        const std::string name =
            (ws.projectName().empty() ? std::string("projekt") : ws.projectName()) + "-feldpaket.sqlite";
        m_targets.fileDialog.openFieldPackageExport(name, [&editor, &ws](const std::filesystem::path& file) {
            edit::FieldExportReport report;
            const auto outcome = editor.exportFieldPackage(file, &report);
            if (!outcome.ok) return ws.notices().push({true, outcome.error, {}});
            std::int64_t features = 0;
            std::vector<std::string> details;
            for (const auto& [layer, count] : report.counts) {
                features += count;
                details.push_back(std::string(ws.tr().layer(core::layerInfo(layer).name)) + ": " +
                                  formatInteger(count, ws.language()));
            }
            ws.notices().push(
                {false,
                 ws.tr().format(Str::FieldExported, file.filename().string(), formatInteger(features, ws.language())),
                 details});
        });
    }
    probeItem("menu.field_export");
    if (ImGui::MenuItem(tr(Str::MenuFieldMerge), nullptr, false, ready)) {
        m_targets.fileDialog.openFieldPackageMerge([&editor, &ws](const std::filesystem::path& file) {
            edit::FieldMergeReport report;
            const auto outcome = editor.mergeFieldPackage(file, &report);
            if (!outcome.ok) return ws.notices().push({true, outcome.error, {}});
            const Language language = ws.language();
            auto n = [language](std::int64_t v) { return formatInteger(v, language); };
            const std::string text =
                ws.tr().format(Str::FieldMerged, n(report.added), n(report.updated), n(report.deleted),
                               n(report.unchanged), n(static_cast<std::int64_t>(report.conflicts.size())));
            std::vector<std::string> details;
            for (const auto& c : report.conflicts) {
                details.push_back(std::string(ws.tr().layer(core::layerInfo(c.layer).name)) + " " + c.uuid + ": " +
                                  localiseError(c.reason, language));
            }
            if (!report.conflicts.empty()) details.push_back(ws.tr()(Str::FieldConflicts));
            ws.notices().push({false, text, details});
        });
    }
    probeItem("menu.field_merge");
}

void MenuBarPanel::drawViewMenu() {
    const Translator tr = m_workspace.tr();
    const bool ready = m_workspace.state() == DocumentState::Ready;
    if (ImGui::MenuItem(tr(Str::MenuFullExtent), tr(Str::ShortcutFullKeys), false, ready)) m_workspace.zoomToAll();
    ImGui::Separator();
    ImGui::MenuItem(tr(Str::MenuLayers), nullptr, m_targets.layers.openFlag());
    ImGui::MenuItem(tr(Str::MenuInfo), nullptr, m_targets.info.openFlag());
    if (m_targets.attributeTable) {
        ImGui::MenuItem(tr(Str::MenuAttributeTable), nullptr, m_targets.attributeTable->openFlag(), ready);
    }
    ImGui::MenuItem(tr(Str::MenuStatusBar), nullptr, m_targets.statusBar.openFlag());
    ImGui::Separator();
    if (m_targets.slides) ImGui::MenuItem(tr(Str::PresentMenuSlides), nullptr, m_targets.slides->openFlag(), ready);
    if (m_targets.presentation && ImGui::MenuItem(tr(Str::PresentMenuPresent), "F5", false, ready) &&
        !m_targets.presentation->start(0)) {
        m_workspace.notices().push({true, tr(Str::PresentNoSlides), {}});
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuLabels), nullptr, m_workspace.options().labels)) {
        m_workspace.layers().setLabels(!m_workspace.options().labels);
    }
    if (ImGui::MenuItem(tr(Str::MenuLegend), nullptr, m_workspace.options().legend)) {
        m_workspace.layers().setLegend(!m_workspace.options().legend);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuPublicMode), nullptr, m_workspace.publicMode())) {
        m_workspace.setPublicMode(!m_workspace.publicMode());
    }
    probeItem("menu.public_mode");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::MenuPublicModeHint));
    ImGui::Separator();
    const bool languageOpen = ImGui::BeginMenu(tr(Str::MenuLanguage));
    if (!languageOpen) probeItem("menu.language");
    if (languageOpen) {
        if (ImGui::MenuItem(tr(Str::LanguageDe), nullptr, m_workspace.language() == Language::German)) {
            m_workspace.setLanguage(Language::German);
        }
        probeItem("menu.language.de");
        if (ImGui::MenuItem(tr(Str::LanguageEn), nullptr, m_workspace.language() == Language::English)) {
            m_workspace.setLanguage(Language::English);
        }
        probeItem("menu.language.en");
        ImGui::EndMenu();
    }
}

}  // namespace lb::ui
