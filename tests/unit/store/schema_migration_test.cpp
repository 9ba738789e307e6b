#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;
using store::ProjectStore;

namespace {

void rawExec(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

std::int64_t scalar(ProjectStore& store, const std::string& sql) {
    store::Statement s(store.db(), sql);
    s.step();
    return s.columnInt(0);
}

}  // namespace

// A version-1 file (as the first release wrote it: no photo thumbnails, no field_conflicts) is brought to
// the current schema when opened for writing, keeping its data.
TEST(SchemaMigration, Version1FileIsMigratedKeepingItsData) {
    test::TempDir dir;
    const auto path = dir / "v1.sqlite";
    ProjectStore::create(path, "EPSG:25833").reset();
    rawExec(path,
            "DROP TABLE field_conflicts;"
            "ALTER TABLE observation_photos DROP COLUMN thumbnail;"
            "INSERT INTO settings(key, value) VALUES ('kept', 'yes');"
            "UPDATE lagebild_meta SET value = '1' WHERE key = 'schema_version';"
            "PRAGMA user_version = 1;");
    // Read-only opening refuses to migrate and leaves the file alone.
    const auto before = test::fileDigest(path);
    EXPECT_THROW(ProjectStore::open(path, ProjectStore::Access::ReadOnly), core::InputError);
    EXPECT_EQ(test::fileDigest(path), before);

    auto project = ProjectStore::open(path, ProjectStore::Access::ReadWrite);
    EXPECT_EQ(project->schemaVersion(), store::kSchemaVersion);
    EXPECT_EQ(scalar(*project, "PRAGMA user_version"), store::kSchemaVersion);
    EXPECT_EQ(project->setting("kept"), "yes");
    EXPECT_EQ(scalar(*project, "SELECT count(*) FROM pragma_table_info('observation_photos') WHERE name = 'thumbnail'"),
              1);
    EXPECT_EQ(scalar(*project, "SELECT count(*) FROM field_conflicts"), 0);
    project.reset();
    // Opening again does not migrate twice.
    EXPECT_EQ(ProjectStore::open(path, ProjectStore::Access::ReadWrite)->schemaVersion(), store::kSchemaVersion);
}
