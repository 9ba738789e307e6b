// Art. 17 GDPR: a deleted feature's content leaves the project file and its WAL, through every path that
// deletes features: the GUI's delete (and redo of it), undo of an add, a field-package merge and an OSM
// re-import that replaces a layer. The audit log keeps who deleted what and when, and which fields it had.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/field_package.hpp"
#include "geo/wkb.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"
#include "ui/edit/edit_controller.hpp"

namespace lb::ui {
namespace {

using core::LayerId;

// Odd coordinates so that their bytes occur nowhere else in the file.
constexpr double kX = 316123.456789, kY = 5690321.123457;

std::string doubleBytes(double value) {
    std::string bytes(sizeof value, '\0');
    std::memcpy(bytes.data(), &value, sizeof value);  // little-endian, as WKB and SpatiaLite store it
    return bytes;
}

// Where the marker's bytes are still found: "" when in neither the project file nor its WAL.
std::string whereFound(const std::filesystem::path& project, const std::vector<std::string>& needles) {
    std::string found;
    for (const auto& file : {project, std::filesystem::path(project.string() + "-wal")}) {
        if (!std::filesystem::exists(file)) continue;
        const std::string bytes = test::readFile(file);
        for (std::size_t i = 0; i < needles.size(); ++i) {
            if (bytes.find(needles[i]) != std::string::npos) {
                found += file.filename().string() + " holds needle " + std::to_string(i) + "; ";
            }
        }
    }
    return found;
}

// The note text, the exact coordinates as stored (binary) and as the audit log's GeoJSON writes them.
std::vector<std::string> needles(const std::string& marker) {
    return {marker, doubleBytes(kX), doubleBytes(kY), "316123.456789", "5690321.123457"};
}

class ErasureTest : public ::testing::Test {
protected:
    void SetUp() override {
        store::ProjectStore::create(path, "EPSG:25833");
        ASSERT_FALSE(controller.open(path, "Streetwork Nord"));
    }
    std::string audit(const std::string& sql) {
        store::Db db(path.string(), store::Db::Mode::ReadOnly);
        return test::sqlText(db, sql);
    }

