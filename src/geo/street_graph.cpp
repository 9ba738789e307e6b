#include "geo/street_graph.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>

namespace lb::geo {

std::uint32_t StreetGraph::addNode(double x, double y) {
    m_nodes.emplace_back(x, y);
    m_edges.emplace_back();
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
}

void StreetGraph::addEdge(std::uint32_t a, std::uint32_t b) {
    if (a == b) return;
    const double length = std::hypot(m_nodes[a].first - m_nodes[b].first, m_nodes[a].second - m_nodes[b].second);
    m_edges[a].push_back({b, length});
    m_edges[b].push_back({a, length});
    ++m_edgeCount;
}

std::optional<std::pair<std::uint32_t, double>> StreetGraph::nearestConnected(double x, double y) const {
    double best = std::numeric_limits<double>::infinity();
    std::optional<std::uint32_t> found;
    for (std::uint32_t i = 0; i < m_nodes.size(); ++i) {
        if (m_edges[i].empty()) continue;
        const double d = std::hypot(m_nodes[i].first - x, m_nodes[i].second - y);
        if (d < best) {
            best = d;
            found = i;
        }
    }
    if (!found) return std::nullopt;
    return std::pair{*found, best};
}

std::optional<double> StreetGraph::shortestPath(std::uint32_t from, std::uint32_t to,
                                                std::vector<std::uint32_t>& path) const {
    if (from == to) return 0.0;
    std::vector<double> distance(m_nodes.size(), std::numeric_limits<double>::infinity());
    std::vector<std::uint32_t> previous(m_nodes.size(), std::numeric_limits<std::uint32_t>::max());
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    distance[from] = 0;
    queue.push({0, from});
    while (!queue.empty()) {
        const auto [d, n] = queue.top();
        queue.pop();
        if (d > distance[n]) continue;
        if (n == to) break;
        for (const Edge& e : m_edges[n]) {
            if (d + e.length < distance[e.to]) {
                distance[e.to] = d + e.length;
                previous[e.to] = n;
                queue.push({distance[e.to], e.to});
            }
        }
    }
    if (!std::isfinite(distance[to])) return std::nullopt;
    std::vector<std::uint32_t> reversed;
    for (std::uint32_t n = to; n != from; n = previous[n]) reversed.push_back(n);
    path.insert(path.end(), reversed.rbegin(), reversed.rend());
    return distance[to];
}

}  // namespace lb::geo
