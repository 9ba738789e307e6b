#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/value.hpp"

namespace lb::io {

struct VectorSourceOptions {
    std::string encoding;   // source text encoding for CSV/Shapefile ("CP1252", "ISO-8859-1"); "" = UTF-8
    std::string delimiter;  // CSV: "," ";" "\t" "|" or "" to detect
};

// A thematic source file: GeoJSON, GeoPackage, Shapefile, KML, GPX read through GDAL/OGR, CSV through our
// own RFC 4180 reader (detail::CsvReader: physical line numbers, NUL bytes seen; a "WKT" column is the
// geometry, as in GDAL's CSV driver). Yields features with attributes in column order (CSV values as text,
// typed values as int/double/text) and geometry as 2D WKB in the file's CRS. Text, field names included,
// is converted to UTF-8: CSV from `encoding` when given, else invalid UTF-8 is taken as Windows-1252
// (German Excel exports) and counted in recodedValues(). A row the reader cannot take over faithfully
// (a NUL byte, more fields than the header) comes with Feature::problem set; the caller rejects it.
class VectorSource {
public:
    VectorSource(std::filesystem::path file, VectorSourceOptions options);
    ~VectorSource();
    VectorSource(const VectorSource&) = delete;
    VectorSource& operator=(const VectorSource&) = delete;

    const std::filesystem::path& file() const { return m_file; }
    bool isCsv() const { return m_csv; }
    // "line" for CSV (the physical line in the file, as an editor shows it), else "feature".
    const char* rowWord() const { return m_csv ? "line" : "feature"; }
    const std::vector<std::string>& fieldNames() const { return m_fieldNames; }
    // "EPSG:N" when the file declares a CRS with an EPSG code; "" if none; throws if it declares a CRS
    // without one.
    const std::string& crs() const { return m_crs; }
    bool hasGeometry() const { return m_hasGeometry; }
    // Number of features, or -1 when unknown without a full scan.
    std::int64_t featureCount() const { return m_featureCount; }

    // Reads the next feature; false at the end. Throws core::InputError with file and row on read errors.
    bool next(core::Feature& feature);
    std::size_t recodedValues() const { return m_recoded; }

private:
    void openCsv();
    bool nextCsv(core::Feature& feature);
    std::string decode(const char* raw, std::size_t& recoded) const;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::filesystem::path m_file;
    VectorSourceOptions m_options;
    bool m_csv = false;
    std::vector<std::string> m_fieldNames;
    std::string m_crs;
    bool m_hasGeometry = false;
    std::int64_t m_featureCount = -1;
    std::size_t m_recoded = 0;
    long long m_index = 0;
};

}  // namespace lb::io
