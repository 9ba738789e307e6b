#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

#include "support/test_support.hpp"

using namespace lb;

namespace {
const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";
}

TEST(SqlCli, SelectsWithSpatiaLiteFunctions) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    ASSERT_EQ(test::runLagebild({"import-osm", project, test::fixture(kFixture).string()}).exitCode, 0);
    const auto r = test::runLagebild(
        {"sql", project, "SELECT count(*) AS n, GeometryType(geometry) AS t FROM pois GROUP BY t", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto out = nlohmann::json::parse(r.out);
    EXPECT_EQ(out.at("columns"), nlohmann::json({"n", "t"}));
    EXPECT_EQ(out.at("rows")[0][0], 5);
    EXPECT_EQ(out.at("rows")[0][1], "POINT");
}

TEST(SqlCli, EveryWriteIsRefusedAndTheFileStaysByteIdentical) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    ASSERT_EQ(test::runLagebild({"import-osm", project, test::fixture(kFixture).string()}).exitCode, 0);
    const auto before = test::fileDigest(project);
    const std::string other = (dir / "other.db").string();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"DELETE FROM pois", "refused: DELETE"},
        {"UPDATE roads SET name = 'x'", "refused: UPDATE"},
        {"INSERT INTO settings VALUES ('a', 'b')", "refused: INSERT"},
        {"SELECT 1; DROP TABLE pois", "refused: DROP"},
        {"CREATE TEMP TABLE t(x)", "refused: CREATE TABLE"},
        {"CREATE INDEX i ON pois(name)", "refused: CREATE INDEX"},
        {"ALTER TABLE pois ADD COLUMN x", "refused: ALTER TABLE"},
        {"ATTACH '" + other + "' AS o", "refused: ATTACH"},
        {"PRAGMA user_version = 7", "refused: PRAGMA"},
        {"VACUUM INTO '" + other + "'", "refused"},
        {"SELECT InitSpatialMetadata(1)", "refused"},
        {"SELECT load_extension('mod_spatialite')", "refused: the function load_extension()"},
    };
    for (const auto& [sql, message] : cases) {
        const auto r = test::runLagebild({"sql", project, sql});
        EXPECT_NE(r.exitCode, 0) << sql;
        EXPECT_NE(r.err.find(message), std::string::npos) << sql << ": " << r.err;
        EXPECT_EQ(r.out, "") << sql;
    }
    EXPECT_EQ(test::fileDigest(project), before);
    EXPECT_FALSE(std::filesystem::exists(other));
    const auto bad = test::runLagebild({"sql", project, "SELEKT 1"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("syntax error"), std::string::npos) << bad.err;
}

namespace {

std::string newProject(const test::TempDir& dir) {
    const std::string project = (dir / "p.sqlite").string();
    EXPECT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    EXPECT_EQ(test::runLagebild({"import-osm", project, test::fixture(kFixture).string()}).exitCode, 0);
    return project;
}

}  // namespace

TEST(SqlCli, AnEndlessRecursiveQueryStopsAtTheTimeLimit) {
    test::TempDir dir;
    const std::string project = newProject(dir);
    const auto before = test::fileDigest(project);
    const auto begin = std::chrono::steady_clock::now();
    const auto r = test::runLagebild(
        {"sql", project,
         "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) SELECT count(*) FROM c",
         "--timeout", "1"});
    const auto elapsed = std::chrono::steady_clock::now() - begin;
    EXPECT_EQ(r.exitCode, 1) << r.err;  // kExitFailure: cancelled at run time
    EXPECT_NE(r.err.find("Abfrage abgebrochen: Zeitlimit"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_LT(elapsed, std::chrono::seconds(10));
    // The same for a query that returns its endless rows: stopped, never buffered without bound.
    const auto rows = test::runLagebild(
        {"sql", project, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c", "--timeout",
         "1"});
    EXPECT_EQ(rows.exitCode, 1) << rows.err;
    EXPECT_NE(rows.err.find("Abfrage abgebrochen"), std::string::npos) << rows.err;
    EXPECT_EQ(test::fileDigest(project), before);
}

TEST(SqlCli, FileAndCodeFunctionsAreRefusedEvenWithRelaxedSpatialiteSecurity) {
    test::TempDir dir;
    const std::string project = newProject(dir);
    const auto before = test::fileDigest(project);
    const std::string zip = (dir / "x.zip").string();
    test::writeFile(zip, "PK");
    const std::string out = (dir / "out.bin").string();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"SELECT ZipFile_ShpN('" + zip + "', 1)", "zipfile_shpn"},
        {"SELECT fts3_tokenizer('simple')", "fts3_tokenizer"},
        {"SELECT fts3_tokenizer('evil', x'4141414141414141')", "fts3_tokenizer"},
        {"SELECT SqlProc_FromFile('/etc/passwd')", "sqlproc_fromfile"},
        {"SELECT BlobFromFile('/etc/passwd')", "blobfromfile"},
        {"SELECT BlobToFile(x'41', '" + out + "')", "blobtofile"},
        {"SELECT ExportGeoJSON2('pois', 'geometry', '" + out + "')", "exportgeojson2"},
        {"SELECT ImportSHP('" + out + "', 'x', 'UTF-8')", "importshp"},
        {"SELECT readfile('/etc/passwd')", "readfile"},
    };
    for (const auto& [sql, function] : cases) {
        for (const bool relaxed : {false, true}) {
            const auto r =
                relaxed ? test::runProgram("env", {"SPATIALITE_SECURITY=relaxed", LAGEBILD_BINARY, "sql", project, sql})
                        : test::runLagebild({"sql", project, sql});
            EXPECT_EQ(r.exitCode, 2) << sql << (relaxed ? " (relaxed)" : "") << ": " << r.err;
            EXPECT_NE(r.err.find("refused: the function " + function + "()"), std::string::npos)
                << sql << (relaxed ? " (relaxed)" : "") << ": " << r.err;
            EXPECT_EQ(r.out, "") << sql;
            EXPECT_EQ(r.err.find("root:"), std::string::npos) << sql;
        }
    }
    EXPECT_EQ(test::fileDigest(project), before);
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Cli, AnUnknownCommandIsNamedAndTheCommandsListed) {
    for (const std::string command : {"report", "exportieren"}) {
        const auto r = test::runLagebild({command, "p.sqlite", "--out", "x.pdf"});
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("unknown command '" + command + "'"), std::string::npos) << r.err;
        for (const char* known : {"init", "demo", "import", "info", "query", "hotspots", "sql"}) {
            EXPECT_NE(r.err.find(known), std::string::npos) << known << " missing in: " << r.err;
        }
        EXPECT_EQ(r.err.find("A subcommand is required"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    const auto none = test::runLagebild({});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_NE(none.err.find("sql"), std::string::npos) << none.err;
    EXPECT_EQ(test::runLagebild({"--version"}).exitCode, 0);
    EXPECT_EQ(test::runLagebild({"info", "--help"}).exitCode, 0);
}

TEST(Cli, ADamagedProjectCrsNamesTheFileAndTheValue) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(project.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db, "UPDATE lagebild_meta SET value = 'EPSG:abc' WHERE key = 'crs'", nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
    const auto before = test::fileDigest(project);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"info", project}, {"sql", project, "SELECT 1"}, {"query", project, "--layer", "incidents"}}) {
        const auto r = test::runLagebild(args);
        EXPECT_EQ(r.exitCode, 2) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find(project), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("'EPSG:abc'"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    }
    EXPECT_EQ(test::fileDigest(project), before);
}
