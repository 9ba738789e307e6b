#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/bbox.hpp"

namespace lb::render {

// Level of detail for dense point layers (1,000,000 incidents at district scale).
//
// The points are put in Morton (Z) order on a 2^16 × 2^16 grid laid over the layer's extent. Level 0
// holds every point. Each coarser level keeps one representative per grid cell of that level's size and
// gives it a weight: the number of points it stands for. A level is only drawn while its cells are a
// fraction of a pixel wide (the caller chooses, see PointLod::levelFor), so the points of one cell cover
// the same pixels; drawing the representative with alpha 1 − (1 − a)^weight then gives the same colour
// as drawing all of them with alpha a on top of each other. The grid's 16 × 16 tiles are contiguous in
// Morton order, so the part of a level inside the view is a few instance ranges.

inline constexpr int kPointGridBits = 16;
inline constexpr int kPointTileBits = 4;
inline constexpr int kPointTiles = 1 << (2 * kPointTileBits);

// The square the Morton grid covers.
struct PointGrid {
    double minX = 0;
    double minY = 0;
    double size = 1;  // metres

    static PointGrid covering(const core::BBox& extent);
    double cellSize(int level) const;  // level 0: the finest grid cell
    double tileSize() const { return size / (1 << kPointTileBits); }
};

struct PointLevel {
    double cellSize = 0;    // metres; 0 for level 0 (every point)
    std::size_t first = 0;  // first instance of this level in PointLod::source / weight
    std::array<std::uint32_t, kPointTiles + 1> tileStart{};   // instances before tile t, relative to first
    std::array<std::uint32_t, kPointTiles + 1> tilePoints{};  // input points represented before tile t

    std::size_t count() const { return tileStart[kPointTiles]; }
};

struct PointLod {
    PointGrid grid;
    std::vector<std::uint32_t> source;  // per instance: index of the input point it is (or represents)
    std::vector<float> weight;          // per instance: number of input points it stands for
    std::vector<PointLevel> levels;     // level 0 (every point, in Morton order) first, then coarser
};

// The coarsest of `levels` (finest first, not empty) whose cells are at most maxCellSize metres wide;
// level 0 when none is.
const PointLevel& levelFor(const std::vector<PointLevel>& levels, double maxCellSize);

// Builds the levels for points xy (x0, y0, x1, y1, ...). A coarser level is kept only when it has at most
// `keepRatio` of the instances of the last kept level, so all levels together stay below
// n / (1 − keepRatio) instances.
PointLod buildPointLod(const PointGrid& grid, const std::vector<double>& xy, double keepRatio = 0.6);

// A run of instances of one level: offset relative to level.first, instance count, and the number of
// input points they represent.
struct PointRange {
    std::size_t offset = 0;
    std::size_t count = 0;
    std::size_t points = 0;
};

// The instance ranges of the tiles that intersect `box`; adjacent tiles are merged.
std::vector<PointRange> visibleRanges(const PointLevel& level, const PointGrid& grid, const core::BBox& box);

// Morton code of grid cell (ix, iy), 16 bits each.
std::uint32_t mortonCode(std::uint32_t ix, std::uint32_t iy);

}  // namespace lb::render
