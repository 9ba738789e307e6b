#include "edit/road_graph.hpp"

#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/error.hpp"
#include "edit/detail/geometry_parts.hpp"
#include "geo/street_graph.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

bool walkable(std::string_view highway, std::string_view access, std::string_view foot) {
    if (highway == "motorway" || highway == "motorway_link" || highway == "trunk" || highway == "trunk_link") {
        return false;
    }
    if (foot == "no") return false;
    const bool footAllowed = foot == "yes" || foot == "designated" || foot == "permissive";
    return footAllowed || (access != "no" && access != "private");
}

// Vertices closer than a millimetre are the same node.
std::uint64_t nodeKey(const geo::Coord& c) {
    const auto x = static_cast<std::uint64_t>(std::llround(c.first * 1000.0));
    const auto y = static_cast<std::uint64_t>(std::llround(c.second * 1000.0));
    return (x * 0x9E3779B97F4A7C15ULL) ^ y;
}

}  // namespace

struct RoadGraph::Impl {
    geo::StreetGraph graph;
    std::unordered_multimap<std::uint64_t, std::uint32_t> index;

    std::uint32_t node(const geo::Coord& c) {
        const auto key = nodeKey(c);
        const auto [begin, end] = index.equal_range(key);
        for (auto it = begin; it != end; ++it) {
            const auto& n = graph.node(it->second);
            if (std::abs(n.first - c.first) < 1e-3 && std::abs(n.second - c.second) < 1e-3) return it->second;
        }
        const auto id = graph.addNode(c.first, c.second);
        index.emplace(key, id);
        return id;
    }

    std::uint32_t nearest(const geo::Coord& p, double maxDistance, std::size_t waypoint) const {
        const auto found = graph.nearestConnected(p.first, p.second);
        if (!found || found->second > maxDistance) {
            throw core::InputError("route waypoint " + std::to_string(waypoint + 1) + " is more than " +
                                   std::to_string(static_cast<int>(maxDistance)) + " m from any walkable road");
        }
        return found->first;
    }

    std::pair<std::vector<std::uint32_t>, double> route(const std::vector<geo::Coord>& waypoints,
                                                        double maxSnap) const {
        if (waypoints.size() < 2) throw core::InputError("a route needs at least two waypoints");
        std::vector<std::uint32_t> path{nearest(waypoints[0], maxSnap, 0)};
        double length = 0;
        for (std::size_t i = 1; i < waypoints.size(); ++i) {
            const auto leg = graph.shortestPath(path.back(), nearest(waypoints[i], maxSnap, i), path);
            if (!leg) {
                throw core::InputError("no walkable connection between route waypoints " + std::to_string(i) + " and " +
                                       std::to_string(i + 1));
            }
            length += *leg;
        }
        if (path.size() < 2) throw core::InputError("all route waypoints snap to the same street point");
        return {path, length};
    }
};

RoadGraph::RoadGraph(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RoadGraph::RoadGraph(RoadGraph&&) noexcept = default;
RoadGraph& RoadGraph::operator=(RoadGraph&&) noexcept = default;
RoadGraph::~RoadGraph() = default;

RoadGraph RoadGraph::build(store::ProjectStore& store, const core::BBox& area) {
    auto impl = std::make_unique<Impl>();
    std::string sql = "SELECT geometry, coalesce(highway, ''), coalesce(access, ''), coalesce(foot, '') FROM roads";
    if (!area.empty()) {
        sql +=
            " WHERE id IN (SELECT pkid FROM idx_roads_geometry WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND "
            "ymin <= ?)";
    }
    store::Statement s(store.db(), sql);
    if (!area.empty()) s.bind(1, area.minX).bind(2, area.maxX).bind(3, area.minY).bind(4, area.maxY);
    while (s.step()) {
        if (s.isNull(0) || !walkable(s.columnTextView(1), s.columnTextView(2), s.columnTextView(3))) continue;
        const auto blob = s.columnBlobView(0);
        const auto g = detail::parseGeometry(store::spatialiteToWkb(blob.data(), blob.size()));
        for (const auto& part : g.parts) {
            for (const auto& line : part) {
                for (std::size_t i = 1; i < line.size(); ++i)
                    impl->graph.addEdge(impl->node(line[i - 1]), impl->node(line[i]));
            }
        }
    }
    return RoadGraph(std::move(impl));
}

std::size_t RoadGraph::nodeCount() const {
    return m_impl->graph.nodeCount();
}

std::size_t RoadGraph::edgeCount() const {
    return m_impl->graph.edgeCount();
}

core::Wkb RoadGraph::route(const std::vector<std::pair<double, double>>& waypoints, double maxSnapM) const {
    const auto [path, length] = m_impl->route(waypoints, maxSnapM);
    std::vector<geo::Coord> coords;
    coords.reserve(path.size());
    for (const auto n : path) coords.push_back(m_impl->graph.node(n));
    return geo::lineStringWkb(coords);
}

double RoadGraph::routeLength(const std::vector<std::pair<double, double>>& waypoints, double maxSnapM) const {
    return m_impl->route(waypoints, maxSnapM).second;
}

}  // namespace lb::edit
