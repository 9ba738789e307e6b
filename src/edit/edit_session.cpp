#include "edit/edit_session.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "edit/detail/edit_context.hpp"
#include "edit/detail/feature_snapshot.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

// How long a step waits in total for another writer before "database is locked" reaches the user: the
// connection's busy timeout (10 s) per attempt, and a few attempts with a growing pause between them.
constexpr int kAttempts = 3;

}  // namespace

EditSession::EditSession(store::ProjectStore& store, std::string author) : m_store(store), m_author(std::move(author)) {
    if (m_author.empty()) m_author = store.author();
    if (store.db().readOnly()) {
        throw core::UsageError(store.path().string() + ": the project is open read-only; edits are not possible");
    }
}

EditSession::~EditSession() = default;

const EditCommand& EditSession::apply(std::unique_ptr<EditCommand> command) {
    if (!command) throw core::UsageError("EditSession::apply: no command");
    run(*command, Step::Apply);
    m_undo.push_back(std::move(command));
    m_redo.clear();
    return *m_undo.back();
}

void EditSession::undo() {
    if (m_undo.empty()) throw core::UsageError("nothing to undo");
    run(*m_undo.back(), Step::Undo);
    m_redo.push_back(std::move(m_undo.back()));
    m_undo.pop_back();
}

void EditSession::redo() {
    if (m_redo.empty()) throw core::UsageError("nothing to redo");
    run(*m_redo.back(), Step::Redo);
    m_undo.push_back(std::move(m_redo.back()));
    m_redo.pop_back();
}

void EditSession::run(EditCommand& command, Step step) {
    const char* prefix = step == Step::Undo ? "undo:" : step == Step::Redo ? "redo:" : "";
    // BEGIN IMMEDIATE takes the write lock before the command reads anything (waiting up to the busy
    // timeout), so no statement inside the step can meet a lock: only the begin is retried, and a command
    // never runs twice.
    std::optional<store::WriteTransaction> tx;
    std::minstd_rand jitter(static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count()));
    for (int attempt = 1; !tx; ++attempt) {
        try {
            tx.emplace(m_store);
        } catch (const store::BusyError&) {
            if (attempt >= kAttempts) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt * attempt + jitter() % 50));
        }
    }
    detail::EditContext context(m_store, m_author, detail::timestampMillis(), prefix, m_lastWritten);
    if (step == Step::Undo) {
        command.revert(context);
    } else {
        command.apply(context);
    }
    auto written = context.takeWritten();
    tx->commit();
    for (auto& [key, modified] : written) m_lastWritten[key] = std::move(modified);
    ++m_revision;
}

std::optional<FeatureRecord> EditSession::feature(core::LayerId layer, const std::string& uuid) {
    auto snapshot = detail::loadSnapshot(m_store, layer, uuid);
    if (!snapshot) return std::nullopt;
    return std::move(snapshot->record);
}

}  // namespace lb::edit
