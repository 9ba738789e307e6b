#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
