#include "engine/geometry_column.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "geo/planar.hpp"
#include "geo/wkb_reader.hpp"

namespace lb::engine {
namespace {

void putU32(core::Wkb& out, std::uint32_t v) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), bytes, bytes + 4);
}

void putDouble(core::Wkb& out, double v) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), bytes, bytes + 8);
}

void putHeader(core::Wkb& out, std::uint32_t type) {
    out.push_back(1);
    putU32(out, type);
}

}  // namespace

GeometryColumn GeometryColumn::borrowing(BorrowedRings rings) {
    const std::size_t ringCount = rings.ringStart.empty() ? 0 : rings.ringStart.size() - 1;
    const bool fits = !rings.ringStart.empty() && !rings.featureRing.empty() && rings.featureRing.front() == 0 &&
                      rings.featureRing.back() == ringCount && rings.ringStart.front() == 0 &&
                      2 * std::size_t{rings.ringStart.back()} == rings.xy.size() &&
                      (rings.ringShell.empty() || rings.ringShell.size() == ringCount) &&
                      std::is_sorted(rings.ringStart.begin(), rings.ringStart.end()) &&
                      std::is_sorted(rings.featureRing.begin(), rings.featureRing.end());
    if (!fits) throw core::InputError("borrowed geometry: ring and feature offsets do not fit the coordinates");
    GeometryColumn column;
    column.m_owner = std::move(rings.owner);
    column.m_borrowedXy = rings.xy;
    column.m_borrowedRingStart = rings.ringStart;
    column.m_ringStart.clear();
    column.m_ringKind.assign(ringCount, rings.kind);
    column.m_ringShell = rings.ringShell.empty() ? std::vector<std::uint8_t>(ringCount, 0) : std::move(rings.ringShell);
    column.m_featureRing = std::move(rings.featureRing);
    const std::size_t features = column.m_featureRing.size() - 1;
    column.m_boxes.resize(features);
    column.m_allPoints = true;
    for (std::size_t f = 0; f < features; ++f) {
        const std::uint32_t first = column.m_featureRing[f], last = column.m_featureRing[f + 1];
        core::BBox box;
        for (std::uint32_t c = rings.ringStart[first]; c < rings.ringStart[last]; ++c) {
            box.add(rings.xy[2 * c], rings.xy[2 * c + 1]);
        }
        column.m_boxes[f] = box;
        if (last - first != 1 || rings.kind != RingKind::Point) column.m_allPoints = false;
    }
    return column;
}

void GeometryColumn::append(const core::Wkb& wkb) {
    if (m_owner) throw std::logic_error("GeometryColumn: cannot append to borrowed coordinates");
    if (wkb.empty()) {
        appendEmpty();
        return;
    }
    const std::uint8_t* data = wkb.data();
    const std::size_t firstRing = m_ringKind.size();
    const std::size_t firstCoord = m_xy.size();
    try {
        readGeometry(data, data + wkb.size());
    } catch (...) {
        m_ringKind.resize(firstRing);
        m_ringShell.resize(firstRing);
        m_ringStart.resize(firstRing + 1);
        m_xy.resize(firstCoord);
        m_current = {};
        throw;
    }
    endFeature();
}

void GeometryColumn::appendPoint(double x, double y) {
    if (m_owner) throw std::logic_error("GeometryColumn: cannot append to borrowed coordinates");
    beginRing(RingKind::Point);
    addCoord(x, y);
    endFeature();
}

void GeometryColumn::appendEmpty() {
    if (m_owner) throw std::logic_error("GeometryColumn: cannot append to borrowed coordinates");
    m_allPoints = false;
    endFeature();
}

