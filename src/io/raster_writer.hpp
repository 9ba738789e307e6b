#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace lb::io {

// A north-up raster: `values` row by row from the top (north) row, `originX/originY` the upper-left
// corner of the upper-left cell, square cells of `cellSize` CRS units.
struct RasterGrid {
    std::string crs;  // "EPSG:25833"
    double originX = 0;
    double originY = 0;
    double cellSize = 1;
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::vector<float> values;
    std::string description;  // band description, e.g. "incidents per km²"
};

// Writes a single-band Float32 GeoTIFF (deflate-compressed) atomically. Throws core::InputError for a
// path that cannot be written, core::ProcessingError when GDAL fails.
void writeGeoTiff(const std::filesystem::path& path, const RasterGrid& grid);

}  // namespace lb::io
