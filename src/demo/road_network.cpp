// Musterstadt: turns the designed streets into a connected OSM street network.
// Sections: [pieces] [bridges] [junctions] [output]

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <set>

#include "core/bbox.hpp"
#include "demo/town_builder.hpp"

namespace lb::demo::detail {
namespace {

// [pieces] -------------------------------------------------------------------------------------------------

// A part of a street that becomes one OSM way.
struct Piece {
    Polyline pts;
    Tags tags;
    int layer = 0;
    bool rail = false;
    bool crossesRail = false;
    double halfWidth = 3.0;
    std::string bridgeName;
};

core::BBox bounds(const Polyline& line) {
    core::BBox box;
    for (Vec2 p : line) box.add(p.x, p.y);
    return box;
}

bool near(const core::BBox& a, const core::BBox& b, double margin) {
    return a.minX - margin <= b.maxX && b.minX - margin <= a.maxX && a.minY - margin <= b.maxY &&
           b.minY - margin <= a.maxY;
}

// [bridges] ------------------------------------------------------------------------------------------------

// Arc lengths along `line` where it crosses `obstacle`, with the crossing points, in order.
std::vector<std::pair<double, Vec2>> crossings(const Polyline& line, const Polyline& obstacle) {
    std::vector<std::pair<double, Vec2>> out;
    if (!near(bounds(line), bounds(obstacle), 0.0)) return out;
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double seg = distance(line[i - 1], line[i]);
        for (std::size_t j = 1; j < obstacle.size(); ++j) {
            const auto hit = segmentIntersection(line[i - 1], line[i], obstacle[j - 1], obstacle[j]);
            if (hit) out.emplace_back(walked + hit->t * seg, lerp(line[i - 1], line[i], hit->t));
        }
        walked += seg;
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

// Cuts pieces where they cross the obstacle (for which `applies` says so) into approach, bridge, approach.
std::vector<Piece> splitAtCrossings(const std::vector<Piece>& pieces, const Polyline& obstacle,
                                    const std::function<double(const Piece&, Vec2)>& clearance) {
    std::vector<Piece> out;
    for (const Piece& piece : pieces) {
        const double length = polylineLength(piece.pts);
        std::vector<std::pair<double, double>> spans;
        for (const auto& [s, p] : crossings(piece.pts, obstacle)) {
            const double c = clearance(piece, p);
            if (c <= 0.0) continue;
            double a = std::max(0.0, s - c);
            double b = std::min(length, s + c);
            if (!spans.empty() && a <= spans.back().second + 1.0) {
                spans.back().second = b;
                continue;
            }
            spans.emplace_back(a, b);
        }
        if (spans.empty()) {
            out.push_back(piece);
            continue;
        }
        double from = 0.0;
        auto part = [&](double a, double b, bool bridge) {
            Piece p = piece;
            p.pts = subPolyline(piece.pts, a, b);
            if (bridge) {
                p.layer = 1;
                p.tags.emplace_back("bridge", "yes");
                p.tags.emplace_back("layer", "1");
                if (!piece.bridgeName.empty()) p.tags.emplace_back("bridge:name", piece.bridgeName);
            }
            out.push_back(std::move(p));
        };
        for (auto [a, b] : spans) {
            if (a - from <= 1.0) a = from;
            if (length - b <= 1.0) b = length;
            if (a > from) part(from, a, false);
            part(a, b, true);
            from = b;
        }
        if (from < length) part(from, length, false);
    }
    return out;
}

// [junctions] ----------------------------------------------------------------------------------------------

// Moves street ends that stop at (or just short of) another street onto it, adding a vertex there.
void snapEndpoints(std::vector<Piece>& pieces) {
    constexpr double kSnap = 3.0;
    std::vector<core::BBox> boxes;
    for (const Piece& p : pieces) boxes.push_back(bounds(p.pts));
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].rail || pieces[i].pts.front() == pieces[i].pts.back()) continue;
        for (int end = 0; end < 2; ++end) {
            Vec2& p = end == 0 ? pieces[i].pts.front() : pieces[i].pts.back();
            core::BBox pointBox;
            pointBox.add(p.x, p.y);
            bool connected = false;
            double bestDistance = kSnap;
            std::size_t bestPiece = pieces.size(), bestSeg = 0;
            double bestT = 0.0;
            for (std::size_t j = 0; j < pieces.size() && !connected; ++j) {
                if (j == i || pieces[j].rail || !near(boxes[j], pointBox, kSnap)) continue;
                const Polyline& q = pieces[j].pts;
                for (std::size_t k = 1; k < q.size(); ++k) {
                    if (q[k - 1] == p || q[k] == p) {
                        connected = true;
                        break;
                    }
                    double t = 0.0;
                    const double d = distanceToSegment(p, q[k - 1], q[k], &t);
                    if (d < bestDistance && pieces[j].layer == pieces[i].layer) {
                        bestDistance = d;
                        bestPiece = j;
                        bestSeg = k;
                        bestT = t;
                    }
                }
            }
            if (connected || bestPiece == pieces.size()) continue;
            Polyline& q = pieces[bestPiece].pts;
            const double segLength = distance(q[bestSeg - 1], q[bestSeg]);
            if (bestT * segLength < 0.05) {
                p = q[bestSeg - 1];
            } else if ((1.0 - bestT) * segLength < 0.05) {
                p = q[bestSeg];
            } else {
                const Vec2 at = lerp(q[bestSeg - 1], q[bestSeg], bestT);
                q.insert(q.begin() + static_cast<std::ptrdiff_t>(bestSeg), at);
                p = at;
            }
        }
    }
}

