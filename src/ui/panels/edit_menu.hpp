#pragma once

namespace lb::ui {

class EditController;
class Panel;
class Translator;

// What the "Bearbeiten" / "Edit" menu works on.
struct EditMenuTargets {
    EditController& editor;
    Panel& fieldMode;
    bool& showTools;
    Panel& calendar;
    Panel& author;
};

// The menu's items (between BeginMenu and EndMenu): undo/redo with the command's name, field mode, the
// edit tool bar, the visit calendar, the author name. `enabled`: a project is open for editing.
void drawEditMenuItems(EditMenuTargets& targets, const Translator& tr, bool enabled);

}  // namespace lb::ui
