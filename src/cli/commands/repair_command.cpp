#include "cli/commands/repair_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "store/foreign_objects.hpp"
#include "store/project_store.hpp"

namespace lb::cli {

void RepairCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_flag("--drop-tables", m_dropTables, "Also drop tables Lagebild does not know (their rows are lost)");
    app.add_flag("--dry-run", m_dryRun, "Only list the foreign objects; change nothing");
    app.add_flag("--json", m_json, "Print one JSON document");
}

int RepairCommand::run() {
    // List first (read-only), so the user sees what goes even when the repair is refused.
    const auto found = store::ProjectStore::repair(m_project, m_dropTables, true).found;
    if (!m_json) {
        if (found.empty()) {
            fmt::print("{}: no foreign schema objects; nothing to repair\n", m_project);
            return 0;
        }
        fmt::print("{}: {} schema object(s) Lagebild did not create:\n", m_project, found.size());
        for (const auto& object : found) fmt::print("  {}\n", store::describe(object));
    }
    const auto report = m_dryRun || found.empty() ? store::RepairReport{found, {}, false}
                                                  : store::ProjectStore::repair(m_project, m_dropTables, false);
    if (m_json) {
        nlohmann::json out = {
            {"found", nlohmann::json::array()}, {"removed", nlohmann::json::array()}, {"changed", report.changed}};
        for (const auto& o : report.found) {
            out["found"].push_back({{"type", o.type}, {"name", o.name}, {"table", o.table}, {"sql", o.sql}});
        }
        for (const auto& o : report.removed) out["removed"].push_back({{"type", o.type}, {"name", o.name}});
        fmt::print("{}\n", out.dump(2));
    } else if (m_dryRun) {
        fmt::print("dry run: nothing was changed\n");
    } else {
        fmt::print("removed {} object(s); the project can be opened for writing again\n", report.removed.size());
    }
    return 0;
}

}  // namespace lb::cli
