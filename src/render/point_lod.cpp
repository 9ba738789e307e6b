#include "render/point_lod.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace lb::render {
namespace {

constexpr std::uint32_t kGridCells = 1u << kPointGridBits;
constexpr int kTileShift = 2 * (kPointGridBits - kPointTileBits);

std::uint32_t spreadBits(std::uint32_t v) {
    v &= 0xffffu;
    v = (v | (v << 8)) & 0x00ff00ffu;
    v = (v | (v << 4)) & 0x0f0f0f0fu;
    v = (v | (v << 2)) & 0x33333333u;
    v = (v | (v << 1)) & 0x55555555u;
    return v;
}

std::uint32_t compactBits(std::uint32_t v) {
    v &= 0x55555555u;
    v = (v | (v >> 1)) & 0x33333333u;
    v = (v | (v >> 2)) & 0x0f0f0f0fu;
    v = (v | (v >> 4)) & 0x00ff00ffu;
    v = (v | (v >> 8)) & 0x0000ffffu;
    return v;
}

std::uint32_t cellIndex(double value, double origin, double size) {
    const double t = (value - origin) / size * kGridCells;
    if (!(t > 0)) return 0;  // also NaN
    return static_cast<std::uint32_t>(std::min(t, static_cast<double>(kGridCells - 1)));
}

// Appends a level made of the given instances (Morton order) and fills its tile table.
void appendLevel(PointLod& lod, double cellSize, const std::vector<std::uint32_t>& keys,
                 const std::vector<std::uint32_t>& source, const std::vector<float>& weight) {
    PointLevel level;
    level.cellSize = cellSize;
    level.first = lod.source.size();
    std::size_t i = 0;
    double points = 0;
    for (int t = 0; t < kPointTiles; ++t) {
        level.tileStart[static_cast<std::size_t>(t)] = static_cast<std::uint32_t>(i);
        level.tilePoints[static_cast<std::size_t>(t)] = static_cast<std::uint32_t>(points);
        for (; i < keys.size() && static_cast<int>(keys[i] >> kTileShift) == t; ++i) points += weight[i];
    }
    level.tileStart[kPointTiles] = static_cast<std::uint32_t>(keys.size());
    level.tilePoints[kPointTiles] = static_cast<std::uint32_t>(points);
    lod.source.insert(lod.source.end(), source.begin(), source.end());
    lod.weight.insert(lod.weight.end(), weight.begin(), weight.end());
    lod.levels.push_back(level);
}

}  // namespace

std::uint32_t mortonCode(std::uint32_t ix, std::uint32_t iy) {
    return spreadBits(ix) | (spreadBits(iy) << 1);
}

PointGrid PointGrid::covering(const core::BBox& extent) {
    if (extent.empty()) return {};
    PointGrid grid;
    grid.minX = extent.minX;
    grid.minY = extent.minY;
    // A little margin so that the maximum coordinate falls inside the last cell, not on its border.
    grid.size = std::max({extent.width(), extent.height(), 1.0}) * (1.0 + 1e-9) + 1e-6;
    return grid;
}

double PointGrid::cellSize(int level) const {
    return size / kGridCells * std::ldexp(1.0, level);
}

const PointLevel& levelFor(const std::vector<PointLevel>& levels, double maxCellSize) {
    const PointLevel* best = &levels.front();
    for (const PointLevel& level : levels) {
        if (level.cellSize <= maxCellSize) best = &level;
    }
    return *best;
}

PointLod buildPointLod(const PointGrid& grid, const std::vector<double>& xy, double keepRatio) {
    PointLod lod;
    lod.grid = grid;
    const std::size_t n = xy.size() / 2;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t ix = cellIndex(xy[2 * i], grid.minX, grid.size);
        const std::uint32_t iy = cellIndex(xy[2 * i + 1], grid.minY, grid.size);
        keyed[i] = {mortonCode(ix, iy), static_cast<std::uint32_t>(i)};
    }
    std::sort(keyed.begin(), keyed.end());

    std::vector<std::uint32_t> keys(n), source(n);
    for (std::size_t i = 0; i < n; ++i) std::tie(keys[i], source[i]) = keyed[i];
    std::vector<float> weight(n, 1.0f);
    appendLevel(lod, 0, keys, source, weight);

    // Coarser levels from the level before: keys sorted by Morton code group every cell of level l.
    std::size_t lastKept = n;
    for (int level = 1; level <= kPointGridBits && !keys.empty(); ++level) {
        const int shift = 2 * level;
        // The cell of a key at this level; at level 16 (shift 32) every point lies in the one cell (a shift
        // by the type's width is undefined behaviour, found by UBSan in the GUI walkthrough).
        auto cell = [shift](std::uint32_t key) { return shift >= 32 ? 0u : key >> shift; };
        std::size_t out = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (out > 0 && cell(keys[out - 1]) == cell(keys[i])) {
                weight[out - 1] += weight[i];
                continue;
            }
            keys[out] = keys[i];
            source[out] = source[i];
            weight[out] = weight[i];
            ++out;
        }
        keys.resize(out);
        source.resize(out);
        weight.resize(out);
        if (static_cast<double>(out) <= keepRatio * static_cast<double>(lastKept)) {
            appendLevel(lod, grid.cellSize(level), keys, source, weight);
            lastKept = out;
        }
    }
    return lod;
}

std::vector<PointRange> visibleRanges(const PointLevel& level, const PointGrid& grid, const core::BBox& box) {
    std::vector<PointRange> ranges;
    const double tile = grid.tileSize();
    for (int t = 0; t < kPointTiles; ++t) {
        const auto ti = static_cast<std::size_t>(t);
        const std::size_t begin = level.tileStart[ti], end = level.tileStart[ti + 1];
        const std::size_t points = level.tilePoints[ti + 1] - level.tilePoints[ti];
        if (begin == end) continue;
        const double x0 = grid.minX + compactBits(static_cast<std::uint32_t>(t)) * tile;
        const double y0 = grid.minY + compactBits(static_cast<std::uint32_t>(t) >> 1) * tile;
        if (x0 > box.maxX || x0 + tile < box.minX || y0 > box.maxY || y0 + tile < box.minY) continue;
        if (!ranges.empty() && ranges.back().offset + ranges.back().count == begin) {
            ranges.back().count += end - begin;
            ranges.back().points += points;
        } else {
            ranges.push_back({begin, end - begin, points});
        }
    }
    return ranges;
}

}  // namespace lb::render
