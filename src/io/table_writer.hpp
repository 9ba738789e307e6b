#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/value.hpp"

namespace lb::io {

enum class FieldType { Text, Integer, Real };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::Text;
};

// Rows to write: values aligned with `fields`; `geometries` (WKB in `crs`) empty for a table without
// geometry, else one per row.
struct OutputTable {
    std::string name;  // layer name in a GeoPackage
    std::string crs;   // "EPSG:25833"
    std::vector<FieldDef> fields;
    std::vector<std::vector<core::Value>> rows;
    std::vector<core::Wkb> geometries;
};

// RFC 4180 CSV with a header line (UTF-8, comma, quotes where needed, "\n" line ends); no geometry column.
void writeCsv(std::ostream& out, const OutputTable& table);
// The same into a file, atomically (io::AtomicOutput).
void writeCsvFile(const std::filesystem::path& path, const OutputTable& table);
// A GeoPackage with one layer (geometry column "geom" when the table has geometries), atomically.
// Throws core::InputError for a path that cannot be written, core::ProcessingError when GDAL fails.
void writeGeoPackage(const std::filesystem::path& path, const OutputTable& table);

}  // namespace lb::io
