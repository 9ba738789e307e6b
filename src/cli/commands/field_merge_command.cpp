#include "cli/commands/field_merge_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/layer.hpp"
#include "edit/field_package.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"

namespace lb::cli {

void FieldMergeCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("PACKAGE", m_package, "Field package written by field-export")->required();
    app.add_flag("--json", m_json, "Print the result as one JSON document");
}

int FieldMergeCommand::run() {
    auto project = project::Project::open(m_project, false);
    const auto report = edit::mergeFieldPackage(project->store(), m_package, project->store().author());
    if (m_json) {
        nlohmann::json out = {{"package_id", report.packageId}, {"added", report.added},
                              {"updated", report.updated},      {"deleted", report.deleted},
                              {"unchanged", report.unchanged},  {"conflicts", nlohmann::json::array()}};
        for (const auto& c : report.conflicts) {
            out["conflicts"].push_back({{"layer", core::layerInfo(c.layer).name},
                                        {"uuid", c.uuid},
                                        {"reason", c.reason},
                                        {"project_modified", c.projectModified},
                                        {"package_modified", c.packageModified}});
        }
        fmt::print("{}\n", out.dump(2));
        return 0;
    }
    fmt::print("Merged field package {}: {} added, {} updated, {} deleted, {} unchanged, {} conflicts\n",
               report.packageId, report.added, report.updated, report.deleted, report.unchanged,
               report.conflicts.size());
    for (const auto& c : report.conflicts) {
        fmt::print("  conflict: {} {}: {} (kept the project's version; the package's is in field_conflicts)\n",
                   core::layerInfo(c.layer).name, c.uuid, c.reason);
    }
    return 0;
}

}  // namespace lb::cli
