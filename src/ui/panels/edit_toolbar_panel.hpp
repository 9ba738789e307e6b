#pragma once

#include <optional>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class EditController;
class EditTools;
struct Layout;

// The tool bar over the top of the map: the field mode switch and, when shown, the planner's edit tools
// (Auswählen, Punkt, Linie, Fläche, Route, Stützpunkte, Verschieben, Löschen) with the target layer. It
// keeps the tools' target in step with the map selection and asks before a feature is deleted.
class EditToolbarPanel : public Panel {
public:
    EditToolbarPanel(Workspace& workspace, EditController& editor, EditTools& tools, Panel& fieldMode,
                     const Layout& layout);
    std::string_view id() const override { return "edit_toolbar"; }
    void draw() override;

    bool& showTools() { return m_showTools; }
    // Asks to delete the selected feature (the Delete key, the delete tool).
    void requestDelete() { m_deleteRequested = true; }

private:
    void syncTarget();
    void drawToolButtons();
    void drawDeleteConfirmation();

    Workspace& m_workspace;
    EditController& m_editor;
    EditTools& m_tools;
    Panel& m_fieldMode;
    const Layout& m_layout;
    bool m_showTools = false;  // Bearbeiten → Bearbeitungswerkzeuge; the Feldmodus button always shows
    bool m_deleteRequested = false;
    std::optional<std::uint64_t> m_seenRevision;
};

}  // namespace lb::ui
