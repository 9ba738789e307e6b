#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace lb::demo::detail {

// Plane geometry for building the demo town in metres (EPSG:25833 relative to the town centre).

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) {
    return {a.x + b.x, a.y + b.y};
}
inline Vec2 operator-(Vec2 a, Vec2 b) {
    return {a.x - b.x, a.y - b.y};
}
inline Vec2 operator*(Vec2 a, double s) {
    return {a.x * s, a.y * s};
}
inline Vec2 operator*(double s, Vec2 a) {
    return {a.x * s, a.y * s};
}
inline bool operator==(Vec2 a, Vec2 b) {
    return a.x == b.x && a.y == b.y;
}
inline double dot(Vec2 a, Vec2 b) {
    return a.x * b.x + a.y * b.y;
}
inline double cross(Vec2 a, Vec2 b) {
    return a.x * b.y - a.y * b.x;
}
inline double length(Vec2 a) {
    return std::hypot(a.x, a.y);
}
inline double distance(Vec2 a, Vec2 b) {
    return length(a - b);
}
inline Vec2 perpLeft(Vec2 a) {
    return {-a.y, a.x};
}
inline Vec2 normalized(Vec2 a) {
    const double l = length(a);
    return l > 0.0 ? Vec2{a.x / l, a.y / l} : Vec2{1.0, 0.0};
}
inline Vec2 fromAngle(double radians) {
    return {std::cos(radians), std::sin(radians)};
}
inline Vec2 lerp(Vec2 a, Vec2 b, double t) {
    return a + (b - a) * t;
}

using Polyline = std::vector<Vec2>;
// A polygon ring without the closing repetition of the first point.
using Ring = std::vector<Vec2>;

// A position on a polyline and the unit tangent there.
struct PolylinePoint {
    Vec2 pos;
    Vec2 dir;
};

double polylineLength(const Polyline& line);
// The point at arc length s (clamped to the line).
PolylinePoint pointAlong(const Polyline& line, double s);
// The part between arc lengths s0 < s1, with interpolated end points.
Polyline subPolyline(const Polyline& line, double s0, double s1);
// The nearest point of the line to p: its arc length and distance.
struct Projection {
    double s = 0.0;
    double distance = 0.0;
    Vec2 pos;
};
Projection projectOnto(const Polyline& line, Vec2 p);
// A Catmull-Rom curve through all control points, sampled about every `step` metres; the control points
// themselves are kept exactly.
Polyline smoothCurve(const std::vector<Vec2>& controls, double step);
// The same for a closed loop; the result does not repeat its first point. `controlIndices` receives the
// index of each control point in the result.
Ring smoothLoop(const std::vector<Vec2>& controls, double step, std::vector<std::size_t>* controlIndices = nullptr);
// Offset to the left (d > 0) or right (d < 0), vertex normals averaged.
Polyline offsetPolyline(const Polyline& line, double d);
// Resamples so that no segment is longer than `step`.
Polyline densify(const Polyline& line, double step);

// An oriented rectangle: `axis` (unit) along `length`.
Ring rectangle(Vec2 centre, Vec2 axis, double length, double width);
Ring ellipse(Vec2 centre, double rx, double ry, double rotation, int segments);
// Ring translated / scaled about a point.
Ring scaleRing(const Ring& ring, Vec2 about, double factor);

bool pointInRing(Vec2 p, const Ring& ring);
double signedArea(const Ring& ring);  // > 0 for counter-clockwise
Vec2 ringCentroid(const Ring& ring);
// Makes the ring counter-clockwise (exterior ring orientation of RFC 7946).
Ring counterClockwise(Ring ring);

// Intersection of segments ab and cd as parameters along each; nothing when parallel or apart.
struct SegmentHit {
    double t = 0.0;  // along ab
    double u = 0.0;  // along cd
};
std::optional<SegmentHit> segmentIntersection(Vec2 a, Vec2 b, Vec2 c, Vec2 d);
double distanceToSegment(Vec2 p, Vec2 a, Vec2 b, double* t = nullptr);

}  // namespace lb::demo::detail
