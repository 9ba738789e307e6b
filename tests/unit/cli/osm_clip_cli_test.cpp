// `lagebild import-osm --boundary / --bbox / --bbox-wgs84` (issue 12): the town out of a larger extract,
// features cut at the edge while reading, nothing outside kept.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "support/test_support.hpp"

using namespace lb;

namespace {

// An extract with two towns side by side: Teststadt (lon 12.540–12.550) and Nachbarort (12.550–12.560),
// each an administrative boundary relation; a road running through both and beyond; a building inside
// Teststadt, one in Nachbarort, one across the border between them.
std::string twoTownsXml() {
    std::string xml = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n";
    int id = 1;
    auto node = [&](double lon, double lat) {
        xml += "<node id='" + std::to_string(id) + "' version='1' lat='" + std::to_string(lat) + "' lon='" +
               std::to_string(lon) + "'/>\n";
        return id++;
    };
    auto way = [&](int wayId, const std::vector<int>& nodes, const std::string& tags) {
        xml += "<way id='" + std::to_string(wayId) + "' version='1'>";
        for (int n : nodes) xml += "<nd ref='" + std::to_string(n) + "'/>";
        xml += tags + "</way>\n";
    };
    auto square = [&](double lon0, double lat0, double lon1, double lat1) {
        const int a = node(lon0, lat0), b = node(lon1, lat0), c = node(lon1, lat1), d = node(lon0, lat1);
        return std::vector<int>{a, b, c, d, a};
    };
    way(100, square(12.540, 50.815, 12.550, 50.825), "");
    way(101, square(12.550, 50.815, 12.560, 50.825), "");
    const int r0 = node(12.530, 50.820), r1 = node(12.545, 50.8201), r2 = node(12.555, 50.8202),
              r3 = node(12.570, 50.8203);
    way(200, {r0, r1, r2, r3}, "<tag k='highway' v='residential'/><tag k='name' v='Lange Straße'/>");
    way(300, square(12.544, 50.818, 12.545, 50.8185), "<tag k='building' v='house'/>");
    way(301, square(12.556, 50.818, 12.557, 50.8185), "<tag k='building' v='house'/>");
    way(302, square(12.5495, 50.822, 12.5505, 50.8225), "<tag k='building' v='house'/>");
    xml +=
        "<relation id='900' version='1'><member type='way' ref='100' role='outer'/>"
        "<tag k='type' v='boundary'/><tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/>"
        "<tag k='name' v='Teststadt'/></relation>\n";
    xml +=
        "<relation id='901' version='1'><member type='way' ref='101' role='outer'/>"
        "<tag k='type' v='boundary'/><tag k='boundary' v='administrative'/><tag k='admin_level' v='8'/>"
        "<tag k='name' v='Nachbarort'/></relation>\n";
    xml += "</osm>\n";
    return xml;
}

nlohmann::json sql(const std::filesystem::path& project, const std::string& query) {
    const auto run = test::runLagebild({"sql", project.string(), query, "--json"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out).at("rows");
}

}  // namespace

TEST(OsmClipCli, TheBoundaryKeepsOnlyTheTownAndCutsAtItsEdge) {
    test::TempDir dir;
    const auto file = dir / "extract.osm";
    test::writeFile(file, twoTownsXml());
    const auto whole = dir / "whole.sqlite", town = dir / "town.sqlite";
    ASSERT_EQ(test::runLagebild({"init", whole.string()}).exitCode, 0);
    ASSERT_EQ(test::runLagebild({"init", town.string()}).exitCode, 0);
    ASSERT_EQ(test::runLagebild({"import-osm", whole.string(), file.string()}).exitCode, 0);
    const auto run =
        test::runLagebild({"import-osm", town.string(), file.string(), "--boundary", "teststadt", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = nlohmann::json::parse(run.out);
    EXPECT_NE(out.at("clip").at("area").get<std::string>().find("Teststadt (admin_level 8, relation 900)"),
              std::string::npos)
        << run.out;
    EXPECT_NEAR(out.at("clip").at("area_km2").get<double>(), 0.78, 0.05);  // 0.01° × 0.01° at 50.8° N
    EXPECT_EQ(out.at("layers").at("roads"), 1);
    EXPECT_EQ(out.at("layers").at("buildings"), 2);  // inside and across the border; Nachbarort's left out
    EXPECT_GE(out.at("clip").at("cut").get<int>(), 2);
    EXPECT_GE(out.at("clip").at("outside").get<int>(), 1);

    // The road ends at the boundary: its ends lie on Teststadt's edge, and it is shorter than in the whole file.
    const auto edge = sql(town, "SELECT MbrMinX(b), MbrMaxX(b) FROM (SELECT Extent(geometry) AS b FROM buildings)");
    const auto road = sql(town, "SELECT X(StartPoint(geometry)), X(EndPoint(geometry)), GLength(geometry) FROM roads");
    const auto full = sql(whole, "SELECT GLength(geometry) FROM roads");
    ASSERT_EQ(road.size(), 1u);
    EXPECT_LT(road[0][2].get<double>(), 0.5 * full[0][0].get<double>());
    const double west = std::min(road[0][0].get<double>(), road[0][1].get<double>());
    const double east = std::max(road[0][0].get<double>(), road[0][1].get<double>());
    EXPECT_NEAR(east - west, 705, 10);  // 0.010° of longitude at 50.82° N
    // The building across the border is cut at it: the town's buildings end where the road does (the border,
    // a meridian, leans by the grid convergence in UTM: about 9 m over the 270 m between road and building).
    EXPECT_NEAR(edge[0][1].get<double>(), east, 12.0);
    const auto areas = sql(town, "SELECT Area(geometry) FROM buildings ORDER BY Area(geometry)");
    const auto fullAreas = sql(whole, "SELECT Area(geometry) FROM buildings ORDER BY Area(geometry)");
    ASSERT_EQ(areas.size(), 2u);
    EXPECT_NEAR(areas[0][0].get<double>(), fullAreas[0][0].get<double>() / 2, 0.05 * fullAreas[0][0].get<double>());
}

TEST(OsmClipCli, BoxesAndTheRefusals) {
    test::TempDir dir;
    const auto file = dir / "extract.osm";
    test::writeFile(file, twoTownsXml());
    const auto project = dir / "p.sqlite";
    ASSERT_EQ(test::runLagebild({"init", project.string()}).exitCode, 0);
    // A box in lon/lat around Nachbarort's building only.
    auto run = test::runLagebild(
        {"import-osm", project.string(), file.string(), "--bbox-wgs84", "12.5555,50.8175,12.5575,50.819", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    auto out = nlohmann::json::parse(run.out);
    EXPECT_EQ(out.at("layers").at("buildings"), 1);
    EXPECT_EQ(out.at("layers").at("roads"), 0);
    const auto before = test::fileDigest(project);

    // Unknown boundary: the file's boundaries are listed, the base map stays.
    run = test::runLagebild({"import-osm", project.string(), file.string(), "--boundary", "Glauchau"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("no administrative boundary named 'Glauchau'"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Teststadt (8)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Nachbarort (8)"), std::string::npos) << run.err;
    // A box that holds nothing of the file, in the project CRS: refused, nothing wiped.
    run = test::runLagebild({"import-osm", project.string(), file.string(), "--bbox", "300000,5600000,300100,5600100"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("nothing of the file lies inside"), std::string::npos) << run.err;
    run = test::runLagebild(
        {"import-osm", project.string(), file.string(), "--bbox", "1,2,3,4", "--boundary", "Teststadt"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("exclude each other"), std::string::npos) << run.err;
    run = test::runLagebild({"import-osm", project.string(), file.string(), "--bbox-wgs84", "200,50,201,51"});
    EXPECT_EQ(run.exitCode, 2);
    run = test::runLagebild({"import-osm", project.string(), file.string(), "--bbox", "5,5,1,1"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(test::fileDigest(project), before);
}
