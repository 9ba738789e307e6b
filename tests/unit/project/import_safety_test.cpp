// Thematic imports that would silently double rows or put them hundreds of kilometres away are refused
// (or, where nothing needs doing, say so), and leave the project as it was.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";
// Node 10 of the fixture: 12.5446 E, 50.8196 N.
constexpr double kLon = 12.5446, kLat = 50.8196;

class ImportSafety : public ::testing::Test {
protected:
    void SetUp() override { project = project::Project::create(dir / "p.sqlite", "EPSG:25833"); }

    void loadBaseMap() { project->importOsm(test::fixture(kFixture), core::Progress::none()); }

    // n incidents near node 10, given in `crs` as x/y columns; with ids when withIds.
    std::string incidentsCsv(int n, bool withIds, const std::string& crs = "EPSG:25833") {
        geo::CrsTransform toSource("EPSG:4326", crs);
        std::string csv = withIds ? "id,time,category,x,y\n" : "time,category,x,y\n";
        for (int i = 0; i < n; ++i) {
            double x = kLon + 0.0001 * i, y = kLat;
            toSource.transform(x, y);
            if (withIds) csv += "E-" + std::to_string(i) + ",";
            const int day = 1 + i % 28;
            csv += std::string("2025-03-") + (day < 10 ? "0" : "") + std::to_string(day) + " 22:15,Gewalt," +
                   std::to_string(x) + "," + std::to_string(y) + "\n";
        }
        return csv;
    }

    project::ThematicImportReport import(const std::string& name, const std::string& content,
                                         io::ImportMapping mapping = {}, project::ImportOptions options = {}) {
        test::writeFile(dir / name, content);
        mapping.x = "x";
        mapping.y = "y";
        if (mapping.time.empty()) mapping.time = "time";
        return project->importLayer(core::LayerId::Incidents, dir / name, mapping, options, core::Progress::none());
    }

    // Imports expecting InputError; returns message + " | " + hint.
    std::string refused(const std::string& name, const std::string& content, io::ImportMapping mapping = {}) {
        try {
            import(name, content, mapping);
        } catch (const core::InputError& e) {
            return std::string(e.what()) + " | " + e.hint();
        }
        ADD_FAILURE() << name << " was imported";
        return {};
    }

    std::int64_t incidents() { return project->store().count(core::LayerId::Incidents); }
    std::int64_t auditRows() {
        store::Statement s(project->store().db(), "SELECT count(*) FROM audit_log");
        s.step();
        return s.columnInt(0);
    }

