#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "edit/edit_command.hpp"
#include "edit/field_mark.hpp"
#include "edit/field_package.hpp"
#include "edit/form_spec.hpp"
#include "ui/strings.hpp"

namespace lb::store {
class ProjectStore;
}
namespace lb::project {
class Session;
}
namespace lb::edit {
class EditSession;
}

namespace lb::ui {

// What became of one edit: applied, or refused with a message (validation problems per field).
struct EditOutcome {
    bool ok = false;
    std::string error;                         // in the UI language; empty when ok
    std::vector<edit::FieldProblem> problems;  // a ValidationError's fields
    std::string featureUuid;                   // the feature the command worked on (new features: its uuid)
};

// The menu text of an edit kind ("Punkt hinzufügen" / "Add point").
Str editKindString(edit::EditKind kind);

// Owns the EditSession of the open project on the workstation's one read-write session (project::Session),
// beside the workspace's shared reader. Every edit, undo and redo goes through here; failures come back as
// EditOutcome (never as exceptions, they must not cross ImGui), and after each committed change the
// changed-layers hook tells the map to reload those layers. No ImGui and no window: unit-testable.
class EditController {
public:
    using ChangedHook = std::function<void(const std::vector<core::LayerId>&)>;

    EditController();
    ~EditController();
    EditController(const EditController&) = delete;
    EditController& operator=(const EditController&) = delete;

    void setChangedHook(ChangedHook hook) { m_changed = std::move(hook); }
    // Called with the message when an undo or redo fails (edits report through their EditOutcome).
    void setFailedHook(std::function<void(const std::string&)> hook) { m_failed = std::move(hook); }
    void setLanguage(Language language) { m_language = language; }

    // Opens a session on a project file (closing the previous one and its undo history). Returns the
    // error text when the file cannot be opened for writing.
    std::optional<std::string> open(const std::filesystem::path& project, const std::string& author);
    void close();
    bool isOpen() const { return m_session != nullptr; }
    const std::string& projectPath() const { return m_projectPath; }
    // Later edits carry this name (the undo history is kept).
    void setAuthor(const std::string& author);
    const std::string& author() const { return m_author; }

    EditOutcome apply(std::unique_ptr<edit::EditCommand> command);
    // A field-mode button press at (x, y) in the project CRS: one undoable edit.
    EditOutcome markField(edit::FieldMarkKind kind, double x, double y, const std::string& note,
                          const std::optional<std::filesystem::path>& photo);
    // Attaches a JPEG or PNG file to an observation (one undoable, audited edit). Files that are too large,
    // no JPEG/PNG or broken are refused before anything is written; the error says what is allowed.
    EditOutcome attachPhoto(const std::string& observationUuid, const std::filesystem::path& file);
    // Removes one photo of an observation (one undoable, audited edit).
    EditOutcome removePhoto(const std::string& observationUuid, std::int64_t photoId);
    // Projekt → Feldpaket erstellen / zurückführen (edit/field_package.hpp). The export writes a new file
    // (whole project, base map included); the merge changes the project outside the undo history, which is
    // therefore cleared, and its report (with the conflict list) comes back in `report`.
    EditOutcome exportFieldPackage(const std::filesystem::path& out, edit::FieldExportReport* report);
    EditOutcome mergeFieldPackage(const std::filesystem::path& package, edit::FieldMergeReport* report);
    EditOutcome undo();
    EditOutcome redo();
    bool canUndo() const;
    bool canRedo() const;
    const edit::EditCommand* nextUndo() const;
    const edit::EditCommand* nextRedo() const;
    // Counts committed changes (edits, undos, redos) of this controller.
    std::uint64_t revision() const { return m_revision; }

    // For forms and tools; nullptr while no project is open.
    edit::EditSession* session() { return m_session.get(); }
    store::ProjectStore* store();

private:
    EditOutcome run(const std::vector<core::LayerId>& layers, const std::function<std::string()>& step);
    EditOutcome replay(bool undo);  // undo or redo the next command
    std::string errorText(const std::exception& e, std::vector<edit::FieldProblem>* problems) const;

    std::unique_ptr<project::Session> m_writer;
    std::unique_ptr<edit::EditSession> m_session;
    std::string m_projectPath;
    std::string m_author;
    Language m_language = Language::German;
    ChangedHook m_changed;
    std::function<void(const std::string&)> m_failed;
    std::uint64_t m_revision = 0;
};

}  // namespace lb::ui
