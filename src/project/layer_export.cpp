// Section index: [names] [reading] [tables] [writing]
#include "project/layer_export.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "geo/wkb.hpp"
#include "io/geojson_writer.hpp"
#include "project/qgis_style.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// [names]

bool isAggregate(std::string_view name) {
    return name == kIncidentsGrid || name == kIncidentsDistricts;
}

std::string knownNames(const OutputGate& gate) {
    std::string out;
    for (const auto& info : core::kLayers) {
        if (!gate.layerAllowed(info.id) && info.id != core::LayerId::Incidents) continue;
        out += (out.empty() ? "" : " ") + std::string(info.name);
    }
    return out + " " + kIncidentsGrid + " " + kIncidentsDistricts;
}

void addOnce(std::vector<std::string>& names, std::string name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
}

// [reading]

io::FieldType fieldType(store::ColumnType type) {
    switch (type) {
        case store::ColumnType::Integer:
            return io::FieldType::Integer;
        case store::ColumnType::Real:
            return io::FieldType::Real;
        case store::ColumnType::Text:
            break;
    }
    return io::FieldType::Text;
}

// Every feature of a layer with every stored column (id first), geometries as WKB in the project CRS.
io::OutputTable readLayer(store::ProjectStore& store, core::LayerId layer, core::Progress& progress) {
    const auto& info = core::layerInfo(layer);
    io::OutputTable table;
    table.name = std::string(info.name);
    table.crs = store.crs();
    table.fields.push_back({"id", io::FieldType::Integer});
    std::string sql = "SELECT id, geometry";
    const auto columns = store::layerColumns(layer);
    for (const auto& column : columns) {
        table.fields.push_back({std::string(column.name), fieldType(column.type)});
        sql += ", " + store::quoteIdentifier(column.name);
    }
    sql += " FROM " + store::quoteIdentifier(table.name) + " ORDER BY id";
    const auto total = static_cast<std::uint64_t>(store.count(layer));
    progress.beginStage(std::string(info.displayName), total);
    table.rows.reserve(total);
    table.geometries.reserve(total);
    store::Statement select(store.db(), sql);
    std::uint64_t pending = 0;
    bool anyGeometry = false;
    while (select.step()) {
        std::vector<core::Value> row;
        row.reserve(columns.size() + 1);
        row.emplace_back(select.columnInt(0));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int index = static_cast<int>(c) + 2;
            if (select.isNull(index)) {
                row.emplace_back();
            } else if (columns[c].type == store::ColumnType::Integer) {
                row.emplace_back(select.columnInt(index));
            } else if (columns[c].type == store::ColumnType::Real) {
                row.emplace_back(select.columnDouble(index));
            } else {
                row.emplace_back(std::string(select.columnTextView(index)));
            }
        }
        table.rows.push_back(std::move(row));
        core::Wkb wkb;
        if (!select.isNull(1)) {
            const auto blob = select.columnBlobView(1);
            wkb = store::spatialiteToWkb(blob.data(), blob.size());
            anyGeometry = true;
        }
        table.geometries.push_back(std::move(wkb));
        if (++pending == 10000) {
            progress.step(pending);
            pending = 0;
        }
    }
    progress.step(pending);
    progress.finishStage();
    // A layer without any geometry (visits without places) is a plain table.
    if (!anyGeometry) table.geometries.clear();
    return table;
}

struct Points {
    std::vector<double> xs, ys;
};

// The incidents' coordinates, read from the blobs' headers (a point's bounding box is the point).
Points readIncidentPoints(store::ProjectStore& store, core::Progress& progress) {
    Points points;
    const auto total = static_cast<std::uint64_t>(store.count(core::LayerId::Incidents));
    progress.beginStage(std::string(core::layerInfo(core::LayerId::Incidents).displayName), total);
    points.xs.reserve(total);
    points.ys.reserve(total);
    store::Statement select(store.db(), "SELECT geometry FROM incidents WHERE geometry IS NOT NULL");
    std::uint64_t pending = 0;
    while (select.step()) {
        const auto blob = select.columnBlobView(0);
        const auto header = store::readSpatialiteHeader(blob.data(), blob.size());
        if (header && header->classType == 1) {
            points.xs.push_back(header->mbr.minX);
            points.ys.push_back(header->mbr.minY);
        } else {
            const auto wkb = store::spatialiteToWkb(blob.data(), blob.size());
            const auto box = geo::wkbEnvelope(wkb);
            points.xs.push_back((box.minX + box.maxX) / 2);
            points.ys.push_back((box.minY + box.maxY) / 2);
        }
        if (++pending == 50000) {
            progress.step(pending);
            pending = 0;
        }
    }
    progress.step(pending);
    progress.finishStage();
    return points;
}

Zones readZones(store::ProjectStore& store) {
    Zones zones;
    store::Statement select(store.db(), "SELECT name, geometry FROM districts WHERE geometry IS NOT NULL ORDER BY id");
    while (select.step()) {
        zones.names.emplace_back(select.isNull(0) ? std::string_view{} : select.columnTextView(0));
        const auto blob = select.columnBlobView(1);
        zones.polygons.push_back(store::spatialiteToWkb(blob.data(), blob.size()));
    }
    return zones;
}

}  // namespace

ExportFormat exportFormatOf(const std::filesystem::path& file) {
    const std::string ext = lower(file.extension().string());
    if (ext == ".gpkg") return ExportFormat::GeoPackage;
    if (ext == ".geojson" || ext == ".json") return ExportFormat::GeoJson;
    if (ext == ".csv") return ExportFormat::Csv;
    throw core::UsageError("--out " + file.string() + ": unknown format \"" + file.extension().string() +
                           "\"; write a .gpkg, .geojson or .csv file");
}

// [tables]

