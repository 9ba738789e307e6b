#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "engine/geometry_column.hpp"
#include "geo/wkb.hpp"

using namespace lb;
using engine::GeometryColumn;

namespace {

// A 10×10 square at (100, 100) with a 4×4 hole in its middle.
core::Wkb squareWithHole() {
    return geo::polygonWkb(
        {{{100, 100}, {110, 100}, {110, 110}, {100, 110}}, {{103, 103}, {103, 107}, {107, 107}, {107, 103}}});
}

}  // namespace

TEST(GeometryColumn, PointInPolygonRespectsHolesAndMultiParts) {
    GeometryColumn column;
    column.append(squareWithHole());
    column.append(geo::multiPolygonWkb({{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, {{{5, 5}, {6, 5}, {6, 6}, {5, 6}}}}));
    EXPECT_TRUE(column.containsPoint(0, 101, 101));
    EXPECT_FALSE(column.containsPoint(0, 105, 105));  // in the hole
    EXPECT_TRUE(column.containsPoint(0, 108, 105));
    EXPECT_FALSE(column.containsPoint(0, 111, 105));
    EXPECT_TRUE(column.containsPoint(1, 0.5, 0.5));
    EXPECT_TRUE(column.containsPoint(1, 5.5, 5.5));
    EXPECT_FALSE(column.containsPoint(1, 3, 3));
    EXPECT_FALSE(column.allPoints());
}

TEST(GeometryColumn, DistanceToPointsLinesAndPolygons) {
    GeometryColumn column;
    column.appendPoint(0, 0);
    column.append(geo::lineStringWkb({{0, 0}, {10, 0}, {10, 10}}));
    column.append(squareWithHole());
    column.appendEmpty();
    EXPECT_DOUBLE_EQ(column.distanceToPoint(0, 3, 4), 5.0);
    EXPECT_DOUBLE_EQ(column.distanceToPoint(1, 5, 2), 2.0);
    EXPECT_DOUBLE_EQ(column.distanceToPoint(1, 13, 5), 3.0);
    EXPECT_DOUBLE_EQ(column.distanceToPoint(1, -3, -4), 5.0);
    EXPECT_DOUBLE_EQ(column.distanceToPoint(2, 101, 101), 0.0);  // inside
    EXPECT_DOUBLE_EQ(column.distanceToPoint(2, 105, 105), 2.0);  // in the hole: 2 m to its edge
    EXPECT_DOUBLE_EQ(column.distanceToPoint(2, 113, 114), 5.0);  // off the corner
    EXPECT_TRUE(std::isinf(column.distanceToPoint(3, 0, 0)));
    EXPECT_TRUE(column.box(3).empty());
}

TEST(GeometryColumn, CentroidOfAPolygonWithAHoleWhateverTheWinding) {
    GeometryColumn column;
    // Shell counter-clockwise; a hole in the left half moves the centroid right.
    column.append(geo::polygonWkb({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{1, 4}, {3, 4}, {3, 6}, {1, 6}}}));
    // The same with a clockwise shell.
    column.append(geo::polygonWkb({{{0, 0}, {0, 10}, {10, 10}, {10, 0}}, {{1, 4}, {1, 6}, {3, 6}, {3, 4}}}));
    for (std::size_t f = 0; f < 2; ++f) {
        const auto [x, y] = column.representativePoint(f);
        // Area 100 with centroid (5,5) minus area 4 at (2,5): x = (500 - 8) / 96.
        EXPECT_NEAR(x, 492.0 / 96.0, 1e-12);
        EXPECT_NEAR(y, 5.0, 1e-12);
    }
}

TEST(GeometryColumn, WkbRoundTripKeepsEveryCoordinate) {
    const std::vector<core::Wkb> inputs = {
        geo::pointWkb(1, 2), geo::lineStringWkb({{0, 0}, {1, 1}, {2, 0}}), squareWithHole(),
        geo::multiPolygonWkb(
            {{{{0, 0}, {1, 0}, {1, 1}}}, {{{5, 5}, {6, 5}, {6, 6}}, {{5.2, 5.1}, {5.8, 5.1}, {5.8, 5.5}}}})};
    GeometryColumn column;
    for (const auto& wkb : inputs) column.append(wkb);
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        EXPECT_EQ(column.toWkb(f), inputs[f]) << "feature " << f;
    }
}

TEST(GeometryColumn, TruncatedWkbIsAnInputErrorAndLeavesTheColumnUnchanged) {
    GeometryColumn column;
    column.appendPoint(1, 1);
    core::Wkb bad = geo::lineStringWkb({{0, 0}, {1, 1}});
    bad.resize(bad.size() - 3);
    EXPECT_THROW(column.append(bad), core::InputError);
    EXPECT_EQ(column.size(), 1u);
    column.appendPoint(2, 2);
    EXPECT_TRUE(column.allPoints());
    EXPECT_DOUBLE_EQ(column.pointX(1), 2.0);
}
