#include "cli/commands/demo_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli/progress_display.hpp"
#include "core/error.hpp"
#include "project/demo.hpp"
#include "project/project.hpp"

namespace lb::cli {

void DemoCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file to create")->required();
    app.add_option("--seed", m_seed, "Random seed; the same seed gives the same town")->capture_default_str();
    app.add_option("--incidents", m_incidents, "Number of incidents over two years")->capture_default_str();
    app.add_flag("--force", m_force, "Replace an existing Lagebild project of that name");
    app.add_flag("--json", m_json, "Print the counts as one JSON document");
}

void DemoCommand::setup() {
    if (m_incidents > 50'000'000) throw core::UsageError("--incidents: at most 50,000,000");
}

int DemoCommand::run() {
    if (std::filesystem::exists(m_project)) {
        if (!m_force) {
            throw core::InputError(m_project + ": a file of that name exists already",
                                   "choose another name, or give --force to replace a Lagebild project");
        }
        // Only ever replace a Lagebild project, never another file; it stays until the new one is complete.
        project::Project::open(m_project, true);
    }
    ProgressDisplay display;
    const auto report = project::createDemo(m_project, {m_seed, m_incidents}, display.progress(), m_force);
    if (m_json) {
        nlohmann::json out;
        for (const auto& [layer, count] : report.osm.counts)
            out["layers"][std::string(core::layerInfo(layer).name)] = count;
        for (const auto& r : report.thematic) out["layers"][std::string(core::layerInfo(r.layer).name)] = r.imported;
        out["seed"] = m_seed;
        fmt::print("{}\n", out.dump(2));
    } else {
        fmt::print("Musterstadt created in {} (seed {})\n", m_project, m_seed);
        for (const auto& [layer, count] : report.osm.counts) {
            fmt::print("  {:<13} {:>9}\n", core::layerInfo(layer).name, count);
        }
        for (const auto& r : report.thematic) fmt::print("  {:<13} {:>9}\n", core::layerInfo(r.layer).name, r.imported);
    }
    return 0;
}

}  // namespace lb::cli