std::vector<std::string> exportTableNames(store::ProjectStore& store, const OutputGate& gate,
                                          const ExportOptions& options, ExportFormat format) {
    if (!(options.cell > 0) || !std::isfinite(options.cell)) {
        throw core::UsageError("--cell: the grid cell must be a positive number of metres");
    }
    std::vector<std::string> names;
    const bool hasDistricts = store.count(core::LayerId::Districts) > 0;
    if (options.layers.empty()) {
        for (const auto& info : core::kLayers) {
            if (store.count(info.id) == 0) continue;
            if (gate.layerAllowed(info.id)) {
                names.emplace_back(info.name);
            } else if (info.id == core::LayerId::Incidents) {
                names.emplace_back(kIncidentsGrid);
                if (hasDistricts) names.emplace_back(kIncidentsDistricts);
            }
        }
    } else {
        for (const auto& name : options.layers) {
            if (isAggregate(name)) {
                if (name == kIncidentsDistricts && !hasDistricts) {
                    throw core::UsageError("--layer " + name + ": the project has no districts to count incidents in");
                }
                addOnce(names, name);
                continue;
            }
            const auto id = core::layerFromName(name);
            if (!id) {
                throw core::UsageError("--layer " + name + ": no such layer; the layers are " + knownNames(gate));
            }
            if (gate.layerAllowed(*id)) {
                addOnce(names, name);
            } else if (*id == core::LayerId::Incidents) {
                addOnce(names, kIncidentsGrid);
                if (hasDistricts) addOnce(names, kIncidentsDistricts);
            } else {
                throw core::UsageError("--layer " + name + ": " + *gate.refusal(*id));
            }
        }
    }
    if (names.empty()) throw core::UsageError("nothing to export: the project's layers are empty");
    if (format != ExportFormat::GeoPackage && names.size() > 1) {
        std::string list;
        for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
        throw core::UsageError(std::string(format == ExportFormat::Csv ? "a CSV" : "a GeoJSON") +
                               " file holds one layer, this export has " + std::to_string(names.size()) + " (" + list +
                               "): name one with --layer, or write a .gpkg");
    }
    return names;
}

std::vector<Released<io::OutputTable>> exportTables(store::ProjectStore& store, const OutputGate& gate,
                                                    const ExportOptions& options, core::Progress& progress) {
    const auto names = exportTableNames(store, gate, options, ExportFormat::GeoPackage);
    std::vector<Released<io::OutputTable>> out;
    std::optional<Points> points;
    for (const auto& name : names) {
        if (isAggregate(name)) {
            if (!points) points = readIncidentPoints(store, progress);
            if (name == kIncidentsGrid) {
                out.push_back(gate.gridCounts(name, points->xs, points->ys, options.cell, store.crs()));
            } else {
                out.push_back(gate.zoneCounts(name, points->xs, points->ys, readZones(store), store.crs()));
            }
            continue;
        }
        const auto id = *core::layerFromName(name);
        out.push_back(gate.features(id, readLayer(store, id, progress)));
    }
    return out;
}

// [writing]

void writeExport(const std::filesystem::path& file, std::span<const Released<io::OutputTable>> tables,
                 const ExportOptions& options, const render::Style& style, core::Progress& progress) {
    const ExportFormat format = exportFormatOf(file);
    if (tables.empty()) throw core::UsageError("nothing to export");
    if (format != ExportFormat::GeoPackage) {
        if (tables.size() != 1) {
            throw core::UsageError("--out " + file.string() + " holds one layer: name it with --layer");
        }
        progress.beginStage(tables[0]->name, tables[0]->rows.size());
        if (format == ExportFormat::Csv) {
            io::writeCsvFile(file, *tables[0], options.csv);
        } else {
            io::writeGeoJsonFile(file, *tables[0]);
        }
        progress.step(tables[0]->rows.size());
        progress.finishStage();
        return;
    }
    std::vector<io::OutputTable> plain;
    std::vector<io::LayerStyleRow> styles;
    plain.reserve(tables.size());
    for (const auto& released : tables) {
        const io::OutputTable& table = *released;
        plain.push_back(table);
        if (table.geometries.empty()) continue;
        io::LayerStyleRow row;
        row.table = table.name;
        row.name = table.name;
        if (isAggregate(table.name)) {
            std::vector<std::int64_t> counts;
            for (std::size_t f = 0; f < table.fields.size(); ++f) {
                if (table.fields[f].name != "count") continue;
                for (const auto& values : table.rows) {
                    if (const auto* v = std::get_if<std::int64_t>(&values[f])) counts.push_back(*v);
                }
            }
            row.qml = graduatedQml("count", std::move(counts), options.english);
            row.description = options.english ? "Lagebild: incidents per cell or district (graduated)"
                                              : "Lagebild: Vorfälle je Zelle oder Stadtteil (abgestuft)";
        } else if (const auto* layerStyle = style.find(table.name)) {
            row.qml = layerQml(*layerStyle, geometryKinds(table.geometries), options.english);
            row.description = options.english ? "Lagebild style" : "Lagebild-Stil";
        } else {
            continue;
        }
        styles.push_back(std::move(row));
    }
    io::writeGeoPackage(file, plain, styles, progress);
}

ExportReport exportProject(store::ProjectStore& store, const std::filesystem::path& file, const OutputGate& gate,
                           const ExportOptions& options, const render::Style& style, core::Progress& progress) {
    const ExportFormat format = exportFormatOf(file);
    exportTableNames(store, gate, options, format);
    const auto tables = exportTables(store, gate, options, progress);
    writeExport(file, tables, options, style, progress);
    ExportReport report;
    for (const auto& table : tables) report.tables.emplace_back(table->name, table->rows.size());
    return report;
}

}  // namespace lb::project
