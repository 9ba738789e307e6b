#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";

std::string text(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.columnText(0);
}
double number(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.columnDouble(0);
}

}  // namespace

TEST(OsmImport, WritesBaseLayersInTheProjectCrs) {
    test::TempDir dir;
    auto project = project::Project::create(dir / "p.sqlite", "EPSG:25833");
    const auto report = project->importOsm(test::fixture(kFixture), core::Progress::none());
    EXPECT_EQ(report.counts.at(core::LayerId::Roads), 2);
    EXPECT_EQ(report.counts.at(core::LayerId::Pois), 5);
    auto& db = project->store().db();
    // Node 10 (12.5446 E, 50.8196 N) in ETRS89/UTM33, against the independent reference in crs_test.
    EXPECT_NEAR(number(db, "SELECT X(geometry) FROM pois WHERE osm_id = 10"), 327048.945, 0.01);
    EXPECT_NEAR(number(db, "SELECT Y(geometry) FROM pois WHERE osm_id = 10"), 5632637.495, 0.01);
    EXPECT_EQ(text(db, "SELECT name FROM pois WHERE osm_id = 10"), "Oberschule Glückauf");
    EXPECT_EQ(text(db, "SELECT lit FROM roads WHERE osm_id = 101"), "yes");
    EXPECT_EQ(text(db, "SELECT lit FROM roads WHERE osm_id = 102"), "no");
    EXPECT_EQ(text(db, "SELECT maxspeed FROM roads WHERE osm_id = 101"), "30");
    EXPECT_EQ(text(db, "SELECT name FROM roads WHERE osm_id = 101"), "Straße der Einheit");
    // Tags without a column are kept as JSON.
    const auto tags = nlohmann::json::parse(text(db, "SELECT tags FROM roads WHERE osm_id = 101"));
    EXPECT_EQ(tags.at("sidewalk"), "both");
    EXPECT_FALSE(tags.contains("lit"));
    EXPECT_EQ(text(db, "SELECT addr_street FROM buildings WHERE osm_id = 100"), "Äußere Straße");
    EXPECT_EQ(text(db, "SELECT building_levels FROM buildings WHERE osm_id = 201"), "5");
    // The park keeps its pond as a hole: area of the outer ring minus the inner one.
    const double park = number(db, "SELECT ST_Area(geometry) FROM landuse WHERE osm_id = 200");
    const double pond = number(db, "SELECT ST_Area(geometry) FROM water WHERE osm_id = 104");
    const double outer =
        number(db, "SELECT ST_Area(MakePolygon(ST_ExteriorRing(ST_GeometryN(geometry, 1)))) FROM landuse");
    EXPECT_GT(pond, 1000.0);
    EXPECT_NEAR(park, outer - pond, 1.0);
    EXPECT_EQ(text(db, "SELECT GeometryType(geometry) FROM buildings WHERE osm_id = 100"), "MULTIPOLYGON");
    EXPECT_EQ(text(db, "SELECT count(*) FROM idx_pois_geometry"), "5");
}

TEST(OsmImport, ReimportReplacesTheBaseMapAndAFailedImportChangesNothing) {
    test::TempDir dir;
    auto project = project::Project::create(dir / "p.sqlite", "EPSG:25833");
    project->importOsm(test::fixture(kFixture), core::Progress::none());
    project->importOsm(test::fixture(kFixture), core::Progress::none());
    EXPECT_EQ(project->store().count(core::LayerId::Roads), 2);
    const auto before = project->store().contentChecksum(core::LayerId::Roads);

    std::string xml = test::readFile(test::fixture(kFixture));
    xml = xml.substr(0, xml.find("<relation id=\"201\""));  // cut off: no closing tags
    test::writeFile(dir / "cut.osm", xml);
    EXPECT_THROW(project->importOsm(dir / "cut.osm", core::Progress::none()), core::InputError);
    EXPECT_EQ(project->store().count(core::LayerId::Roads), 2);
    EXPECT_EQ(project->store().contentChecksum(core::LayerId::Roads), before);
}

TEST(OsmImport, CancellingMidwayRollsEverythingBack) {
    test::TempDir dir;
    auto project = project::Project::create(dir / "p.sqlite", "EPSG:25833");
    project->importOsm(test::fixture(kFixture), core::Progress::none());
    const auto before = project->store().contentChecksum(core::LayerId::Buildings);
    // Cancel as soon as the reader reports progress, after the old base map was already deleted inside
    // the transaction.
    core::Progress* self = nullptr;
    core::Progress progress([&](const std::string& stage, std::uint64_t, std::uint64_t) {
        if (stage == "Speichern" || stage == "OSM lesen") self->cancel();
    });
    self = &progress;
    EXPECT_THROW(project->importOsm(test::fixture(kFixture), progress), core::CancelledError);
    EXPECT_EQ(project->store().count(core::LayerId::Buildings), 2);
    EXPECT_EQ(project->store().contentChecksum(core::LayerId::Buildings), before);
}

TEST(OsmImport, RecordsWhetherAFeatureCameFromANodeAWayOrARelation) {
    test::TempDir dir;
    auto project = project::Project::create(dir / "p.sqlite", "EPSG:25833");
    project->importOsm(test::fixture(kFixture), core::Progress::none());
    auto& db = project->store().db();
    EXPECT_EQ(text(db, "SELECT osm_type FROM pois WHERE osm_id = 10"), "node");
    EXPECT_EQ(text(db, "SELECT osm_type FROM buildings WHERE osm_id = 100"), "way");
    EXPECT_EQ(text(db, "SELECT osm_type FROM landuse WHERE osm_id = 200"), "relation");
    EXPECT_EQ(text(db, "SELECT osm_type FROM buildings WHERE osm_id = 201"), "relation");
    // Every row says one of the three (roads and railways are always ways and have no such column).
    EXPECT_EQ(text(db,
                   "SELECT count(*) FROM (SELECT osm_type FROM buildings UNION ALL SELECT osm_type FROM water "
                   "UNION ALL SELECT osm_type FROM landuse UNION ALL SELECT osm_type FROM pois) "
                   "WHERE osm_type NOT IN ('node', 'way', 'relation')"),
              "0");
}
