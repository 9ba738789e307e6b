#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "geo/geos_context.hpp"
#include "geo/wkb.hpp"

using namespace lb;

TEST(Wkb, BuildsAndReadsGeometries) {
    const auto point = geo::pointWkb(1.5, -2.5);
    EXPECT_EQ(point.size(), 21u);
    EXPECT_EQ(geo::wkbType(point), geo::WkbType::Point);
    const auto square = geo::polygonWkb({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}});
    const auto coords = geo::wkbCoordinates(square);
    ASSERT_EQ(coords.size(), 5u);  // ring closed by the builder
    EXPECT_EQ(coords.front(), coords.back());
    const auto box = geo::wkbEnvelope(square);
    EXPECT_EQ(box.minX, 0);
    EXPECT_EQ(box.maxY, 10);
}

TEST(Wkb, NormalisesBigEndianAndPromotesPolygons) {
    // POINT(1 2) in big-endian WKB.
    core::Wkb be = {0x00, 0, 0, 0, 1, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x40, 0x00, 0, 0, 0, 0, 0, 0};
    geo::normalizeWkb(be);
    EXPECT_EQ(be, geo::pointWkb(1, 2));
    auto polygon = geo::polygonWkb({{{0, 0}, {1, 0}, {1, 1}}});
    geo::promoteToMulti(polygon);
    EXPECT_EQ(geo::wkbType(polygon), geo::WkbType::MultiPolygon);
    EXPECT_EQ(polygon, geo::multiPolygonWkb({{{{0, 0}, {1, 0}, {1, 1}}}}));
}

TEST(Wkb, ReportsBrokenBlobs) {
    auto point = geo::pointWkb(1, 2);
    point.pop_back();
    EXPECT_NE(geo::wkbProblem(point), "");
    EXPECT_THROW(geo::wkbEnvelope(point), core::InputError);
    core::Wkb z = geo::pointWkb(1, 2);
    z[1] = 0xE9;  // 1001 = Point Z
    z[2] = 0x03;
    EXPECT_NE(geo::wkbProblem(z), "");
    EXPECT_NE(geo::wkbProblem(geo::pointWkb(std::nan(""), 0)), "");
}

TEST(GeosContext, FindsSelfIntersectionsAndPointsOnSurface) {
    geo::GeosContext geos;
    const auto bowTie = geo::polygonWkb({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}});
    EXPECT_NE(geos.invalidReason(bowTie).find("Self-intersection"), std::string::npos);
    const auto fixed = geos.makeValid(bowTie);
    EXPECT_EQ(geos.invalidReason(fixed), "");
    EXPECT_NEAR(geos.area(fixed), 50.0, 1e-9);
    // A U shape: its centroid lies outside, its point on surface inside.
    const auto u = geo::polygonWkb({{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}}});
    const auto [x, y] = geos.pointOnSurface(u);
    EXPECT_TRUE((x < 10 || x > 20) || y < 10) << x << " " << y;
}
