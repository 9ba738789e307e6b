#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

class ThematicImport : public ::testing::Test {
protected:
    void SetUp() override { project = project::Project::create(dir / "p.sqlite", "EPSG:25833"); }

    project::ThematicImportReport import(core::LayerId layer, const std::string& name, const std::string& content,
                                         const io::ImportMapping& mapping = {}, project::ImportOptions options = {}) {
        test::writeFile(dir / name, content);
        return project->importLayer(layer, dir / name, mapping, options, core::Progress::none());
    }
    std::string text(const std::string& sql) {
        store::Statement s(project->store().db(), sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.columnText(0);
    }
    double number(const std::string& sql) {
        store::Statement s(project->store().db(), sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.columnDouble(0);
    }

    test::TempDir dir;
    std::unique_ptr<project::Project> project;
};

// A police export as it arrives: semicolons, German times and decimal commas, Windows-1252 umlauts.
const std::string kPoliceCsv =
    "Vorgang;Tatzeit;Handlungsfeld;Delikt;Rechtswert;Hochwert\n"
    "A-1;14.03.2025 22:15;Gewalt;K\xf6rperverletzung;327048,95;5632637,50\n"
    "A-2;01.07.2025 08:00;Graffiti/Sachbesch\xe4"
    "digung;Graffiti;327100,00;5632700,00\n"
    "A-3;31.02.2025 10:00;Drogen;BtMG;327100,00;5632700,00\n"
    "A-4;02.07.2025 09:30;Ladendiebstahl;Diebstahl;327200,00;5632800,00\n"
    "A-5;03.07.2025 10:00;Gewalt;Raub;;\n";

io::ImportMapping policeMapping() {
    io::ImportMapping m;
    m.id = "Vorgang";
    m.time = "Tatzeit";
    m.category = "Handlungsfeld";
    m.x = "Rechtswert";
    m.y = "Hochwert";
    m.crs = "EPSG:25833";
    return m;
}

}  // namespace

TEST_F(ThematicImport, ImportsAPoliceExportAndReportsBadRowsByLine) {
    const auto report = import(core::LayerId::Incidents, "polizei.csv", kPoliceCsv, policeMapping());
    EXPECT_EQ(report.imported, 3);
    EXPECT_EQ(report.rejected, 2);
    ASSERT_EQ(report.rejections.size(), 2u);
    EXPECT_NE(report.rejections[0].find("polizei.csv: line 4: cannot read the time '31.02.2025 10:00'"),
              std::string::npos)
        << report.rejections[0];
    EXPECT_NE(report.rejections[1].find("line 6: no coordinates"), std::string::npos) << report.rejections[1];
    EXPECT_EQ(text("SELECT time FROM incidents WHERE ext_id = 'A-1'"), "2025-03-14T22:15:00+01:00");
    EXPECT_EQ(text("SELECT time FROM incidents WHERE ext_id = 'A-2'"), "2025-07-01T08:00:00+02:00");
    EXPECT_EQ(text("SELECT category FROM incidents WHERE ext_id = 'A-2'"), "graffiti");
    EXPECT_EQ(text("SELECT subcategory FROM incidents WHERE ext_id = 'A-1'"), "Körperverletzung");
    EXPECT_NEAR(number("SELECT X(geometry) FROM incidents WHERE ext_id = 'A-1'"), 327048.95, 1e-6);
    // An unknown category is kept as Sonstiges with its original text.
    EXPECT_EQ(text("SELECT category FROM incidents WHERE ext_id = 'A-4'"), "sonstiges");
    const auto attrs = nlohmann::json::parse(text("SELECT attrs FROM incidents WHERE ext_id = 'A-4'"));
    EXPECT_EQ(attrs.at("original_value"), "Ladendiebstahl");
    EXPECT_FALSE(report.warnings.empty());
    EXPECT_EQ(number("SELECT count(*) FROM audit_log WHERE action = 'import' AND layer = 'incidents'"), 1);
}

TEST_F(ThematicImport, SecondImportOfTheSameExportAddsNothing) {
    import(core::LayerId::Incidents, "polizei.csv", kPoliceCsv, policeMapping());
    // The three imported rows are recognised by id and skipped; the two bad rows are still bad.
    const auto again = import(core::LayerId::Incidents, "polizei.csv", kPoliceCsv, policeMapping());
    EXPECT_EQ(again.imported, 0);
    EXPECT_EQ(again.alreadyPresent, 3);
    EXPECT_EQ(again.rejected, 2);
    EXPECT_EQ(project->store().count(core::LayerId::Incidents), 3);
}

TEST_F(ThematicImport, StrictModeImportsNothingWhenARowIsBad) {
    try {
        import(core::LayerId::Incidents, "polizei.csv", kPoliceCsv, policeMapping(), {.strict = true});
        FAIL() << "strict import accepted a bad row";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("line 4"), std::string::npos) << e.what();
    }
    EXPECT_EQ(project->store().count(core::LayerId::Incidents), 0);
}

