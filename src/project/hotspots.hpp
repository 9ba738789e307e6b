#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/gistar.hpp"
#include "analysis/kde.hpp"
#include "core/bbox.hpp"
#include "engine/query.hpp"
#include "io/raster_writer.hpp"
#include "io/table_writer.hpp"

namespace lb::engine {
class Dataset;
class FeatureTable;
}  // namespace lb::engine

namespace lb::project {

// Hot-spot analyses over the incidents a query selects; the CLI's `hotspots` and the GUI call these.

// The locations of the features a query selects (points as they are, other geometries by their
// representative point; features without a location are left out).
struct Locations {
    std::vector<double> x, y;
};
Locations locationsOf(engine::Dataset& dataset, const engine::Query& query);
// The same for rows of a table a query selected before.
Locations locationsOfRows(const engine::FeatureTable& table, const std::vector<std::uint32_t>& rows);

// KDE of the selected features' locations → a raster in incidents per km² (grid: analysis::kdeGrid).
io::RasterGrid kdeRaster(engine::Dataset& dataset, const engine::Query& query, const analysis::KdeOptions& options,
                         const std::string& crs);

// The same density over rows of a table a query selected before (the GUI's heatmap reuses its result).
analysis::KdeRaster kdeOfRows(const engine::FeatureTable& table, const std::vector<std::uint32_t>& rows,
                              const analysis::KdeOptions& options);

struct GiStarRequest {
    engine::Query query;
    double cell = 0;                   // grid mode: cell size in metres
    std::string zones;                 // zone mode: polygon layer (instead of cell)
    std::string valueAttribute;        // zone mode: use this numeric attribute instead of counts
    std::optional<core::BBox> extent;  // grid mode: default the selected points' extent snapped to cell
    analysis::GiStarOptions options;
    // Hot-spot change: the baseline period [compareFrom, compareTo) of the same query; the grid then covers
    // both periods' points.
    std::optional<core::Timestamp> compareFrom, compareTo;
};

// Gi* per grid cell or zone: geometry (cell square or zone polygon), count/value, z, p, gi_bin, class,
// neighbours; with a baseline period also count_before, z_before, gi_bin_before and change.
io::OutputTable giStarTable(engine::Dataset& dataset, const GiStarRequest& request, const std::string& crs);

// The same over rows of a table a query selected before (the GUI's hot-spot overlay): request.query is not
// run again and the baseline period is not used.
io::OutputTable giStarOfRows(engine::Dataset& dataset, const engine::FeatureTable& table,
                             const std::vector<std::uint32_t>& rows, const GiStarRequest& request,
                             const std::string& crs);

}  // namespace lb::project
