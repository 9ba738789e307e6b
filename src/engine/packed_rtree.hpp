#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "core/bbox.hpp"

namespace lb::engine {

// A static R-tree over boxes, packed bottom-up after sorting the boxes along a Hilbert curve (the
// "packed Hilbert R-tree" of Kamel & Faloutsos; the same layout as flatbush). Built once, read by any
// number of threads. Empty boxes (features without geometry) are left out.
class PackedRTree {
public:
    static constexpr std::size_t kNodeSize = 16;

    PackedRTree() = default;
    explicit PackedRTree(const std::vector<core::BBox>& boxes);

    // Calls visit(index) for every box that intersects `query` (boundaries touching count). When visit
    // returns bool, returning true stops the search; search then returns true.
    template <typename Visit>
    bool search(const core::BBox& query, Visit&& visit) const;

    std::size_t size() const { return m_count; }

private:
    struct Node {
        double minX, minY, maxX, maxY;
    };
    std::vector<Node> m_nodes;              // level by level, leaves first
    std::vector<std::uint32_t> m_indices;   // leaf slot → item index
    std::vector<std::size_t> m_levelStart;  // first node of each level, plus one past the end
    std::size_t m_count = 0;
};

template <typename Visit>
bool PackedRTree::search(const core::BBox& query, Visit&& visit) const {
    if (m_nodes.empty() || query.empty()) return false;
    // Stack of (level, node) pairs; children of node k at level L > 0 are nodes k*kNodeSize… of level L-1.
    std::uint32_t stack[64 * kNodeSize];
    int top = 0;
    const auto levels = m_levelStart.size() - 1;
    stack[top++] = static_cast<std::uint32_t>(levels - 1);
    stack[top++] = 0;
    while (top > 0) {
        const std::uint32_t node = stack[--top];
        const std::uint32_t level = stack[--top];
        const std::size_t childLevelStart = level == 0 ? 0 : m_levelStart[level - 1];
        const std::size_t childLevelEnd = level == 0 ? 0 : m_levelStart[level];
        const Node& n = m_nodes[m_levelStart[level] + node];
        if (n.maxX < query.minX || n.maxY < query.minY || n.minX > query.maxX || n.minY > query.maxY) continue;
        if (level == 0) {
            const auto index = static_cast<std::size_t>(m_indices[node]);
            if constexpr (std::is_same_v<decltype(visit(index)), bool>) {
                if (visit(index)) return true;
            } else {
                visit(index);
            }
            continue;
        }
        const std::size_t first = static_cast<std::size_t>(node) * kNodeSize;
        const std::size_t last = std::min(first + kNodeSize, childLevelEnd - childLevelStart);
        for (std::size_t c = first; c < last; ++c) {
            stack[top++] = level - 1;
            stack[top++] = static_cast<std::uint32_t>(c);
        }
    }
    return false;
}

}  // namespace lb::engine
