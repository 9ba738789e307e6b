#include "render/point_lod.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>

using namespace lb::render;

namespace {

// Clustered points like incidents in a town: a few dense hotspots over a sparse background.
std::vector<double> clusteredPoints(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uniform(0, 4000);
    std::normal_distribution<double> spread(0, 40);
    std::vector<double> xy;
    for (std::size_t i = 0; i < n; ++i) {
        const bool hot = i % 3 != 0;
        const double cx = hot ? 1000 + 800 * static_cast<double>(i % 4) : 0, cy = hot ? 1500 : 0;
        xy.push_back(hot ? 325000 + cx + spread(rng) : 325000 + uniform(rng));
        xy.push_back(hot ? 5631000 + cy + spread(rng) : 5631000 + uniform(rng));
    }
    return xy;
}

lb::core::BBox extentOf(const std::vector<double>& xy) {
    lb::core::BBox box;
    for (std::size_t i = 0; i + 1 < xy.size(); i += 2) box.add(xy[i], xy[i + 1]);
    return box;
}

std::pair<std::int64_t, std::int64_t> cellOf(const PointGrid& grid, double cell, double x, double y) {
    return {static_cast<std::int64_t>(std::floor((x - grid.minX) / cell)),
            static_cast<std::int64_t>(std::floor((y - grid.minY) / cell))};
}

}  // namespace

TEST(PointLod, MortonCodeInterleavesBits) {
    EXPECT_EQ(mortonCode(0, 0), 0u);
    EXPECT_EQ(mortonCode(1, 0), 1u);
    EXPECT_EQ(mortonCode(0, 1), 2u);
    EXPECT_EQ(mortonCode(3, 3), 15u);
    EXPECT_EQ(mortonCode(0xffff, 0xffff), 0xffffffffu);
}

TEST(PointLod, LevelZeroHoldsEveryPointOnceAndCoarserLevelsConserveTheCount) {
    const auto xy = clusteredPoints(20000, 3);
    const PointGrid grid = PointGrid::covering(extentOf(xy));
    const PointLod lod = buildPointLod(grid, xy);
    ASSERT_GE(lod.levels.size(), 3u);
    EXPECT_EQ(lod.levels[0].cellSize, 0);
    EXPECT_EQ(lod.levels[0].count(), 20000u);
    std::set<std::uint32_t> seen(lod.source.begin(), lod.source.begin() + 20000);
    EXPECT_EQ(seen.size(), 20000u);
    for (std::size_t l = 0; l < lod.levels.size(); ++l) {
        const PointLevel& level = lod.levels[l];
        const double sum =
            std::accumulate(lod.weight.begin() + static_cast<std::ptrdiff_t>(level.first),
                            lod.weight.begin() + static_cast<std::ptrdiff_t>(level.first + level.count()), 0.0);
        EXPECT_EQ(sum, 20000.0) << "level " << l;
        EXPECT_EQ(level.tilePoints[kPointTiles], 20000u) << "level " << l;
        if (l > 0) {
            EXPECT_GT(level.cellSize, lod.levels[l - 1].cellSize);
            EXPECT_LE(static_cast<double>(level.count()), 0.6 * static_cast<double>(lod.levels[l - 1].count()));
        }
    }
    EXPECT_LE(lod.source.size(), static_cast<std::size_t>(20000 / (1 - 0.6)));
}

TEST(PointLod, EachCellOfALevelHasExactlyOneRepresentativeWithTheCellsCount) {
    const auto xy = clusteredPoints(5000, 5);
    const PointGrid grid = PointGrid::covering(extentOf(xy));
    const PointLod lod = buildPointLod(grid, xy);
    ASSERT_GE(lod.levels.size(), 2u);
    for (std::size_t l = 1; l < lod.levels.size(); ++l) {
        const PointLevel& level = lod.levels[l];
        // Count the input points per cell independently, then compare with the level's instances.
        std::map<std::pair<std::int64_t, std::int64_t>, int> counts;
        for (std::size_t i = 0; i < xy.size() / 2; ++i)
            ++counts[cellOf(grid, level.cellSize, xy[2 * i], xy[2 * i + 1])];
        ASSERT_EQ(counts.size(), level.count()) << "level " << l;
        for (std::size_t k = level.first; k < level.first + level.count(); ++k) {
            const std::uint32_t s = lod.source[k];
            const auto cell = cellOf(grid, level.cellSize, xy[2 * s], xy[2 * s + 1]);
            ASSERT_EQ(counts.count(cell), 1u);
            EXPECT_EQ(lod.weight[k], static_cast<float>(counts[cell])) << "level " << l;
            counts.erase(cell);  // a second representative of the same cell would fail above
        }
    }
}

