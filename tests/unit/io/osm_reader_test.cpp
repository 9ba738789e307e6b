#include <gtest/gtest.h>

#include <map>

#include "core/error.hpp"
#include "geo/wkb.hpp"
#include "io/osm_reader.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";

std::map<core::LayerId, int> readCounts(const std::filesystem::path& file) {
    std::map<core::LayerId, int> counts;
    io::OsmReader(file).read([&](const io::OsmFeature& f) { ++counts[f.layer]; }, core::Progress::none());
    return counts;
}

std::string expectInputError(const std::filesystem::path& file) {
    try {
        readCounts(file);
    } catch (const core::InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no InputError for " << file;
    return {};
}

}  // namespace

TEST(OsmReader, ReadsEveryLayerOfTheFixture) {
    const auto counts = readCounts(test::fixture(kFixture));
    EXPECT_EQ(counts.at(core::LayerId::Roads), 2);
    EXPECT_EQ(counts.at(core::LayerId::Buildings), 2);  // a way and a multipolygon relation
    EXPECT_EQ(counts.at(core::LayerId::Landuse), 1);    // the park
    EXPECT_EQ(counts.at(core::LayerId::Water), 2);      // river line and pond polygon
    EXPECT_EQ(counts.at(core::LayerId::Railways), 1);
    EXPECT_EQ(counts.at(core::LayerId::Pois), 5);  // school, lamp, bench, alcohol shop, park
}

TEST(OsmReader, KeepsIdsTagsAndHoles) {
    bool sawPark = false, sawSchool = false, sawCourtyard = false;
    io::OsmReader(test::fixture(kFixture))
        .read(
            [&](const io::OsmFeature& f) {
                if (f.layer == core::LayerId::Landuse) {
                    sawPark = true;
                    EXPECT_STREQ(f.osmType, "relation");
                    EXPECT_EQ(f.osmId, 200);
                    EXPECT_EQ(geo::wkbType(f.geometry), geo::WkbType::MultiPolygon);
                    EXPECT_EQ(geo::wkbCoordinates(f.geometry).size(), 10u);  // outer + inner ring
                }
                if (f.layer == core::LayerId::Buildings && f.osmId == 201) {
                    sawCourtyard = true;
                    EXPECT_EQ(geo::wkbCoordinates(f.geometry).size(), 10u);
                }
                if (f.layer == core::LayerId::Pois && f.osmId == 10) {
                    sawSchool = true;
                    EXPECT_EQ(*io::findTag(*f.tags, "name"), "Oberschule Glückauf");
                    const auto c = geo::wkbCoordinates(f.geometry).at(0);
                    EXPECT_DOUBLE_EQ(c.first, 12.5446);
                    EXPECT_DOUBLE_EQ(c.second, 50.8196);
                }
            },
            core::Progress::none());
    EXPECT_TRUE(sawPark);
    EXPECT_TRUE(sawSchool);
    EXPECT_TRUE(sawCourtyard);
}

TEST(OsmReader, ReadsBzip2CompressedXml) {
    LAGEBILD_REQUIRE_PROGRAM("bzip2");
    test::TempDir dir;
    std::filesystem::copy_file(test::fixture(kFixture), dir / "town.osm");
    ASSERT_EQ(test::runProgram("bzip2", {(dir / "town.osm").string()}).exitCode, 0);
    EXPECT_EQ(readCounts(dir / "town.osm.bz2"), readCounts(test::fixture(kFixture)));
}

TEST(OsmReader, ReadsPbfAndRejectsATruncatedOne) {
    LAGEBILD_REQUIRE_PROGRAM("osmium");
    test::TempDir dir;
    ASSERT_EQ(test::runProgram("osmium", {"cat", test::fixture(kFixture).string(), "-o", (dir / "t.osm.pbf").string()})
                  .exitCode,
              0);
    EXPECT_EQ(readCounts(dir / "t.osm.pbf"), readCounts(test::fixture(kFixture)));
    const std::string bytes = test::readFile(dir / "t.osm.pbf");
    test::writeFile(dir / "cut.osm.pbf", bytes.substr(0, bytes.size() * 2 / 3));
    const std::string message = expectInputError(dir / "cut.osm.pbf");
    EXPECT_NE(message.find("cut.osm.pbf"), std::string::npos) << message;
}

