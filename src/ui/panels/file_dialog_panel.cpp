#include "ui/panels/file_dialog_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <system_error>

#include "ui/item_probe.hpp"
#include "ui/widgets/help_marker.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

std::vector<core::LayerId> thematicLayers() {
    std::vector<core::LayerId> layers;
    for (const auto& info : core::kLayers) {
        if (info.kind == core::LayerKind::Thematic) layers.push_back(info.id);
    }
    return layers;
}

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

Str titleFor(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::OpenProject:
            return Str::DialogOpenTitle;
        case FilePurpose::NewProject:
            return Str::DialogNewTitle;
        case FilePurpose::CreateDemo:
            return Str::DialogDemoTitle;
        case FilePurpose::ImportOsm:
            return Str::DialogImportOsmTitle;
        case FilePurpose::ImportThematic:
            return Str::DialogImportThematicTitle;
        case FilePurpose::ExportPng:
            return Str::DialogExportTitle;
        case FilePurpose::ExportQuery:
            return Str::DialogExportQueryTitle;
        case FilePurpose::Photo:
            return Str::DialogPhotoTitle;
        case FilePurpose::FieldPackageExport:
            return Str::DialogFieldExportTitle;
        case FilePurpose::FieldPackageMerge:
            return Str::DialogFieldMergeTitle;
    }
    return Str::DialogOpenTitle;
}

Str buttonFor(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::OpenProject:
            return Str::DialogOpenButton;
        case FilePurpose::NewProject:
        case FilePurpose::CreateDemo:
            return Str::DialogCreateButton;
        case FilePurpose::ImportOsm:
        case FilePurpose::ImportThematic:
            return Str::DialogImportButton;
        case FilePurpose::ExportPng:
        case FilePurpose::ExportQuery:
        case FilePurpose::FieldPackageExport:
            return Str::DialogSaveButton;
        case FilePurpose::Photo:
        case FilePurpose::FieldPackageMerge:
            return Str::DialogChoose;
    }
    return Str::DialogOpenButton;
}

}  // namespace

FileDialogPanel::FileDialogPanel(Workspace& workspace) : Panel(false), m_workspace(workspace) {}

void FileDialogPanel::open(FilePurpose purpose) {
    m_purpose = purpose;
    m_error.clear();
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::current_path(ec);
    if (!m_workspace.projectPath().empty()) folder = std::filesystem::path(m_workspace.projectPath()).parent_path();
    navigate(folder);
    switch (purpose) {
        case FilePurpose::NewProject:
            m_path = (m_folder / "projekt.sqlite").string();
            break;
        case FilePurpose::CreateDemo:
            m_path = (m_folder / "musterstadt.sqlite").string();
            break;
        case FilePurpose::ExportPng:
            m_publicExport = true;  // every export starts public; internal layers only when asked for
            m_path =
                (m_folder / ((m_workspace.projectName().empty() ? "karte" : m_workspace.projectName()) + "-karte.png"))
                    .string();
            break;
        default:
            m_path = m_folder.string() + "/";
            break;
    }
    setOpen(true);
    m_openRequested = true;
}

void FileDialogPanel::openQueryExport(std::string fileName, std::function<void(const std::filesystem::path&)> save) {
    open(FilePurpose::ExportQuery);
    m_save = std::move(save);
    m_path = (m_folder / fileName).string();
}

void FileDialogPanel::openFieldPackageExport(std::string fileName,
                                             std::function<void(const std::filesystem::path&)> save) {
    open(FilePurpose::FieldPackageExport);
    m_save = std::move(save);
    m_path = (m_folder / fileName).string();
}

void FileDialogPanel::openFieldPackageMerge(std::function<void(const std::filesystem::path&)> chosen) {
    m_photoChosen = std::move(chosen);
    open(FilePurpose::FieldPackageMerge);
}

void FileDialogPanel::openPhoto(std::function<void(const std::filesystem::path&)> chosen) {
    m_photoChosen = std::move(chosen);
    open(FilePurpose::Photo);
}

void FileDialogPanel::navigate(const std::filesystem::path& folder) {
    m_entries.clear();
    std::error_code ec;
    std::filesystem::directory_iterator it(folder, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) {
        m_error = m_workspace.tr()(Str::DialogNotAFolder);
        return;
    }
    m_folder = folder;
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        const bool directory = entry.is_directory(ec);
        if (directory || fits(entry.path())) m_entries.push_back({name, directory});
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        if (a.directory != b.directory) return a.directory;
        return a.name < b.name;
    });
}

bool FileDialogPanel::fits(const std::filesystem::path& file) const {
    const std::string ext = lowerExtension(file);
    switch (m_purpose) {
        case FilePurpose::OpenProject:
        case FilePurpose::NewProject:
        case FilePurpose::CreateDemo:
        case FilePurpose::FieldPackageExport:
        case FilePurpose::FieldPackageMerge:
            return ext == ".sqlite" || ext == ".lagebild" || ext == ".db";
        case FilePurpose::ImportOsm:
            return ext == ".osm" || ext == ".pbf" || ext == ".bz2";
        case FilePurpose::ImportThematic:
            return ext == ".csv" || ext == ".geojson" || ext == ".json" || ext == ".gpkg" || ext == ".shp";
        case FilePurpose::ExportPng:
            return ext == ".png";
        case FilePurpose::ExportQuery:
            return ext == ".csv" || ext == ".gpkg";
        case FilePurpose::Photo:
            return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
    }
    return false;
}

