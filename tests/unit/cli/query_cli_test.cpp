#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/test_support.hpp"

using namespace lb;

namespace {

class QueryCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>();
        s_project = (*s_dir / "demo.sqlite").string();
        const auto r = test::runLagebild({"demo", s_project, "--incidents", "1500", "--seed", "4"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    static void TearDownTestSuite() { s_dir.reset(); }
    static std::unique_ptr<test::TempDir> s_dir;
    static std::string s_project;
};

std::unique_ptr<test::TempDir> QueryCli::s_dir;
std::string QueryCli::s_project;

}  // namespace

TEST_F(QueryCli, JsonCountsAndGroupsAddUp) {
    auto r =
        test::runLagebild({"query", s_project, "--layer", "incidents", "--count-by", "districts", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto out = nlohmann::json::parse(r.out);
    EXPECT_EQ(out.at("count"), 1500);
    std::int64_t inZones = 0;
    for (const auto& g : out.at("groups")) inZones += g.at("count").get<std::int64_t>();
    EXPECT_GT(inZones, 1000);
    EXPECT_LE(inZones, 1500);

    r = test::runLagebild({"query", s_project, "--hours", "20-4", "--count-by", "hour", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto byHour = nlohmann::json::parse(r.out);
    std::int64_t sum = 0;
    for (const auto& g : byHour.at("groups")) {
        const int hour = std::stoi(g.at("key").get<std::string>());
        if (hour >= 4 && hour < 20) {
            EXPECT_EQ(g.at("count"), 0) << hour;
        }
        sum += g.at("count").get<std::int64_t>();
    }
    EXPECT_EQ(sum, byHour.at("count").get<std::int64_t>());
    EXPECT_GT(sum, 0);
}

TEST_F(QueryCli, GeoPackageAndCsvOutputs) {
    const auto gpkg = *s_dir / "schools.gpkg";
    auto r = test::runLagebild({"query", s_project, "--within", "150", "--of", "pois:amenity=school", "--format",
                                "gpkg", "--out", gpkg.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    r = test::runLagebild({"query", s_project, "--within", "150", "--of", "pois:amenity=school", "--json"});
    const auto count = nlohmann::json::parse(r.out).at("count").get<int>();
    ASSERT_GT(count, 0);
    if (test::haveProgram("ogrinfo")) {
        r = test::runProgram("ogrinfo", {"-so", "-al", gpkg.string()});
        EXPECT_NE(r.out.find("Feature Count: " + std::to_string(count)), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("25833"), std::string::npos);
    }
    const auto csv = *s_dir / "zones.csv";
    r = test::runLagebild({"query", s_project, "--count-by", "districts", "--format", "csv", "--out", csv.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = test::readFile(csv);
    EXPECT_EQ(text.substr(0, text.find('\n')), "key,count,zone_id,population,rate_per_1000");
    EXPECT_NE(text.find("Altstadt,"), std::string::npos);
}

TEST_F(QueryCli, BadInputIsOneClearMessageAndExitTwo) {
    const auto before = test::fileDigest(s_project);
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::string unwritable = (*s_dir / "no-such-folder" / "x.csv").string();
    const std::vector<Case> cases = {
        {{"--layer", "strassen"}, "unknown layer \"strassen\""},
        {{"--hours", "25-4"}, "--hours \"25-4\""},
        {{"--from", "31.02.2025"}, "--from \"31.02.2025\""},
        {{"--where", "farbe=rot"}, "no attribute \"farbe\""},
        {{"--inside", "pois"}, "not polygons"},
        {{"--format", "gpkg"}, "--format gpkg needs --out"},
        {{"--format", "csv", "--out", unwritable}, unwritable},
        {{"--weekdays", "montag,xx"}, "unknown weekday \"xx\""},
        {{"--within", "100"}, "--within M and --of LAYER go together"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"query", s_project};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto r = test::runLagebild(args);
        EXPECT_EQ(r.exitCode, 2) << c.message;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n') <= 2, true) << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(unwritable));
    EXPECT_EQ(test::fileDigest(s_project), before);
}

namespace lb {
namespace {

std::int64_t countOf(const test::RunResult& r) {
    return nlohmann::json::parse(r.out).at("count").get<std::int64_t>();
}

// Issue #18: `--where category=Graffiti` (the label the GUI shows) gave a silent 0. A field-of-action label
// is read as its id (with a note); a value that matches nothing still answers 0 but says so, with the
// closest values.
TEST_F(QueryCli, WhereValuesAreCheckedAgainstTheLayer) {
    const auto byId = test::runLagebild({"query", s_project, "--where", "category=graffiti", "--json"});
    ASSERT_EQ(byId.exitCode, 0) << byId.err;
    EXPECT_EQ(byId.err, "");
    EXPECT_GT(countOf(byId), 0);

    const auto byLabel = test::runLagebild({"query", s_project, "--where", "category=Graffiti", "--json"});
    ASSERT_EQ(byLabel.exitCode, 0) << byLabel.err;
    EXPECT_EQ(countOf(byLabel), countOf(byId));
    EXPECT_NE(byLabel.err.find("read as the field of action graffiti"), std::string::npos) << byLabel.err;

    const auto typo = test::runLagebild({"query", s_project, "--where", "category=grafiti", "--json"});
    ASSERT_EQ(typo.exitCode, 0) << typo.err;
    EXPECT_EQ(countOf(typo), 0);
    EXPECT_NE(typo.err.find("no category 'grafiti' in layer incidents"), std::string::npos) << typo.err;
    EXPECT_NE(typo.err.find("did you mean graffiti (Graffiti/Sachbeschädigung)"), std::string::npos) << typo.err;

    const auto pois = test::runLagebild({"query", s_project, "--layer", "pois", "--where", "amenity=scool", "--json"});
    ASSERT_EQ(pois.exitCode, 0) << pois.err;
    EXPECT_NE(pois.err.find("did you mean school"), std::string::npos) << pois.err;
}

}  // namespace
}  // namespace lb
