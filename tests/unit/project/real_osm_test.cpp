// Imports the real extract ../shared/data/hoyerswerda.osm.pbf (never copied into the repository) and
// compares our counts with osmium-tool as an independent oracle on the same tags.

#include <gtest/gtest.h>

#include <sstream>

#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

std::filesystem::path realExtract() {
    return std::filesystem::path(LAGEBILD_SHARED_DATA_DIR) / "hoyerswerda.osm.pbf";
}

// `osmium tags-count -t TYPE FILE EXPR` → the count (0 when nothing matches).
long long osmiumCount(const std::string& type, const std::filesystem::path& file, const std::string& expression) {
    const auto r = test::runProgram("osmium", {"tags-count", "-t", type, file.string(), expression});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::istringstream in(r.out);
    long long count = 0;
    in >> count;
    return count;
}

// Objects of each type left by `osmium tags-filter -R` (matching objects only) for the expressions.
std::map<std::string, long long> osmiumFilterCounts(const std::filesystem::path& file,
                                                    const std::vector<std::string>& expressions,
                                                    const test::TempDir& dir) {
    std::vector<std::string> args = {"tags-filter", "-R", "-O", "-o", (dir / "filtered.osm").string(), file.string()};
    args.insert(args.end(), expressions.begin(), expressions.end());
    EXPECT_EQ(test::runProgram("osmium", args).exitCode, 0);
    std::map<std::string, long long> counts;
    for (const char* type : {"node", "way", "relation"}) {
        const auto r = test::runProgram("osmium", {"fileinfo", "-e", "-g", std::string("data.count.") + type + "s",
                                                   (dir / "filtered.osm").string()});
        counts[type] = std::stoll(r.out);
    }
    return counts;
}

long long scalar(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    EXPECT_TRUE(s.step());
    return s.columnInt(0);
}

}  // namespace

TEST(RealOsm, HoyerswerdaCountsMatchOsmium) {
    if (!std::filesystem::exists(realExtract())) GTEST_SKIP() << "no " << realExtract();
    LAGEBILD_REQUIRE_PROGRAM("osmium");
    test::TempDir dir;
    auto project = project::Project::create(dir / "p.sqlite", "EPSG:25833");
    const auto report = project->importOsm(realExtract(), core::Progress::none());
    auto& db = project->store().db();
    const auto file = realExtract();

    // Buildings: every way and multipolygon relation tagged building (a building node is no polygon).
    const long long buildingWays = osmiumCount("way", file, "building");
    const long long buildingRelations = osmiumCount("relation", file, "building");
    EXPECT_EQ(report.counts.at(core::LayerId::Buildings), buildingWays + buildingRelations);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM buildings WHERE osm_type = 'relation'"), buildingRelations);

    // Roads: every highway way except highway areas (area=yes), which are polygons, not lines.
    const long long highwayWays = osmiumCount("way", file, "highway");
    ASSERT_EQ(test::runProgram("osmium",
                               {"tags-filter", "-O", "-o", (dir / "highways.osm").string(), file.string(), "w/highway"})
                  .exitCode,
              0);
    const long long highwayAreas = osmiumCount("way", dir / "highways.osm", "area=yes");
    EXPECT_EQ(report.counts.at(core::LayerId::Roads), highwayWays - highwayAreas);
    EXPECT_EQ(scalar(db, "SELECT count(DISTINCT osm_id) FROM roads"), highwayWays - highwayAreas);

    // POIs: the prevention-relevant tags, matched by osmium on nodes and (closed) areas.
    const std::vector<std::string> poiTags = {
        "amenity=school,kindergarten,childcare,college,university,community_centre,social_facility,social_centre,"
        "bar,pub,biergarten,nightclub,fast_food,atm,bank,bench,waste_basket,waste_disposal,recycling,police,"
        "townhall,bus_station,toilets,library,shelter,youth_centre,drinking_water,marketplace",
        "shop=alcohol,beverages,kiosk,supermarket,convenience,wine,tobacco,e-cigarette",
        "leisure=playground,park,pitch,sports_centre,skatepark,youth_club,fitness_station",
        "highway=bus_stop,street_lamp",
        "public_transport=platform,station",
        "railway=station,halt,tram_stop",
        "man_made=surveillance"};
    std::vector<std::string> expressions;
    for (const auto& tag : poiTags) {
        expressions.push_back("n/" + tag);
        expressions.push_back("w/" + tag);
        expressions.push_back("r/" + tag);
    }
    const auto expected = osmiumFilterCounts(file, expressions, dir);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pois WHERE osm_type = 'node'"), expected.at("node"));
    // Ways and relations become POIs at their point on surface when they are areas.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM pois WHERE osm_type <> 'node'"),
              expected.at("way") + expected.at("relation"));
    RecordProperty("buildings", std::to_string(report.counts.at(core::LayerId::Buildings)));
    RecordProperty("roads", std::to_string(report.counts.at(core::LayerId::Roads)));
    RecordProperty("pois", std::to_string(report.counts.at(core::LayerId::Pois)));
}
