// `lagebild import`: the same export again exits 0 and says all rows are present; the same file without ids
// and coordinates in the wrong CRS exit 2 with a hint, leaving the project file untouched.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "geo/crs.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";

// n incidents around 12.5446 E, 50.8196 N, as lat/lon; with an id column when withIds.
std::string incidentsCsv(int n, bool withIds) {
    std::string csv = withIds ? "id,time,category,lat,lon\n" : "time,category,lat,lon\n";
    for (int i = 0; i < n; ++i) {
        if (withIds) csv += "E-" + std::to_string(i) + ",";
        csv += "2025-03-14 22:15,Gewalt,50.8196," + std::to_string(12.5446 + 0.0001 * i) + "\n";
    }
    return csv;
}

class ImportSafetyCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_project = (m_dir / "p.sqlite").string();
        ASSERT_EQ(test::runLagebild({"init", m_project}).exitCode, 0);
        ASSERT_EQ(test::runLagebild({"import-osm", m_project, test::fixture(kFixture).string()}).exitCode, 0);
    }
    test::RunResult import(const std::string& file, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"import", m_project, "--layer", "incidents", (m_dir / file).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::runLagebild(args);
    }

    test::TempDir m_dir;
    std::string m_project;
};

}  // namespace

TEST_F(ImportSafetyCli, SameExportWithIdsAgainExitsZeroSayingAllRowsArePresent) {
    test::writeFile(m_dir / "export.csv", incidentsCsv(50, true));
    auto r = import("export.csv", {"--id", "id"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto digest = test::fileDigest(m_project);

    r = import("export.csv", {"--id", "id"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("all 50 rows are already in the project"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("0 imported, 0 rejected, 50 already in the project"), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find("none of the rows"), std::string::npos) << r.err;
    EXPECT_EQ(test::fileDigest(m_project), digest);

    r = import("export.csv", {"--id", "id", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json.at("imported"), 0);
    EXPECT_EQ(json.at("already_present"), 50);
}

TEST_F(ImportSafetyCli, SameFileWithoutIdsAgainExitsTwoUnlessDuplicatesAreAllowed) {
    test::writeFile(m_dir / "export.csv", incidentsCsv(50, false));
    ASSERT_EQ(import("export.csv").exitCode, 0);
    const auto digest = test::fileDigest(m_project);

    auto r = import("export.csv");
    EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("export.csv: this file was imported into layer incidents before"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--allow-duplicates"), std::string::npos) << r.err;
    EXPECT_EQ(test::fileDigest(m_project), digest);

    r = import("export.csv", {"--allow-duplicates"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("50 imported"), std::string::npos) << r.out;
}

TEST_F(ImportSafetyCli, GaussKruegerWithoutCrsExitsTwoNamingTheZone) {
    // Rechtswert/Hochwert of 12.5446 E, 50.8196 N in Gauß-Krüger zone 4 (EPSG:31468).
    double easting = 12.5446, northing = 50.8196;
    geo::CrsTransform("EPSG:4326", "EPSG:31468").transform(easting, northing);
    test::writeFile(m_dir / "gk.csv", "Rechtswert;Hochwert;Zeit;Feld\n" + std::to_string(easting) + ";" +
                                          std::to_string(northing) + ";14.03.2025 22:15;Gewalt\n");
    const auto digest = test::fileDigest(m_project);
    const auto r = import("gk.csv", {"--x", "Rechtswert", "--y", "Hochwert", "--time", "Zeit", "--category", "Feld"});
    EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("gk.csv"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Gauß-Krüger zone 4"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--crs EPSG:31468"), std::string::npos) << r.err;
    EXPECT_EQ(test::fileDigest(m_project), digest);
}
