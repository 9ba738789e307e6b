#pragma once

#include <filesystem>
#include <string>

#include "engine/evaluator.hpp"
#include "io/table_writer.hpp"
#include "project/public_gate.hpp"

namespace lb::project {

// Query results as tables for CSV and GeoPackage output; the CLI and the GUI's export use the same.
//
// Matching features: id, time (ISO 8601, Berlin), the loaded attributes, x/y of the representative point,
// and the feature's geometry.
io::OutputTable featuresTable(const engine::QueryResult& result, const std::string& crs);
// Groups: key, count, and where they apply zone_id, population, rate_per_1000 and the cell's minx/miny;
// geometry (zones' polygons, grid cells' squares) when `dataset` is given and the grouping is spatial.
io::OutputTable groupsTable(const engine::QueryResult& result, const engine::GroupBy& by, const std::string& crs,
                            engine::Dataset* dataset = nullptr);

// Writes the matching features (or, with `groups`, the groups) of the query on `layer` to a .csv or .gpkg
// file, by its extension, through the gate: public refuses raw rows of a sensitive layer and suppresses
// group counts under k (and their rates). Throws core::UsageError for another extension. The GUI's export;
// the CLI picks the format by flag.
void writeQueryResult(const std::filesystem::path& file, const engine::QueryResult& result, const engine::GroupBy& by,
                      bool groups, const std::string& crs, engine::Dataset& dataset, std::string_view layer,
                      const OutputGate& gate);

}  // namespace lb::project
