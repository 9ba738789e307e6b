#pragma once

#include <vector>

#include "core/value.hpp"
#include "geo/wkb.hpp"

namespace lb::edit {

// A geometry's vertices as parts → rings → coordinates, numbered as VertexRef numbers them (polygon rings
// open: the closing vertex is not repeated). For the GUI's vertex handles and edit sketches.
struct GeometryVertices {
    geo::WkbType type = geo::WkbType::Point;
    std::vector<std::vector<std::vector<geo::Coord>>> parts;
    bool polygonal() const { return type == geo::WkbType::Polygon || type == geo::WkbType::MultiPolygon; }
};

// Throws core::InputError for blobs that are not valid 2D WKB or are geometry collections.
GeometryVertices geometryVertices(const core::Wkb& wkb);

}  // namespace lb::edit
