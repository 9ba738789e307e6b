#include <gtest/gtest.h>

#include "core/error.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/field_mark.hpp"
#include "edit/field_package.hpp"
#include "edit/graffiti.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"

using namespace lb;
using core::LayerId;
using store::ProjectStore;

namespace {

constexpr double kX = 316000, kY = 5690000;

std::string value(edit::EditSession& session, LayerId layer, const std::string& uuid, const char* column) {
    const auto record = session.feature(layer, uuid);
    return record ? core::toString(record->values.at(column)) : "<deleted>";
}

class FieldPackageTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::filesystem::path projectPath = dir / "stadt.sqlite";
    std::filesystem::path packagePath = dir / "paket.sqlite";
    std::unique_ptr<ProjectStore> project = ProjectStore::create(projectPath, "EPSG:25833");
    edit::EditSession planner{*project, "Planerin"};
    std::vector<std::string> incidents;
    std::string site, route, visit;

    void SetUp() override {
        for (int i = 0; i < 3; ++i) {
            incidents.push_back(planner
                                    .apply(edit::addFeature(LayerId::Incidents, geo::pointWkb(kX + 10 * i, kY),
                                                            {{"time", std::string("2025-03-14 22:15")},
                                                             {"category", std::string("vermuellung")}}))
                                    .featureUuid());
        }
        // Far outside the field area.
        planner.apply(
            edit::addFeature(LayerId::Incidents, geo::pointWkb(kX + 5000, kY),
                             {{"time", std::string("2025-03-14 22:15")}, {"category", std::string("gewalt")}}));
        site = planner
                   .apply(edit::addFeature(LayerId::Graffiti, geo::pointWkb(kX, kY + 20),
                                           {{"time", std::string("2025-03-01 10:00")}}))
                   .featureUuid();
        route = planner
                    .apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX + 100, kY + 50}}),
                                            {{"name", std::string("Park")}}))
                    .featureUuid();
        visit =
            planner
                .apply(edit::addFeature(
                    LayerId::Visits, {},
                    {{"route_uuid", route}, {"time", std::string("2025-03-10 17:00")}, {"contacts", std::int64_t{4}}}))
                .featureUuid();
    }

    edit::FieldExportReport exportPackage() {
        edit::FieldExportOptions options;
        options.bbox = core::BBox{kX - 100, kY - 100, kX + 200, kY + 200};
        options.author = "Planerin";
        return edit::exportFieldPackage(*project, packagePath, options);
    }
};

}  // namespace

