#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/edit_command.hpp"
#include "edit/edit_commands.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

// The edits of one GUI session (or one script) on one project, with undo and redo.
//
// Every apply(), undo() and redo() is its own write transaction, committed before the call returns, with
// one audit_log row per changed feature (author, time, action = the kind id, "undo:"/"redo:" prefixed for
// those, old and new values as JSON). When another process holds the write lock the transaction waits
// (busy timeout) and retries with backoff; "database is locked" reaches the caller only after about 30 s.
// A command that fails changes nothing and is not put on the undo stack. Undo refuses (core::InputError)
// when the feature was changed by someone else after this session's edit.
class EditSession {
public:
    // author: the user name from the GUI settings, written into features and the audit log.
    EditSession(store::ProjectStore& store, std::string author);
    ~EditSession();
    EditSession(const EditSession&) = delete;
    EditSession& operator=(const EditSession&) = delete;

    // Applies and commits; returns the command (its featureUuid() names a new feature). Clears redo.
    const EditCommand& apply(std::unique_ptr<EditCommand> command);
    void undo();
    void redo();
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    // The commands undo()/redo() would act on (kind + layer for the menu text), or nullptr.
    const EditCommand* nextUndo() const { return m_undo.empty() ? nullptr : m_undo.back().get(); }
    const EditCommand* nextRedo() const { return m_redo.empty() ? nullptr : m_redo.back().get(); }

    // Incremented after every committed change: the GUI rebuilds its snapshot when it differs.
    std::uint64_t revision() const { return m_revision; }

    // The feature as stored now, or nothing.
    std::optional<FeatureRecord> feature(core::LayerId layer, const std::string& uuid);

    store::ProjectStore& store() { return m_store; }
    const std::string& author() const { return m_author; }

private:
    enum class Step { Apply, Undo, Redo };
    void run(EditCommand& command, Step step);

    store::ProjectStore& m_store;
    std::string m_author;
    std::vector<std::unique_ptr<EditCommand>> m_undo;
    std::vector<std::unique_ptr<EditCommand>> m_redo;
    // The `modified` this session last wrote per feature (layer name + uuid; "" after a delete): undo and
    // redo compare it with the stored one to notice edits by others.
    std::map<std::string, std::string> m_lastWritten;
    std::uint64_t m_revision = 0;
};

}  // namespace lb::edit
