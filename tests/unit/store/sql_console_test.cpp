#include <gtest/gtest.h>
#include <sqlite3.h>
// spatialite.h needs sqlite3.h first
#include <spatialite.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/project_store.hpp"
#include "store/sql_console.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

struct FunctionInfo {
    std::string name;  // lower case
    int args = 0;      // -1: any number
};

// Every function a plain connection offers after SpatiaLite's init, with or without
// SPATIALITE_SECURITY=relaxed (the console must refuse the file functions either way).
std::vector<FunctionInfo> spatialiteFunctions(bool relaxed) {
    if (relaxed) {
        ::setenv("SPATIALITE_SECURITY", "relaxed", 1);
    } else {
        ::unsetenv("SPATIALITE_SECURITY");
    }
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    void* cache = spatialite_alloc_connection();
    spatialite_init_ex(db, cache, 0);
    ::unsetenv("SPATIALITE_SECURITY");
    std::vector<FunctionInfo> out;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT DISTINCT lower(name), narg FROM pragma_function_list", -1, &stmt, nullptr),
              SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), sqlite3_column_int(stmt, 1)});
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    spatialite_cleanup_ex(cache);
    return out;
}

// A call of `name` with `args` arguments (NULL or a path in the test folder).
std::string callOf(const std::string& name, int args, const std::string& path) {
    std::string sql = "SELECT " + name + "(";
    const int n = args < 0 ? 1 : args;
    for (int i = 0; i < n; ++i) sql += std::string(i ? ", " : "") + (i == 0 ? "'" + path + "'" : "NULL");
    return sql + ")";
}

class SqlConsole : public ::testing::Test {
protected:
    void SetUp() override { store::ProjectStore::create(m_project, "EPSG:25833"); }

    void expectRefused(const std::string& sql, const std::string& function) {
        try {
            store::runReadOnlySql(m_project, sql);
            ADD_FAILURE() << sql << " ran";
        } catch (const core::UsageError& e) {
            EXPECT_NE(std::string(e.what()).find("refused: the function " + function + "()"), std::string::npos)
                << sql << ": " << e.what();
        } catch (const std::exception& e) {
            ADD_FAILURE() << sql << ": not refused but " << e.what();
        }
    }

    test::TempDir m_dir;
    std::filesystem::path m_project = m_dir / "p.sqlite";
};

TEST_F(SqlConsole, EveryFileFunctionSpatiaLiteOffersIsRefusedLoadedOrNot) {
    const auto relaxed = spatialiteFunctions(true);
    const auto strict = spatialiteFunctions(false);
    std::set<std::string> strictNames;
    for (const auto& f : strict) strictNames.insert(f.name);
    // What SPATIALITE_SECURITY=relaxed adds (ImportSHP, ExportGeoJSON, BlobToFile, …) plus every function whose
    // name says it reaches files, code or stored SQL, plus names this build may not have at all.
    std::vector<FunctionInfo> dangerous;
    for (const auto& f : relaxed) {
        const std::string& n = f.name;
        if (!strictNames.contains(n) || n.find("file") != std::string::npos || n.starts_with("import") ||
            n.starts_with("export") || n.starts_with("xb_") || n.starts_with("zipfile") || n.starts_with("sqlproc") ||
            n.starts_with("storedproc") || n.starts_with("storedvar") || n == "load_extension" ||
            n == "fts3_tokenizer") {
            dangerous.push_back(f);
        }
    }
    std::set<std::string> found;
    for (const auto& f : dangerous) found.insert(f.name);
    for (const char* name : {"importshp", "exportshp", "blobtofile", "blobfromfile"}) {
        EXPECT_TRUE(found.contains(name)) << name << " is not among the relaxed-mode functions: enumeration broken";
    }
    for (const char* name :
         {"blobtofile",  "blobfromfile",     "importshp",      "exportshp",       "importdbf",    "exportdbf",
          "exportkml",   "exportgeojson",    "exportgeojson2", "importgeojson",   "importxls",    "importwfs",
          "importdxf",   "importdxffromdir", "exportdxf",      "importzipshp",    "importzipdbf", "xb_loadxml",
          "xb_storexml", "readfile",         "writefile",      "sqlproc_fromfile"}) {
        if (!found.contains(name)) dangerous.push_back({name, 1});
    }
    const auto before = test::fileDigest(m_project);
    const std::string target = (m_dir / "leak.out").string();
    for (const auto& f : dangerous) {
        expectRefused(callOf(f.name, f.args, target), f.name);
        expectRefused("SELECT " + f.name + "()", f.name);  // wrong number of arguments: still refused by name
    }
    EXPECT_GT(dangerous.size(), 40u);
    EXPECT_EQ(test::fileDigest(m_project), before);
    EXPECT_FALSE(std::filesystem::exists(target));
}

TEST_F(SqlConsole, RelaxedSecurityInTheEnvironmentRegistersNothing) {
    ::setenv("SPATIALITE_SECURITY", "relaxed", 1);
    expectRefused("SELECT ImportSHP('" + (m_dir / "x").string() + "', 'x', 'UTF-8')", "importshp");
    EXPECT_EQ(std::getenv("SPATIALITE_SECURITY"), nullptr);
    ::unsetenv("SPATIALITE_SECURITY");
}

