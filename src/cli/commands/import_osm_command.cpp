#include "cli/commands/import_osm_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/progress_display.hpp"
#include "core/bbox_parse.hpp"
#include "project/project.hpp"

namespace lb::cli {

void ImportOsmCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("FILE", m_file, "OpenStreetMap file: .osm, .osm.pbf or .osm.bz2")->required();
    app.add_option(
        "--bbox", m_bbox,
        "Keep only this box of the file, in the project CRS: minx,miny,maxx,maxy (features cut at its edge)");
    app.add_option("--bbox-wgs84", m_bboxWgs84, "Keep only this box of the file: lon,lat,lon,lat (WGS84)");
    app.add_option("--boundary", m_boundary,
                   "Keep only what lies inside the administrative boundary relation of this name (e.g. Glauchau)");
    app.add_flag("--json", m_json, "Print the counts as one JSON document");
}

int ImportOsmCommand::run() {
    auto project = project::Project::open(m_project, false);
    ProgressDisplay display;
    project::OsmClip clip;
    if (!m_bbox.empty()) clip.bbox = core::parseBBox(m_bbox, "--bbox");
    if (!m_bboxWgs84.empty()) clip.bboxWgs84 = core::parseBBox(m_bboxWgs84, "--bbox-wgs84");
    clip.boundary = m_boundary;
    const auto report = project->importOsm(m_file, display.progress(), clip);
    if (!report.clip.empty()) {
        fmt::print(stderr, "clipped to {} ({:.2f} km²): {} features cut at the edge, {} outside left out\n",
                   report.clip, report.clipAreaKm2, report.cut, report.outside);
    }
    for (const auto& warning : report.warnings) fmt::print(stderr, "warning: {}: {}\n", m_file, warning);
    if (m_json) {
        nlohmann::json out;
        out["file"] = m_file;
        for (const auto& [layer, count] : report.counts)
            out["layers"][std::string(core::layerInfo(layer).name)] = count;
        if (!report.warnings.empty()) out["warnings"] = report.warnings;
        if (!report.clip.empty()) {
            out["clip"] = {{"area", report.clip},
                           {"area_km2", report.clipAreaKm2},
                           {"cut", report.cut},
                           {"outside", report.outside}};
        }
        fmt::print("{}\n", out.dump(2));
    } else {
        for (const auto& [layer, count] : report.counts) {
            fmt::print("{:<10} {:>9} imported\n", core::layerInfo(layer).name, count);
        }
    }
    return 0;
}

}  // namespace lb::cli
