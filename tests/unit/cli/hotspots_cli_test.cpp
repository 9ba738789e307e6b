#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "support/test_support.hpp"

using namespace lb;

namespace {

class HotspotsCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>();
        s_project = (*s_dir / "demo.sqlite").string();
        const auto r = test::runLagebild({"demo", s_project, "--incidents", "3000", "--seed", "5"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    static void TearDownTestSuite() { s_dir.reset(); }
    static std::unique_ptr<test::TempDir> s_dir;
    static std::string s_project;
};

std::unique_ptr<test::TempDir> HotspotsCli::s_dir;
std::string HotspotsCli::s_project;

std::vector<std::vector<std::string>> readCsv(const std::filesystem::path& path) {
    std::stringstream in(test::readFile(path));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        std::string cell;
        while (std::getline(row, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace

TEST_F(HotspotsCli, KdeGeoTiffHasItsOriginAtTheExtentsUpperLeftCorner) {
    const auto tif = *s_dir / "kde.tif";
    auto r = test::runLagebild({"hotspots", s_project, "--method", "kde", "--kernel", "quartic", "--radius", "200",
                                "--cell", "25", "--extent", "326000,5631000,328000,5633500", "--out", tif.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    ASSERT_TRUE(test::haveProgram("gdalinfo"));
    r = test::runProgram("gdalinfo", {"-json", "-stats", tif.string()});
    const auto info = nlohmann::json::parse(r.out);
    EXPECT_EQ(info.at("size"), nlohmann::json({80, 100}));
    const auto gt = info.at("geoTransform");
    EXPECT_DOUBLE_EQ(gt[0].get<double>(), 326000);
    EXPECT_DOUBLE_EQ(gt[3].get<double>(), 5633500);
    EXPECT_DOUBLE_EQ(gt[1].get<double>(), 25);
    EXPECT_DOUBLE_EQ(gt[5].get<double>(), -25);
    EXPECT_GT(info.at("bands")[0].at("maximum").get<double>(), 100.0);  // incidents per km² in a hot spot
}

TEST_F(HotspotsCli, GiStarOnGridZonesAndChangeBetweenPeriods) {
    const auto grid = *s_dir / "grid.csv";
    auto r = test::runLagebild(
        {"hotspots", s_project, "--method", "gistar", "--cell", "100", "--distance", "300", "--out", grid.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto rows = readCsv(grid);
    ASSERT_GT(rows.size(), 100u);
    EXPECT_EQ(rows[0][5], "z");
    double total = 0;
    int hot = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        total += std::stod(rows[i][4]);
        hot += rows[i][8] == "Hot Spot - 99% Confidence";
    }
    EXPECT_EQ(total, 3000.0);  // the default grid holds every incident
    EXPECT_GT(hot, 0);

    const auto zones = *s_dir / "zones.gpkg";
    r = test::runLagebild({"hotspots", s_project, "--method", "gistar", "--zones", "districts", "--value", "population",
                           "--distance", "1500", "--out", zones.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = test::runProgram("ogrinfo", {"-so", "-al", zones.string()});
    EXPECT_NE(r.out.find("Feature Count: 13"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Geometry: Polygon"), std::string::npos) << r.out;

    const auto change = *s_dir / "change.csv";
    r = test::runLagebild({"hotspots", s_project, "--method", "gistar", "--cell", "100", "--distance", "300", "--from",
                           "2025-11-01", "--to", "2026-10-31", "--compare-from", "2024-11-01", "--compare-to",
                           "2025-10-31", "--out", change.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    rows = readCsv(change);
    ASSERT_EQ(rows[0].back(), "change");
    std::map<std::string, int> kinds;
    for (std::size_t i = 1; i < rows.size(); ++i) ++kinds[rows[i].back()];
    EXPECT_GT(kinds["persistent"] + kinds["increased"] + kinds["decreased"], 0);
    for (const auto& [kind, n] : kinds) {
        EXPECT_TRUE(kind == "none" || kind == "new" || kind == "persistent" || kind == "increased" ||
                    kind == "decreased" || kind == "ceased")
            << kind;
    }
}

TEST_F(HotspotsCli, BadInputLeavesNoFile) {
    const auto out = *s_dir / "bad.gpkg";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--method", "gistar", "--cell", "100"}, "--out FILE is missing"},
        {{"--method", "gistar", "--cell", "100", "--out", out.string()}, "--distance"},
        {{"--method", "gistar", "--zones", "strassen", "--distance", "100", "--out", out.string()}, "unknown layer"},
        {{"--method", "kde", "--out", out.string()}, "GeoTIFF"},
        {{"--method", "kde", "--kernel", "epanechnikov", "--out", (*s_dir / "k.tif").string()}, "--kernel"},
        {{"--method", "kde", "--out", "/proc/nope/k.tif"}, "/proc/nope/k.tif"},
        {{"--method", "kde", "--where", "category=nichts", "--out", (*s_dir / "k.tif").string()}, "no incidents match"},
    };
    for (const auto& [args, message] : cases) {
        std::vector<std::string> all{"hotspots", s_project};
        all.insert(all.end(), args.begin(), args.end());
        const auto r = test::runLagebild(all);
        EXPECT_EQ(r.exitCode, 2) << message << ": " << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(*s_dir / "k.tif"));
}