TEST_F(ThematicImport, WrongColumnFlagsAreUsageErrorsThatChangeNothing) {
    auto mapping = policeMapping();
    mapping.time = "Zeitpunkt";
    try {
        import(core::LayerId::Incidents, "polizei.csv", kPoliceCsv, mapping);
        FAIL();
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("no column 'Zeitpunkt'"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("Tatzeit"), std::string::npos) << e.hint();
    }
    EXPECT_EQ(project->store().count(core::LayerId::Incidents), 0);
    // Half a coordinate pair: --x without --y (or --lat without --lon) says so, not "no coordinates".
    auto half = policeMapping();
    half.y.clear();
    try {
        import(core::LayerId::Incidents, "polizei.csv", kPoliceCsv, half);
        FAIL() << "--x without --y was accepted";
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("--x and --y go together"), std::string::npos) << e.what();
    }
    EXPECT_EQ(project->store().count(core::LayerId::Incidents), 0);
}

TEST_F(ThematicImport, LatLonCsvWithAutoMappedColumns) {
    const auto report = import(core::LayerId::Observations, "beobachtungen.csv",
                               "id,time,category,note,lat,lon\n"
                               "O1,2025-05-01T18:00:00+02:00,Treffpunkt,Bank am Spielplatz,50.8196,12.5446\n"
                               "O2,2025-05-02 19:00,spritzen/drogenfund,Spritze im Gebüsch,50.8190,12.5440\n"
                               "O3,2025-05-03 19:00,Angstraum,Unterführung dunkel,12.5440,50.8190\n");
    EXPECT_EQ(report.imported, 2);
    ASSERT_EQ(report.rejected, 1);
    EXPECT_NE(report.rejections[0].find("look swapped"), std::string::npos) << report.rejections[0];
    EXPECT_NEAR(number("SELECT X(geometry) FROM observations WHERE ext_id = 'O1'"), 327048.945, 0.01);
    EXPECT_EQ(text("SELECT category FROM observations WHERE ext_id = 'O2'"), "Spritzen/Drogenfund");
}

TEST_F(ThematicImport, DistrictsFromGeoJsonRejectSelfIntersections) {
    const std::string geojson = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"D1","name":"Altstadt","einwohner":4200},
       "geometry":{"type":"Polygon","coordinates":[[[12.54,50.81],[12.55,50.81],[12.55,50.82],[12.54,50.82],[12.54,50.81]]]}},
      {"type":"Feature","properties":{"id":"D2","name":"Fliege","einwohner":10},
       "geometry":{"type":"Polygon","coordinates":[[[12.54,50.81],[12.55,50.82],[12.55,50.81],[12.54,50.82],[12.54,50.81]]]}},
      {"type":"Feature","properties":{"id":"D3","einwohner":10},
       "geometry":{"type":"Polygon","coordinates":[[[12.56,50.81],[12.57,50.81],[12.57,50.82],[12.56,50.81]]]}}]})";
    const auto report = import(core::LayerId::Districts, "stadtteile.geojson", geojson);
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejected, 2);
    EXPECT_NE(report.rejections[0].find("feature 2: invalid polygon: Self-intersection"), std::string::npos)
        << report.rejections[0];
    EXPECT_NE(report.rejections[1].find("feature 3: a district needs a name"), std::string::npos)
        << report.rejections[1];
    EXPECT_EQ(number("SELECT population FROM districts"), 4200);
    EXPECT_EQ(text("SELECT GeometryType(geometry) FROM districts"), "MULTIPOLYGON");
    // ~700 m x 1.1 km in UTM.
    EXPECT_NEAR(number("SELECT ST_Area(geometry) FROM districts") / 1e6, 0.78, 0.05);
}

