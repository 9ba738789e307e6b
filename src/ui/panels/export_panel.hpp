#pragma once

#include <string>
#include <vector>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;

// Projekt → Exportieren… (issue 11): layers to a GeoPackage (with QGIS styles), GeoJSON or CSV through the
// output gate, as `lagebild export` does. Public is on whenever the dialog opens (the audience of a
// handout, the press); the export runs on the workspace's document lane with its progress in the status bar
// and ends with a notice. draw() reads nothing from disk.
class ExportPanel : public Panel {
public:
    explicit ExportPanel(Workspace& workspace);
    std::string_view id() const override { return "export"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Opens the dialog with its defaults: GeoPackage, public, k = 5, every layer, beside the project.
    void open();

private:
    struct Choice {
        std::string name;  // table name as exported
        bool chosen = true;
    };
    void fillChoices();
    void fitExtension();
    bool submit();  // true when the export was started

    Workspace& m_workspace;
    bool m_openRequested = false;
    int m_format = 0;  // 0 GeoPackage, 1 GeoJSON, 2 CSV
    bool m_public = true;
    int m_k = 5;
    int m_cell = 250;
    int m_csv = 0;     // 0 German, 1 international
    int m_single = 0;  // the one layer of GeoJSON and CSV
    std::vector<Choice> m_choices;
    std::string m_path;
    std::string m_error;
};

}  // namespace lb::ui
