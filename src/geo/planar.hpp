#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

// The planar kit every module measures with: point in ring, closest point on a segment, ring area. One copy
// of each formula, whatever holds the coordinates (the engine's and the scene's interleaved x,y arrays, the
// edit tools' coordinate pairs, the demo town's vectors): callers pass the vertex count and a function that
// returns vertex i as something with .first/.second, and so pay nothing for the sharing. Header-only, no
// dependencies: geo/ is the floor the engine, the renderer, editing and the demo stand on.
namespace lb::geo::planar {

// Even-odd test of (x, y) against a ring of n vertices (a closing vertex that repeats the first does no
// harm). Points exactly on an edge may fall either way, the same way for every caller.
template <class VertexAt>
bool ringContains(std::size_t n, VertexAt vertex, double x, double y) {
    bool inside = false;
    if (n == 0) return false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const auto [xi, yi] = vertex(i);
        const auto [xj, yj] = vertex(j);
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

// The shoelace area of a ring, positive when counter-clockwise (x east, y north).
template <class VertexAt>
double signedRingArea(std::size_t n, VertexAt vertex) {
    double sum = 0;
    if (n == 0) return 0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const auto [xi, yi] = vertex(i);
        const auto [xj, yj] = vertex(j);
        sum += (xj - xi) * (yj + yi);
    }
    return 0.5 * sum;
}

// The parameter t in [0, 1] of the point of segment a–b closest to p (0 for a segment of no length).
inline double closestParameter(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0.0;
    return std::clamp(t, 0.0, 1.0);
}

// The point of segment a–b closest to p.
inline std::pair<double, double> closestOnSegment(double px, double py, double ax, double ay, double bx, double by) {
    const double t = closestParameter(px, py, ax, ay, bx, by);
    return {ax + t * (bx - ax), ay + t * (by - ay)};
}

// Distance from p to segment a–b, and its square (no square root, for comparisons).
inline double segmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
    const auto [cx, cy] = closestOnSegment(px, py, ax, ay, bx, by);
    const double ex = cx - px, ey = cy - py;
    return ex * ex + ey * ey;
}
inline double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
    const auto [cx, cy] = closestOnSegment(px, py, ax, ay, bx, by);
    return std::hypot(px - cx, py - cy);
}

}  // namespace lb::geo::planar
