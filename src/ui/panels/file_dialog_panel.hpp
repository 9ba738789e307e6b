#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;

enum class FilePurpose {
    OpenProject,
    NewProject,
    CreateDemo,
    ImportOsm,
    ImportThematic,
    ExportPng,
    ExportQuery,
    Photo,
    FieldPackageExport,  // Projekt → Feldpaket erstellen: a new project file
    FieldPackageMerge,   // Projekt → Feldpaket zurückführen: an existing package
};

// A simple modal file chooser: a path field and a listing of one folder (folders first, then the files
// that fit the purpose). Confirming calls the matching Workspace action.
class FileDialogPanel : public Panel {
public:
    explicit FileDialogPanel(Workspace& workspace);
    std::string_view id() const override { return "file_dialog"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Opens the dialog for a purpose; the folder starts at the open project's folder (or the working folder).
    void open(FilePurpose purpose);
    // Opens the dialog to export a query result (.csv or .gpkg); confirming calls `save` with the path.
    void openQueryExport(std::string fileName, std::function<void(const std::filesystem::path&)> save);
    // A field package: where to write a new one (`save` gets the path) or which one to merge (`chosen`).
    void openFieldPackageExport(std::string fileName, std::function<void(const std::filesystem::path&)> save);
    void openFieldPackageMerge(std::function<void(const std::filesystem::path&)> chosen);
    // Chooses a JPEG or PNG photo; `chosen` gets the file when the user confirms.
    void openPhoto(std::function<void(const std::filesystem::path&)> chosen);

private:
    struct Entry {
        std::string name;
        bool directory = false;
    };

    void navigate(const std::filesystem::path& folder);
    bool fits(const std::filesystem::path& file) const;
    bool confirm();  // true when the dialog may close

    Workspace& m_workspace;
    FilePurpose m_purpose = FilePurpose::OpenProject;
    bool m_openRequested = false;
    std::filesystem::path m_folder;
    std::string m_path;
    std::vector<Entry> m_entries;
    std::string m_error;
    std::function<void(const std::filesystem::path&)> m_save;         // ExportQuery, FieldPackageExport
    std::function<void(const std::filesystem::path&)> m_photoChosen;  // Photo, FieldPackageMerge
    int m_thematicLayer = 0;
    bool m_publicExport = true;  // ExportPng: through the public gate (project::applyPublicGate)  // index into the
                                 // thematic layers of core::kLayers
};

}  // namespace lb::ui
