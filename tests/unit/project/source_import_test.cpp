// Import of thematic source files as they arrive: encodings, line numbers of rejected rows, German
// numbers, flag-mapped columns, and the CRS of Shapefiles and GeoPackages.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

class SourceImport : public ::testing::Test {
protected:
    void SetUp() override { project = project::Project::create(dir / "p.sqlite", "EPSG:25833"); }

    project::ThematicImportReport import(core::LayerId layer, const std::string& name, const std::string& content,
                                         const io::ImportMapping& mapping = {}) {
        test::writeFile(dir / name, content);
        return importFile(layer, dir / name, mapping);
    }
    project::ThematicImportReport importFile(core::LayerId layer, const std::filesystem::path& file,
                                             const io::ImportMapping& mapping = {}) {
        return project->importLayer(layer, file, mapping, {}, core::Progress::none());
    }
    std::string text(const std::string& sql) {
        store::Statement s(project->store().db(), sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.isNull(0) ? "NULL" : s.columnText(0);
    }
    double number(const std::string& sql) {
        store::Statement s(project->store().db(), sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.columnDouble(0);
    }

    test::TempDir dir;
    std::unique_ptr<project::Project> project;
};

// Writes a GeoJSON point (lon/lat WGS84) and converts it with ogr2ogr into `target` in `crs`.
void writeProjectedPoint(const test::TempDir& dir, const std::filesystem::path& target, const char* format,
                         const char* crs) {
    test::writeFile(dir / "wgs84.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"P1","category":"Treffpunkt"},
       "geometry":{"type":"Point","coordinates":[12.5446,50.8196]}}]})");
    const auto result =
        test::runProgram("ogr2ogr", {"-f", format, "-t_srs", crs, target.string(), (dir / "wgs84.geojson").string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
}

}  // namespace

TEST_F(SourceImport, Windows1252HeaderWithUmlautsIsDecodedLikeTheValues) {
    // "Straße" and "Länge"/"Breite" in the header as Windows-1252 bytes (a German Excel export).
    const auto report = import(core::LayerId::Observations, "beob.csv",
                               "Nr;Zeit;Kategorie;Stra\xdf"
                               "e;L\xe4nge;Breite\n"
                               "B1;14.03.2025 22:15;M\xfcll;Hauptstra\xdf"
                               "e;12,5446;50,8196\n");
    EXPECT_EQ(report.imported, 1);
    const auto attrs = nlohmann::json::parse(text("SELECT attrs FROM observations WHERE ext_id = 'B1'"));
    EXPECT_EQ(attrs.at("Straße"), "Hauptstraße");
    EXPECT_NEAR(number("SELECT X(geometry) FROM observations"), 327048.945, 0.01);  // Länge found as lon
}

TEST_F(SourceImport, RejectedRowsNameTheirPhysicalLine) {
    const auto report = import(core::LayerId::Observations, "beob.csv",
                               "id,time,note,lat,lon\n"                                         // 1
                               "\n"                                                             // 2
                               "O1,2025-05-01 18:00,\"Bank\nam Spielplatz\",50.8196,12.5446\n"  // 3-4
                               "\n"                                                             // 5
                               "O2,gestern,kaputt,50.8196,12.5446\n"                            // 6
                               "O3,2025-05-03 19:00,ok,50.8196,12.5446\n");                     // 7
    EXPECT_EQ(report.imported, 2);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_NE(report.rejections[0].find("beob.csv: line 6: cannot read the time 'gestern'"), std::string::npos)
        << report.rejections[0];
    EXPECT_EQ(text("SELECT note FROM observations WHERE ext_id = 'O1'"), "Bank\nam Spielplatz");
}

TEST_F(SourceImport, ANulByteRejectsTheRowWithLineAndField) {
    const std::string csv =
        "id,time,note,lat,lon\n"
        "O1,2025-05-01 18:00,Bank" +
        std::string(1, '\0') +
        " am Spielplatz,50.8196,12.5446\n"
        "O2,2025-05-02 18:00,ok,50.8196,12.5446\n";
    const auto report = import(core::LayerId::Observations, "beob.csv", csv);
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_NE(report.rejections[0].find("beob.csv: line 2: NUL byte in field note"), std::string::npos)
        << report.rejections[0];
    EXPECT_EQ(number("SELECT count(*) FROM observations WHERE ext_id = 'O1'"), 0);
}

