// Schema objects another program planted in a project (triggers, views, unknown tables) stop it from being
// opened for writing until `repair` removed them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "core/error.hpp"
#include "store/foreign_objects.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"

using namespace lb;
using store::ProjectStore;

namespace {

// Runs SQL on a plain SQLite connection without our hardening, as another program would.
void rawExec(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

std::string openError(const std::filesystem::path& path) {
    try {
        ProjectStore::open(path, ProjectStore::Access::ReadWrite);
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(ForeignObjects, OurOwnProjectsAndFieldPackagesHaveNone) {
    test::TempDir dir;
    auto project = ProjectStore::create(dir / "p.sqlite", "EPSG:31468");  // the reference follows the CRS
    EXPECT_TRUE(store::foreignObjects(project->db(), project->srid(), project->schemaVersion()).empty());
    project->db().exec(store::kFieldPackageManifestSql);
    project->db().exec("ANALYZE");  // sqlite_stat1 is SQLite's own
    EXPECT_TRUE(store::foreignObjects(project->db(), project->srid(), project->schemaVersion()).empty());
}

TEST(ForeignObjects, ATriggerThatEmptiesTheAuditLogIsRefusedThenRepaired) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    ProjectStore::create(path, "EPSG:25833").reset();
    rawExec(path,
            "CREATE TRIGGER wipe_audit AFTER INSERT ON incidents BEGIN DELETE FROM audit_log; END;"
            "CREATE VIEW peek AS SELECT * FROM audit_log;");
    const auto before = test::fileDigest(path);
    const std::string error = openError(path);
    EXPECT_NE(error.find("trigger \"wipe_audit\" on incidents"), std::string::npos) << error;
    EXPECT_NE(error.find("view \"peek\""), std::string::npos) << error;
    EXPECT_EQ(test::fileDigest(path), before);

    const auto dry = ProjectStore::repair(path, false, true);
    EXPECT_EQ(dry.found.size(), 2u);
    EXPECT_FALSE(dry.changed);
    EXPECT_EQ(test::fileDigest(path), before);

    const auto report = ProjectStore::repair(path, false, false);
    EXPECT_EQ(report.removed.size(), 2u);
    auto project = ProjectStore::open(path, ProjectStore::Access::ReadWrite);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM audit_log WHERE action IN ('create', 'repair')"), 2);
    EXPECT_EQ(test::sqlInt(project->db(),
                           "SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view') "
                           "AND name IN ('wipe_audit', 'peek')"),
              0);
}

TEST(ForeignObjects, AChangedTriggerOfOursIsRestoredAndUnknownTablesNeedConsent) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    std::string trigger, ourSql;
    {
        auto project = ProjectStore::create(path, "EPSG:25833");
        store::Statement s(project->db(),
                           "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incidents' "
                           "ORDER BY name LIMIT 1");
        ASSERT_TRUE(s.step());
        trigger = s.columnText(0);
        ourSql = s.columnText(1);
    }
    rawExec(path, "DROP TRIGGER \"" + trigger + "\"; CREATE TRIGGER \"" + trigger +
                      "\" AFTER INSERT ON incidents BEGIN DELETE FROM audit_log; END;"
                      "CREATE TABLE notes_of_someone (x TEXT); INSERT INTO notes_of_someone VALUES ('keep?');");
    EXPECT_NE(openError(path).find("(changed by another program)"), std::string::npos);
    // The unknown table holds rows: it goes only with --drop-tables, and nothing is changed without it.
    const auto before = test::fileDigest(path);
    EXPECT_THROW(ProjectStore::repair(path, false, false), core::InputError);
    EXPECT_EQ(test::fileDigest(path), before);
    ProjectStore::repair(path, true, false);
    auto project = ProjectStore::open(path, ProjectStore::Access::ReadWrite);
    EXPECT_EQ(test::sqlText(project->db(), "SELECT sql FROM sqlite_master WHERE name = '" + trigger + "'"), ourSql);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM sqlite_master WHERE name = 'notes_of_someone'"), 0);
}

TEST(ForeignObjects, ATableOfOursWithAnotherDefinitionCannotBeRepaired) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    ProjectStore::create(path, "EPSG:25833").reset();
    rawExec(path, "ALTER TABLE settings ADD COLUMN extra TEXT DEFAULT 'x'");
    EXPECT_NE(openError(path).find("table \"settings\" (changed by another program)"), std::string::npos);
    const auto before = test::fileDigest(path);
    EXPECT_THROW(ProjectStore::repair(path, true, false), core::InputError);
    EXPECT_EQ(test::fileDigest(path), before);
}

// Reading never runs a planted view's functions: a read-only open (render, query, info — no foreign-object
// check there) finds a view that stands in for one of our layers, but SQLite refuses every extension function
// inside it (SQLITE_DBCONFIG_TRUSTED_SCHEMA off), so nothing the file's author wrote runs on our connection.
TEST(ForeignObjects, APlantedViewCannotCallFunctionsOnAReadOnlyConnection) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    { auto project = ProjectStore::create(path, "EPSG:25833"); }
    rawExec(path, "CREATE VIEW planted AS SELECT spatialite_version() AS v, hex(randomblob(4)) AS r");
    auto reader = ProjectStore::open(path, ProjectStore::Access::ReadOnly);
    try {
        store::Statement s(reader->db(), "SELECT v FROM planted");
        s.step();
        FAIL() << "a planted view ran spatialite_version() on our connection";
    } catch (const core::Error& e) {
        EXPECT_NE(std::string(e.what()).find("unsafe use of spatialite_version()"), std::string::npos) << e.what();
    }
    // The same function called directly by our own statement is fine: the refusal is about the schema.
    store::Statement direct(reader->db(), "SELECT spatialite_version()");
    EXPECT_TRUE(direct.step());
}