TEST(PointLod, LevelForPicksTheCoarsestLevelWithinTheCellLimit) {
    const auto xy = clusteredPoints(5000, 7);
    const PointLod lod = buildPointLod(PointGrid::covering(extentOf(xy)), xy);
    EXPECT_EQ(&levelFor(lod.levels, 0), &lod.levels[0]);
    EXPECT_EQ(&levelFor(lod.levels, 1e9), &lod.levels.back());
    const double limit = lod.levels[1].cellSize * 1.5;
    const PointLevel& chosen = levelFor(lod.levels, limit);
    EXPECT_LE(chosen.cellSize, limit);
    EXPECT_EQ(&chosen, &lod.levels[1]);
}

TEST(PointLod, VisibleRangesCoverEveryPointInTheBoxAndSkipFarTiles) {
    const auto xy = clusteredPoints(20000, 11);
    const PointGrid grid = PointGrid::covering(extentOf(xy));
    const PointLod lod = buildPointLod(grid, xy);
    const PointLevel& level = lod.levels[0];
    lb::core::BBox box;
    box.add(325900, 5632300);
    box.add(326300, 5632700);
    const auto ranges = visibleRanges(level, grid, box);
    std::set<std::uint32_t> drawn;
    std::size_t represented = 0;
    for (const auto& r : ranges) {
        for (std::size_t k = r.offset; k < r.offset + r.count; ++k) drawn.insert(lod.source[level.first + k]);
        represented += r.points;
    }
    std::size_t inside = 0;
    for (std::uint32_t i = 0; i < xy.size() / 2; ++i) {
        if (!box.contains(xy[2 * i], xy[2 * i + 1])) continue;
        ++inside;
        EXPECT_TRUE(drawn.count(i)) << "point " << i << " inside the box is not drawn";
    }
    EXPECT_GT(inside, 100u);
    EXPECT_EQ(represented, drawn.size());
    EXPECT_LT(drawn.size(), xy.size() / 2 / 4) << "culling should skip most of the town";
    for (std::size_t i = 1; i < ranges.size(); ++i) {
        EXPECT_GT(ranges[i].offset, ranges[i - 1].offset + ranges[i - 1].count) << "adjacent ranges are merged";
    }
}

TEST(PointLod, EmptyAndDegenerateInput) {
    const PointLod empty = buildPointLod(PointGrid{}, {});
    ASSERT_EQ(empty.levels.size(), 1u);
    EXPECT_EQ(empty.levels[0].count(), 0u);
    // Every point at one spot: all levels collapse to one instance of weight n.
    const std::vector<double> same(2000, 42.0);
    const PointLod one = buildPointLod(PointGrid::covering(extentOf(same)), same);
    EXPECT_EQ(one.levels.back().count(), 1u);
    EXPECT_EQ(one.weight.back(), 1000.0f);
}

// The coarsest level (one cell for the whole grid) merges points of opposite corners. Its key shift equals
// the key's width: the old code shifted by 32 bits (undefined; UBSan in the GUI walkthrough) and kept both.
TEST(PointLod, OppositeCornersMeetOnlyInTheCoarsestLevel) {
    lb::core::BBox box;
    box.add(325000, 5631000);
    box.add(329000, 5635000);
    const PointGrid grid = PointGrid::covering(box);
    const std::vector<double> xy{grid.minX + 1, grid.minY + 1, grid.minX + grid.size - 1, grid.minY + grid.size - 1};
    const PointLod lod = buildPointLod(grid, xy);
    ASSERT_GE(lod.levels.size(), 2u);
    const PointLevel& coarsest = lod.levels.back();
    EXPECT_EQ(coarsest.count(), 1u);
    EXPECT_EQ(lod.weight[coarsest.first], 2.0f);
}
