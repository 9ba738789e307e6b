#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/packed_rtree.hpp"

using namespace lb;

TEST(PackedRTree, SearchFindsExactlyTheIntersectingBoxes) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> pos(0, 1000), size(0, 20);
    std::vector<core::BBox> boxes(3000);
    for (auto& b : boxes) {
        const double x = pos(rng), y = pos(rng);
        b.add(x, y);
        if (rng() % 3) b.add(x + size(rng), y + size(rng));  // a third are points
    }
    boxes[17] = core::BBox{};  // a feature without geometry
    const engine::PackedRTree tree(boxes);
    EXPECT_EQ(tree.size(), boxes.size() - 1);
    for (int q = 0; q < 200; ++q) {
        core::BBox query;
        const double x = pos(rng), y = pos(rng);
        query.add(x, y);
        query.add(x + size(rng) * 5, y + size(rng) * 5);
        std::vector<std::size_t> found, expected;
        tree.search(query, [&](std::size_t i) { found.push_back(i); });
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const auto& b = boxes[i];
            if (!b.empty() && b.minX <= query.maxX && b.maxX >= query.minX && b.minY <= query.maxY &&
                b.maxY >= query.minY) {
                expected.push_back(i);
            }
        }
        std::sort(found.begin(), found.end());
        ASSERT_EQ(found, expected) << "query " << q;
    }
}

TEST(PackedRTree, EarlyExitStopsTheSearch) {
    std::vector<core::BBox> boxes(100);
    for (std::size_t i = 0; i < boxes.size(); ++i) boxes[i].add(static_cast<double>(i), 0);
    const engine::PackedRTree tree(boxes);
    core::BBox all;
    all.add(-1, -1);
    all.add(200, 1);
    int visits = 0;
    EXPECT_TRUE(tree.search(all, [&](std::size_t) { return ++visits == 3; }));
    EXPECT_EQ(visits, 3);
    core::BBox none;
    none.add(500, 500);
    EXPECT_FALSE(tree.search(none, [&](std::size_t) { return true; }));
}