void GeometryColumn::readGeometry(const std::uint8_t*& data, const std::uint8_t* end) {
    // Rings of the column: a point is a one-coordinate ring, a line one ring, a polygon its shell and holes.
    struct Fill {
        GeometryColumn& column;
        void point(double x, double y) {
            column.beginRing(RingKind::Point);
            column.addCoord(x, y);
        }
        void beginLine(std::uint32_t) { column.beginRing(RingKind::Line); }
        void beginPolygon(std::uint32_t) {}
        void beginRing(std::uint32_t index, std::uint32_t) { column.beginRing(RingKind::Polygon, index == 0); }
        void coord(double x, double y) { column.addCoord(x, y); }
    } fill{*this};
    data += geo::readWkb(data, static_cast<std::size_t>(end - data), fill);
}

void GeometryColumn::beginRing(RingKind kind, bool shell) {
    // m_ringStart.back() is the end of the rings so far, i.e. where this ring starts; push its end.
    m_ringKind.push_back(kind);
    m_ringShell.push_back(shell ? 1 : 0);
    m_ringStart.push_back(static_cast<std::uint32_t>(m_xy.size() / 2));
}

void GeometryColumn::addCoord(double x, double y) {
    m_xy.push_back(x);
    m_xy.push_back(y);
    m_ringStart.back() = static_cast<std::uint32_t>(m_xy.size() / 2);
    m_current.add(x, y);
}

void GeometryColumn::endFeature() {
    const std::uint32_t first = m_featureRing.back();
    const auto rings = static_cast<std::uint32_t>(m_ringKind.size());
    if (rings - first != 1 || m_ringKind[first] != RingKind::Point) m_allPoints = false;
    m_featureRing.push_back(rings);
    m_boxes.push_back(m_current);
    m_current = {};
}

bool GeometryColumn::containsPoint(std::size_t feature, double x, double y) const {
    const double* c = xy();
    const std::uint32_t* rs = ringStart();
    if (!m_boxes[feature].contains(x, y)) return false;
    bool inside = false;
    for (std::uint32_t r = m_featureRing[feature]; r < m_featureRing[feature + 1]; ++r) {
        if (m_ringKind[r] != RingKind::Polygon) continue;
        const std::uint32_t begin = rs[r], end = rs[r + 1];
        if (end - begin < 3) continue;
        const double* xy = c + 2 * std::size_t{begin};
        if (geo::planar::ringContains(
                end - begin,
                [xy](std::size_t i) {
                    return std::pair{xy[2 * i], xy[2 * i + 1]};
                },
                x, y)) {
            inside = !inside;
        }
    }
    return inside;
}

double GeometryColumn::distanceToPoint(std::size_t feature, double x, double y) const {
    const double* c = xy();
    const std::uint32_t* rs = ringStart();
    double best = std::numeric_limits<double>::infinity();
    bool hasPolygon = false;
    for (std::uint32_t r = m_featureRing[feature]; r < m_featureRing[feature + 1]; ++r) {
        const std::uint32_t begin = rs[r], end = rs[r + 1];
        if (begin == end) continue;
        hasPolygon = hasPolygon || m_ringKind[r] == RingKind::Polygon;
        if (end - begin == 1) {
            const double dx = c[2 * begin] - x, dy = c[2 * begin + 1] - y;
            best = std::min(best, dx * dx + dy * dy);
            continue;
        }
        for (std::uint32_t i = begin + 1; i < end; ++i) {
            best = std::min(
                best, geo::planar::segmentDistanceSquared(x, y, c[2 * i - 2], c[2 * i - 1], c[2 * i], c[2 * i + 1]));
        }
    }
    if (hasPolygon && containsPoint(feature, x, y)) return 0.0;
    return std::sqrt(best);
}

