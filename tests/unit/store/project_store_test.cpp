#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "core/error.hpp"
#include "geo/wkb.hpp"
#include "store/layer_writer.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;
using store::ProjectStore;

namespace {

std::int64_t scalar(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.columnInt(0);
}

std::string scalarText(store::Db& db, const std::string& sql) {
    store::Statement s(db, sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.columnText(0);
}

// Runs SQL on a plain SQLite connection, without any of our hardening (as another program would).
void rawExec(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

}  // namespace

TEST(ProjectStore, CreatesAHardenedSpatiaLiteProjectWithEveryLayer) {
    test::TempDir dir;
    auto project = ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
    auto& db = project->db();
    EXPECT_EQ(project->schemaVersion(), store::kSchemaVersion);
    EXPECT_EQ(project->srid(), 25833);
    EXPECT_EQ(scalarText(db, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(scalar(db, "PRAGMA synchronous"), 2);  // FULL
    EXPECT_EQ(scalar(db, "PRAGMA secure_delete"), 1);
    EXPECT_EQ(scalar(db, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(scalar(db, "PRAGMA trusted_schema"), 0);
    EXPECT_EQ(scalar(db, "PRAGMA application_id"), store::kApplicationId);
    for (const auto& layer : core::kLayers) {
        store::Statement s(db, "SELECT srid, spatial_index_enabled FROM geometry_columns WHERE f_table_name = ?");
        s.bind(1, layer.name);
        ASSERT_TRUE(s.step()) << layer.name;
        EXPECT_EQ(s.columnInt(0), 25833) << layer.name;
        EXPECT_EQ(s.columnInt(1), 1) << layer.name;
    }
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'create'"), 1);
}

TEST(ProjectStore, RefusesNonMetricCrsAndExistingFiles) {
    test::TempDir dir;
    test::writeFile(dir / "exists.sqlite", "x");
    EXPECT_THROW(ProjectStore::create(dir / "exists.sqlite", "EPSG:25833"), core::InputError);
    EXPECT_EQ(test::readFile(dir / "exists.sqlite"), "x");
    EXPECT_THROW(ProjectStore::create(dir / "missing-folder" / "p.sqlite", "EPSG:25833"), core::InputError);
}

TEST(ProjectStore, WritesFeaturesWithSpatialIndexAndBookkeeping) {
    test::TempDir dir;
    {
        auto project = ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
        project->seedUuids(7);
        store::WriteTransaction tx(*project);
        store::LayerWriter writer(*project, core::LayerId::Incidents, {"time", "category"});
        const std::string uuid = writer.insert(geo::pointWkb(327000, 5632600),
                                               {std::string("2025-03-14T22:15:00+01:00"), std::string("gewalt")});
        EXPECT_TRUE(core::isUuid(uuid));
        writer.insert(geo::pointWkb(328000, 5633600),
                      {std::string("2025-03-15T01:00:00+01:00"), std::string("drogen")});
        writer.finish();
        tx.commit();
    }
    auto project = ProjectStore::open(dir / "p.sqlite", ProjectStore::Access::ReadOnly);
    auto& db = project->db();
    EXPECT_EQ(project->count(core::LayerId::Incidents), 2);
    const auto box = project->extent(core::LayerId::Incidents);
    EXPECT_EQ(box.minX, 327000);
    EXPECT_EQ(box.maxY, 5633600);
    // Our RTreeAlign kept the spatial index in step, under trusted_schema=OFF.
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM idx_incidents_geometry"), 2);
    EXPECT_EQ(scalar(db,
                     "SELECT count(*) FROM idx_incidents_geometry WHERE xmin <= 327500 AND xmax >= 326500 "
                     "AND ymin <= 5632700 AND ymax >= 5632500"),
              1);
    EXPECT_EQ(scalar(db,
                     "SELECT count(*) FROM incidents WHERE created IS NOT NULL AND modified = created AND "
                     "author <> ''"),
              2);
    EXPECT_EQ(scalarText(db, "SELECT AsText(geometry) FROM incidents ORDER BY id LIMIT 1"), "POINT(327000 5632600)");
}

TEST(ProjectStore, GeometryConstraintsRejectWrongTypeAndSrid) {
    test::TempDir dir;
    auto project = ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
    store::LayerWriter writer(*project, core::LayerId::Incidents, {"time"});
    EXPECT_THROW(writer.insert(geo::lineStringWkb({{0, 0}, {1, 1}}), {std::string("2025-01-01T00:00:00+01:00")}),
                 core::Error);
    store::Statement wrongSrid(project->db(),
                               "INSERT INTO incidents(uuid, created, modified, author, geometry) "
                               "VALUES ('u', 'c', 'm', 'a', MakePoint(1, 2, 4326))");
    EXPECT_THROW(wrongSrid.run(), core::Error);
    EXPECT_EQ(project->count(core::LayerId::Incidents), 0);
}

TEST(SpatialiteBlob, EncodesExactlyAsGeomFromWkb) {
    test::TempDir dir;
    auto project = ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
    const std::vector<core::Wkb> samples = {
        geo::pointWkb(327048.945, 5632637.495),
        geo::lineStringWkb({{0, 0}, {10, 5}, {20, -3}}),
        geo::polygonWkb({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{2, 2}, {4, 2}, {4, 4}}}),
        geo::multiPolygonWkb({{{{0, 0}, {1, 0}, {1, 1}}}, {{{5, 5}, {6, 5}, {6, 6}}}}),
    };
    for (const auto& wkb : samples) {
        store::Statement s(project->db(), "SELECT GeomFromWKB(?, 25833)");
        s.bindBlob(1, wkb);
        ASSERT_TRUE(s.step());
        const auto expected = s.columnBlob(0);
        EXPECT_EQ(store::wkbToSpatialite(wkb, 25833), expected);
        EXPECT_EQ(store::spatialiteToWkb(expected.data(), expected.size()), wkb);
    }
}

TEST(ProjectStore, RefusesForeignNewerAndCorruptFilesWithoutChangingThem) {
    test::TempDir dir;
    // Not SQLite at all.
    test::writeFile(dir / "image.sqlite",
                    "\x89PNG\r\n\x1a\nnot a database at all, just bytes........................"
                    "....................................................");
    const auto before = test::fileDigest(dir / "image.sqlite");
    EXPECT_THROW(ProjectStore::open(dir / "image.sqlite", ProjectStore::Access::ReadWrite), core::InputError);
    EXPECT_EQ(test::fileDigest(dir / "image.sqlite"), before);
    EXPECT_FALSE(std::filesystem::exists(dir / "image.sqlite-wal"));

    // SQLite, but not ours.
    rawExec(dir / "other.sqlite", "CREATE TABLE t(x)");
    const auto otherBefore = test::fileDigest(dir / "other.sqlite");
    try {
        ProjectStore::open(dir / "other.sqlite", ProjectStore::Access::ReadWrite);
        FAIL() << "opened a foreign SQLite file";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("not a Lagebild project"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::fileDigest(dir / "other.sqlite"), otherBefore);

    // A newer schema.
    ProjectStore::create(dir / "newer.sqlite", "EPSG:25833").reset();
    for (const int version : {99, store::kSchemaVersion + 1}) {  // far ahead, and the very next version
        rawExec(dir / "newer.sqlite", "PRAGMA user_version = " + std::to_string(version));
        try {
            ProjectStore::open(dir / "newer.sqlite", ProjectStore::Access::ReadWrite);
            FAIL() << "opened schema version " << version;
        } catch (const core::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
        }
    }

    // Our tables, but not our application id (a copy made with another tool's dump/restore loses it): the
    // header decides, before SQLite opens the file.
    ProjectStore::create(dir / "copy.sqlite", "EPSG:25833").reset();
    rawExec(dir / "copy.sqlite", "PRAGMA application_id = 0");
    const auto copyBefore = test::fileDigest(dir / "copy.sqlite");
    try {
        ProjectStore::open(dir / "copy.sqlite", ProjectStore::Access::ReadWrite);
        FAIL() << "opened a file without our application id";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("an SQLite database, but not a Lagebild project"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(test::fileDigest(dir / "copy.sqlite"), copyBefore);

    // Corrupt: the schema pages overwritten.
    ProjectStore::create(dir / "corrupt.sqlite", "EPSG:25833").reset();
    {
        std::fstream f(dir / "corrupt.sqlite", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string garbage(8000, '\x5a');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    const auto corruptBefore = test::fileDigest(dir / "corrupt.sqlite");
    EXPECT_THROW(
        {
            auto p = ProjectStore::open(dir / "corrupt.sqlite", ProjectStore::Access::ReadWrite);
            p->count(core::LayerId::Roads);
        },
        core::InputError);
    EXPECT_EQ(test::fileDigest(dir / "corrupt.sqlite"), corruptBefore);
}

TEST(ProjectStore, AHostileSchemaCannotRunFunctions) {
    test::TempDir dir;
    ProjectStore::create(dir / "p.sqlite", "EPSG:25833").reset();
    // Someone plants a view and a trigger that call functions (here harmless ones, but the same path would
    // reach any function registered on the connection).
    rawExec(dir / "p.sqlite",
            "CREATE VIEW planted AS SELECT spatialite_version() AS v;"
            "CREATE TRIGGER planted_trigger AFTER INSERT ON settings BEGIN SELECT spatialite_version(); END;");
    // Writing is refused outright (foreign_objects_test.cpp); reading still works, and trusted_schema=OFF
    // keeps the view from calling the function.
    EXPECT_THROW(ProjectStore::open(dir / "p.sqlite", ProjectStore::Access::ReadWrite), core::InputError);
    auto project = ProjectStore::open(dir / "p.sqlite", ProjectStore::Access::ReadOnly);
    try {
        scalarText(project->db(), "SELECT v FROM planted");
        FAIL() << "a view in the file ran a function";
    } catch (const core::Error& e) {
        EXPECT_NE(std::string(e.what()).find("unsafe use of spatialite_version"), std::string::npos) << e.what();
    }
    // Defensive mode: the schema table cannot be written directly, not even on a clean project.
    ProjectStore::create(dir / "clean.sqlite", "EPSG:25833").reset();
    auto clean = ProjectStore::open(dir / "clean.sqlite", ProjectStore::Access::ReadWrite);
    EXPECT_THROW(clean->db().exec("PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE name = 'settings'"),
                 core::Error);
}

TEST(ProjectStore, SettingsAndAuthor) {
    test::TempDir dir;
    auto project = ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
    project->setSetting("author", "Stadtverwaltung Musterstadt");
    EXPECT_EQ(project->author(), "Stadtverwaltung Musterstadt");
    project->setSetting("author", "Präventionsrat");
    EXPECT_EQ(project->setting("author"), "Präventionsrat");
}

TEST(ProjectStore, SecureDeleteLeavesNoDeletedTextInTheFile) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    const std::string secret = "Zeuge-Geheimname-4711";
    {
        auto project = ProjectStore::create(path, "EPSG:25833");
        store::WriteTransaction tx(*project);
        store::LayerWriter writer(*project, core::LayerId::Observations, {"note"});
        writer.insert(geo::pointWkb(327000, 5632600), {secret});
        writer.finish();
        tx.commit();
        project->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        store::WriteTransaction del(*project);
        project->clearLayer(core::LayerId::Observations);
        del.commit();
        project->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    EXPECT_EQ(test::readFile(path).find(secret), std::string::npos);
    if (std::filesystem::exists(dir / "p.sqlite-wal")) {
        EXPECT_EQ(test::readFile(dir / "p.sqlite-wal").find(secret), std::string::npos);
    }
}

TEST(ProjectStore, RebuildsTheSpatialIndexAfterAnotherProgramEditedALayer) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    {
        auto project = ProjectStore::create(path, "EPSG:25833");
        store::WriteTransaction tx(*project);
        store::LayerWriter writer(*project, core::LayerId::Districts, {"name"});
        writer.insert(geo::multiPolygonWkb({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}}), {std::string("Altstadt")});
        tx.commit();
    }
    // Another program (as QGIS would, with SpatiaLite loaded and SpatiaLite's own triggers) moves the
    // district and adds one; our index triggers are not in the file, so the index is now stale.
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_enable_load_extension(db, 1);
        char* error = nullptr;
        ASSERT_EQ(sqlite3_load_extension(db, "mod_spatialite", nullptr, &error), SQLITE_OK) << (error ? error : "");
        const char* sql =
            "UPDATE districts SET geometry = CastToMultiPolygon(BuildMbr(100, 100, 110, 110, 25833));"
            "INSERT INTO districts(uuid, name, created, modified, author, geometry) VALUES "
            "('u2', 'Neustadt', 'c', 'm', 'qgis', CastToMultiPolygon(BuildMbr(200, 200, 210, 210, 25833)));";
        ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
        sqlite3_close(db);
    }
    auto project = ProjectStore::open(path, ProjectStore::Access::ReadWrite);
    auto& db = project->db();
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM idx_districts_geometry"), 2);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM idx_districts_geometry WHERE xmin >= 99 AND xmax <= 111"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM idx_districts_geometry WHERE xmax <= 11"), 0);
}

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
    // Read-only opening (render, query, info) reads the old version as it is and leaves the file alone.
    const auto before = test::fileDigest(path);
    {
        auto reader = ProjectStore::open(path, ProjectStore::Access::ReadOnly);
        EXPECT_EQ(reader->schemaVersion(), 1);
        EXPECT_EQ(reader->setting("kept"), "yes");
    }
    EXPECT_EQ(test::fileDigest(path), before);

    auto project = ProjectStore::open(path, ProjectStore::Access::ReadWrite);
    EXPECT_EQ(project->schemaVersion(), store::kSchemaVersion);
    EXPECT_EQ(scalar(project->db(), "PRAGMA user_version"), store::kSchemaVersion);
    EXPECT_EQ(project->setting("kept"), "yes");
    EXPECT_EQ(
        scalar(project->db(), "SELECT count(*) FROM pragma_table_info('observation_photos') WHERE name = 'thumbnail'"),
        1);
    EXPECT_EQ(scalar(project->db(), "SELECT count(*) FROM field_conflicts"), 0);
    project.reset();
    // Opening again does not migrate twice.
    EXPECT_EQ(ProjectStore::open(path, ProjectStore::Access::ReadWrite)->schemaVersion(), store::kSchemaVersion);
}

TEST(ProjectStore, APlainSqliteDatabaseIsRefusedBeforeAnythingIsWrittenToIt) {
    test::TempDir dir;
    const auto path = dir / "kassenbuch.sqlite";
    rawExec(path, "CREATE TABLE buchung(id INTEGER PRIMARY KEY, betrag REAL); INSERT INTO buchung VALUES (1, 9.5)");
    const auto before = test::fileDigest(path);
    for (const auto access : {ProjectStore::Access::ReadOnly, ProjectStore::Access::ReadWrite}) {
        EXPECT_THROW(ProjectStore::open(path, access), core::InputError);
        EXPECT_EQ(test::fileDigest(path), before);
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            EXPECT_FALSE(std::filesystem::exists(path.string() + suffix)) << suffix;
        }
    }
    // The same through the command line: every command that opens a project refuses it and writes nothing.
    test::writeFile(dir / "x.csv", "x,y,time,category\n316000,5690000,14.03.2025 22:15,gewalt\n");
    const std::vector<std::vector<std::string>> commands = {
        {"info", path.string()},
        {"import", path.string(), "--layer", "incidents", (dir / "x.csv").string()},
        {"query", path.string(), "--layer", "incidents"},
    };
    for (const auto& args : commands) {
        const auto r = test::runLagebild(args);
        EXPECT_EQ(r.exitCode, 2) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find("not a Lagebild project"), std::string::npos) << args[0] << ": " << r.err;
        EXPECT_EQ(test::fileDigest(path), before) << args[0];
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            EXPECT_FALSE(std::filesystem::exists(path.string() + suffix)) << args[0] << suffix;
        }
    }
}

TEST(ProjectStore, ADamagedCrsIsNamedWithTheFile) {
    test::TempDir dir;
    const auto path = dir / "p.sqlite";
    ProjectStore::create(path, "EPSG:25833");
    for (const std::string crs : {"EPSG:abc", "EPSG:", "25833", "EPSG:99999999999", "EPSG:25833x"}) {
        rawExec(path, "UPDATE lagebild_meta SET value = '" + crs + "' WHERE key = 'crs'");
        try {
            ProjectStore::open(path, ProjectStore::Access::ReadOnly);
            ADD_FAILURE() << crs << " was accepted";
        } catch (const core::InputError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find(path.string()), std::string::npos) << message;
            EXPECT_NE(message.find("'" + crs + "'"), std::string::npos) << message;
        }
    }
}

TEST(ProjectStore, CreateRefusesACrsThatIsNotAnEpsgCode) {
    test::TempDir dir;
    EXPECT_THROW(ProjectStore::create(dir / "p.sqlite", "EPSG:abc"), core::UsageError);
    EXPECT_FALSE(std::filesystem::exists(dir / "p.sqlite"));
}
