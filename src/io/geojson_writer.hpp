#pragma once

#include <filesystem>
#include <ostream>

#include "io/table_writer.hpp"

namespace lb::io {

// RFC 7946 GeoJSON: one FeatureCollection (with a "name" member, as GDAL writes it) of the table's rows,
// geometries transformed from the table's CRS to WGS84 longitude/latitude (7 decimals, about 1 cm),
// polygon rings by the right-hand rule, properties typed (numbers, strings, null). A table without
// geometries gives features with "geometry": null. Deterministic: the rows in order, no timestamps.
void writeGeoJson(std::ostream& out, const OutputTable& table);
// The same into a file, atomically (io::AtomicOutput). core::InputError for a folder that cannot be written.
void writeGeoJsonFile(const std::filesystem::path& path, const OutputTable& table);

}  // namespace lb::io
