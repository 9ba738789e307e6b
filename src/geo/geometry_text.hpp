#pragma once

#include <string>

#include "core/value.hpp"

namespace lb::geo {

// Text forms of 2D ISO WKB for exports (io/): OGC WKT and the geometry object of RFC 7946 GeoJSON. Both
// throw core::InputError for a blob geo::readWkb would refuse.

// "POINT (x y)", "MULTIPOLYGON (((x y, …)))": coordinates in the shortest form that reads back exactly;
// "" for an empty blob.
std::string toWkt(const core::Wkb& wkb);

// Appends {"type": …, "coordinates": …} (GeometryCollection: "geometries") with `decimals` decimal places
// (RFC 7946 §11.2: 6–7 are plenty for lon/lat); "null" for an empty blob. Polygon rings follow the
// right-hand rule of RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise (reversed where
// the blob has them the other way). The caller transforms the blob to WGS84 lon/lat first.
void appendGeoJson(std::string& out, const core::Wkb& wkb, int decimals = 7);

}  // namespace lb::geo
