#pragma once

#include <cstdint>
#include <vector>

#include "core/bbox.hpp"
#include "core/value.hpp"

namespace lb::engine {

// What a ring of a GeometryColumn is: a single point, a line string, or a polygon ring (shell or hole).
enum class RingKind : std::uint8_t { Point, Line, Polygon };

// The geometry of every feature of a layer in one flat, columnar form: all coordinates interleaved in
// `xy`, cut into rings, rings grouped per feature. Multi-geometries and collections are flattened into
// their rings. A feature without geometry has no rings and an empty box.
class GeometryColumn {
public:
    // Appends one feature from little-endian ISO WKB (empty WKB: no geometry). Throws core::InputError
    // for WKB it cannot read.
    void append(const core::Wkb& wkb);
    void appendPoint(double x, double y);
    void appendEmpty();

    std::size_t size() const { return m_boxes.size(); }
    // True while every feature is exactly one point: then pointX/pointY address feature i directly.
    bool allPoints() const { return m_allPoints; }
    double pointX(std::size_t feature) const { return m_xy[2 * feature]; }
    double pointY(std::size_t feature) const { return m_xy[2 * feature + 1]; }
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

    std::vector<double> m_xy;
    std::vector<std::uint32_t> m_ringStart{0};   // coordinate index of each ring, plus one past the end
    std::vector<RingKind> m_ringKind;
    std::vector<std::uint32_t> m_featureRing{0};  // first ring of each feature, plus one past the end
    std::vector<std::uint8_t> m_ringShell;        // 1 where a polygon ring is its polygon's shell
    std::vector<core::BBox> m_boxes;
    bool m_allPoints = true;
    core::BBox m_current;
};

}  // namespace lb::engine
