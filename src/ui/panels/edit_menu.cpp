#include "ui/panels/edit_menu.hpp"

#include <imgui.h>

#include <string>

#include "ui/edit/edit_controller.hpp"
#include "ui/panel.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

std::string withCommand(const Translator& tr, Str action, const edit::EditCommand* command) {
    std::string label = tr(action);
    if (command) label += std::string(": ") + tr(editKindString(command->kind()));
    return label + "###" + std::to_string(static_cast<int>(action));
}

}  // namespace

void drawEditMenuItems(EditMenuTargets& targets, const Translator& tr, bool enabled) {
    auto& editor = targets.editor;
    if (ImGui::MenuItem(withCommand(tr, Str::MenuUndo, editor.nextUndo()).c_str(), tr(Str::ShortcutUndoKeys), false,
                        editor.canUndo())) {
        editor.undo();
    }
    if (ImGui::MenuItem(withCommand(tr, Str::MenuRedo, editor.nextRedo()).c_str(), tr(Str::ShortcutRedoKeys), false,
                        editor.canRedo())) {
        editor.redo();
    }
    ImGui::Separator();
    ImGui::MenuItem(tr(Str::MenuFieldMode), nullptr, targets.fieldMode.openFlag(), enabled);
    ImGui::MenuItem(tr(Str::MenuEditTools), nullptr, &targets.showTools, enabled);
    ImGui::MenuItem(tr(Str::MenuVisitCalendar), nullptr, targets.calendar.openFlag(), enabled);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::MenuAuthor))) targets.author.setOpen(true);
}

}  // namespace lb::ui
