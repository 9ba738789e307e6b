#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "geo/planar.hpp"

using namespace lb::geo;

namespace {
using Ring = std::vector<std::pair<double, double>>;
auto at(const Ring& ring) {
    return [&ring](std::size_t i) { return ring[i]; };
}
}  // namespace

TEST(Planar, EvenOddRingTestOnASquareAndAnL) {
    const Ring square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    EXPECT_TRUE(planar::ringContains(square.size(), at(square), 5, 5));
    EXPECT_FALSE(planar::ringContains(square.size(), at(square), 15, 5));
    EXPECT_FALSE(planar::ringContains(square.size(), at(square), 5, -0.1));
    // An L: the notch at the upper right is outside.
    const Ring l{{0, 0}, {10, 0}, {10, 5}, {5, 5}, {5, 10}, {0, 10}, {0, 0}};  // closed: the repeat does no harm
    EXPECT_TRUE(planar::ringContains(l.size(), at(l), 2, 8));
    EXPECT_TRUE(planar::ringContains(l.size(), at(l), 8, 2));
    EXPECT_FALSE(planar::ringContains(l.size(), at(l), 8, 8));
    EXPECT_FALSE(planar::ringContains(0, at(l), 1, 1));
}

TEST(Planar, SignedAreaIsPositiveCounterClockwise) {
    const Ring ccw{{0, 0}, {4, 0}, {4, 3}, {0, 3}};
    const Ring cw{{0, 0}, {0, 3}, {4, 3}, {4, 0}};
    EXPECT_DOUBLE_EQ(planar::signedRingArea(ccw.size(), at(ccw)), 12.0);
    EXPECT_DOUBLE_EQ(planar::signedRingArea(cw.size(), at(cw)), -12.0);
}

TEST(Planar, ClosestPointAndDistanceToASegment) {
    // Beside the middle, beyond an end, and a segment of no length.
    EXPECT_DOUBLE_EQ(planar::segmentDistance(5, 3, 0, 0, 10, 0), 3.0);
    EXPECT_DOUBLE_EQ(planar::segmentDistance(13, 4, 0, 0, 10, 0), 5.0);
    EXPECT_DOUBLE_EQ(planar::segmentDistanceSquared(13, 4, 0, 0, 10, 0), 25.0);
    EXPECT_DOUBLE_EQ(planar::segmentDistance(3, 4, 0, 0, 0, 0), 5.0);
    EXPECT_EQ(planar::closestOnSegment(5, 3, 0, 0, 10, 0), (std::pair<double, double>{5, 0}));
    EXPECT_DOUBLE_EQ(planar::closestParameter(-2, 1, 0, 0, 10, 0), 0.0);
    EXPECT_DOUBLE_EQ(planar::closestParameter(12, 1, 0, 0, 10, 0), 1.0);
}
