#include "cli/commands/export_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/output_file.hpp"
#include "cli/progress_display.hpp"
#include "core/error.hpp"
#include "project/layer_export.hpp"
#include "project/public_gate.hpp"
#include "project/session.hpp"
#include "render/style.hpp"

namespace lb::cli {
namespace {

project::OutputGate gateOf(bool isPublic, int k) {
    return isPublic ? project::OutputGate::forPublic(k) : project::OutputGate::internal();
}

}  // namespace

void ExportCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--out", m_out, "Output file: .gpkg (all layers, QGIS styles), .geojson or .csv (one layer)")
        ->required();
    app.add_option("--layer", m_layers,
                   "Layer to export (repeatable or comma-separated; default: every layer with features). Public: "
                   "incidents means incidents_grid and incidents_districts")
        ->delimiter(',');
    app.add_flag("--public", m_public,
                 "Public export: aggregates only (no cell or zone under k incidents, no raw points, notes, photos or "
                 "authors)");
    app.add_option("--k", m_k, "Public: the least count shown per cell or zone (at least 5)")
        ->capture_default_str()
        ->each([this](const std::string&) { m_kGiven = true; });
    app.add_option("--cell", m_cell, "Public: grid cell of incidents_grid in metres")->capture_default_str();
    app.add_option("--csv", m_csv,
                   "CSV conventions: german (; decimal comma, UTF-8 with BOM) or international (, decimal point)")
        ->capture_default_str();
    app.add_option("--language", m_language, "Language of the QGIS styles' legend labels: de or en")
        ->capture_default_str();
    app.add_option("--style", m_style, "Map style for the QGIS styles (JSON, see assets/styles/default.json)");
    app.add_flag("--json", m_json, "Print the written layers and their feature counts as JSON");
}

void ExportCommand::setup() {
    project::exportFormatOf(m_out);  // throws for an unknown extension
    if (m_kGiven && !m_public) throw core::UsageError("--k applies to public exports: add --public");
    gateOf(m_public, m_k);  // throws for k < 5
    if (!(m_cell > 0)) throw core::UsageError("--cell: the grid cell must be a positive number of metres");
    if (m_csv != "german" && m_csv != "international") {
        throw core::UsageError("--csv \"" + m_csv + "\": use german or international");
    }
    if (m_language != "de" && m_language != "en") throw core::UsageError("--language: expected de or en");
}

int ExportCommand::run() {
    checkOutputFile(m_out);
    const project::OutputGate gate = gateOf(m_public, m_k);
    project::ExportOptions options;
    options.layers = m_layers;
    options.cell = m_cell;
    options.csv = m_csv == "international" ? io::CsvOptions::international() : io::CsvOptions::german();
    options.english = m_language == "en";
    const render::Style style =
        render::Style::load(m_style.empty() ? render::defaultStylePath() : std::filesystem::path(m_style));
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    ProgressDisplay display;
    const auto report = project::exportProject(session->store(), m_out, gate, options, style, display.progress());
    if (m_json) {
        nlohmann::json out{{"file", m_out}, {"public", gate.isPublic()}, {"layers", nlohmann::json::array()}};
        if (gate.isPublic()) out["k"] = gate.k();
        for (const auto& [name, count] : report.tables) out["layers"].push_back({{"name", name}, {"count", count}});
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << fmt::format("{}{} written\n", m_out,
                                 gate.isPublic() ? fmt::format(" (public, k = {})", gate.k()) : "");
        for (const auto& [name, count] : report.tables) std::cout << fmt::format("  {:<22} {:>9}\n", name, count);
    }
    return 0;
}

}  // namespace lb::cli
