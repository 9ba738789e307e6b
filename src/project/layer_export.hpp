#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/progress.hpp"
#include "io/table_writer.hpp"
#include "project/public_gate.hpp"
#include "render/style.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// `lagebild export` and the GUI's Exportieren dialog (issue 11): layers of a project as a GeoPackage (every
// layer in one file, with QGIS styles), a GeoJSON file or a CSV file (one layer each). Everything written
// passes an OutputGate: exportTables() makes the Released tables, writeExport() writes nothing else.
//
// Which tables: by default every layer with features; in public (gate.isPublic()) the base map, graffiti,
// measures and districts as features (without author, notes, photos or source ids) and the incidents only
// as counts: `incidents_grid` (cells of `cell` metres) and `incidents_districts` (per district), every shown
// count at least k. Routes, visits and observations are not exported in public.

enum class ExportFormat { GeoPackage, GeoJson, Csv };

// The format of an output file by its extension (.gpkg, .geojson or .json, .csv; any case); core::UsageError
// naming the file and the extensions otherwise.
ExportFormat exportFormatOf(const std::filesystem::path& file);

// The names of the public aggregate tables of the incidents.
inline constexpr const char* kIncidentsGrid = "incidents_grid";
inline constexpr const char* kIncidentsDistricts = "incidents_districts";

struct ExportOptions {
    // Tables to write: layer names (`incidents` in public means both aggregates) or the aggregate names;
    // empty: the default set above.
    std::vector<std::string> layers;
    double cell = kDefaultPublicCell;               // grid cell of incidents_grid (metres)
    io::CsvOptions csv = io::CsvOptions::german();  // CSV conventions
    bool english = false;                           // legend labels of the QGIS styles
};

// The table names an export of the project to `format` writes, in order, after checking the options against
// the gate and the project: core::UsageError for an unknown layer (naming it and the layers there are), a
// layer the gate refuses (routes in public), a cell size that is not positive, several tables for GeoJSON or
// CSV (which hold one: name it with --layer), nothing to export. Reads only the layers' counts.
std::vector<std::string> exportTableNames(store::ProjectStore& store, const OutputGate& gate,
                                          const ExportOptions& options, ExportFormat format);

// The tables of exportTableNames (for a GeoPackage), read from the project and passed through the gate (progress per
// layer; cancellable).
std::vector<Released<io::OutputTable>> exportTables(store::ProjectStore& store, const OutputGate& gate,
                                                    const ExportOptions& options,
                                                    core::Progress& progress = core::Progress::none());

// Writes released tables to `file` in its format, atomically (a failed export leaves no file): a GeoPackage
// with every table and a `layer_styles` table (the QGIS style of each layer from `style`, counts as a
// graduated renderer); GeoJSON or CSV for exactly one table (core::UsageError naming --layer otherwise).
void writeExport(const std::filesystem::path& file, std::span<const Released<io::OutputTable>> tables,
                 const ExportOptions& options, const render::Style& style,
                 core::Progress& progress = core::Progress::none());

// What an export wrote: each table's name and row count.
struct ExportReport {
    std::vector<std::pair<std::string, std::size_t>> tables;
};
// exportTables + writeExport.
ExportReport exportProject(store::ProjectStore& store, const std::filesystem::path& file, const OutputGate& gate,
                           const ExportOptions& options, const render::Style& style,
                           core::Progress& progress = core::Progress::none());

}  // namespace lb::project
