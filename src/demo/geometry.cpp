#include "demo/geometry.hpp"

#include <algorithm>
#include <cstddef>
#include <numbers>
#include <utility>

#include "geo/planar.hpp"

namespace lb::demo::detail {
namespace {

Vec2 catmullRom(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, double t) {
    const double t2 = t * t;
    const double t3 = t2 * t;
    return 0.5 * ((2.0 * p1) + (p2 - p0) * t + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2 +
                  (3.0 * p1 - p0 - 3.0 * p2 + p3) * t3);
}

void appendSegment(Polyline& out, Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, double step) {
    const int n = std::max(1, static_cast<int>(std::ceil(distance(p1, p2) / step)));
    out.push_back(p1);
    for (int i = 1; i < n; ++i) out.push_back(catmullRom(p0, p1, p2, p3, static_cast<double>(i) / n));
}

}  // namespace

double polylineLength(const Polyline& line) {
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) total += distance(line[i - 1], line[i]);
    return total;
}

PolylinePoint pointAlong(const Polyline& line, double s) {
    if (line.size() < 2) return {line.empty() ? Vec2{} : line.front(), {1.0, 0.0}};
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double seg = distance(line[i - 1], line[i]);
        if (walked + seg >= s || i + 1 == line.size()) {
            const double t = seg > 0.0 ? std::clamp((s - walked) / seg, 0.0, 1.0) : 0.0;
            const Vec2 dir = normalized(line[i] - line[i - 1]);
            // End points exactly, so that pieces cut from a line meet the lines they were joined to.
            if (t <= 0.0) return {line[i - 1], dir};
            if (t >= 1.0) return {line[i], dir};
            return {lerp(line[i - 1], line[i], t), dir};
        }
        walked += seg;
    }
    return {line.back(), normalized(line.back() - line[line.size() - 2])};
}

Polyline subPolyline(const Polyline& line, double s0, double s1) {
    Polyline out;
    if (line.size() < 2) return out;
    out.push_back(pointAlong(line, s0).pos);
    double walked = 0.0;
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
        walked += distance(line[i - 1], line[i]);
        if (walked > s0 && walked < s1) out.push_back(line[i]);
    }
    out.push_back(pointAlong(line, s1).pos);
    return out;
}

Projection projectOnto(const Polyline& line, Vec2 p) {
    Projection best;
    best.distance = 1e300;
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        double t = 0.0;
        const double d = distanceToSegment(p, line[i - 1], line[i], &t);
        const double seg = distance(line[i - 1], line[i]);
        if (d < best.distance) {
            best.distance = d;
            best.s = walked + t * seg;
            best.pos = lerp(line[i - 1], line[i], t);
        }
        walked += seg;
    }
    return best;
}

Polyline smoothCurve(const std::vector<Vec2>& controls, double step) {
    Polyline out;
    if (controls.size() < 2) return controls;
    for (std::size_t i = 0; i + 1 < controls.size(); ++i) {
        const Vec2 p0 = i == 0 ? controls[0] - (controls[1] - controls[0]) : controls[i - 1];
        const Vec2 p3 = i + 2 < controls.size() ? controls[i + 2] : controls[i + 1] + (controls[i + 1] - controls[i]);
        appendSegment(out, p0, controls[i], controls[i + 1], p3, step);
    }
    out.push_back(controls.back());
    return out;
}

Ring smoothLoop(const std::vector<Vec2>& controls, double step, std::vector<std::size_t>* controlIndices) {
    Ring out;
    const std::size_t n = controls.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (controlIndices) controlIndices->push_back(out.size());
        appendSegment(out, controls[(i + n - 1) % n], controls[i], controls[(i + 1) % n], controls[(i + 2) % n], step);
    }
    return out;
}

Polyline offsetPolyline(const Polyline& line, double d) {
    Polyline out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        const Vec2 before = i > 0 ? normalized(line[i] - line[i - 1]) : normalized(line[1] - line[0]);
        const Vec2 after = i + 1 < line.size() ? normalized(line[i + 1] - line[i]) : before;
        const Vec2 normal = normalized(perpLeft(before) + perpLeft(after));
        const double cosHalf = std::max(0.5, dot(normal, perpLeft(after)));
        out.push_back(line[i] + normal * (d / cosHalf));
    }
    return out;
}

Polyline densify(const Polyline& line, double step) {
    Polyline out;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const int n = std::max(1, static_cast<int>(std::ceil(distance(line[i], line[i + 1]) / step)));
        for (int k = 0; k < n; ++k) out.push_back(lerp(line[i], line[i + 1], static_cast<double>(k) / n));
    }
    if (!line.empty()) out.push_back(line.back());
    return out;
}

Ring rectangle(Vec2 centre, Vec2 axis, double length, double width) {
    const Vec2 a = axis * (length / 2.0);
    const Vec2 b = perpLeft(axis) * (width / 2.0);
    return {centre - a - b, centre + a - b, centre + a + b, centre - a + b};
}

Ring ellipse(Vec2 centre, double rx, double ry, double rotation, int segments) {
    Ring out;
    const Vec2 ax = fromAngle(rotation);
    const Vec2 ay = perpLeft(ax);
    for (int i = 0; i < segments; ++i) {
        const double a = 2.0 * std::numbers::pi * i / segments;
        out.push_back(centre + ax * (rx * std::cos(a)) + ay * (ry * std::sin(a)));
    }
    return out;
}

Ring scaleRing(const Ring& ring, Vec2 about, double factor) {
    Ring out;
    for (Vec2 p : ring) out.push_back(about + (p - about) * factor);
    return out;
}

bool pointInRing(Vec2 p, const Ring& ring) {
    return geo::planar::ringContains(
        ring.size(),
        [&ring](std::size_t i) {
            return std::pair{ring[i].x, ring[i].y};
        },
        p.x, p.y);
}

double signedArea(const Ring& ring) {
    double sum = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) sum += cross(ring[j], ring[i]);
    return sum / 2.0;
}

Vec2 ringCentroid(const Ring& ring) {
    const double area = signedArea(ring);
    if (std::abs(area) < 1e-9) {
        Vec2 sum;
        for (Vec2 p : ring) sum = sum + p;
        return sum * (1.0 / static_cast<double>(ring.size()));
    }
    // Relative to the first vertex for precision.
    const Vec2 o = ring.front();
    Vec2 c;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2 a = ring[j] - o;
        const Vec2 b = ring[i] - o;
        const double f = cross(a, b);
        c = c + (a + b) * f;
    }
    return o + c * (1.0 / (6.0 * area));
}

Ring counterClockwise(Ring ring) {
    if (signedArea(ring) < 0.0) std::reverse(ring.begin(), ring.end());
    return ring;
}

std::optional<SegmentHit> segmentIntersection(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    const Vec2 r = b - a;
    const Vec2 s = d - c;
    const double denom = cross(r, s);
    if (std::abs(denom) < 1e-12) return std::nullopt;
    const double t = cross(c - a, s) / denom;
    const double u = cross(c - a, r) / denom;
    if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0) return std::nullopt;
    return SegmentHit{t, u};
}

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b, double* t) {
    const Vec2 ab = b - a;
    const double len2 = dot(ab, ab);
    double param = len2 > 0.0 ? std::clamp(dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    if (t) *t = param;
    return distance(p, a + ab * param);
}

}  // namespace lb::demo::detail
