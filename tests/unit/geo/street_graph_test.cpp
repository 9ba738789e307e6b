#include <gtest/gtest.h>

#include <vector>

#include "geo/street_graph.hpp"

using lb::geo::StreetGraph;

// A square block with a diagonal footpath: the path is shorter than going round.
TEST(StreetGraph, DijkstraTakesTheShortestWayAndSaysWhenThereIsNone) {
    StreetGraph g;
    const auto a = g.addNode(0, 0), b = g.addNode(100, 0), c = g.addNode(100, 100), d = g.addNode(0, 100);
    const auto island = g.addNode(500, 500), islandEnd = g.addNode(510, 500);
    g.addEdge(a, b);
    g.addEdge(b, c);
    g.addEdge(c, d);
    g.addEdge(d, a);
    g.addEdge(a, c);  // the diagonal, 141 m instead of 200 m
    g.addEdge(island, islandEnd);
    g.addEdge(b, b);  // no edge
    EXPECT_EQ(g.edgeCount(), 6u);
    std::vector<std::uint32_t> path;
    const auto length = g.shortestPath(a, c, path);
    ASSERT_TRUE(length);
    EXPECT_NEAR(*length, 141.421356, 1e-6);
    EXPECT_EQ(path, (std::vector<std::uint32_t>{c}));
    path.clear();
    EXPECT_NEAR(*g.shortestPath(b, d, path), 200.0, 1e-9);  // b–a–d or b–c–d, both 200 m
    EXPECT_EQ(path.size(), 2u);
    EXPECT_EQ(path.back(), d);
    path.clear();
    EXPECT_FALSE(g.shortestPath(a, island, path));
    EXPECT_TRUE(path.empty());
    EXPECT_EQ(*g.shortestPath(a, a, path), 0.0);
}

TEST(StreetGraph, TheNearestNodeMustHaveAnEdge) {
    StreetGraph g;
    EXPECT_FALSE(g.nearestConnected(0, 0));
    const auto lonely = g.addNode(1, 1);
    const auto p = g.addNode(10, 0), q = g.addNode(20, 0);
    g.addEdge(p, q);
    const auto found = g.nearestConnected(0, 0);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->first, p);
    EXPECT_DOUBLE_EQ(found->second, 10.0);
    EXPECT_NE(found->first, lonely);
}