TEST_F(SourceImport, KmlSlashTimesAreReadAndOtherTimesRejectedPerFeature) {
    const auto placemark = [](const char* id, const char* time) {
        return std::string("<Placemark><ExtendedData><Data name=\"id\"><value>") + id +
               "</value></Data><Data name=\"zeit\"><value>" + time +
               "</value></Data></ExtendedData><Point><coordinates>12.5446,50.8196</coordinates></Point></Placemark>";
    };
    const auto report =
        import(core::LayerId::Observations, "beob.kml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
               "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>" +
                   placemark("K1", "2025/11/24 22:00:00") + placemark("K2", "gestern") + "</Document></kml>");
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_NE(report.rejections[0].find("feature 2: cannot read the time 'gestern' in column zeit"), std::string::npos)
        << report.rejections[0];
    EXPECT_EQ(text("SELECT time FROM observations WHERE ext_id = 'K1'"), "2025-11-24T22:00:00+01:00");
}

TEST_F(SourceImport, GermanNumbersWithThousandsSeparatorsAreNumbers) {
    const auto report = import(core::LayerId::Graffiti, "graffiti.csv",
                               "Nr;Kosten;Fl\xe4"
                               "che;Rechtswert;Hochwert\n"
                               "G1;12.500;1.234,56;327048,95;5632637,50\n"
                               "G2;1.234.567;2,5;327048,95;5632637,50\n"
                               "G3;99,90;12.5;327048,95;5632637,50\n",
                               {.x = "Rechtswert", .y = "Hochwert", .crs = "EPSG:25833"});
    EXPECT_EQ(report.imported, 3);
    EXPECT_EQ(number("SELECT cost_eur FROM graffiti WHERE ext_id = 'G1'"), 12500);
    EXPECT_DOUBLE_EQ(number("SELECT area_m2 FROM graffiti WHERE ext_id = 'G1'"), 1234.56);
    EXPECT_EQ(number("SELECT cost_eur FROM graffiti WHERE ext_id = 'G2'"), 1234567);
    EXPECT_DOUBLE_EQ(number("SELECT cost_eur FROM graffiti WHERE ext_id = 'G3'"), 99.9);
    EXPECT_DOUBLE_EQ(number("SELECT area_m2 FROM graffiti WHERE ext_id = 'G3'"), 12.5);  // a decimal point
    // Four digits before the dot are no thousands group: 1234.567 is a decimal number.
    import(core::LayerId::Graffiti, "graffiti2.csv",
           "Nr;Kosten;Rechtswert;Hochwert\nG4;1234.567;327048,95;5632637,50\n",
           {.x = "Rechtswert", .y = "Hochwert", .crs = "EPSG:25833"});
    EXPECT_DOUBLE_EQ(number("SELECT cost_eur FROM graffiti WHERE ext_id = 'G4'"), 1234.567);
    // Coordinates keep decimal dots: 327048.950 is not a thousands group.
    EXPECT_NEAR(number("SELECT X(geometry) FROM graffiti WHERE ext_id = 'G1'"), 327048.95, 1e-6);
}