TEST_F(FieldPackageTest, RoundTripAppliesFieldEditsAndKeepsConflictsForThePlanner) {
    const auto exported = exportPackage();
    EXPECT_TRUE(edit::isFieldPackage(packagePath));
    EXPECT_FALSE(edit::isFieldPackage(projectPath));
    EXPECT_FALSE(std::filesystem::exists(packagePath.string() + ".part"));
    {
        auto package = ProjectStore::open(packagePath, ProjectStore::Access::ReadWrite);
        EXPECT_EQ(package->count(LayerId::Incidents), 3);  // the far one stayed at home
        EXPECT_EQ(package->count(LayerId::Visits), 1);     // visits without location come along
        EXPECT_EQ(test::sqlText(package->db(), "SELECT value FROM lagebild_meta WHERE key = 'field_package_id'"),
                  exported.packageId);

        // In the field: a new mark, an edit, a deletion, a status change, and a change the planner also makes.
        edit::EditSession field(*package, "Streetwork");
        edit::markField(field, edit::FieldMarkKind::Muell, kX + 30, kY + 30, "Sperrmüll");
        field.apply(edit::updateAttributes(LayerId::Incidents, incidents[0], {{"source", std::string("Streetwork")}}));
        field.apply(edit::deleteFeature(LayerId::Incidents, incidents[1]));
        field.apply(edit::setGraffitiStatus(site, {"begutachtet", "2025-03-20", {}, 4.0, {}}));
        field.apply(edit::updateAttributes(LayerId::Incidents, incidents[2], {{"source", std::string("Feld")}}));
        field.apply(edit::updateAttributes(LayerId::Visits, visit, {{"contacts", std::int64_t{6}}}));
    }
    planner.apply(edit::updateAttributes(LayerId::Incidents, incidents[2], {{"source", std::string("Büro")}}));
    planner.apply(edit::updateAttributes(LayerId::Visits, visit, {{"contacts", std::int64_t{5}}}));

    const auto report = edit::mergeFieldPackage(*project, packagePath, "Planerin");
    EXPECT_EQ(report.packageId, exported.packageId);
    EXPECT_EQ(report.added, 1);
    EXPECT_EQ(report.updated, 2);
    EXPECT_EQ(report.deleted, 1);
    ASSERT_EQ(report.conflicts.size(), 2u);
    EXPECT_EQ(value(planner, LayerId::Incidents, incidents[0], "source"), "Streetwork");
    EXPECT_EQ(value(planner, LayerId::Incidents, incidents[1], "source"), "<deleted>");
    EXPECT_EQ(value(planner, LayerId::Graffiti, site, "status"), "begutachtet");
    EXPECT_EQ(edit::graffitiHistory(*project, site).size(), 2u);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM observations WHERE category = 'Müll'"), 1);
    // Conflicts: the project keeps its version, the package's waits in field_conflicts.
    EXPECT_EQ(value(planner, LayerId::Incidents, incidents[2], "source"), "Büro");
    EXPECT_EQ(value(planner, LayerId::Visits, visit, "contacts"), "5");
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM field_conflicts"), 2);
    EXPECT_NE(test::sqlText(project->db(),
                            "SELECT package_values FROM field_conflicts WHERE feature_uuid = '" + incidents[2] + "'")
                  .find("\"source\":\"Feld\""),
              std::string::npos);
    EXPECT_EQ(test::sqlText(project->db(), "SELECT reason FROM field_conflicts WHERE feature_uuid = '" + visit + "'"),
              "changed in both since the export");
    EXPECT_GE(test::sqlInt(project->db(), "SELECT count(*) FROM audit_log WHERE action LIKE 'field_merge:%'"), 4);

    // Merging the same package again changes nothing.
    const auto again = edit::mergeFieldPackage(*project, packagePath, "Planerin");
    EXPECT_EQ(again.added + again.updated + again.deleted, 0);
    EXPECT_EQ(again.conflicts.size(), 2u);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM field_conflicts"), 2);
    EXPECT_EQ(value(planner, LayerId::Incidents, incidents[2], "source"), "Büro");
}

TEST_F(FieldPackageTest, FilesThatAreNotFieldPackagesChangeNothing) {
    exportPackage();
    auto otherPath = dir / "other.sqlite";
    ProjectStore::create(otherPath, "EPSG:25833").reset();
    test::writeFile(dir / "notes.txt", "Treffpunkt am Markt\n");
    project.reset();  // compare the closed file's bytes
    const auto before = test::fileDigest(projectPath);
    auto reopened = ProjectStore::open(projectPath, ProjectStore::Access::ReadWrite);
    for (const auto& bad : {dir / "notes.txt", otherPath, dir / "missing.sqlite", projectPath}) {
        try {
            edit::mergeFieldPackage(*reopened, bad, "x");
            FAIL() << bad << " was merged";
        } catch (const core::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("nothing was merged"), std::string::npos) << e.what();
        }
    }
    // A package of another project.
    auto otherProject = ProjectStore::open(otherPath, ProjectStore::Access::ReadWrite);
    edit::exportFieldPackage(*otherProject, dir / "fremd.sqlite", {});
    EXPECT_THROW(edit::mergeFieldPackage(*reopened, dir / "fremd.sqlite", "x"), core::InputError);
    reopened.reset();
    EXPECT_EQ(test::fileDigest(projectPath), before);
    // An existing output file is never overwritten.
    auto again = ProjectStore::open(projectPath, ProjectStore::Access::ReadWrite);
    const auto packageBefore = test::fileDigest(packagePath);
    EXPECT_THROW(edit::exportFieldPackage(*again, packagePath, {}), core::InputError);
    EXPECT_EQ(test::fileDigest(packagePath), packageBefore);
}

