#include "cli/commands/init_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include "project/project.hpp"

namespace lb::cli {

void InitCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file to create (must not exist)")->required();
    app.add_option("--crs", m_crs, "Project CRS, a metric projected CRS")->capture_default_str();
}

void InitCommand::setup() {}

int InitCommand::run() {
    auto project = project::Project::create(m_project, m_crs);
    fmt::print("created {} ({})\n", m_project, project->summary().crs);
    return 0;
}

}  // namespace lb::cli