    test::TempDir dir;
    std::unique_ptr<project::Project> project;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_F(ImportSafety, SameExportWithIdsAgainAddsNothingAndSaysSo) {
    loadBaseMap();
    io::ImportMapping mapping;
    mapping.id = "id";
    const std::string csv = incidentsCsv(50, true);
    EXPECT_EQ(import("export.csv", csv, mapping).imported, 50);
    const auto checksum = project->store().contentChecksum(core::LayerId::Incidents);
    const auto audits = auditRows();

    const auto again = import("export.csv", csv, mapping);
    EXPECT_EQ(again.imported, 0);
    EXPECT_EQ(again.rejected, 0);
    EXPECT_EQ(again.alreadyPresent, 50);
    EXPECT_NE(std::find(again.warnings.begin(), again.warnings.end(), "all 50 rows are already in the project"),
              again.warnings.end());
    EXPECT_EQ(incidents(), 50);
    EXPECT_EQ(project->store().contentChecksum(core::LayerId::Incidents), checksum);
    EXPECT_EQ(auditRows(), audits);  // nothing written at all

    // A later export with five new rows adds exactly those.
    const auto later = import("export2.csv", incidentsCsv(55, true), mapping);
    EXPECT_EQ(later.imported, 5);
    EXPECT_EQ(later.alreadyPresent, 50);
    EXPECT_EQ(incidents(), 55);
}

TEST_F(ImportSafety, SameFileWithoutIdsAgainIsRefusedUnlessDuplicatesAreAllowed) {
    loadBaseMap();
    const std::string csv = incidentsCsv(50, false);
    EXPECT_EQ(import("export.csv", csv).imported, 50);
    const auto checksum = project->store().contentChecksum(core::LayerId::Incidents);

    const std::string message = refused("export-copy.csv", csv);
    EXPECT_TRUE(contains(message, "export-copy.csv: this file was imported into layer incidents before (export.csv"))
        << message;
    EXPECT_TRUE(contains(message, "50 rows")) << message;
    EXPECT_TRUE(contains(message, "--allow-duplicates")) << message;
    EXPECT_EQ(incidents(), 50);
    EXPECT_EQ(project->store().contentChecksum(core::LayerId::Incidents), checksum);

    // Another file (one row more) is new content; the same file into another layer is no duplicate.
    EXPECT_EQ(import("export51.csv", incidentsCsv(51, false)).imported, 51);
    EXPECT_EQ(import("export.csv", csv, {}, {.allowDuplicates = true}).imported, 50);
    EXPECT_EQ(incidents(), 151);
}

TEST_F(ImportSafety, GaussKruegerOrZonePrefixedUtmWithoutCrsIsRefusedNamingTheCrs) {
    loadBaseMap();
    const auto checksum = project->store().contentChecksum(core::LayerId::Incidents);
    // Rechtswert/Hochwert in Gauß-Krüger zone 4, imported as if they were the project's UTM 33N.
    std::string message = refused("gk.csv", incidentsCsv(10, false, "EPSG:31468"));
    EXPECT_TRUE(contains(message, "none of the 10 rows lies near the project")) << message;
    EXPECT_TRUE(contains(message, "km from the project area")) << message;
    EXPECT_TRUE(contains(message, "Gauß-Krüger zone 4")) << message;
    EXPECT_TRUE(contains(message, "--crs EPSG:31468")) << message;

    message = refused("utm-prefix.csv", incidentsCsv(10, false, "EPSG:5650"));
    EXPECT_TRUE(contains(message, "--crs EPSG:5650")) << message;
    message = refused("utm32.csv", incidentsCsv(10, false, "EPSG:25832"));
    EXPECT_TRUE(contains(message, "--crs EPSG:25832")) << message;
    EXPECT_EQ(incidents(), 0);
    EXPECT_EQ(project->store().contentChecksum(core::LayerId::Incidents), checksum);

    // With the right --crs they land where they belong.
    io::ImportMapping mapping;
    mapping.crs = "EPSG:31468";
    EXPECT_EQ(import("gk.csv", incidentsCsv(10, false, "EPSG:31468"), mapping).imported, 10);
}

TEST_F(ImportSafety, SwappedAxesZeroAndFarCoordinatesAreRejected) {
    loadBaseMap();
    // x/y swapped.
    double x = kLon, y = kLat;
    geo::CrsTransform("EPSG:4326", "EPSG:25833").transform(x, y);
    std::string message = refused("swapped.csv", "time,category,x,y\n2025-03-01 12:00,Gewalt," + std::to_string(y) +
                                                     "," + std::to_string(x) + "\n");
    EXPECT_TRUE(contains(message, "x and y look swapped")) << message;

    // Latitude 45 / longitude −30: in the Atlantic.
    io::ImportMapping geographic;
    geographic.lat = "lat";
    geographic.lon = "lon";
    test::writeFile(dir / "atlantic.csv", "time,category,lat,lon\n2025-03-01 12:00,Gewalt,45,-30\n");
    try {
        project->importLayer(core::LayerId::Incidents, dir / "atlantic.csv", geographic, {}, core::Progress::none());
        ADD_FAILURE() << "lat 45 / lon -30 was imported";
    } catch (const core::InputError& e) {
        EXPECT_TRUE(contains(e.what(), "km from the project area")) << e.what();
    }

    // 0/0 and x = −5,000,000 among good rows: those two are rejected, the rest imported.
    std::string csv = incidentsCsv(3, false);
    csv += "2025-03-01 12:00,Gewalt,0,0\n2025-03-01 12:00,Gewalt,-5000000," + std::to_string(y) + "\n";
    const auto report = import("mixed.csv", csv);
    EXPECT_EQ(report.imported, 3);
    ASSERT_EQ(report.rejected, 2);
    EXPECT_TRUE(contains(report.rejections[0], "mixed.csv: line 5: coordinates 0/0 are no location"))
        << report.rejections[0];
    EXPECT_TRUE(contains(report.rejections[1], "mixed.csv: line 6: x -5000000")) << report.rejections[1];
    EXPECT_EQ(incidents(), 3);

    // --force-location imports them anyway.
    EXPECT_EQ(import("mixed.csv", csv, {}, {.allowDuplicates = true, .forceLocation = true}).imported, 5);
}

TEST_F(ImportSafety, InAnEmptyProjectCoordinatesOutsideGermanyAreRefused) {
    const std::string message = refused("gk.csv", incidentsCsv(4, false, "EPSG:31468"));
    EXPECT_TRUE(contains(message, "lie outside Germany")) << message;
    EXPECT_TRUE(contains(message, "--crs EPSG:31468")) << message;
    EXPECT_EQ(incidents(), 0);
    EXPECT_EQ(import("utm.csv", incidentsCsv(4, false)).imported, 4);
}