    test::TempDir dir;
    std::filesystem::path path = dir / "p.sqlite";
    EditController controller;
};

TEST_F(ErasureTest, GuiDeleteOfThirtyMarkedObservationsLeavesNoCopyInFileOrWal) {
    const std::string marker = "Treffpunkt-Marker-7f3a";
    std::vector<std::string> uuids;
    for (int i = 0; i < 30; ++i) {
        const auto outcome = controller.markField(edit::FieldMarkKind::Treffpunkt, kX, kY, marker, std::nullopt);
        ASSERT_TRUE(outcome.ok) << outcome.error;
        uuids.push_back(outcome.featureUuid);
    }
    controller.store()->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the marks are in the file itself now
    ASSERT_NE(whereFound(path, needles(marker)), "");
    for (const auto& uuid : uuids) {
        const auto outcome = controller.apply(edit::deleteFeature(LayerId::Observations, uuid));
        ASSERT_TRUE(outcome.ok) << outcome.error;
    }
    // Checked while the GUI still has the project open: the promise holds at the commit, not at closing.
    EXPECT_EQ(whereFound(path, needles(marker)), "");
    // Who deleted what, when, and which fields it had, stay.
    EXPECT_EQ(audit("SELECT count(*) FROM audit_log WHERE action = 'delete_feature' AND layer = 'observations' "
                    "AND author = 'Streetwork Nord' AND feature_uuid = '" +
                    uuids[0] + "'"),
              "1");
    EXPECT_EQ(
        audit("SELECT old_values FROM audit_log WHERE action = 'delete_feature' AND feature_uuid = '" + uuids[0] + "'")
                .find(R"("note")") != std::string::npos,
        true);
    // The mark's own row (a field mark audits as the point it adds) kept its field names, lost its values.
    EXPECT_EQ(audit("SELECT new_values FROM audit_log WHERE action = 'add_point' AND feature_uuid = '" + uuids[0] + "'")
                  .front(),
              '[');

    // Undo of the delete comes from this session's memory, not from the file; redo deletes it again.
    ASSERT_TRUE(controller.undo().ok);
    EXPECT_EQ(core::toString(controller.session()->feature(LayerId::Observations, uuids.back())->values.at("note")),
              marker);
    ASSERT_TRUE(controller.redo().ok);
    EXPECT_FALSE(controller.session()->feature(LayerId::Observations, uuids.back()));
    EXPECT_EQ(whereFound(path, needles(marker)), "");
}

TEST_F(ErasureTest, UndoOfAnAddLeavesNoCopy) {
    const std::string marker = "Spritzenfund-Marker-91c2";
    ASSERT_TRUE(controller.markField(edit::FieldMarkKind::SpritzenDrogenfund, kX, kY, marker, std::nullopt).ok);
    ASSERT_NE(whereFound(path, needles(marker)), "");
    ASSERT_TRUE(controller.undo().ok);
    EXPECT_EQ(whereFound(path, needles(marker)), "");
    EXPECT_EQ(audit("SELECT count(*) FROM audit_log WHERE action = 'undo:add_point'"), "1");
}

TEST_F(ErasureTest, FieldMergeDeletionLeavesNoCopyInTheProject) {
    controller.close();
    const std::string marker = "Angstraum-Marker-c0de";
    const auto packagePath = dir / "paket.sqlite";
    auto project = store::ProjectStore::create(dir / "stadt.sqlite", "EPSG:25833");
    edit::EditSession planner(*project, "Planerin");
    const std::string uuid =
        planner
            .apply(edit::addFeature(
                LayerId::Observations, geo::pointWkb(kX, kY),
                {{"category", std::string("Angstraum")}, {"time", std::string("2025-03-14 22:15")}, {"note", marker}}))
            .featureUuid();
    edit::FieldExportOptions options;
    options.author = "Planerin";
    edit::exportFieldPackage(*project, packagePath, options);
    {
        auto package = store::ProjectStore::open(packagePath, store::ProjectStore::Access::ReadWrite);
        edit::EditSession field(*package, "Streetwork");
        field.apply(edit::deleteFeature(LayerId::Observations, uuid));
        EXPECT_EQ(whereFound(packagePath, needles(marker)), "");
    }
    project->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    ASSERT_NE(whereFound(dir / "stadt.sqlite", needles(marker)), "");
    const auto report = edit::mergeFieldPackage(*project, packagePath, "Planerin");
    EXPECT_EQ(report.deleted, 1);
    EXPECT_EQ(whereFound(dir / "stadt.sqlite", needles(marker)), "");
    EXPECT_EQ(test::sqlText(project->db(),
                            "SELECT count(*) FROM audit_log WHERE action = "
                            "'field_merge:delete_feature' AND feature_uuid = '" +
                                uuid + "'"),
              "1");
}

TEST_F(ErasureTest, OsmReimportThatReplacesALayerLeavesNoCopy) {
    controller.close();
    auto osm = [](const std::string& name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n"
               "  <node id=\"1\" lat=\"50.8200\" lon=\"12.5400\" version=\"1\"/>\n"
               "  <node id=\"2\" lat=\"50.8200\" lon=\"12.5410\" version=\"1\"/>\n"
               "  <node id=\"3\" lat=\"50.8196\" lon=\"12.5446\" version=\"1\">\n"
               "    <tag k=\"amenity\" v=\"bench\"/><tag k=\"name\" v=\"" +
               name +
               "\"/>\n  </node>\n"
               "  <way id=\"10\" version=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"footway\"/></way>\n"
               "</osm>\n";
    };
    const std::string marker = "Bank-Marker-5e11";
    test::writeFile(dir / "first.osm", osm(marker));
    test::writeFile(dir / "second.osm", osm("Bank"));
    auto project = project::Project::create(dir / "osm.sqlite", "EPSG:25833");
    core::Progress progress;
    project->importOsm(dir / "first.osm", progress);
    project->store().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    ASSERT_NE(whereFound(dir / "osm.sqlite", {marker}), "");
    project->importOsm(dir / "second.osm", progress);
    EXPECT_EQ(whereFound(dir / "osm.sqlite", {marker}), "");
}

}  // namespace
}  // namespace lb::ui