TEST_F(FieldPackageTest, CommandLineRoundTrip) {
    project.reset();
    auto out = test::runLagebild({"field-export", projectPath.string(), "--out", packagePath.string(), "--layers",
                                  "incidents,graffiti", "--no-basemap", "--json"});
    ASSERT_EQ(out.exitCode, 0) << out.err;
    EXPECT_TRUE(out.err.empty()) << out.err;
    EXPECT_NE(out.out.find("\"name\": \"incidents\""), std::string::npos) << out.out;
    auto merged = test::runLagebild({"field-merge", projectPath.string(), packagePath.string(), "--json"});
    ASSERT_EQ(merged.exitCode, 0) << merged.err;
    EXPECT_NE(merged.out.find("\"conflicts\": []"), std::string::npos) << merged.out;

    const auto before = test::fileDigest(projectPath);
    test::writeFile(dir / "kein-paket.gpkg", "not a database at all");
    auto bad = test::runLagebild({"field-merge", projectPath.string(), (dir / "kein-paket.gpkg").string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("not a field package"), std::string::npos) << bad.err;
    auto notPackage = test::runLagebild({"field-merge", projectPath.string(), projectPath.string()});
    EXPECT_EQ(notPackage.exitCode, 2);
    EXPECT_NE(notPackage.err.find("not a field package"), std::string::npos) << notPackage.err;
    EXPECT_EQ(test::fileDigest(projectPath), before);
    auto badLayer = test::runLagebild(
        {"field-export", projectPath.string(), "--out", (dir / "x.sqlite").string(), "--layers", "roads"});
    EXPECT_EQ(badLayer.exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(dir / "x.sqlite"));
}

TEST_F(FieldPackageTest, DeletedOnOneSideAndChangedOnTheOtherIsAConflictNeverASilentDeleteOrResurrection) {
    exportPackage();
    {
        auto package = ProjectStore::open(packagePath, ProjectStore::Access::ReadWrite);
        edit::EditSession field(*package, "Streetwork");
        field.apply(edit::deleteFeature(LayerId::Incidents, incidents[0]));  // the planner edits it meanwhile
        field.apply(edit::updateAttributes(LayerId::Incidents, incidents[1], {{"source", std::string("Feld")}}));
    }
    planner.apply(edit::updateAttributes(LayerId::Incidents, incidents[0], {{"source", std::string("Büro")}}));
    planner.apply(edit::deleteFeature(LayerId::Incidents, incidents[1]));  // the field edits it meanwhile

    const auto report = edit::mergeFieldPackage(*project, packagePath, "Planerin");
    EXPECT_EQ(report.deleted, 0);
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(report.updated, 0);
    ASSERT_EQ(report.conflicts.size(), 2u);
    // The planner's newer edit is kept, not deleted by the package.
    EXPECT_EQ(value(planner, LayerId::Incidents, incidents[0], "source"), "Büro");
    // The planner's deletion stands: the field's edit does not bring the feature back.
    EXPECT_EQ(value(planner, LayerId::Incidents, incidents[1], "source"), "<deleted>");
    EXPECT_EQ(
        test::sqlText(project->db(), "SELECT reason FROM field_conflicts WHERE feature_uuid = '" + incidents[0] + "'"),
        "deleted in the package, changed in the project");
    EXPECT_EQ(
        test::sqlText(project->db(), "SELECT reason FROM field_conflicts WHERE feature_uuid = '" + incidents[1] + "'"),
        "deleted in the project, changed in the package");
    // The package's version of the one it changed waits for the planner.
    EXPECT_NE(test::sqlText(project->db(),
                            "SELECT package_values FROM field_conflicts WHERE feature_uuid = '" + incidents[1] + "'")
                  .find("\"source\":\"Feld\""),
              std::string::npos);
}
