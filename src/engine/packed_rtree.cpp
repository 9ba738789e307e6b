#include "engine/packed_rtree.hpp"

#include <algorithm>
#include <numeric>

namespace lb::engine {
namespace {

// Hilbert index of (x, y) on a 2^16 × 2^16 grid (Warren, "Hacker's Delight", as used by flatbush).
std::uint32_t hilbert(std::uint32_t x, std::uint32_t y) {
    std::uint32_t a = x ^ y;
    std::uint32_t b = 0xFFFF ^ a;
    std::uint32_t c = 0xFFFF ^ (x | y);
    std::uint32_t d = x & (y ^ 0xFFFF);
    std::uint32_t A = a | (b >> 1);
    std::uint32_t B = (a >> 1) ^ a;
    std::uint32_t C = ((c >> 1) ^ (b & (d >> 1))) ^ c;
    std::uint32_t D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;
    a = A;
    b = B;
    c = C;
    d = D;
    A = ((a & (a >> 2)) ^ (b & (b >> 2)));
    B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
    C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
    D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));
    a = A;
    b = B;
    c = C;
    d = D;
    A = ((a & (a >> 4)) ^ (b & (b >> 4)));
    B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
    C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
    D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));
    a = A;
    b = B;
    c = C;
    d = D;
    C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
    D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));
    a = C ^ (C >> 1);
    b = D ^ (D >> 1);
    std::uint32_t i0 = x ^ y;
    std::uint32_t i1 = b | (0xFFFF ^ (i0 | a));
    i0 = (i0 | (i0 << 8)) & 0x00FF00FF;
    i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333;
    i0 = (i0 | (i0 << 1)) & 0x55555555;
    i1 = (i1 | (i1 << 8)) & 0x00FF00FF;
    i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333;
    i1 = (i1 | (i1 << 1)) & 0x55555555;
    return (i1 << 1) | i0;
}

}  // namespace

PackedRTree::PackedRTree(const std::vector<core::BBox>& boxes) {
    core::BBox all;
    for (const auto& b : boxes) all.add(b);
    for (std::uint32_t i = 0; i < boxes.size(); ++i) {
        if (!boxes[i].empty()) m_indices.push_back(i);
    }
    m_count = m_indices.size();
    if (m_count == 0) return;
    const double w = all.width() > 0 ? all.width() : 1.0;
    const double h = all.height() > 0 ? all.height() : 1.0;
    std::vector<std::uint32_t> keys(boxes.size());
    for (std::uint32_t i : m_indices) {
        const auto& b = boxes[i];
        const auto hx = static_cast<std::uint32_t>(0xFFFF * ((b.minX + b.maxX) / 2 - all.minX) / w);
        const auto hy = static_cast<std::uint32_t>(0xFFFF * ((b.minY + b.maxY) / 2 - all.minY) / h);
        keys[i] = hilbert(hx, hy);
    }
    std::sort(m_indices.begin(), m_indices.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b] || (keys[a] == keys[b] && a < b); });

    m_levelStart.push_back(0);
    for (std::uint32_t i : m_indices) {
        const auto& b = boxes[i];
        m_nodes.push_back({b.minX, b.minY, b.maxX, b.maxY});
    }
    m_levelStart.push_back(m_nodes.size());
    std::size_t levelBegin = 0;
    while (m_nodes.size() - levelBegin > 1) {
        const std::size_t levelEnd = m_nodes.size();
        for (std::size_t first = levelBegin; first < levelEnd; first += kNodeSize) {
            Node parent = m_nodes[first];
            for (std::size_t c = first + 1; c < std::min(first + kNodeSize, levelEnd); ++c) {
                const Node& n = m_nodes[c];
                parent.minX = std::min(parent.minX, n.minX);
                parent.minY = std::min(parent.minY, n.minY);
                parent.maxX = std::max(parent.maxX, n.maxX);
                parent.maxY = std::max(parent.maxY, n.maxY);
            }
            m_nodes.push_back(parent);
        }
        levelBegin = levelEnd;
        m_levelStart.push_back(m_nodes.size());
    }
}

}  // namespace lb::engine