// Adds a shared vertex wherever two pieces on the same layer cross.
void nodeCrossings(std::vector<Piece>& pieces) {
    struct Insert {
        std::size_t seg;
        double t;
        Vec2 p;
    };
    constexpr double kEps = 1e-7;
    std::vector<core::BBox> boxes;
    for (const Piece& p : pieces) boxes.push_back(bounds(p.pts));
    std::vector<std::vector<Insert>> inserts(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        for (std::size_t j = i + 1; j < pieces.size(); ++j) {
            if (pieces[i].layer != pieces[j].layer || (pieces[i].rail && pieces[j].rail)) continue;
            if (!near(boxes[i], boxes[j], 0.0)) continue;
            const Polyline& a = pieces[i].pts;
            const Polyline& b = pieces[j].pts;
            for (std::size_t k = 1; k < a.size(); ++k) {
                for (std::size_t m = 1; m < b.size(); ++m) {
                    const auto hit = segmentIntersection(a[k - 1], a[k], b[m - 1], b[m]);
                    if (!hit) continue;
                    const bool atVertexA = hit->t <= kEps || hit->t >= 1.0 - kEps;
                    const bool atVertexB = hit->u <= kEps || hit->u >= 1.0 - kEps;
                    if (atVertexA && atVertexB) continue;
                    Vec2 p;
                    if (atVertexA) {
                        p = hit->t <= kEps ? a[k - 1] : a[k];
                    } else if (atVertexB) {
                        p = hit->u <= kEps ? b[m - 1] : b[m];
                    } else {
                        p = lerp(a[k - 1], a[k], hit->t);
                    }
                    if (!atVertexA) inserts[i].push_back({k, hit->t, p});
                    if (!atVertexB) inserts[j].push_back({m, hit->u, p});
                }
            }
        }
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        auto& list = inserts[i];
        if (list.empty()) continue;
        std::sort(list.begin(), list.end(),
                  [](const Insert& x, const Insert& y) { return x.seg != y.seg ? x.seg < y.seg : x.t < y.t; });
        const Polyline& old = pieces[i].pts;
        Polyline pts;
        std::size_t next = 0;
        for (std::size_t k = 0; k < old.size(); ++k) {
            while (next < list.size() && list[next].seg == k) pts.push_back(list[next++].p);
            pts.push_back(old[k]);
        }
        Polyline unique;
        for (Vec2 p : pts) {
            if (unique.empty() || !(unique.back() == p)) unique.push_back(p);
        }
        pieces[i].pts = std::move(unique);
    }
}

}  // namespace

// [output] -------------------------------------------------------------------------------------------------

void TownBuilder::finishRoads() {
    std::vector<Piece> pieces;
    for (const Street& s : m_streets) {
        pieces.push_back({s.line, s.tags, s.layer, s.rail, s.crossesRail, s.halfWidth, s.bridgeName});
    }

    // Bridges over the Mulde (the railway's is longer), then road bridges over the railway except where the
    // railway itself is on its bridge.
    Polyline river;
    for (double y = -2300.0; y <= 2300.0; y += 20.0) river.push_back({riverX(y), y});
    pieces = splitAtCrossings(pieces, river, [](const Piece& p, Vec2) {
        if (p.layer != 0) return 0.0;
        return p.rail ? 60.0 : 28.0;
    });
    double railBridgeMin = std::numeric_limits<double>::infinity();
    double railBridgeMax = -railBridgeMin;
    for (const Piece& p : pieces) {
        if (!p.rail || p.layer != 1) continue;
        for (Vec2 q : p.pts) {
            railBridgeMin = std::min(railBridgeMin, q.x);
            railBridgeMax = std::max(railBridgeMax, q.x);
        }
    }
    const Polyline& rail = m_streets.front().line;
    pieces = splitAtCrossings(pieces, rail, [&](const Piece& p, Vec2 at) {
        if (p.rail || p.layer != 0 || p.crossesRail) return 0.0;
        if (at.x > railBridgeMin - 5.0 && at.x < railBridgeMax + 5.0) return 0.0;  // passes under the rail bridge
        return 14.0;
    });

    snapEndpoints(pieces);
    nodeCrossings(pieces);

    // OSM ways over shared nodes.
    OsmModel& osm = m_town.osm;
    std::vector<std::vector<std::int64_t>> refs(pieces.size());
    std::set<std::int64_t> railNodes;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        for (Vec2 p : pieces[i].pts) {
            const std::int64_t id = osm.sharedNode(p);
            if (refs[i].empty() || refs[i].back() != id) refs[i].push_back(id);
        }
        if (refs[i].size() < 2) continue;
        osm.addWay(refs[i], pieces[i].tags);
        if (pieces[i].rail && pieces[i].layer == 0) railNodes.insert(refs[i].begin(), refs[i].end());
    }

    // Level crossings, the routing graph, and the occupancy of the carriageways.
    std::map<std::int64_t, std::size_t> graphNode;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& piece = pieces[i];
        if (piece.layer >= 0) m_grid.markLine(piece.pts, piece.halfWidth, Cell::Road);
        if (piece.rail || refs[i].size() < 2) continue;
        const std::string highway = piece.tags.front().second;
        const bool foot = highway == "footway" || highway == "path" || highway == "cycleway";
        std::size_t previous = 0;
        for (std::size_t k = 0; k < refs[i].size(); ++k) {
            const std::int64_t id = refs[i][k];
            if (piece.layer == 0 && railNodes.count(id)) {
                osm.addNodeTag(id, "railway", foot ? "crossing" : "level_crossing");
            }
            auto it = graphNode.find(id);
            if (it == graphNode.end())
                it = graphNode.emplace(id, m_town.roads.addNode(osm.node(id).pos.x, osm.node(id).pos.y)).first;
            if (k > 0) m_town.roads.addEdge(previous, it->second);
            previous = it->second;
        }
    }
}

}  // namespace lb::demo::detail