TEST_F(ThematicImport, GraffitiWithStatusHistory) {
    const std::string geojson = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"G1","name":"Unterführung","status":"entfernt","area_m2":12.5,
        "history":[{"status":"gemeldet","date":"2025-01-05","cost_eur":0},
                   {"status":"begutachtet","date":"2025-01-09"},
                   {"status":"entfernt","date":"2025-02-01","cost_eur":450}]},
       "geometry":{"type":"Point","coordinates":[12.5446,50.8196]}},
      {"type":"Feature","properties":{"id":"G2","status":"übermalt"},
       "geometry":{"type":"Point","coordinates":[12.5446,50.8196]}},
      {"type":"Feature","properties":{"id":"G3","time":"03.04.2025"},
       "geometry":{"type":"Point","coordinates":[12.5446,50.8196]}}]})";
    const auto report = import(core::LayerId::Graffiti, "graffiti.geojson", geojson);
    EXPECT_EQ(report.imported, 2);
    ASSERT_EQ(report.rejected, 1);
    EXPECT_NE(report.rejections[0].find("unknown graffiti status 'übermalt'"), std::string::npos);
    EXPECT_EQ(number("SELECT cost_eur FROM graffiti WHERE ext_id = 'G1'"), 450);
    EXPECT_EQ(number("SELECT count(*) FROM graffiti_status s JOIN graffiti g ON g.uuid = s.graffiti_uuid "
                     "WHERE g.ext_id = 'G1'"),
              3);
    EXPECT_EQ(
        text("SELECT s.status || ' ' || s.date FROM graffiti_status s JOIN graffiti g ON g.uuid = s.graffiti_uuid "
             "WHERE g.ext_id = 'G3'"),
        "gemeldet 2025-04-03");
}

TEST_F(ThematicImport, VisitsLinkToRoutesAndComputeDuration) {
    import(core::LayerId::Routes, "routen.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"R1","name":"Innenstadt"},
       "geometry":{"type":"LineString","coordinates":[[12.54,50.81],[12.55,50.82]]}}]})");
    const auto report = import(core::LayerId::Visits, "einsaetze.csv",
                               "id,route,time,end_time,staff,contacts\n"
                               "V1,R1,2025-05-06T16:00:00+02:00,2025-05-06T18:30:00+02:00,2,14\n"
                               "V2,R1,2025-05-13T16:00:00+02:00,2025-05-13T15:00:00+02:00,2,3\n"
                               "V3,R9,2025-05-20T16:00:00+02:00,,1,-4\n");
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(report.rejected, 2);
    EXPECT_EQ(number("SELECT duration_min FROM visits WHERE ext_id = 'V1'"), 150);
    EXPECT_EQ(text("SELECT r.name FROM visits v JOIN routes r ON r.uuid = v.route_uuid"), "Innenstadt");
}

TEST_F(ThematicImport, BaseMapLayersAndMissingCoordinatesAreRefused) {
    EXPECT_THROW(import(core::LayerId::Roads, "x.csv", "a,b\n1,2\n"), core::UsageError);
    EXPECT_THROW(import(core::LayerId::Observations, "x.csv", "a,b\n1,2\n"), core::UsageError);
    EXPECT_THROW(import(core::LayerId::Observations, "leer.csv", ""), core::InputError);
}

TEST_F(ThematicImport, GeoJsonDateTimesKeepTheirOffset) {
    // GDAL types these properties as DateTime; they must arrive as the same instants.
    const auto report = import(core::LayerId::Observations, "beob.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"B1","time":"2025-09-29T09:05:00+02:00","category":"Müll"},
       "geometry":{"type":"Point","coordinates":[12.5446,50.8196]}},
      {"type":"Feature","properties":{"id":"B2","time":"2025-12-01T23:30:00Z","category":"Müll"},
       "geometry":{"type":"Point","coordinates":[12.5446,50.8196]}}]})");
    EXPECT_EQ(report.imported, 2);
    EXPECT_EQ(text("SELECT time FROM observations WHERE ext_id = 'B1'"), "2025-09-29T09:05:00+02:00");
    EXPECT_EQ(text("SELECT time FROM observations WHERE ext_id = 'B2'"), "2025-12-02T00:30:00+01:00");
}

