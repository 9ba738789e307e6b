#pragma once

#include <string>

namespace lb::io {

// How the columns of a thematic source file map onto a layer (CLI.md mapping flags). Empty strings mean
// "not given": the importer then uses a column of the layer's own name (case-insensitive) or a known
// German alias, and for GeoJSON/GeoPackage the file's geometry.
struct ImportMapping {
    std::string x, y;       // --x/--y: projected coordinates (CRS from --crs)
    std::string lat, lon;   // --lat/--lon: geographic coordinates (default EPSG:4326)
    std::string address;    // --address COL[,COL] (offline geocoding; later issue)
    std::string crs;        // --crs EPSG:N; default from the file, else EPSG:4326
    std::string time;       // --time
    std::string category;   // --category
    std::string id;         // --id → ext_id
    std::string name;       // --name
    std::string encoding;   // --encoding, e.g. CP1252 / ISO-8859-1; default UTF-8
    std::string delimiter;  // --delimiter for CSV; default: detected (, ; tab |)
};

}  // namespace lb::io
