#include "io/table_writer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/geometry_text.hpp"
#include "geo/wkb.hpp"
#include "io/atomic_output.hpp"
#include "io/gdal_errors.hpp"

namespace lb::io {
namespace {

void csvField(std::ostream& out, const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        out << text;
        return;
    }
    out << '"';
    for (char c : text) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

void delimitedField(std::string& out, std::string_view text, char delimiter) {
    if (text.find_first_of("\"\n\r") == std::string_view::npos && text.find(delimiter) == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void appendNumber(std::string& out, double v, bool decimalComma) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view text(buf, ec == std::errc() ? static_cast<std::size_t>(end - buf) : 0);
    for (char c : text) out += (decimalComma && c == '.') ? ',' : c;
}

void appendValue(std::string& out, const core::Value& value, const CsvOptions& options) {
    if (const auto* d = std::get_if<double>(&value)) {
        if (std::isfinite(*d)) appendNumber(out, *d, options.decimalComma);
        return;
    }
    delimitedField(out, core::toString(value), options.delimiter);
}

bool hasField(const OutputTable& table, std::string_view name) {
    for (const auto& field : table.fields) {
        if (field.name == name) return true;
    }
    return false;
}

OGRFieldType ogrType(FieldType type) {
    switch (type) {
        case FieldType::Integer:
            return OFTInteger64;
        case FieldType::Real:
            return OFTReal;
        case FieldType::Text:
            break;
    }
    return OFTString;
}

[[noreturn]] void gdalFailed(const std::filesystem::path& path, const GdalErrorScope& errors, const char* what) {
    throw core::ProcessingError("cannot write " + path.string() + ": " + what +
                                (errors.hasFailure() ? " (" + errors.failureText() + ")" : std::string()));
}

// The common WKB type of all geometries (wkbUnknown when they differ), so GIS programs see e.g. polygons.
OGRwkbGeometryType commonType(const std::vector<core::Wkb>& geometries) {
    std::uint32_t type = 0;
    for (const auto& wkb : geometries) {
        if (wkb.size() < 5) continue;
        std::uint32_t t;
        std::memcpy(&t, wkb.data() + 1, 4);
        if (type != 0 && t != type) return wkbUnknown;
        type = t;
    }
    return type == 0 ? wkbUnknown : static_cast<OGRwkbGeometryType>(type);
}

}  // namespace

void writeCsv(std::ostream& out, const OutputTable& table) {
    for (std::size_t f = 0; f < table.fields.size(); ++f) {
        if (f > 0) out << ',';
        csvField(out, table.fields[f].name);
    }
    out << '\n';
    for (const auto& row : table.rows) {
        for (std::size_t f = 0; f < row.size(); ++f) {
            if (f > 0) out << ',';
            csvField(out, core::toString(row[f]));
        }
        out << '\n';
    }
}

void writeCsvFile(const std::filesystem::path& path, const OutputTable& table) {
    AtomicOutput output(path);
    {
        std::ofstream file(output.tempPath(), std::ios::binary);
        writeCsv(file, table);
        file.flush();
        if (!file) throw core::ProcessingError("cannot write " + path.string() + " (disk full?)");
    }
    output.commit();
}

void writeCsv(std::ostream& out, const OutputTable& table, const CsvOptions& options) {
    enum class Geometry { None, XY, Wkt };
    Geometry geometry = Geometry::None;
    if (options.geometry && !table.geometries.empty()) {
        bool points = !hasField(table, "x") && !hasField(table, "y");
        for (const auto& wkb : table.geometries) {
            if (!wkb.empty() && geo::wkbType(wkb) != geo::WkbType::Point) points = false;
        }
        geometry = points ? Geometry::XY : Geometry::Wkt;
    }
    const char* end = options.crlf ? "\r\n" : "\n";
    std::string line;
    if (options.bom) line += "\xEF\xBB\xBF";
    for (std::size_t f = 0; f < table.fields.size(); ++f) {
        if (f > 0) line += options.delimiter;
        delimitedField(line, table.fields[f].name, options.delimiter);
    }
    if (geometry == Geometry::XY) {
        if (!table.fields.empty()) line += options.delimiter;
        line += 'x';
        line += options.delimiter;
        line += 'y';
    } else if (geometry == Geometry::Wkt) {
        if (!table.fields.empty()) line += options.delimiter;
        line += "wkt";
    }
    line += end;
    out << line;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        line.clear();
        const auto& row = table.rows[r];
        for (std::size_t f = 0; f < table.fields.size(); ++f) {
            if (f > 0) line += options.delimiter;
            if (f < row.size()) appendValue(line, row[f], options);
        }
        if (geometry != Geometry::None) {
            if (!table.fields.empty()) line += options.delimiter;
            const core::Wkb& wkb = table.geometries[r];
            if (geometry == Geometry::XY) {
                if (!wkb.empty()) {
                    const auto c = geo::wkbCoordinates(wkb).front();
                    appendNumber(line, c.first, options.decimalComma);
                    line += options.delimiter;
                    appendNumber(line, c.second, options.decimalComma);
                } else {
                    line += options.delimiter;
                }
            } else {
                delimitedField(line, geo::toWkt(wkb), options.delimiter);
            }
        }
        line += end;
        out << line;
    }
}

void writeCsvFile(const std::filesystem::path& path, const OutputTable& table, const CsvOptions& options) {
    AtomicOutput output(path);
    {
        std::ofstream file(output.tempPath(), std::ios::binary);
        writeCsv(file, table, options);
        file.flush();
        if (!file) throw core::ProcessingError("cannot write " + path.string() + " (disk full?)");
    }
    output.commit();
}

void writeGeoPackage(const std::filesystem::path& path, const OutputTable& table) {
    writeGeoPackage(path, std::span<const OutputTable>(&table, 1), {});
}

void writeGeoPackage(const std::filesystem::path& path, std::span<const OutputTable> tables,
                     std::span<const LayerStyleRow> styles, core::Progress& progress) {
    std::set<std::string> names;
    for (const auto& table : tables) {
        if (!names.insert(table.name).second) {
            throw core::UsageError("cannot write " + path.string() + ": two layers named " + table.name);
        }
    }
    AtomicOutput output(path);
    GdalErrorScope errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) gdalFailed(path, errors, "GDAL has no GeoPackage driver");
    {
        std::unique_ptr<GDALDataset> dataset(driver->Create(output.tempPath().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) gdalFailed(path, errors, "cannot create the GeoPackage");
        // Every table and its fields first, then all rows in one transaction.
        std::vector<OGRLayer*> layers;
        std::vector<std::unique_ptr<OGRSpatialReference>> srss;
        for (const auto& table : tables) {
            auto srs = std::make_unique<OGRSpatialReference>();
            srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            if (!table.crs.empty()) srs->importFromEPSG(geo::epsgCode(table.crs));
            const bool spatial = !table.geometries.empty();
            OGRLayer* layer = dataset->CreateLayer(table.name.c_str(), spatial ? srs.get() : nullptr,
                                                   spatial ? commonType(table.geometries) : wkbNone, nullptr);
            if (!layer) gdalFailed(path, errors, "cannot create the layer");
            for (const auto& field : table.fields) {
                OGRFieldDefn definition(field.name.c_str(), ogrType(field.type));
                if (layer->CreateField(&definition) != OGRERR_NONE) gdalFailed(path, errors, "cannot add a field");
            }
            layers.push_back(layer);
            srss.push_back(std::move(srs));
        }
        OGRLayer* styleLayer = nullptr;
        if (!styles.empty()) {
            // The columns and types of QGIS's own layer_styles (an attribute table in gpkg_contents).
            const char* options[] = {"FID=id", "DESCRIPTION=QGIS layer styles", nullptr};
            styleLayer = dataset->CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(options));
            if (!styleLayer) gdalFailed(path, errors, "cannot create layer_styles");
            struct Column {
                const char* name;
                OGRFieldType type;
                int width;
            };
            const Column columns[] = {{"f_table_catalog", OFTString, 256},
                                      {"f_table_schema", OFTString, 256},
                                      {"f_table_name", OFTString, 256},
                                      {"f_geometry_column", OFTString, 256},
                                      {"styleName", OFTString, 30},
                                      {"styleQML", OFTString, 0},
                                      {"styleSLD", OFTString, 0},
                                      {"useAsDefault", OFTInteger, 0},
                                      {"description", OFTString, 0},
                                      {"owner", OFTString, 30},
                                      {"ui", OFTString, 30},
                                      {"update_time", OFTDateTime, 0}};
            for (const auto& column : columns) {
                OGRFieldDefn definition(column.name, column.type);
                definition.SetWidth(column.width);
                if (column.type == OFTInteger) definition.SetSubType(OFSTBoolean);
                if (styleLayer->CreateField(&definition) != OGRERR_NONE) {
                    gdalFailed(path, errors, "cannot add a field to layer_styles");
                }
            }
        }
        if (dataset->StartTransaction() != OGRERR_NONE) gdalFailed(path, errors, "cannot start a transaction");
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const OutputTable& table = tables[t];
            OGRLayer* layer = layers[t];
            const bool spatial = !table.geometries.empty();
            progress.beginStage(table.name, table.rows.size());
            std::uint64_t pending = 0;
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                OGRFeature feature(layer->GetLayerDefn());
                const auto& row = table.rows[r];
                for (std::size_t f = 0; f < row.size() && f < table.fields.size(); ++f) {
                    const int index = static_cast<int>(f);
                    std::visit(
                        [&](const auto& v) {
                            using T = std::decay_t<decltype(v)>;
                            if constexpr (std::is_same_v<T, std::monostate>) {
                                feature.SetFieldNull(index);
                            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                                feature.SetField(index, static_cast<GIntBig>(v));
                            } else if constexpr (std::is_same_v<T, double>) {
                                feature.SetField(index, v);
                            } else {
                                feature.SetField(index, v.c_str());
                            }
                        },
                        row[f]);
                }
                if (spatial && !table.geometries[r].empty()) {
                    OGRGeometry* geometry = nullptr;
                    const auto& wkb = table.geometries[r];
                    if (OGRGeometryFactory::createFromWkb(wkb.data(), srss[t].get(), &geometry, wkb.size()) !=
                        OGRERR_NONE) {
                        gdalFailed(path, errors, "a geometry could not be converted");
                    }
                    feature.SetGeometryDirectly(geometry);
                }
                if (layer->CreateFeature(&feature) != OGRERR_NONE) gdalFailed(path, errors, "cannot add a feature");
                if (++pending == 10000) {
                    progress.step(pending);
                    pending = 0;
                }
            }
            progress.step(pending);
            progress.finishStage();
        }
        if (styleLayer) {
            // update_time as QGIS fills it (UTC); the only clock value in the file besides GDAL's own.
            const std::time_t now = std::time(nullptr);
            std::tm utc{};
            gmtime_r(&now, &utc);
            for (const auto& style : styles) {
                OGRFeature feature(styleLayer->GetLayerDefn());
                const OutputTable* table = nullptr;
                for (const auto& t : tables) {
                    if (t.name == style.table) table = &t;
                }
                feature.SetField("f_table_catalog", "");
                feature.SetField("f_table_schema", "");
                feature.SetField("f_table_name", style.table.c_str());
                feature.SetField("f_geometry_column", table && !table->geometries.empty() ? "geom" : "");
                feature.SetField("styleName", style.name.c_str());
                feature.SetField("styleQML", style.qml.c_str());
                feature.SetField("styleSLD", style.sld.c_str());
                feature.SetField("useAsDefault", style.useAsDefault ? 1 : 0);
                feature.SetField("description", style.description.c_str());
                feature.SetField("owner", "");
                feature.SetFieldNull(feature.GetFieldIndex("ui"));
                feature.SetField("update_time", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                                 utc.tm_min, static_cast<float>(utc.tm_sec), 100);
                if (styleLayer->CreateFeature(&feature) != OGRERR_NONE) {
                    gdalFailed(path, errors, "cannot add a style");
                }
            }
        }
        progress.checkCancelled();
        if (dataset->CommitTransaction() != OGRERR_NONE) gdalFailed(path, errors, "cannot commit");
        dataset->FlushCache();
    }
    output.commit();
}

}  // namespace lb::io
