#include "project/query_export.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/layer.hpp"
#include "core/time.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"
#include "geo/wkb.hpp"

namespace lb::project {

io::OutputTable featuresTable(const engine::QueryResult& result, const std::string& crs) {
    const engine::FeatureTable& table = *result.table;
    io::OutputTable out;
    out.name = table.layer();
    out.crs = crs;
    out.fields.push_back({"id", io::FieldType::Integer});
    if (table.hasTime()) out.fields.push_back({"time", io::FieldType::Text});
    for (const auto& name : table.attributeNames()) out.fields.push_back({name, io::FieldType::Text});
    out.fields.push_back({"x", io::FieldType::Real});
    out.fields.push_back({"y", io::FieldType::Real});
    const engine::GeometryColumn& geometry = table.geometry();
    for (std::uint32_t row : result.rows) {
        std::vector<core::Value> values;
        values.emplace_back(table.id(row));
        if (table.hasTime()) {
            const std::int64_t t = table.time(row);
            values.emplace_back(t == engine::kNoTime ? core::Value{} : core::Value{core::formatBerlin({t})});
        }
        for (const auto& name : table.attributeNames())
            values.emplace_back(std::string(table.attribute(name).value(row)));
        const auto [x, y] = geometry.representativePoint(row);
        values.emplace_back(x);
        values.emplace_back(y);
        out.rows.push_back(std::move(values));
        out.geometries.push_back(geometry.toWkb(row));
    }
    return out;
}

io::OutputTable groupsTable(const engine::QueryResult& result, const engine::GroupBy& by, const std::string& crs,
                            engine::Dataset* dataset) {
    io::OutputTable out;
    out.name = "groups";
    out.crs = crs;
    out.fields = {{"key", io::FieldType::Text}, {"count", io::FieldType::Integer}};
    const bool zones = by.kind == engine::GroupKind::Zones;
    const bool grid = by.kind == engine::GroupKind::Grid;
    if (zones) {
        out.fields.push_back({"zone_id", io::FieldType::Integer});
        out.fields.push_back({"population", io::FieldType::Real});
        out.fields.push_back({"rate_per_1000", io::FieldType::Real});
    }
    if (grid) {
        out.fields.push_back({"minx", io::FieldType::Real});
        out.fields.push_back({"miny", io::FieldType::Real});
    }
    const std::shared_ptr<const engine::FeatureTable> zoneTable =
        zones && dataset ? dataset->table(by.zoneLayer) : nullptr;
    std::size_t zoneRow = 0;
    for (const auto& g : result.groups) {
        std::vector<core::Value> values{g.key, g.count};
        auto opt = [](const auto& v) { return v ? core::Value{*v} : core::Value{}; };
        if (zones) {
            values.push_back(opt(g.zoneId));
            values.push_back(opt(g.population));
            values.push_back(opt(g.ratePerThousand));
            if (zoneTable) out.geometries.push_back(zoneTable->geometry().toWkb(zoneRow++));
        }
        if (grid) {
            values.emplace_back(g.cell->minX);
            values.emplace_back(g.cell->minY);
            if (dataset) {
                const auto& c = *g.cell;
                out.geometries.push_back(
                    geo::polygonWkb({{{c.minX, c.minY}, {c.maxX, c.minY}, {c.maxX, c.maxY}, {c.minX, c.maxY}}}));
            }
        }
        out.rows.push_back(std::move(values));
    }
    return out;
}

void writeQueryResult(const std::filesystem::path& file, const engine::QueryResult& result, const engine::GroupBy& by,
                      bool groups, const std::string& crs, engine::Dataset& dataset, std::string_view layer,
                      const OutputGate& gate) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".csv" && ext != ".gpkg") throw core::UsageError(file.string() + ": export writes .csv or .gpkg");
    const auto id = core::layerFromName(layer);
    if (!id) throw core::UsageError("unknown layer " + std::string(layer));
    const auto released = groups ? gate.groupCounts(groupsTable(result, by, crs, ext == ".gpkg" ? &dataset : nullptr),
                                                    "count", {"rate_per_1000"})
                                 : gate.features(*id, featuresTable(result, crs));
    if (ext == ".csv") {
        io::writeCsvFile(file, *released);
    } else {
        io::writeGeoPackage(file, *released);
    }
}

}  // namespace lb::project
