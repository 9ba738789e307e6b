#include "ui/panels/export_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "core/layer.hpp"
#include "project/layer_export.hpp"
#include "project/public_gate.hpp"
#include "ui/item_probe.hpp"
#include "ui/widgets/help_marker.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

constexpr const char* kExtensions[] = {".gpkg", ".geojson", ".csv"};

std::string choiceLabel(const Translator& tr, const std::string& name) {
    if (name == project::kIncidentsGrid) return tr(Str::ExportLayerGrid);
    if (name == project::kIncidentsDistricts) return tr(Str::ExportLayerDistricts);
    return std::string(tr.layer(name));
}

}  // namespace

ExportPanel::ExportPanel(Workspace& workspace) : Panel(false), m_workspace(workspace) {}

void ExportPanel::open() {
    m_format = 0;
    m_public = true;  // every export starts public; internal data only when asked for
    m_k = project::kMinimumPublicK;
    m_cell = static_cast<int>(project::kDefaultPublicCell);
    m_error.clear();
    fillChoices();
    std::filesystem::path folder = std::filesystem::path(m_workspace.projectPath()).parent_path();
    const std::string name = m_workspace.projectName().empty() ? std::string("lagebild") : m_workspace.projectName();
    m_path = (folder / (name + "-export.gpkg")).string();
    setOpen(true);
    m_openRequested = true;
}

// The tables the gate lets out: in public the base map, graffiti, measures, districts and the incidents'
// counts; internally every layer.
void ExportPanel::fillChoices() {
    const project::OutputGate gate = m_public ? project::OutputGate::forPublic(std::max(m_k, project::kMinimumPublicK))
                                              : project::OutputGate::internal();
    m_choices.clear();
    for (const auto& info : core::kLayers) {
        if (gate.layerAllowed(info.id)) {
            m_choices.push_back({std::string(info.name), true});
        } else if (info.id == core::LayerId::Incidents) {
            m_choices.push_back({project::kIncidentsGrid, true});
            m_choices.push_back({project::kIncidentsDistricts, true});
        }
    }
    m_single = 0;
}

void ExportPanel::fitExtension() {
    std::filesystem::path path(m_path);
    path.replace_extension(kExtensions[m_format]);
    m_path = path.string();
}

bool ExportPanel::submit() {
    const Translator tr = m_workspace.tr();
    project::ExportOptions options;
    options.cell = m_cell;
    options.csv = m_csv == 0 ? io::CsvOptions::german() : io::CsvOptions::international();
    options.english = m_workspace.language() == Language::English;
    if (m_format == 0) {
        const bool all = std::all_of(m_choices.begin(), m_choices.end(), [](const Choice& c) { return c.chosen; });
        // All of them: the default set, which leaves out the empty layers.
        if (!all) {
            for (const auto& c : m_choices) {
                if (c.chosen) options.layers.push_back(c.name);
            }
            if (options.layers.empty()) {
                m_error = tr(Str::ExportNoLayer);
                return false;
            }
        }
    } else {
        if (m_single < 0 || m_single >= static_cast<int>(m_choices.size())) {
            m_error = tr(Str::ExportOneLayer);
            return false;
        }
        options.layers = {m_choices[static_cast<std::size_t>(m_single)].name};
    }
    if (m_workspace.publicMode()) m_public = true;
    if (m_public && m_k < project::kMinimumPublicK) m_k = project::kMinimumPublicK;
    fitExtension();
    m_workspace.exportLayers(m_path, m_public ? std::optional<int>(m_k) : std::nullopt, std::move(options));
    return true;
}

void ExportPanel::draw() {
    const Translator tr = m_workspace.tr();
    const std::string title = std::string(tr(Str::ExportTitle)) + "###export_dialog";
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x * 0.45f, viewport->Size.y * 0.7f), ImGuiCond_Appearing);
    if (m_openRequested) ImGui::OpenPopup(title.c_str());
    m_openRequested = false;
    bool keepOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keepOpen)) {
        if (!ImGui::IsPopupOpen(title.c_str())) setOpen(false);
        return;
    }
    const char* formats[] = {tr(Str::ExportFormatGpkg), tr(Str::ExportFormatGeojson), tr(Str::ExportFormatCsv)};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    if (ImGui::Combo(tr(Str::ExportFormat), &m_format, formats, 3)) fitExtension();
    probeItem("export.format");
    if (m_format == 2) {
        const char* conventions[] = {tr(Str::ExportCsvGerman), tr(Str::ExportCsvInternational)};
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::Combo(tr(Str::ExportCsv), &m_csv, conventions, 2);
    }
    // In the workstation's public mode every export is public: the box stays ticked.
    if (m_workspace.publicMode() && !m_public) {
        m_public = true;
        fillChoices();
    }
    ImGui::BeginDisabled(m_workspace.publicMode());
    if (ImGui::Checkbox(tr(Str::ExportPublicData), &m_public)) fillChoices();
    ImGui::EndDisabled();
    probeItem("export.public");
    helpMarker(tr(Str::ExportPublicDataHint));
    if (m_public) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt(tr(Str::ExportK), &m_k)) m_k = std::max(m_k, project::kMinimumPublicK);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt(tr(Str::ExportCell), &m_cell, 50)) m_cell = std::clamp(m_cell, 10, 5000);
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Str::ExportLayers));
    const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("layers", ImVec2(0, -footer), true);
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string label = choiceLabel(tr, m_choices[i].name);
        if (m_format == 0) {
            ImGui::Checkbox(label.c_str(), &m_choices[i].chosen);
        } else {
            ImGui::RadioButton(label.c_str(), &m_single, static_cast<int>(i));
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    ImGui::InputText(tr(Str::ExportFile), &m_path);
    probeItem("export.path");
    if (!m_error.empty()) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
    } else {
        ImGui::TextUnformatted("");
    }
    ImGui::BeginDisabled(m_workspace.busy());
    if (ImGui::Button(tr(Str::ExportButton), ImVec2(ImGui::GetFontSize() * 8, 0)) && submit()) keepOpen = false;
    ImGui::EndDisabled();
    probeItem("export.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::DialogCancel), ImVec2(ImGui::GetFontSize() * 8, 0))) keepOpen = false;
    if (!keepOpen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (!keepOpen) setOpen(false);
}

}  // namespace lb::ui
