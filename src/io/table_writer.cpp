#include "io/table_writer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstring>
#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "geo/crs.hpp"
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

void writeGeoPackage(const std::filesystem::path& path, const OutputTable& table) {
    AtomicOutput output(path);
    GdalErrorScope errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) gdalFailed(path, errors, "GDAL has no GeoPackage driver");
    {
        std::unique_ptr<GDALDataset> dataset(driver->Create(output.tempPath().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) gdalFailed(path, errors, "cannot create the GeoPackage");
        OGRSpatialReference srs;
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!table.crs.empty()) srs.importFromEPSG(geo::epsgCode(table.crs));
        const bool spatial = !table.geometries.empty();
        OGRLayer* layer = dataset->CreateLayer(table.name.c_str(), spatial ? &srs : nullptr,
                                               spatial ? commonType(table.geometries) : wkbNone, nullptr);
        if (!layer) gdalFailed(path, errors, "cannot create the layer");
        for (const auto& field : table.fields) {
            OGRFieldDefn definition(field.name.c_str(), ogrType(field.type));
            if (layer->CreateField(&definition) != OGRERR_NONE) gdalFailed(path, errors, "cannot add a field");
        }
        if (dataset->StartTransaction() != OGRERR_NONE) gdalFailed(path, errors, "cannot start a transaction");
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            OGRFeature feature(layer->GetLayerDefn());
            const auto& row = table.rows[r];
            for (std::size_t f = 0; f < row.size(); ++f) {
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
                if (OGRGeometryFactory::createFromWkb(wkb.data(), &srs, &geometry, wkb.size()) != OGRERR_NONE) {
                    gdalFailed(path, errors, "a geometry could not be converted");
                }
                feature.SetGeometryDirectly(geometry);
            }
            if (layer->CreateFeature(&feature) != OGRERR_NONE) gdalFailed(path, errors, "cannot add a feature");
        }
        if (dataset->CommitTransaction() != OGRERR_NONE) gdalFailed(path, errors, "cannot commit");
        dataset->FlushCache();
    }
    output.commit();
}

}  // namespace lb::io
