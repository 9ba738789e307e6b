#pragma once

#include <filesystem>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "core/progress.hpp"
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

// The conventions of a delimited text file for spreadsheets.
struct CsvOptions {
    char delimiter = ',';
    bool decimalComma = false;  // real numbers as 2,5 (integers and text as they are)
    bool bom = false;           // a UTF-8 byte order mark first (Excel reads UTF-8 only with it)
    bool crlf = false;          // "\r\n" line ends
    // With geometries: x and y columns (project CRS, in the number convention) when every geometry is a point
    // and the table has no x or y column of its own, else one WKT column "wkt" (WKT keeps its decimal points:
    // the comma separates its coordinates).
    bool geometry = true;

    // `;`, decimal comma, BOM, CRLF: what German Excel and LibreOffice open with a double click.
    static CsvOptions german() { return {';', true, true, true, true}; }
    // `,`, decimal point, no BOM, "\n".
    static CsvOptions international() { return {',', false, false, false, true}; }
};
void writeCsv(std::ostream& out, const OutputTable& table, const CsvOptions& options);
void writeCsvFile(const std::filesystem::path& path, const OutputTable& table, const CsvOptions& options);

// A GeoPackage with one layer (geometry column "geom" when the table has geometries), atomically.
// Throws core::InputError for a path that cannot be written, core::ProcessingError when GDAL fails.
void writeGeoPackage(const std::filesystem::path& path, const OutputTable& table);

// A row of the GeoPackage's `layer_styles` table as QGIS writes it (QgsOgrProviderUtils::saveStyle): QGIS
// applies the default style of a layer when it opens it.
struct LayerStyleRow {
    std::string table;  // f_table_name
    std::string name;   // styleName
    std::string qml;    // styleQML
    std::string sld;    // styleSLD ("" when none)
    std::string description;
    bool useAsDefault = true;
};
// Every table as one layer of a new GeoPackage (names must differ), in one transaction, and `styles` in a
// `layer_styles` attribute table (none when empty); atomically: a failed write leaves no file. Progress: one
// stage per table, per 10,000 features.
void writeGeoPackage(const std::filesystem::path& path, std::span<const OutputTable> tables,
                     std::span<const LayerStyleRow> styles, core::Progress& progress = core::Progress::none());

}  // namespace lb::io