TEST(OsmReader, RejectsFilesThatAreNotOsm) {
    test::TempDir dir;
    test::writeFile(dir / "map.osm.pbf", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(200, '\0'));
    std::string message = expectInputError(dir / "map.osm.pbf");
    EXPECT_NE(message.find("PNG image"), std::string::npos) << message;
    EXPECT_NE(message.find("map.osm.pbf"), std::string::npos) << message;

    test::writeFile(dir / "empty.osm", "");
    EXPECT_NE(expectInputError(dir / "empty.osm").find("empty"), std::string::npos);

    message = expectInputError(dir / "missing.osm");
    EXPECT_NE(message.find("no such file"), std::string::npos) << message;
}

TEST(OsmReader, RejectsXmlWithASyntaxError) {
    test::TempDir dir;
    std::string xml = test::readFile(test::fixture(kFixture));
    xml.replace(xml.find("<way id=\"101\""), 13, "<way id=\"101\" <<broken");
    test::writeFile(dir / "broken.osm", xml);
    const std::string message = expectInputError(dir / "broken.osm");
    EXPECT_NE(message.find("broken.osm"), std::string::npos) << message;
}

TEST(OsmReader, StopsWhenCancelled) {
    core::Progress progress;
    progress.cancel();
    EXPECT_THROW(io::OsmReader(test::fixture(kFixture)).read([](const io::OsmFeature&) {}, progress),
                 core::CancelledError);
}

TEST(OsmReader, ANodeWithAThousandTagsKeepsItsPoiTagAndIsReported) {
    // GDAL's tag text of a feature holds 8 KiB; the POI tag and the name come after 1,000 short tags.
    test::TempDir dir;
    std::string tags;
    for (int i = 0; i < 1000; ++i) {
        tags += "<tag k=\"k" + std::to_string(i) + "\" v=\"x" + std::to_string(i) + "\"/>";
    }
    test::writeFile(dir / "many-tags.osm",
                    "<?xml version=\"1.0\"?><osm version=\"0.6\">"
                    "<node id=\"7\" lat=\"50.8196\" lon=\"12.5446\">" +
                        tags +
                        "<tag k=\"amenity\" v=\"bench\"/><tag k=\"name\" v=\"Bank am Markt\"/></node>"
                        "<node id=\"8\" lat=\"50.8197\" lon=\"12.5447\"><tag k=\"amenity\" v=\"bench\"/></node></osm>");
    io::OsmReader reader(dir / "many-tags.osm");
    std::map<std::int64_t, std::pair<std::string, std::string>> pois;  // id → amenity, name
    reader.read(
        [&](const io::OsmFeature& f) {
            const auto* amenity = io::findTag(*f.tags, "amenity");
            const auto* name = io::findTag(*f.tags, "name");
            pois[f.osmId] = {amenity ? *amenity : "", name ? *name : ""};
        },
        core::Progress::none());
    ASSERT_EQ(pois.count(7), 1u) << "the node with 1,000 tags was lost";
    EXPECT_EQ(pois[7].first, "bench");
    EXPECT_EQ(pois[7].second, "Bank am Markt");
    EXPECT_EQ(pois[8].first, "bench");
    ASSERT_EQ(reader.warnings().size(), 1u);
    EXPECT_NE(reader.warnings()[0].find("node 7: more tags than GDAL keeps"), std::string::npos)
        << reader.warnings()[0];
    EXPECT_NE(reader.warnings()[0].find("restored"), std::string::npos) << reader.warnings()[0];
}