std::pair<double, double> GeometryColumn::representativePoint(std::size_t feature) const {
    const double* c = xy();
    const std::uint32_t* rs = ringStart();
    const core::BBox& box = m_boxes[feature];
    if (box.empty()) return {std::nan(""), std::nan("")};
    double area = 0, cx = 0, cy = 0;
    for (std::uint32_t r = m_featureRing[feature]; r < m_featureRing[feature + 1]; ++r) {
        if (m_ringKind[r] == RingKind::Point && m_featureRing[feature + 1] - m_featureRing[feature] == 1) {
            return {c[2 * rs[r]], c[2 * rs[r] + 1]};
        }
        if (m_ringKind[r] != RingKind::Polygon) continue;
        const std::uint32_t begin = rs[r], end = rs[r + 1];
        // Shoelace relative to the box corner for precision at UTM coordinates; holes have the opposite
        // orientation of their shell in valid data, so signed sums subtract them.
        double ringArea = 0, rx = 0, ry = 0;
        for (std::uint32_t i = begin, j = end - 1; i < end; j = i++) {
            const double xi = c[2 * i] - box.minX, yi = c[2 * i + 1] - box.minY;
            const double xj = c[2 * j] - box.minX, yj = c[2 * j + 1] - box.minY;
            const double cross = xj * yi - xi * yj;
            ringArea += cross;
            rx += (xj + xi) * cross;
            ry += (yj + yi) * cross;
        }
        // Orient every shell positively and every hole negatively, whatever the file's winding.
        const double sign = ((ringArea >= 0) == (m_ringShell[r] == 1)) ? 1.0 : -1.0;
        area += sign * ringArea;
        cx += sign * rx;
        cy += sign * ry;
    }
    if (area != 0) return {box.minX + cx / (3 * area), box.minY + cy / (3 * area)};
    return {(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2};
}

core::Wkb GeometryColumn::toWkb(std::size_t feature) const {
    const double* c = xy();
    const std::uint32_t* rs = ringStart();
    core::Wkb out;
    const std::uint32_t first = m_featureRing[feature], last = m_featureRing[feature + 1];
    if (first == last) return out;
    bool samekind = true;
    for (std::uint32_t r = first; r < last; ++r) samekind = samekind && m_ringKind[r] == m_ringKind[first];
    auto ring = [&](std::uint32_t r, bool withCount) {
        if (withCount) putU32(out, rs[r + 1] - rs[r]);
        for (std::uint32_t i = rs[r]; i < rs[r + 1]; ++i) {
            putDouble(out, c[2 * i]);
            putDouble(out, c[2 * i + 1]);
        }
    };
    // Polygons: the rings of each polygon run from its shell to the next shell.
    auto polygonEnd = [&](std::uint32_t r) {
        std::uint32_t e = r + 1;
        while (e < last && m_ringKind[e] == RingKind::Polygon && !m_ringShell[e]) ++e;
        return e;
    };
    auto polygon = [&](std::uint32_t r, std::uint32_t e) {
        putHeader(out, 3);
        putU32(out, e - r);
        for (std::uint32_t k = r; k < e; ++k) ring(k, true);
    };
    const RingKind kind = m_ringKind[first];
    if (kind == RingKind::Polygon && samekind) {
        std::uint32_t polygons = 0;
        for (std::uint32_t r = first; r < last; r = polygonEnd(r)) ++polygons;
        if (polygons == 1) {
            polygon(first, last);
            return out;
        }
        putHeader(out, 6);
        putU32(out, polygons);
        for (std::uint32_t r = first; r < last;) {
            const std::uint32_t e = polygonEnd(r);
            polygon(r, e);
            r = e;
        }
        return out;
    }
    auto single = [&](std::uint32_t r) {
        putHeader(out, m_ringKind[r] == RingKind::Point ? 1 : 2);
        ring(r, m_ringKind[r] != RingKind::Point);
    };
    if (last - first == 1) {
        single(first);
        return out;
    }
    putHeader(out, !samekind ? 7 : (kind == RingKind::Point ? 4 : 5));
    std::uint32_t members = 0;
    for (std::uint32_t r = first; r < last; r = m_ringKind[r] == RingKind::Polygon ? polygonEnd(r) : r + 1) ++members;
    putU32(out, members);
    for (std::uint32_t r = first; r < last;) {
        if (m_ringKind[r] == RingKind::Polygon) {
            const std::uint32_t e = polygonEnd(r);
            polygon(r, e);
            r = e;
        } else {
            single(r++);
        }
    }
    return out;
}

}  // namespace lb::engine
