#pragma once

#include "ui/docked_panel.hpp"

namespace lb::ui {

class Workspace;
class FieldMode;
class FileDialogPanel;
struct Layout;

// The field mode ("Feldmodus" tab of the right dock): seven large buttons (tablet-sized), the note field
// with the § 65 SGB VIII hint, an optional photo, and the confirmation of the last saved mark with undo.
class FieldModePanel : public DockedPanel {
public:
    FieldModePanel(Workspace& workspace, FieldMode& mode, FileDialogPanel& fileDialog, const Layout& layout);
    std::string_view id() const override { return "field_mode"; }
    bool persistsOpenState() const override { return false; }
    std::string tabTitle() const override;
    bool tabShown() const override;
    void drawContent() override;

protected:
    // A saved mark keeps the field-mode tab in front (its confirmation and undo), although the new
    // observation becomes the selection that Objektinformationen would show.
    void update() override;

private:
    Workspace& m_workspace;
    FieldMode& m_mode;
    FileDialogPanel& m_fileDialog;
    const Layout& m_layout;
    std::string m_lastSavedUuid;
};

}  // namespace lb::ui