TEST_F(SqlConsole, Fts3TokenizerIsRefusedInBothForms) {
    expectRefused("SELECT fts3_tokenizer('simple')", "fts3_tokenizer");
    expectRefused("SELECT fts3_tokenizer('evil', x'4141414141414141')", "fts3_tokenizer");
}

TEST_F(SqlConsole, GeometryAndBuiltInFunctionsWork) {
    const auto results = store::runReadOnlySql(
        m_project,
        "SELECT ST_AsText(ST_Buffer(MakePoint(0, 0), 1, 1)), round(ST_Area(ST_Buffer(MakePoint(0, 0), "
        "10))), upper('a'), json_extract('{\"a\": 2}', '$.a'), (SELECT count(*) FROM json_each('[1,2,3]'))");
    ASSERT_EQ(results.size(), 1u);
    ASSERT_EQ(results[0].rows.size(), 1u);
    EXPECT_EQ(core::toString(results[0].rows[0][0]), "POLYGON((1 0, 0 -1, -1 0, 0 1, 1 0))");
    EXPECT_EQ(core::toString(results[0].rows[0][2]), "A");
    EXPECT_EQ(std::get<std::int64_t>(results[0].rows[0][3]), 2);
    EXPECT_EQ(std::get<std::int64_t>(results[0].rows[0][4]), 3);
}

TEST_F(SqlConsole, RecursiveCteStopsAtTheDeadline) {
    store::SqlLimits limits;
    limits.time = std::chrono::milliseconds(300);
    const auto begin = std::chrono::steady_clock::now();
    try {
        store::runReadOnlySql(m_project,
                              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) "
                              "SELECT count(*) FROM c",
                              limits);
        ADD_FAILURE() << "the endless query returned";
    } catch (const store::SqlLimitError& e) {
        EXPECT_EQ(e.limit(), store::SqlLimitError::Limit::Time);
        EXPECT_NE(std::string(e.what()).find("Abfrage abgebrochen: Zeitlimit"), std::string::npos) << e.what();
    }
    const auto elapsed = std::chrono::steady_clock::now() - begin;
    EXPECT_GE(elapsed, std::chrono::milliseconds(300));
    EXPECT_LT(elapsed, std::chrono::seconds(3));
}

TEST_F(SqlConsole, SqliteMemoryGrowthIsBounded) {
    store::SqlLimits limits;
    limits.memoryBytes = 4 << 20;
    try {
        // group_concat builds one string of ~40 MB on SQLite's heap (LIMIT_LENGTH is 128 MB).
        store::runReadOnlySql(m_project,
                              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) "
                              "SELECT length(group_concat(hex(randomblob(100)))) FROM c",
                              limits);
        ADD_FAILURE() << "the query ran past its memory limit";
    } catch (const store::SqlLimitError& e) {
        EXPECT_EQ(e.limit(), store::SqlLimitError::Limit::Memory);
        EXPECT_NE(std::string(e.what()).find("Abfrage abgebrochen: Speicherlimit"), std::string::npos) << e.what();
    }
}

TEST_F(SqlConsole, RowsBeyondTheKeptOnesAreCountedAndTheResultSizeIsBounded) {
    const std::string thousand =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) SELECT x, 'row ' || x FROM c";
    store::SqlLimits kept;
    kept.keptRows = 10;
    const auto results = store::runReadOnlySql(m_project, thousand, kept);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].rows.size(), 10u);
    EXPECT_EQ(results[0].rowCount, 1000u);
    EXPECT_EQ(std::get<std::int64_t>(results[0].rows[9][0]), 10);
    store::SqlLimits small;
    small.resultBytes = 8 << 10;
    EXPECT_THROW(
        {
            try {
                store::runReadOnlySql(m_project, thousand, small);
            } catch (const store::SqlLimitError& e) {
                EXPECT_EQ(e.limit(), store::SqlLimitError::Limit::ResultSize);
                throw;
            }
        },
        store::SqlLimitError);
}

TEST_F(SqlConsole, AVirtualTableInTheFileCannotReadAnotherFile) {
    const auto secret = m_dir / "secret.csv";
    test::writeFile(secret, "name\nGEHEIM-4711\n");
    {
        // Another program adds a VirtualText table over a private file to the project.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(m_project.c_str(), &db), SQLITE_OK);
        void* cache = spatialite_alloc_connection();
        spatialite_init_ex(db, cache, 0);
        char* error = nullptr;
        const std::string sql = "CREATE VIRTUAL TABLE leak USING VirtualText('" + secret.string() +
                                "', 'UTF-8', 1, POINT, DOUBLEQUOTE, ',')";
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
        spatialite_cleanup_ex(cache);
    }
    const auto before = test::fileDigest(m_project);
    try {
        const auto results = store::runReadOnlySql(m_project, "SELECT * FROM leak");
        for (const auto& row : results.at(0).rows) {
            for (const auto& v : row) EXPECT_EQ(core::toString(v).find("GEHEIM"), std::string::npos);
        }
        ADD_FAILURE() << "the VirtualText table was opened";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("no such module: VirtualText"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::fileDigest(m_project), before);
}

}  // namespace