bool FileDialogPanel::confirm() {
    const Translator tr = m_workspace.tr();
    const std::filesystem::path path(m_path);
    std::error_code ec;
    const bool exists = std::filesystem::is_regular_file(path, ec);
    switch (m_purpose) {
        case FilePurpose::OpenProject:
            if (!exists) break;
            m_workspace.openProject(path);
            return true;
        case FilePurpose::NewProject:
        case FilePurpose::CreateDemo:
            if (std::filesystem::exists(path, ec)) {
                m_error = tr(Str::DialogFileExists);
                return false;
            }
            if (m_purpose == FilePurpose::NewProject) {
                m_workspace.createProject(path);
            } else {
                m_workspace.createDemo(path);
            }
            return true;
        case FilePurpose::ImportOsm:
            if (!exists) break;
            m_workspace.importOsm(path);
            return true;
        case FilePurpose::ImportThematic:
            if (!exists) break;
            m_workspace.importThematic(thematicLayers().at(static_cast<std::size_t>(m_thematicLayer)), path);
            return true;
        case FilePurpose::ExportPng: {
            auto file = path;
            if (lowerExtension(file) != ".png") file += ".png";
            m_workspace.exportPng(file, m_publicExport || m_workspace.publicMode());
            return true;
        }
        case FilePurpose::ExportQuery: {
            auto file = path;
            const std::string ext = lowerExtension(file);
            if (ext != ".csv" && ext != ".gpkg") file += ".csv";
            if (m_save) m_save(file);
            return true;
        }
        case FilePurpose::Photo:
        case FilePurpose::FieldPackageMerge:
            if (!exists) break;
            if (m_photoChosen) m_photoChosen(path);
            return true;
        case FilePurpose::FieldPackageExport: {
            auto file = path;
            if (lowerExtension(file) != ".sqlite") file += ".sqlite";
            if (std::filesystem::exists(file, ec)) {
                m_error = tr(Str::DialogFileExists);
                return false;
            }
            if (m_save) m_save(file);
            return true;
        }
    }
    m_error = tr(Str::DialogFileMissing);
    return false;
}

void FileDialogPanel::draw() {
    const Translator tr = m_workspace.tr();
    const char* popupId = "###file_dialog";  // ### keeps the id when the title's language changes
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.6f), ImGuiCond_Appearing);
    bool keepOpen = true;
    std::string title = std::string(tr(titleFor(m_purpose))) + popupId;
    ImGui::PushID("file_dialog");
    if (m_openRequested || !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    m_openRequested = false;
    if (ImGui::BeginPopupModal(title.c_str(), &keepOpen)) {
        ImGui::TextDisabled("%s", m_folder.string().c_str());
        if (ImGui::Button(tr(Str::DialogParent))) navigate(m_folder.parent_path());
        if (m_purpose == FilePurpose::ImportThematic) {
            ImGui::SameLine();
            const auto layers = thematicLayers();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            const auto& current = core::layerInfo(layers.at(static_cast<std::size_t>(m_thematicLayer)));
            if (ImGui::BeginCombo(tr(Str::DialogTargetLayer), std::string(current.displayName).c_str())) {
                for (std::size_t i = 0; i < layers.size(); ++i) {
                    const auto& info = core::layerInfo(layers[i]);
                    if (ImGui::Selectable(std::string(info.displayName).c_str(),
                                          static_cast<int>(i) == m_thematicLayer)) {
                        m_thematicLayer = static_cast<int>(i);
                    }
                }
                ImGui::EndCombo();
            }
        }
        if (m_purpose == FilePurpose::ExportPng) {
            ImGui::SameLine();
            // In public mode every output is public: the box stays ticked.
            if (m_workspace.publicMode()) m_publicExport = true;
            ImGui::BeginDisabled(m_workspace.publicMode());
            ImGui::Checkbox(tr(Str::ExportPublic), &m_publicExport);
            ImGui::EndDisabled();
            helpMarker(tr(Str::ExportPublicHint));
        }
        const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
        ImGui::BeginChild("listing", ImVec2(0, -footer), true);
        std::filesystem::path enter;
        for (const auto& entry : m_entries) {
            const std::string label = entry.directory ? entry.name + "/" : entry.name;
            const bool selected = !entry.directory && std::filesystem::path(m_path).filename() == entry.name;
            if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (entry.directory) {
                    enter = m_folder / entry.name;
                } else {
                    m_path = (m_folder / entry.name).string();
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && confirm()) keepOpen = false;
                }
            }
        }
        ImGui::EndChild();
        if (!enter.empty()) navigate(enter);

        ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
        if (ImGui::InputText(tr(Str::DialogPath), &m_path, ImGuiInputTextFlags_EnterReturnsTrue) && confirm()) {
            keepOpen = false;
        }
        probeItem("dialog.path");
        if (!m_error.empty()) {
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        } else {
            ImGui::TextUnformatted("");
        }
        if (ImGui::Button(tr(buttonFor(m_purpose)), ImVec2(ImGui::GetFontSize() * 8, 0)) && confirm()) {
            keepOpen = false;
        }
        probeItem("dialog.confirm");
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::DialogCancel), ImVec2(ImGui::GetFontSize() * 8, 0))) keepOpen = false;
        if (!keepOpen) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
    if (!keepOpen) setOpen(false);
}

}  // namespace lb::ui
