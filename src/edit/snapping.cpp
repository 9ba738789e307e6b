#include "edit/snapping.hpp"

#include <cmath>
#include <limits>

#include "edit/detail/geometry_parts.hpp"
#include "store/project_store.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

struct Nearest {
    double distance = std::numeric_limits<double>::infinity();
    double x = 0, y = 0;
    VertexRef vertex;
};

// Nearest point to (px, py) on the segment a–b.
std::pair<double, double> projectOnSegment(double px, double py, const geo::Coord& a, const geo::Coord& b) {
    const double dx = b.first - a.first, dy = b.second - a.second;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((px - a.first) * dx + (py - a.second) * dy) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return {a.first + t * dx, a.second + t * dy};
}

void visit(const detail::GeometryParts& g, double px, double py, Nearest& vertex, Nearest& edge) {
    for (std::size_t p = 0; p < g.parts.size(); ++p) {
        for (std::size_t r = 0; r < g.parts[p].size(); ++r) {
            const auto& ring = g.parts[p][r];
            const bool closed = g.isPolygonal();
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const VertexRef ref{static_cast<int>(p), static_cast<int>(r), static_cast<int>(i)};
                const double d = std::hypot(ring[i].first - px, ring[i].second - py);
                if (d < vertex.distance) vertex = {d, ring[i].first, ring[i].second, ref};
                if (i + 1 < ring.size() || (closed && ring.size() > 2)) {
                    const auto& next = ring[(i + 1) % ring.size()];
                    const auto [sx, sy] = projectOnSegment(px, py, ring[i], next);
                    const double e = std::hypot(sx - px, sy - py);
                    if (e < edge.distance) edge = {e, sx, sy, ref};
                }
            }
        }
    }
}

}  // namespace

SnapResult snap(store::ProjectStore& store, double x, double y, const SnapOptions& options) {
    SnapResult best;
    best.x = x;
    best.y = y;
    SnapResult bestEdge = best;
    bestEdge.distance = best.distance = std::numeric_limits<double>::infinity();
    const double tol = options.toleranceM;
    for (const core::LayerId layer : options.layers) {
        const auto& info = core::layerInfo(layer);
        const bool thematic = info.kind == core::LayerKind::Thematic;
        const std::string name(info.name);
        store::Statement s(store.db(), "SELECT id, " + std::string(thematic ? "uuid" : "NULL") + ", geometry FROM " +
                                           store::quoteIdentifier(name) + " WHERE id IN (SELECT pkid FROM " +
                                           store::quoteIdentifier("idx_" + name + "_geometry") +
                                           " WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND ymin <= ?)");
        s.bind(1, x - tol).bind(2, x + tol).bind(3, y - tol).bind(4, y + tol);
        while (s.step()) {
            const std::string uuid = s.isNull(1) ? std::string() : s.columnText(1);
            if (!options.excludeUuid.empty() && uuid == options.excludeUuid) continue;
            if (s.isNull(2)) continue;
            const auto blob = s.columnBlobView(2);
            const auto g = detail::parseGeometry(store::spatialiteToWkb(blob.data(), blob.size()));
            Nearest vertex, edge;
            visit(g, x, y, vertex, edge);
            if (options.vertices && vertex.distance <= tol && vertex.distance < best.distance) {
                best = {SnapKind::Vertex, vertex.x, vertex.y,     vertex.distance, layer,
                        s.columnInt(0),   uuid,     vertex.vertex};
            }
            if (options.edges && edge.distance <= tol && edge.distance < bestEdge.distance) {
                bestEdge = {SnapKind::Edge, edge.x, edge.y, edge.distance, layer, s.columnInt(0), uuid, edge.vertex};
            }
        }
    }
    if (best.kind == SnapKind::Vertex) return best;
    if (bestEdge.kind == SnapKind::Edge) return bestEdge;
    SnapResult none;
    none.x = x;
    none.y = y;
    return none;
}

}  // namespace lb::edit
