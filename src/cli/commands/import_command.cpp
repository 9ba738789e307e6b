#include "cli/commands/import_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>

#include "cli/progress_display.hpp"
#include "core/error.hpp"
#include "io/atomic_output.hpp"
#include "io/table_writer.hpp"
#include "project/project.hpp"

namespace lb::cli {

namespace {

std::int64_t count(const project::ThematicImportReport& report, const char* quality) {
    const auto it = report.geocoding.find(quality);
    return it == report.geocoding.end() ? 0 : it->second;
}

}  // namespace

void ImportCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("FILE", m_file, "Source file (.csv, .geojson, .gpkg, .shp)")->required();
    app.add_option("--layer", m_layer, "Target layer: incidents graffiti routes visits measures observations districts")
        ->required();
    app.add_option("--x", m_mapping.x, "Column with projected x (easting, Rechtswert)");
    app.add_option("--y", m_mapping.y, "Column with projected y (northing, Hochwert)");
    app.add_option("--lat", m_mapping.lat, "Column with latitude (WGS84 unless --crs)");
    app.add_option("--lon", m_mapping.lon, "Column with longitude (WGS84 unless --crs)");
    app.add_option("--address", m_mapping.address, "Address column(s) for offline geocoding: COL[,COL]");
    app.add_option("--crs", m_mapping.crs,
                   "CRS of the coordinates, e.g. EPSG:31468 (default: from the file, else EPSG:4326 for "
                   "--lat/--lon, the project CRS for --x/--y)");
    app.add_option("--time", m_mapping.time, "Column with the time (ISO 8601 or 14.03.2025 22:15; Berlin time)");
    app.add_option("--category", m_mapping.category, "Column with the category / field of action");
    app.add_option("--id", m_mapping.id, "Column with the source's own id (rows already imported are skipped)");
    app.add_option("--name", m_mapping.name, "Column with the name");
    app.add_option("--encoding", m_mapping.encoding, "Text encoding of a CSV, e.g. CP1252 (default UTF-8)");
    app.add_option("--delimiter", m_mapping.delimiter, "CSV delimiter: , ; | or tab (default: detected)");
    app.add_flag("--strict", m_strict, "Import nothing if any row is rejected");
    app.add_flag("--allow-duplicates", m_allowDuplicates,
                 "Import a file without --id although the same file was imported into the layer before");
    app.add_flag("--force-location", m_forceLocation,
                 "Import rows that lie far from the project area (or outside Germany in an empty project)");
    app.add_option("--match-report", m_matchReport,
                   "With --address: write every row's address match (quality and reason) to FILE.csv (German CSV; "
                   "it holds the addresses, keep it internal)");
    app.add_flag("--json", m_json, "Print the result as one JSON document");
}

void ImportCommand::setup() {
    const auto layer = core::layerFromName(m_layer);
    if (!layer || core::layerInfo(*layer).kind != core::LayerKind::Thematic) {
        throw core::UsageError("unknown layer '" + m_layer + "'",
                               "use one of: " + std::string(core::layerNamesList(core::LayerKind::Thematic)) +
                                   " (OSM layers come from `lagebild import-osm`)");
    }
}

int ImportCommand::run() {
    const core::LayerId layer = *core::layerFromName(m_layer);
    auto project = project::Project::open(m_project, false);
    ProgressDisplay display;
    project::ImportOptions options;
    options.strict = m_strict;
    options.allowDuplicates = m_allowDuplicates;
    options.forceLocation = m_forceLocation;
    if (!m_matchReport.empty() && m_mapping.address.empty()) {
        throw core::UsageError("--match-report goes with --address");
    }
    // The report's folder is checked before anything is imported (no import without its report).
    std::optional<io::AtomicOutput> reportOutput;
    if (!m_matchReport.empty()) reportOutput.emplace(m_matchReport);
    const auto report = project->importLayer(layer, m_file, m_mapping, options, display.progress());
    if (!m_mapping.address.empty()) {
        fmt::print(stderr,
                   "geocoding: {} rows against {} addresses: {} exact, {} fuzzy, {} street only, {} ambiguous, "
                   "{} not found\n",
                   report.geocoded.size(), report.addressPoints, count(report, "exact"), count(report, "fuzzy"),
                   count(report, "street_only"), count(report, "ambiguous"), count(report, "none"));
    }
    if (reportOutput) {
        io::OutputTable table;
        table.name = "match_report";
        table.fields = {{"row", io::FieldType::Integer},
                        {"address", io::FieldType::Text},
                        {"quality", io::FieldType::Text},
                        {"reason", io::FieldType::Text}};
        for (const auto& row : report.geocoded) table.rows.push_back({row.row, row.address, row.quality, row.reason});
        {
            std::ofstream file(reportOutput->tempPath(), std::ios::binary);
            io::writeCsv(file, table, io::CsvOptions::german());
            file.flush();
            if (!file) throw core::ProcessingError("cannot write " + m_matchReport + " (disk full?)");
        }
        reportOutput->commit();
    }
    for (const auto& warning : report.warnings) fmt::print(stderr, "warning: {}: {}\n", m_file, warning);
    for (const auto& rejection : report.rejections) fmt::print(stderr, "rejected: {}\n", rejection);
    if (report.rejected > static_cast<std::int64_t>(report.rejections.size())) {
        fmt::print(stderr, "rejected: … and {} more rows\n", report.rejected - report.rejections.size());
    }
    if (m_json) {
        nlohmann::json out;
        out["layer"] = m_layer;
        out["file"] = m_file;
        out["imported"] = report.imported;
        out["rejected"] = report.rejected;
        out["already_present"] = report.alreadyPresent;
        out["rejections"] = report.rejections;
        out["warnings"] = report.warnings;
        out["source_crs"] = report.sourceCrs;
        out["columns"] = report.columns;
        if (!m_mapping.address.empty()) {
            nlohmann::json geocoding = nlohmann::json::object();
            for (const char* quality : {"exact", "fuzzy", "street_only", "ambiguous", "none"}) {
                geocoding[quality] = count(report, quality);
            }
            geocoding["addresses"] = report.addressPoints;
            out["geocoding"] = geocoding;
        }
        fmt::print("{}\n", out.dump(2));
    } else {
        if (report.alreadyPresent > 0) {
            fmt::print("{}: {} imported, {} rejected, {} already in the project\n", m_layer, report.imported,
                       report.rejected, report.alreadyPresent);
        } else {
            fmt::print("{}: {} imported, {} rejected\n", m_layer, report.imported, report.rejected);
        }
    }
    return 0;
}

}  // namespace lb::cli
