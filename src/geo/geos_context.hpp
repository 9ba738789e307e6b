#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/bbox.hpp"
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

// The area an import keeps (import-osm --bbox, --bbox-wgs84, --boundary): a polygon, prepared once, that
// features are cut to. One thread; not copyable.
class ClipArea {
public:
    // A polygon or multipolygon (WKB); throws core::InputError when it is not an area.
    explicit ClipArea(const core::Wkb& area);
    ~ClipArea();
    ClipArea(const ClipArea&) = delete;
    ClipArea& operator=(const ClipArea&) = delete;

    const core::BBox& bounds() const { return m_bounds; }
    double area() const;

    // The parts of `geometry` inside the area, of the geometry's own dimension: the geometry unchanged when
    // it lies inside, nothing when it lies outside, otherwise the cut — a line cut at the edge gives one
    // line string per piece inside, a polygon the multipolygon of its pieces inside, a point itself or
    // nothing. Touching the edge in a point or line is not "inside" for an area.
    std::vector<core::Wkb> clip(const core::Wkb& geometry);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    core::BBox m_bounds;
};

}  // namespace lb::geo
