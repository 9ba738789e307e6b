#include "cli/commands/import_osm_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/progress_display.hpp"
#include "project/project.hpp"

namespace lb::cli {

void ImportOsmCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("FILE", m_file, "OpenStreetMap file: .osm, .osm.pbf or .osm.bz2")->required();
    app.add_flag("--json", m_json, "Print the counts as one JSON document");
}

int ImportOsmCommand::run() {
    auto project = project::Project::open(m_project, false);
    ProgressDisplay display;
    const auto report = project->importOsm(m_file, display.progress());
    for (const auto& warning : report.warnings) fmt::print(stderr, "warning: {}: {}\n", m_file, warning);
    if (m_json) {
        nlohmann::json out;
        out["file"] = m_file;
        for (const auto& [layer, count] : report.counts)
            out["layers"][std::string(core::layerInfo(layer).name)] = count;
        if (!report.warnings.empty()) out["warnings"] = report.warnings;
        fmt::print("{}\n", out.dump(2));
    } else {
        for (const auto& [layer, count] : report.counts) {
            fmt::print("{:<10} {:>9} imported\n", core::layerInfo(layer).name, count);
        }
    }
    return 0;
}

}  // namespace lb::cli
