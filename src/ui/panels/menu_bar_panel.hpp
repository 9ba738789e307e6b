#pragma once

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class FileDialogPanel;
class AnalysisMenu;
class HelpPanel;
class ExportPanel;
class PrintPanel;
class Presentation;
struct EditMenuTargets;

// The panels the menu bar opens and closes.
struct MenuTargets {
    Panel& layers;
    Panel& info;
    Panel& statusBar;
    Panel& about;
    Panel& shortcuts;
    FileDialogPanel& fileDialog;
    AnalysisMenu* analysis = nullptr;
    EditMenuTargets* edit = nullptr;       // the Bearbeiten menu; none without an editor
    HelpPanel* help = nullptr;             // Hilfe → Erste Schritte / Handbuch
    Panel* attributeTable = nullptr;       // Ansicht → Attributtabelle
    ExportPanel* exportLayers = nullptr;   // Projekt → Exportieren…, Exportieren → Ebenen…
    Panel* slides = nullptr;               // Ansicht → Folien
    Presentation* presentation = nullptr;  // Ansicht → Präsentation
    PrintPanel* print = nullptr;           // Projekt → Drucken / PDF…
};

// The main menu bar: Projekt, Bearbeiten, Importieren, Exportieren, Ansicht, Analyse, Hilfe.
class MenuBarPanel : public Panel {
public:
    MenuBarPanel(Workspace& workspace, MenuTargets targets);
    std::string_view id() const override { return "menu_bar"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Set by "Beenden"; the app closes the window.
    bool quitRequested() const { return m_quitRequested; }
    void requestQuit() { m_quitRequested = true; }
    float height() const { return m_height; }

private:
    void drawProjectMenu();
    void drawViewMenu();
    void drawFieldPackageItems();

    Workspace& m_workspace;
    MenuTargets m_targets;
    bool m_quitRequested = false;
    float m_height = 0;
};

}  // namespace lb::ui
