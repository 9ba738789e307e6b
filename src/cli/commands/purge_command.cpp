#include "cli/commands/purge_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/time.hpp"
#include "store/project_store.hpp"

namespace lb::cli {

void PurgeCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--older-than", m_days, "Retention period in days: rows older than this lose their values")
        ->required();
    app.add_flag("--json", m_json, "Print one JSON document");
}

void PurgeCommand::setup() {
    if (m_days < 0) throw core::UsageError("--older-than: give the number of days (0 or more)");
}

int PurgeCommand::run() {
    auto store = store::ProjectStore::open(m_project, store::ProjectStore::Access::ReadWrite);
    const core::Timestamp cutoff{core::now().unixSeconds - static_cast<std::int64_t>(m_days) * 86400};
    const std::string before = core::formatUtc(cutoff);
    std::int64_t purged = 0;
    {
        store::WriteTransaction tx(*store);
        purged = store->purgeAuditValues(before);
        store->audit("purge", std::nullopt, "", "", "",
                     "values of " + std::to_string(purged) + " audit rows before " + before + " removed");
        tx.commit();
    }
    const bool flushed = store->flushErased();
    if (!flushed) {
        fmt::print(stderr,
                   "lagebild purge: note: another program has {} open; the removed values leave its WAL file when "
                   "the last program closes it\n",
                   m_project);
    }
    if (m_json) {
        nlohmann::json out = {{"purged", purged}, {"before", before}, {"wal_truncated", flushed}};
        fmt::print("{}\n", out.dump(2));
    } else {
        fmt::print("{} audit rows written before {} lost their values (who, when, what and which fields stay)\n",
                   purged, before);
    }
    return 0;
}

}  // namespace lb::cli
