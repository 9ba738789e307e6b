#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/bbox.hpp"
#include "core/value.hpp"

namespace lb::geo {

class CrsTransform;

// The 2D ISO WKB geometry types we store.
enum class WkbType : std::uint32_t {
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
    GeometryCollection = 7,
};

using Coord = std::pair<double, double>;
using Ring = std::vector<Coord>;

// Type of a WKB blob; throws core::InputError for a blob that is too short, Z/M or unknown.
WkbType wkbType(const core::Wkb& wkb);
// Bounding box of all coordinates.
core::BBox wkbEnvelope(const core::Wkb& wkb);
// Checks the blob is complete, 2D, of a known type, with finite coordinates, and rewrites it as
// little-endian; throws core::InputError naming the problem.
void normalizeWkb(core::Wkb& wkb);
// The problem normalizeWkb would report, or "" for a good blob.
std::string wkbProblem(const core::Wkb& wkb);
// Transforms every coordinate in place; the result is little-endian WKB.
void transformWkb(core::Wkb& wkb, const CrsTransform& transform);
// Wraps a Polygon into a one-member MultiPolygon (no-op for MultiPolygon).
void promoteToMulti(core::Wkb& wkb);
// All coordinates in order (for tests and simple algorithms).
std::vector<Coord> wkbCoordinates(const core::Wkb& wkb);

// Builders (little-endian).
core::Wkb pointWkb(double x, double y);
core::Wkb lineStringWkb(const std::vector<Coord>& points);
core::Wkb polygonWkb(const std::vector<Ring>& rings);  // rings closed by the caller or not: closed here
core::Wkb multiPolygonWkb(const std::vector<std::vector<Ring>>& polygons);

}  // namespace lb::geo
