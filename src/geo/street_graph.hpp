#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace lb::geo {

// A street network as a graph: nodes with planar coordinates, undirected edges weighted by their length,
// shortest paths by Dijkstra. The one graph the streetwork route editor (edit::RoadGraph, built from the
// project's roads) and the demo town's routes are found on.
class StreetGraph {
public:
    std::uint32_t addNode(double x, double y);
    // Joins two nodes by an edge as long as the straight line between them; an edge from a node to itself
    // is no edge.
    void addEdge(std::uint32_t a, std::uint32_t b);

    std::size_t nodeCount() const { return m_nodes.size(); }
    std::size_t edgeCount() const { return m_edgeCount; }
    const std::pair<double, double>& node(std::uint32_t i) const { return m_nodes[i]; }

    // The node with at least one edge nearest to (x, y) and its distance; nothing in a graph without edges.
    std::optional<std::pair<std::uint32_t, double>> nearestConnected(double x, double y) const;
    // Dijkstra from `from` to `to`: appends the nodes after `from` up to `to` to `path` and returns the
    // length; nothing (and `path` unchanged) when they are not connected. 0 when from == to.
    std::optional<double> shortestPath(std::uint32_t from, std::uint32_t to, std::vector<std::uint32_t>& path) const;

private:
    struct Edge {
        std::uint32_t to;
        double length;
    };
    std::vector<std::pair<double, double>> m_nodes;
    std::vector<std::vector<Edge>> m_edges;
    std::size_t m_edgeCount = 0;
};

}  // namespace lb::geo