TEST_F(SourceImport, AFractionInAnIntegerColumnIsRejectedNotTruncated) {
    import(core::LayerId::Routes, "routen.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"R1","name":"Innenstadt"},
       "geometry":{"type":"LineString","coordinates":[[12.54,50.81],[12.55,50.82]]}}]})");
    const auto report = import(core::LayerId::Visits, "einsaetze.csv",
                               "id;route;time;Personal;Kontakte\n"
                               "V1;R1;06.05.2025 16:00;2;14\n"
                               "V2;R1;13.05.2025 16:00;2;2,5\n"
                               "V3;R1;20.05.2025 16:00;1,5;3\n"
                               "V4;R1;27.05.2025 16:00;2;-1\n");
    EXPECT_EQ(report.imported, 1);
    ASSERT_EQ(report.rejections.size(), 3u);
    EXPECT_NE(report.rejections[2].find("line 5: '-1' in column Kontakte is not a whole number ≥ 0"), std::string::npos)
        << report.rejections[2];
    EXPECT_NE(report.rejections[0].find("line 3: '2,5' in column Kontakte is not a whole number"), std::string::npos)
        << report.rejections[0];
    EXPECT_NE(report.rejections[1].find("line 4: '1,5' in column Personal is not a whole number"), std::string::npos)
        << report.rejections[1];
    EXPECT_EQ(number("SELECT count(*) FROM visits WHERE contacts = 2 OR staff = 1"), 0);
}

TEST_F(SourceImport, AColumnGivenByAFlagIsNotImportedASecondTime) {
    // --category Delikt: "Delikt" is also the German alias of subcategory, which must stay empty.
    auto report =
        import(core::LayerId::Incidents, "polizei.csv",
               "Nr;Tatzeit;Delikt;Rechtswert;Hochwert\n"
               "A-1;14.03.2025 22:15;Gewalt;327048,95;5632637,50\n",
               {.x = "Rechtswert", .y = "Hochwert", .crs = "EPSG:25833", .time = "Tatzeit", .category = "Delikt"});
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(report.columns.at("category"), "Delikt");
    EXPECT_EQ(report.columns.count("subcategory"), 0u);
    EXPECT_EQ(text("SELECT category FROM incidents"), "gewalt");
    EXPECT_EQ(text("SELECT subcategory FROM incidents"), "NULL");
    // --id name: the column "name" becomes ext_id, not also the layer's name column.
    report = import(core::LayerId::Graffiti, "graffiti.csv",
                    "name;Zeit;Rechtswert;Hochwert\n"
                    "G-7;14.03.2025;327048,95;5632637,50\n",
                    {.x = "Rechtswert", .y = "Hochwert", .crs = "EPSG:25833", .id = "name"});
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(report.columns.at("ext_id"), "name");
    EXPECT_EQ(report.columns.count("name"), 0u);
    EXPECT_EQ(text("SELECT ext_id FROM graffiti"), "G-7");
    EXPECT_EQ(text("SELECT name FROM graffiti"), "NULL");
}

TEST_F(SourceImport, ShapefileAndGeoPackageAreReadInTheirDeclaredProjectedCrs) {
    LAGEBILD_REQUIRE_PROGRAM("ogr2ogr");
    // The same place (12.5446 E, 50.8196 N) is x 327048.945 in the project's EPSG:25833.
    writeProjectedPoint(dir, dir / "utm.shp", "ESRI Shapefile", "EPSG:25833");
    auto report = importFile(core::LayerId::Observations, dir / "utm.shp");
    EXPECT_EQ(report.sourceCrs, "EPSG:25833");
    EXPECT_EQ(report.imported, 1);
    EXPECT_NEAR(number("SELECT X(geometry) FROM observations"), 327048.945, 0.01);
    EXPECT_NEAR(number("SELECT Y(geometry) FROM observations"), 5632637.0, 50.0);

    // The same place in Gauss-Krüger zone 4, into a second layer of the same project.
    writeProjectedPoint(dir, dir / "gk4.gpkg", "GPKG", "EPSG:31468");
    report = importFile(core::LayerId::Graffiti, dir / "gk4.gpkg");
    EXPECT_EQ(report.sourceCrs, "EPSG:31468");
    EXPECT_EQ(report.imported, 1);
    // DHDN → ETRS89 without a grid is good to a few metres.
    EXPECT_NEAR(number("SELECT X(geometry) FROM graffiti"), 327048.945, 5.0);
    EXPECT_NEAR(number("SELECT Y(geometry) FROM graffiti") - number("SELECT Y(geometry) FROM observations"), 0.0, 5.0);
}
