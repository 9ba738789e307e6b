#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/bbox.hpp"
#include "core/value.hpp"

namespace lb::engine {

// What a ring of a GeometryColumn is: a single point, a line string, or a polygon ring (shell or hole).
enum class RingKind : std::uint8_t { Point, Line, Polygon };

// Coordinates that live elsewhere (the render scene's layer of the same rows) and are only referenced, so
// that the workstation holds one copy of a layer's geometry: `owner` keeps `xy` and `ringStart` alive.
struct BorrowedRings {
    std::shared_ptr<const void> owner;
    std::span<const double> xy;                // interleaved x, y
    std::span<const std::uint32_t> ringStart;  // coordinate index of each ring, plus one past the end
    std::vector<std::uint32_t> featureRing;    // first ring of each feature, plus one past the end
    RingKind kind = RingKind::Point;           // every ring is of this kind
    std::vector<std::uint8_t> ringShell;       // polygons: 1 where a ring is its polygon's shell
};

// The geometry of every feature of a layer in one flat, columnar form: all coordinates interleaved in
// `xy`, cut into rings, rings grouped per feature. Multi-geometries and collections are flattened into
// their rings. A feature without geometry has no rings and an empty box.
class GeometryColumn {
public:
    // A column over borrowed coordinates (boxes and ring kinds are its own). Throws core::InputError when
    // the ring and feature offsets do not fit the coordinates.
    static GeometryColumn borrowing(BorrowedRings rings);
    // Whether the coordinates are borrowed, and where they are (for tests and memory accounting).
    bool borrowed() const { return m_owner != nullptr; }
    const double* coordinateData() const { return xy(); }

    // Appends one feature from little-endian ISO WKB (empty WKB: no geometry). Throws core::InputError
    // for WKB it cannot read.
    void append(const core::Wkb& wkb);
    void appendPoint(double x, double y);
    void appendEmpty();

    std::size_t size() const { return m_boxes.size(); }
    // True while every feature is exactly one point: then pointX/pointY address feature i directly.
    bool allPoints() const { return m_allPoints; }
    double pointX(std::size_t feature) const { return xy()[2 * feature]; }
    double pointY(std::size_t feature) const { return xy()[2 * feature + 1]; }
    const core::BBox& box(std::size_t feature) const { return m_boxes[feature]; }
    const std::vector<core::BBox>& boxes() const { return m_boxes; }

    // Even-odd test against the polygon rings of a feature (a point on the boundary may fall either way).
    bool containsPoint(std::size_t feature, double x, double y) const;
    // Smallest distance from (x, y) to the feature: 0 inside its polygons, else to the nearest vertex or
    // segment. Infinity for a feature without geometry.
    double distanceToPoint(std::size_t feature, double x, double y) const;
    // One point standing for the feature: the point itself, the area centroid of its polygon rings, or the
    // middle of its box for lines. Used as the location of non-point features and as zone centroids.
    std::pair<double, double> representativePoint(std::size_t feature) const;
    // The feature as little-endian ISO WKB again (points, line strings, polygons and their multi forms).
    core::Wkb toWkb(std::size_t feature) const;

private:
    void readGeometry(const std::uint8_t*& data, const std::uint8_t* end);
    void beginRing(RingKind kind, bool shell = false);
    void addCoord(double x, double y);
    void endFeature();
    // The coordinates and ring starts: borrowed, or the column's own.
    const double* xy() const { return m_owner ? m_borrowedXy.data() : m_xy.data(); }
    const std::uint32_t* ringStart() const { return m_owner ? m_borrowedRingStart.data() : m_ringStart.data(); }

    std::shared_ptr<const void> m_owner;  // set for borrowed coordinates
    std::span<const double> m_borrowedXy;
    std::span<const std::uint32_t> m_borrowedRingStart;
    std::vector<double> m_xy;
    std::vector<std::uint32_t> m_ringStart{0};  // coordinate index of each ring, plus one past the end
    std::vector<RingKind> m_ringKind;
    std::vector<std::uint32_t> m_featureRing{0};  // first ring of each feature, plus one past the end
    std::vector<std::uint8_t> m_ringShell;        // 1 where a polygon ring is its polygon's shell
    std::vector<core::BBox> m_boxes;
    bool m_allPoints = true;
    core::BBox m_current;
};

}  // namespace lb::engine
