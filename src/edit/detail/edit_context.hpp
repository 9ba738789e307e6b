#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "edit/detail/feature_snapshot.hpp"
#include "edit/edit_command.hpp"

namespace lb::geo {
class GeosContext;
}

namespace lb::edit::detail {

// What a command needs while it runs inside the session's transaction.
class EditContext {
public:
    using Written = std::map<std::string, std::string>;  // "layer/uuid" → modified written ("" = deleted)

    // actionPrefix: "" for the first apply, "undo:" or "redo:". lastWritten: what the session wrote before
    // this step (read only; this step's writes are collected and handed back by takeWritten()).
    EditContext(store::ProjectStore& store, std::string author, std::string timestamp, std::string actionPrefix,
                const Written& lastWritten);
    ~EditContext();

    store::ProjectStore& store() { return m_store; }
    const std::string& author() const { return m_author; }
    // The modified time every row written by this step gets (UTC, milliseconds).
    const std::string& timestamp() const { return m_timestamp; }
    geo::GeosContext& geos();

    // One audit row: action = prefix + kind id; old/new values as JSON (only the changed keys when both
    // exist).
    void audit(EditKind kind, core::LayerId layer, const std::string& uuid,
               const std::optional<FeatureSnapshot>& before, const std::optional<FeatureSnapshot>& after);

    // Throws core::InputError when the feature's stored `modified` is not what this session (this step
    // included) wrote last, i.e. someone else edited or deleted it since. Features the session never wrote
    // pass.
    void checkUnchanged(core::LayerId layer, const std::string& uuid,
                        const std::optional<FeatureSnapshot>& current) const;
    void recordWrite(core::LayerId layer, const std::string& uuid, const std::string& modified);
    Written takeWritten() { return std::move(m_written); }

private:
    store::ProjectStore& m_store;
    std::string m_author;
    std::string m_timestamp;
    std::string m_prefix;
    const Written& m_lastWritten;
    Written m_written;
    std::unique_ptr<geo::GeosContext> m_geos;
};

// "2025-03-14T21:15:00.123Z" for the current time.
std::string timestampMillis();
// The `modified` time for a write at `now` over a feature last modified at `previous`: `now`, or one
// millisecond after `previous` when the clock has not moved past it (two writes within a millisecond, or a
// clock behind another machine's). Every write thus changes `modified`, which is how undo tells that
// someone else edited a feature.
std::string laterModified(const std::string& now, const std::string& previous);

}  // namespace lb::edit::detail
