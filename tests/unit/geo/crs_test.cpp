#include <gtest/gtest.h>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/wkb.hpp"

using namespace lb;

// Reference values for Glauchau, 12.5446 E 50.8196 N, computed independently of PROJ with Snyder's
// transverse Mercator series (GRS80, zone 33, k0 = 0.9996; "Map Projections — A Working Manual", 1987,
// eq. 8-9/8-10) in a few lines of Python: E 327048.945, N 5632637.495. gdaltransform agrees to 1 mm.
TEST(Crs, Wgs84ToUtm33MatchesKnownCoordinates) {
    geo::CrsTransform t("EPSG:4326", "EPSG:25833");
    double x = 12.5446, y = 50.8196;
    t.transform(x, y);
    EXPECT_NEAR(x, 327048.945, 0.01);
    EXPECT_NEAR(y, 5632637.495, 0.01);
    geo::CrsTransform back("EPSG:25833", "EPSG:4326");
    back.transform(x, y);
    EXPECT_NEAR(x, 12.5446, 1e-9);
    EXPECT_NEAR(y, 50.8196, 1e-9);
}

TEST(Crs, GaussKruegerZone4ToUtm33) {
    // EPSG:31468 (DHDN / 3-degree Gauss-Kruger zone 4) of the same place, as older Saxon data has it.
    geo::CrsTransform toGk("EPSG:4326", "EPSG:31468");
    double x = 12.5446, y = 50.8196;
    toGk.transform(x, y);
    EXPECT_GT(x, 4.3e6);  // zone number 4 prefixes the easting
    geo::CrsTransform toUtm("EPSG:31468", "EPSG:25833");
    toUtm.transform(x, y);
    EXPECT_NEAR(x, 327048.945, 5.0);  // the DHDN→ETRS89 datum shift round trip stays within metres
    EXPECT_NEAR(y, 5632637.495, 5.0);
}

TEST(Crs, ParsesAndValidatesCodes) {
    EXPECT_EQ(geo::parseCrs("EPSG:25833"), "EPSG:25833");
    EXPECT_EQ(geo::parseCrs("epsg:4326"), "EPSG:4326");
    EXPECT_EQ(geo::parseCrs("31468"), "EPSG:31468");
    EXPECT_THROW(geo::parseCrs("EPSG:999999"), core::InputError);
    EXPECT_THROW(geo::parseCrs("UTM33"), core::InputError);
    EXPECT_TRUE(geo::isProjectedMetric("EPSG:25833"));
    EXPECT_FALSE(geo::isProjectedMetric("EPSG:4326"));
}

TEST(Crs, TransformsWkbInPlace) {
    geo::CrsTransform t("EPSG:4326", "EPSG:25833");
    core::Wkb line = geo::lineStringWkb({{12.5446, 50.8196}, {12.5456, 50.8196}});
    geo::transformWkb(line, t);
    const auto coords = geo::wkbCoordinates(line);
    ASSERT_EQ(coords.size(), 2u);
    // 0.001 degree of longitude at 50.82 N is about 70.4 m.
    EXPECT_NEAR(coords[1].first - coords[0].first, 70.4, 0.5);
}

TEST(Crs, EpsgCodeOfADamagedValueIsAnInputErrorNamingIt) {
    EXPECT_EQ(geo::epsgCode("EPSG:25833"), 25833);
    for (const std::string crs : {"EPSG:abc", "EPSG:", "EPSG:99999999999", "EPSG:25833 ", "WGS84"}) {
        try {
            geo::epsgCode(crs);
            ADD_FAILURE() << crs << " was accepted";
        } catch (const core::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("'" + crs + "'"), std::string::npos) << e.what();
        }
    }
}
