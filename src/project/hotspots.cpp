#include "project/hotspots.hpp"

#include <cmath>

#include "analysis/grid_spec.hpp"
#include "analysis/hotspot_change.hpp"
#include "core/error.hpp"
#include "engine/aggregate.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluator.hpp"
#include "engine/feature_table.hpp"
#include "geo/wkb.hpp"

namespace lb::project {
namespace {

std::vector<double> countPerCell(const analysis::GridSpec& grid, const Locations& points) {
    std::vector<double> counts(grid.size(), 0.0);
    for (std::size_t i = 0; i < points.x.size(); ++i) {
        const double c = std::floor((points.x[i] - grid.originX) / grid.cell);
        const double r = std::floor((grid.originY - points.y[i]) / grid.cell);
        if (c < 0 || r < 0 || c >= static_cast<double>(grid.columns) || r >= static_cast<double>(grid.rows)) continue;
        counts[static_cast<std::size_t>(r) * grid.columns + static_cast<std::size_t>(c)] += 1;
    }
    return counts;
}

// Rows a query selected before (the GUI's), used instead of running the request's query again.
struct Selected {
    const engine::FeatureTable& table;
    const std::vector<std::uint32_t>& rows;
};

engine::Query baselineOf(const GiStarRequest& request) {
    engine::Query baseline = request.query;
    baseline.from = request.compareFrom;
    baseline.to = request.compareTo;
    return baseline;
}

// The columns every Gi* table shares, filled from one result (and optionally its baseline).
void addGiColumns(io::OutputTable& table, bool withBaseline) {
    table.fields.push_back({"z", io::FieldType::Real});
    table.fields.push_back({"p", io::FieldType::Real});
    table.fields.push_back({"gi_bin", io::FieldType::Integer});
    table.fields.push_back({"class", io::FieldType::Text});
    table.fields.push_back({"neighbours", io::FieldType::Integer});
    if (withBaseline) {
        table.fields.push_back({"count_before", io::FieldType::Real});
        table.fields.push_back({"z_before", io::FieldType::Real});
        table.fields.push_back({"gi_bin_before", io::FieldType::Integer});
        table.fields.push_back({"change", io::FieldType::Text});
    }
}

void appendGiValues(std::vector<core::Value>& row, const analysis::GiStarResult& now, std::size_t i,
                    const analysis::GiStarResult* before, const std::vector<double>* valuesBefore) {
    row.emplace_back(now.z[i]);
    row.emplace_back(now.p[i]);
    row.emplace_back(static_cast<std::int64_t>(now.bin[i]));
    row.emplace_back(std::string(analysis::giBinLabel(now.bin[i])));
    row.emplace_back(static_cast<std::int64_t>(now.neighbours[i]));
    if (before) {
        row.emplace_back((*valuesBefore)[i]);
        row.emplace_back(before->z[i]);
        row.emplace_back(static_cast<std::int64_t>(before->bin[i]));
        row.emplace_back(
            std::string(analysis::hotspotChangeName(analysis::classifyHotspotChange(before->bin[i], now.bin[i]))));
    }
}

io::OutputTable gridGiStar(engine::Dataset& dataset, const GiStarRequest& request, const std::string& crs,
                           const Selected* selected) {
    const Locations now =
        selected ? locationsOfRows(selected->table, selected->rows) : locationsOf(dataset, request.query);
    const bool compare = !selected && (request.compareFrom || request.compareTo);
    const Locations before = compare ? locationsOf(dataset, baselineOf(request)) : Locations{};
    core::BBox extent;
    if (request.extent) {
        extent = *request.extent;
    } else {
        for (const Locations* set : {&now, &before}) {
            for (std::size_t i = 0; i < set->x.size(); ++i) extent.add(set->x[i], set->y[i]);
        }
        if (extent.empty()) throw core::UsageError("no incidents match the filters; Gi* needs some (or --extent)");
        extent = analysis::snapOutward(extent, request.cell);
        if (extent.width() == 0 || extent.height() == 0) {
            extent.add(extent.minX + request.cell, extent.minY + request.cell);
        }
    }
    const analysis::GridSpec grid = analysis::GridSpec::fromExtent(extent, request.cell);
    std::vector<double> xs(grid.size()), ys(grid.size());
    for (std::size_t r = 0; r < grid.rows; ++r) {
        for (std::size_t c = 0; c < grid.columns; ++c) {
            xs[r * grid.columns + c] = grid.centerX(c);
            ys[r * grid.columns + c] = grid.centerY(r);
        }
    }
    const std::vector<double> counts = countPerCell(grid, now);
    const analysis::GiStarResult result = analysis::giStar(xs, ys, counts, request.options);
    std::vector<double> countsBefore;
    analysis::GiStarResult resultBefore;
    if (compare) {
        countsBefore = countPerCell(grid, before);
        resultBefore = analysis::giStar(xs, ys, countsBefore, request.options);
    }

    io::OutputTable table;
    table.name = "gistar";
    table.crs = crs;
    table.fields = {{"column", io::FieldType::Integer},
                    {"row", io::FieldType::Integer},
                    {"x", io::FieldType::Real},
                    {"y", io::FieldType::Real},
                    {"count", io::FieldType::Real}};
    addGiColumns(table, compare);
    for (std::size_t r = 0; r < grid.rows; ++r) {
        for (std::size_t c = 0; c < grid.columns; ++c) {
            const std::size_t i = r * grid.columns + c;
            std::vector<core::Value> row{static_cast<std::int64_t>(c), static_cast<std::int64_t>(r), xs[i], ys[i],
                                         counts[i]};
            appendGiValues(row, result, i, compare ? &resultBefore : nullptr, &countsBefore);
            table.rows.push_back(std::move(row));
            const core::BBox box = grid.cellBox(c, r);
            table.geometries.push_back(geo::polygonWkb(
                {{{box.minX, box.minY}, {box.maxX, box.minY}, {box.maxX, box.maxY}, {box.minX, box.maxY}}}));
        }
    }
    return table;
}

io::OutputTable zoneGiStar(engine::Dataset& dataset, const GiStarRequest& request, const std::string& crs,
                           const Selected* selected) {
    const bool compare = !selected && (request.compareFrom || request.compareTo);
    if (compare && !request.valueAttribute.empty()) {
        throw core::UsageError("--value takes the zones' attribute, which has no periods; drop --compare-from/--to");
    }
    const auto available = dataset.attributeNames(request.zones);
    const bool hasName = std::find(available.begin(), available.end(), "name") != available.end();
    std::vector<std::string> attributes;
    if (hasName) attributes.emplace_back("name");
    if (!request.valueAttribute.empty()) attributes.push_back(request.valueAttribute);
    const auto zonesHeld = dataset.table(request.zones, attributes);
    const engine::FeatureTable& zones = *zonesHeld;

    auto countsOfRows = [&](const engine::FeatureTable& table, const std::vector<std::uint32_t>& rows) {
        const auto groups =
            engine::aggregate(dataset, table, rows, engine::GroupBy{engine::GroupKind::Zones, request.zones, 0}).groups;
        std::vector<double> counts;
        for (const auto& g : groups) counts.push_back(static_cast<double>(g.count));
        return counts;
    };
    auto zoneCounts = [&](const engine::Query& query) {
        return countsOfRows(*dataset.table(query.layer), engine::selectRows(dataset, query));
    };
    std::vector<double> values;
    if (request.valueAttribute.empty()) {
        values = selected ? countsOfRows(selected->table, selected->rows) : zoneCounts(request.query);
    } else {
        const engine::AttributeColumn& column = zones.attribute(request.valueAttribute);
        for (std::size_t z = 0; z < zones.size(); ++z) {
            const std::string text(column.value(z));
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0') {
                throw core::InputError("zone " + std::to_string(zones.id(z)) + " of " + request.zones + ": " +
                                       request.valueAttribute + " \"" + text + "\" is not a number");
            }
            values.push_back(v);
        }
    }
    std::vector<double> xs, ys;
    for (std::size_t z = 0; z < zones.size(); ++z) {
        const auto [x, y] = zones.geometry().representativePoint(z);
        xs.push_back(x);
        ys.push_back(y);
    }
    const analysis::GiStarResult result = analysis::giStar(xs, ys, values, request.options);
    std::vector<double> valuesBefore;
    analysis::GiStarResult resultBefore;
    if (compare) {
        valuesBefore = zoneCounts(baselineOf(request));
        resultBefore = analysis::giStar(xs, ys, valuesBefore, request.options);
    }
    io::OutputTable table;
    table.name = "gistar";
    table.crs = crs;
    table.fields = {{"zone_id", io::FieldType::Integer},
                    {"name", io::FieldType::Text},
                    {"x", io::FieldType::Real},
                    {"y", io::FieldType::Real},
                    {request.valueAttribute.empty() ? "count" : request.valueAttribute, io::FieldType::Real}};
    addGiColumns(table, compare);
    for (std::size_t z = 0; z < zones.size(); ++z) {
        std::vector<core::Value> row{zones.id(z),
                                     hasName ? std::string(zones.attribute("name").value(z)) : std::string(), xs[z],
                                     ys[z], values[z]};
        appendGiValues(row, result, z, compare ? &resultBefore : nullptr, &valuesBefore);
        table.rows.push_back(std::move(row));
        table.geometries.push_back(zones.geometry().toWkb(z));
    }
    return table;
}

}  // namespace

