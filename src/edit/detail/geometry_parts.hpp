#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/value.hpp"
#include "edit/edit_commands.hpp"
#include "geo/wkb.hpp"

namespace lb::edit::detail {

// A geometry as parts → rings → coordinates, for vertex edits and snapping. Polygon rings are kept open
// (no repeated closing vertex); toWkb closes them. Points: one part, one ring, one coordinate; lines: one
// part, one ring; Multi*: one part per member.
struct GeometryParts {
    geo::WkbType type = geo::WkbType::Point;
    std::vector<std::vector<std::vector<geo::Coord>>> parts;

    bool isPolygonal() const { return type == geo::WkbType::Polygon || type == geo::WkbType::MultiPolygon; }
};

// Throws core::InputError for blobs that are not valid 2D WKB or are geometry collections.
GeometryParts parseGeometry(const core::Wkb& wkb);
core::Wkb toWkb(const GeometryParts& geometry);

// The ring a vertex reference points into; throws core::InputError naming the reference when it does not
// exist (allowEnd: index may equal the ring size, for appending).
std::vector<geo::Coord>& ringOf(GeometryParts& geometry, const VertexRef& ref, bool allowEnd = false);

// GeoJSON geometry object (for audit rows).
nlohmann::json geoJson(const core::Wkb& wkb);

}  // namespace lb::edit::detail
