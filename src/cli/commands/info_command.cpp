#include "cli/commands/info_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "project/project.hpp"

namespace lb::cli {

void InfoCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_flag("--json", m_json, "Print one JSON document");
}

int InfoCommand::run() {
    auto project = project::Project::open(m_project, true);
    const auto summary = project->summary();
    if (m_json) {
        nlohmann::json out;
        out["path"] = summary.path;
        out["crs"] = summary.crs;
        out["schema_version"] = summary.schemaVersion;
        out["layers"] = nlohmann::json::array();
        for (const auto& layer : summary.layers) {
            const auto& info = core::layerInfo(layer.layer);
            nlohmann::json entry;
            entry["name"] = info.name;
            entry["display_name"] = info.displayName;
            entry["kind"] = info.kind == core::LayerKind::BaseMap ? "basemap" : "thematic";
            entry["geometry_type"] = core::geometryTypeName(info.geometryType);
            entry["count"] = layer.count;
            if (layer.extent.empty()) {
                entry["extent"] = nullptr;
            } else {
                entry["extent"] = {layer.extent.minX, layer.extent.minY, layer.extent.maxX, layer.extent.maxY};
            }
            out["layers"].push_back(entry);
        }
        fmt::print("{}\n", out.dump(2));
        return 0;
    }
    fmt::print("Project:        {}\nCRS:            {}\nSchema version: {}\n\n", summary.path, summary.crs,
               summary.schemaVersion);
    fmt::print("{:<14} {:>10}  {}\n", "layer", "features", "extent (minx, miny, maxx, maxy)");
    for (const auto& layer : summary.layers) {
        const auto& info = core::layerInfo(layer.layer);
        if (layer.extent.empty()) {
            fmt::print("{:<14} {:>10}  -\n", info.name, layer.count);
        } else {
            fmt::print("{:<14} {:>10}  {:.2f}, {:.2f}, {:.2f}, {:.2f}\n", info.name, layer.count, layer.extent.minX,
                       layer.extent.minY, layer.extent.maxX, layer.extent.maxY);
        }
    }
    return 0;
}

}  // namespace lb::cli
