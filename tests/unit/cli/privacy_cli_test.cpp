// `lagebild repair` (foreign schema objects) and `lagebild purge` (audit retention) through the real binary.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <string>

#include "support/test_support.hpp"

using namespace lb;

namespace {

// Runs SQL on a plain SQLite connection without our hardening, as another program would; returns the
// first column of the first row (or "").
std::string rawSql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string first;
    char* error = nullptr;
    const int rc = sqlite3_exec(
        db, sql.c_str(),
        [](void* out, int n, char** values, char**) {
            auto& text = *static_cast<std::string*>(out);
            if (text.empty() && n > 0 && values[0]) text = values[0];
            return 0;
        },
        &first, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    return first;
}

}  // namespace

TEST(RepairCli, AHostileTriggerStopsTheImportUntilRepaired) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    // A hostile file: every insert into incidents empties the audit log.
    rawSql(project, "CREATE TRIGGER wipe_audit AFTER INSERT ON incidents BEGIN DELETE FROM audit_log; END;");
    test::writeFile(dir / "inc.csv", "id,time,category,lat,lon\n1,2025-01-01 12:00,Gewalt,50.8196,12.5446\n");
    const auto before = test::fileDigest(project);
    auto r = test::runLagebild({"import", project, "--layer", "incidents", (dir / "inc.csv").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("trigger \"wipe_audit\" on incidents"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("lagebild repair"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos);
    EXPECT_EQ(test::fileDigest(project), before);
    EXPECT_EQ(rawSql(project, "SELECT count(*) FROM audit_log"), "1");  // the 'create' row is intact
    // Reading commands still work.
    EXPECT_EQ(test::runLagebild({"info", project}).exitCode, 0);

    r = test::runLagebild({"repair", project, "--dry-run"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("wipe_audit"), std::string::npos);
    EXPECT_EQ(test::fileDigest(project), before);
    r = test::runLagebild({"repair", project});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("trigger \"wipe_audit\" on incidents: CREATE TRIGGER wipe_audit"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");

    r = test::runLagebild({"import", project, "--layer", "incidents", (dir / "inc.csv").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(rawSql(project, "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log ORDER BY id)"),
              "create,repair,import");
    r = test::runLagebild({"repair", project, "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("found").size(), 0u);
}

TEST(PurgeCli, StripsValuesOfAuditRowsOlderThanTheRetentionPeriod) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    const std::string marker = "Alte-Notiz-Marker-42";
    rawSql(project,
           "INSERT INTO audit_log(time, author, action, layer, feature_uuid, old_values, new_values) VALUES "
           "('2020-01-01T00:00:00Z', 'Nord', 'update_attributes', 'observations', 'u1', '{\"note\":\"" +
               marker +
               "\"}', '{\"note\":\"neu\"}'),"
               "('2999-01-01T00:00:00Z', 'Nord', 'update_attributes', 'observations', 'u2', '{\"note\":\"frisch\"}', "
               "'{\"note\":\"neuer\"}');"
               "PRAGMA wal_checkpoint(TRUNCATE);");
    ASSERT_NE(test::readFile(project).find(marker), std::string::npos);

    EXPECT_EQ(test::runLagebild({"purge", project, "--older-than", "-3"}).exitCode, 2);
    EXPECT_EQ(test::runLagebild({"purge", project}).exitCode, 2);
    auto r = test::runLagebild({"purge", project, "--older-than", "365", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto out = nlohmann::json::parse(r.out);
    EXPECT_EQ(out.at("purged"), 1);
    EXPECT_EQ(out.at("wal_truncated"), true);
    for (const auto& file : {project, project + "-wal"}) {
        if (std::filesystem::exists(file)) EXPECT_EQ(test::readFile(file).find(marker), std::string::npos) << file;
    }
    // Who, when, what and which fields stay; the recent row keeps its values.
    EXPECT_EQ(rawSql(project,
                     "SELECT author || ' ' || action || ' ' || old_values || ' ' || new_values FROM audit_log "
                     "WHERE feature_uuid = 'u1'"),
              "Nord update_attributes [\"note\"] [\"note\"]");
    EXPECT_EQ(rawSql(project, "SELECT old_values FROM audit_log WHERE feature_uuid = 'u2'"), "{\"note\":\"frisch\"}");
    EXPECT_EQ(rawSql(project, "SELECT count(*) FROM audit_log WHERE action = 'purge'"), "1");
    // Purging again finds nothing left to strip.
    r = test::runLagebild({"purge", project, "--older-than", "365", "--json"});
    EXPECT_EQ(nlohmann::json::parse(r.out).at("purged"), 0);
}