Locations locationsOfRows(const engine::FeatureTable& table, const std::vector<std::uint32_t>& rows) {
    const engine::GeometryColumn& geometry = table.geometry();
    Locations out;
    out.x.reserve(rows.size());
    out.y.reserve(rows.size());
    for (std::uint32_t row : rows) {
        const auto [x, y] = geometry.allPoints() ? std::pair{geometry.pointX(row), geometry.pointY(row)}
                                                 : geometry.representativePoint(row);
        if (std::isnan(x)) continue;
        out.x.push_back(x);
        out.y.push_back(y);
    }
    return out;
}

Locations locationsOf(engine::Dataset& dataset, const engine::Query& query) {
    const std::vector<std::uint32_t> rows = engine::selectRows(dataset, query);
    return locationsOfRows(*dataset.table(query.layer), rows);
}

io::RasterGrid kdeRaster(engine::Dataset& dataset, const engine::Query& query, const analysis::KdeOptions& options,
                         const std::string& crs) {
    const Locations points = locationsOf(dataset, query);
    const analysis::KdeRaster raster = analysis::kernelDensity(points.x, points.y, options);
    io::RasterGrid grid;
    grid.crs = crs;
    grid.originX = raster.grid.originX;
    grid.originY = raster.grid.originY;
    grid.cellSize = raster.grid.cell;
    grid.columns = raster.grid.columns;
    grid.rows = raster.grid.rows;
    grid.values = raster.density;
    grid.description = "incidents per km²";
    return grid;
}

analysis::KdeRaster kdeOfRows(const engine::FeatureTable& table, const std::vector<std::uint32_t>& rows,
                              const analysis::KdeOptions& options) {
    const Locations points = locationsOfRows(table, rows);
    return analysis::kernelDensity(points.x, points.y, options);
}

io::OutputTable giStarTable(engine::Dataset& dataset, const GiStarRequest& request, const std::string& crs) {
    if (!request.zones.empty()) return zoneGiStar(dataset, request, crs, nullptr);
    if (!(request.cell > 0)) throw core::UsageError("Gi* needs --cell M (a grid) or --zones LAYER");
    return gridGiStar(dataset, request, crs, nullptr);
}

io::OutputTable giStarOfRows(engine::Dataset& dataset, const engine::FeatureTable& table,
                             const std::vector<std::uint32_t>& rows, const GiStarRequest& request,
                             const std::string& crs) {
    const Selected selected{table, rows};
    if (!request.zones.empty()) return zoneGiStar(dataset, request, crs, &selected);
    if (!(request.cell > 0)) throw core::UsageError("Gi* needs a cell size (a grid) or a zone layer");
    return gridGiStar(dataset, request, crs, &selected);
}

}  // namespace lb::project
