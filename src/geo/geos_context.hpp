#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "geo/wkb.hpp"

namespace lb::geo {

// A GEOS handle (reentrant C API) for one thread. Geometry goes in and out as WKB so that no GEOS type
// leaks out of geo/.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    // Empty when valid; otherwise GEOS's reason, e.g. "Self-intersection[12.5 3]".
    std::string invalidReason(const core::Wkb& wkb);
    // False when a line crosses or touches itself (GEOS isSimple); polygons: see invalidReason.
    bool isSimple(const core::Wkb& wkb);
    // GEOS MakeValid; the result may change type (a bow-tie polygon becomes a MultiPolygon).
    core::Wkb makeValid(const core::Wkb& wkb);
    // A point guaranteed to lie on the geometry (inside a polygon, on a line).
    Coord pointOnSurface(const core::Wkb& wkb);
    double area(const core::Wkb& wkb);
    // Triangulates one polygon (shell + holes) with GEOS's constrained Delaunay triangulation. `xy` holds
    // interleaved coordinates, `ringStarts` the first coordinate index of each ring plus one past the end.
    // Appends three vertices (x, y) per triangle to `triangles`; returns false (appending nothing) when
    // GEOS cannot triangulate the polygon (e.g. it is invalid beyond repair).
    bool triangulatePolygon(const double* xy, const std::uint32_t* ringStarts, std::size_t ringCount,
                            std::vector<double>& triangles);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace lb::geo
