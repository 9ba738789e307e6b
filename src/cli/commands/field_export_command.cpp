#include "cli/commands/field_export_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/bbox_parse.hpp"
#include "core/error.hpp"
#include "edit/field_package.hpp"
#include "project/map_request.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"

namespace lb::cli {

void FieldExportCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--out", m_out, "Field package to write (a new file)")->required();
    app.add_option("--bbox", m_bbox, "Only features inside minx,miny,maxx,maxy (project CRS)");
    app.add_option("--layers", m_layers, "Comma-separated thematic layers (default: all thematic layers)");
    app.add_flag("--no-basemap", m_noBaseMap, "Leave the OSM base map out");
    app.add_flag("--json", m_json, "Print the result as one JSON document");
}

void FieldExportCommand::setup() {
    if (!m_bbox.empty()) m_options.bbox = core::parseBBox(m_bbox, "--bbox");
    if (!m_layers.empty()) {
        for (const auto& layer : project::parseLayerList(m_layers, "--layers")) {
            const auto id = *core::layerFromName(layer);
            if (core::layerInfo(id).kind != core::LayerKind::Thematic) {
                throw core::UsageError(
                    "--layers: " + layer + " is base map",
                    "give thematic layers: " + std::string(core::layerNamesList(core::LayerKind::Thematic)));
            }
            m_options.layers.push_back(id);
        }
    }
    m_options.includeBaseMap = !m_noBaseMap;
}

int FieldExportCommand::run() {
    edit::FieldExportOptions options = m_options;
    auto project = project::Project::open(m_project, false);
    options.author = project->store().author();
    const auto report = edit::exportFieldPackage(project->store(), m_out, options);
    if (m_json) {
        nlohmann::json out = {{"package_id", report.packageId},
                              {"source_project_id", report.sourceProjectId},
                              {"layers", nlohmann::json::array()}};
        for (const auto& [layer, count] : report.counts) {
            out["layers"].push_back({{"name", core::layerInfo(layer).name}, {"count", count}});
        }
        fmt::print("{}\n", out.dump(2));
        return 0;
    }
    fmt::print("Field package {} written to {}\n", report.packageId, m_out);
    for (const auto& [layer, count] : report.counts) fmt::print("  {:<14} {:>8}\n", core::layerInfo(layer).name, count);
    return 0;
}

}  // namespace lb::cli
