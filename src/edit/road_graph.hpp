#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/bbox.hpp"
#include "core/value.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

// The walkable street network of the `roads` layer as a graph for drawing streetwork routes: nodes are
// the ways' vertices (vertices with the same coordinates are one node, so ways that share a vertex or an
// endpoint are connected), edges the segments between consecutive vertices, weighted by length.
// Motorways, trunk roads and ways with access/foot = no or private are left out.
class RoadGraph {
public:
    // Builds the graph from the roads inside `area` (all roads when empty).
    static RoadGraph build(store::ProjectStore& store, const core::BBox& area = {});
    RoadGraph(RoadGraph&&) noexcept;
    RoadGraph& operator=(RoadGraph&&) noexcept;
    ~RoadGraph();

    std::size_t nodeCount() const;
    std::size_t edgeCount() const;

    // The route through the waypoints in order (project CRS): each waypoint snaps to the nearest network
    // node within maxSnapM, consecutive ones are joined by the shortest path (Dijkstra). Returns a
    // LineString WKB. Throws core::InputError naming the waypoint when none is near or no path connects.
    core::Wkb route(const std::vector<std::pair<double, double>>& waypoints, double maxSnapM = 50.0) const;
    // Length in metres of the route() result for the same waypoints.
    double routeLength(const std::vector<std::pair<double, double>>& waypoints, double maxSnapM = 50.0) const;

private:
    struct Impl;
    explicit RoadGraph(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace lb::edit
