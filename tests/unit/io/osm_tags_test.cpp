#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/osm_tags.hpp"

using namespace lb;
using io::OsmGeometryKind;

TEST(OsmTags, ParsesGdalHstoreWithEscapes) {
    const auto tags = io::parseHstoreTags(R"("name"=>"Caf\"e \\ Ost","amenity"=>"cafe","note"=>"a,b=>c")");
    ASSERT_EQ(tags.size(), 3u);
    EXPECT_EQ(tags[0].second, "Caf\"e \\ Ost");
    EXPECT_EQ(*io::findTag(tags, "amenity"), "cafe");
    EXPECT_EQ(*io::findTag(tags, "note"), "a,b=>c");
    EXPECT_TRUE(io::parseHstoreTags("").empty());
    EXPECT_THROW(io::parseHstoreTags(R"("name"=>)"), core::InputError);
    EXPECT_THROW(io::parseHstoreTags(R"("a"->"b")"), core::InputError);
}

TEST(OsmTags, ClassifiesIntoLayers) {
    using core::LayerId;
    using V = std::vector<LayerId>;
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Line, {{"highway", "residential"}}), V{LayerId::Roads});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Line, {{"railway", "rail"}}), V{LayerId::Railways});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Line, {{"railway", "platform"}}), V{});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Line, {{"waterway", "river"}}), V{LayerId::Water});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"building", "school"}, {"amenity", "school"}}),
              (V{LayerId::Buildings, LayerId::Landuse, LayerId::Pois}));
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"building", "no"}, {"landuse", "grass"}}), V{LayerId::Landuse});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"natural", "water"}}), V{LayerId::Water});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"leisure", "park"}}), (V{LayerId::Landuse, LayerId::Pois}));
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"highway", "pedestrian"}, {"area", "yes"}}),
              V{LayerId::Landuse});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Point, {{"highway", "street_lamp"}}), V{LayerId::Pois});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Point, {{"highway", "crossing"}}), V{});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Point,
                              {{"amenity", "community_centre"}, {"community_centre", "youth_centre"}}),
              V{LayerId::Pois});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Point, {{"man_made", "surveillance"}}), V{LayerId::Pois});
    // Woods and scrub are land use (Angsträume are often there); a coastline closed into an area is not.
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"natural", "wood"}}), V{LayerId::Landuse});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"natural", "scrub"}}), V{LayerId::Landuse});
    EXPECT_EQ(io::classifyOsm(OsmGeometryKind::Area, {{"natural", "coastline"}}), V{});
}
