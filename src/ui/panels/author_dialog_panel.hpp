#pragma once

#include <string>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class EditController;
struct Settings;

// Asks once for the name written into every edit (settings.author), prefilled with the OS user name.
class AuthorDialogPanel : public Panel {
public:
    AuthorDialogPanel(Workspace& workspace, Settings& settings, EditController& editor);
    std::string_view id() const override { return "author_dialog"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;
    // Opens the dialog (prefilled with the current name, else the OS user name).
    void ask();

private:
    Workspace& m_workspace;
    Settings& m_settings;
    EditController& m_editor;
    std::string m_name;
    bool m_shown = false;  // the popup was opened for the current open flag
};

// The OS user name ($USER, else $LOGNAME, else "").
std::string osUserName();

}  // namespace lb::ui