// A streetwork round recorded on a phone: a GPX file with one track (GDAL: a MultiLineString of its
// segments, in the "tracks" layer behind an empty "waypoints" layer). One segment is one route; a track of two
// segments is refused with the reason, not cut.
TEST_F(ThematicImport, AGpxTrackBecomesARouteAndATrackOfTwoSegmentsIsRefused) {
    const auto track = [](const std::string& segments) {
        return R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Runde Altstadt</name>)" +
               segments + R"(</trk>
</gpx>
)";
    };
    const std::string segment = R"(<trkseg><trkpt lat="50.8196" lon="12.5446"/><trkpt lat="50.8201" lon="12.5460"/>
      <trkpt lat="50.8210" lon="12.5472"/></trkseg>)";
    const auto report = import(core::LayerId::Routes, "runde.gpx", track(segment));
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(text("SELECT name FROM routes"), "Runde Altstadt");
    EXPECT_EQ(text("SELECT ST_NumPoints(geometry) FROM routes"), "3");
    EXPECT_EQ(text("SELECT GeometryType(geometry) FROM routes"), "LINESTRING");
    try {
        import(core::LayerId::Routes, "zwei.gpx", track(segment + segment));
        FAIL() << "a track of two segments was imported";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("MultiLineString of 2 lines"), std::string::npos) << e.what();
    }
}

// Every rejected row is counted; only the first listedRejections are listed (the CLI prints them).
TEST_F(ThematicImport, RejectedRowsAreAllCountedAndTheFirstFewListed) {
    project::ImportOptions options;
    options.listedRejections = 2;
    std::string csv = "id;time;category;lat;lon\n";
    for (int i = 1; i <= 4; ++i) csv += "B" + std::to_string(i) + ";kein Datum;Gewalt;50.8196;12.5446\n";
    csv += "B5;14.03.2025 22:15;Gewalt;50.8196;12.5446\n";
    const auto report = import(core::LayerId::Incidents, "vorfaelle.csv", csv, {}, options);
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(report.rejected, 4);
    ASSERT_EQ(report.rejections.size(), 2u);
    EXPECT_NE(report.rejections[0].find("line 2"), std::string::npos) << report.rejections[0];
    EXPECT_NE(report.rejections[1].find("line 3"), std::string::npos) << report.rejections[1];
}

// With --force-location (no project-area check) the latitude/longitude sanity checks still hold: out of range
// and swapped columns are rejected per row with the reason.
TEST_F(ThematicImport, LatLonRangeAndSwapAreCheckedEvenWithForcedLocations) {
    project::ImportOptions options;
    options.forceLocation = true;
    const auto report = import(core::LayerId::Observations, "beob.csv",
                               "id;time;category;lat;lon\n"
                               "B1;14.03.2025 22:15;Müll;92.5;12.5446\n"
                               "B2;14.03.2025 22:15;Müll;12.5446;50.8196\n"
                               "B3;14.03.2025 22:15;Müll;50.8196;12.5446\n",
                               {}, options);
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejections.size(), 2u);
    EXPECT_NE(report.rejections[0].find("line 2: latitude 92.5 / longitude 12.5446 out of range"), std::string::npos)
        << report.rejections[0];
    EXPECT_NE(report.rejections[1].find("line 3: latitude 12.5446 and longitude 50.8196 look swapped"),
              std::string::npos)
        << report.rejections[1];
}

TEST_F(ThematicImport, ARouteOfOnePointIsRejected) {
    const auto report = import(core::LayerId::Routes, "routen.csv",
                               "id;name;WKT\n"
                               "R1;Punkt;LINESTRING (12.54 50.81)\n"
                               "R2;Innenstadt;LINESTRING (12.54 50.81, 12.55 50.82)\n");
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_NE(report.rejections[0].find("line 2: a line needs at least two points"), std::string::npos)
        << report.rejections[0];
}
