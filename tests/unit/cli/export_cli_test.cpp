// `lagebild export` through the real binary (issue 11): what it writes is read back with SQLite (a
// GeoPackage is an SQLite file) and nlohmann; bad input exits 2 and writes nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/test_support.hpp"

using namespace lb;

namespace {

const std::string kNoteMarker = "CLI-NOTIZ-MARKER-5b9d";
const std::string kAuthorMarker = "CLI-AUTOR-MARKER-e1a7";

using Rows = std::vector<std::vector<std::string>>;

// Runs SQL on a plain SQLite connection; every row's columns as text ("NULL" for null).
Rows rawSql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    Rows rows;
    char* error = nullptr;
    const int rc = sqlite3_exec(
        db, sql.c_str(),
        [](void* out, int n, char** values, char**) {
            auto& result = *static_cast<Rows*>(out);
            result.emplace_back();
            for (int i = 0; i < n; ++i) result.back().emplace_back(values[i] ? values[i] : "NULL");
            return 0;
        },
        &rows, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    return rows;
}

class ExportCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        s_project = (*s_dir / "demo.lagebild").string();
        const auto r = test::runLagebild({"demo", s_project, "--incidents", "3000"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        rawSql(s_project, "UPDATE observations SET note = '" + kNoteMarker + "'");
        for (const char* layer : {"incidents", "graffiti", "measures", "districts"}) {
            rawSql(s_project, std::string("UPDATE ") + layer + " SET author = '" + kAuthorMarker + "'");
        }
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::map<std::string, long long> infoCounts() {
        const auto r = test::runLagebild({"info", s_project, "--json"});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::map<std::string, long long> out;
        const auto json = nlohmann::json::parse(r.out);  // kept: the loop below refers into it
        for (const auto& layer : json.at("layers")) {
            out[layer.at("name").get<std::string>()] = layer.at("count").get<long long>();
        }
        return out;
    }
    static test::TempDir* s_dir;
    static std::string s_project;
};
test::TempDir* ExportCli::s_dir = nullptr;
std::string ExportCli::s_project;

}  // namespace

TEST_F(ExportCli, InternalGeoPackageHoldsEveryLayerWithItsFeatures) {
    test::TempDir out;
    const std::string file = (out / "alles.gpkg").string();
    const auto r = test::runLagebild({"export", s_project, "--out", file, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json.at("public"), false);
    const auto counts = infoCounts();
    std::size_t layers = 0;
    for (const auto& [name, count] : counts) {
        if (count == 0) continue;
        ++layers;
        EXPECT_EQ(rawSql(file, "SELECT count(*) FROM \"" + name + "\"").at(0).at(0), std::to_string(count)) << name;
    }
    EXPECT_EQ(json.at("layers").size(), layers);
    // Internal: the coordinator's own file, authors and notes included (the public tests would find them).
    const std::string bytes = test::readFile(file);
    EXPECT_NE(bytes.find(kNoteMarker), std::string::npos);
    EXPECT_NE(bytes.find(kAuthorMarker), std::string::npos);
    // A style for every layer the map style draws (all but visits, which the map does not show).
    EXPECT_EQ(rawSql(file, "SELECT count(*) FROM layer_styles").at(0).at(0), std::to_string(layers - 1));
    EXPECT_EQ(rawSql(file, "SELECT count(*) FROM layer_styles WHERE f_table_name = 'visits'").at(0).at(0), "0");
}

TEST_F(ExportCli, PublicGeoPackageHoldsNoRawIncidentsAndNoCountUnderK) {
    test::TempDir out;
    const std::string file = (out / "oeffentlich.gpkg").string();
    const auto r = test::runLagebild({"export", s_project, "--out", file, "--public", "--k", "6", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(nlohmann::json::parse(r.out).at("k"), 6);
    std::vector<std::string> tables;
    for (const auto& row : rawSql(file, "SELECT table_name FROM gpkg_contents ORDER BY table_name")) {
        tables.push_back(row[0]);
    }
    const std::vector<std::string> expected{"buildings",      "districts", "graffiti",     "incidents_districts",
                                            "incidents_grid", "landuse",   "layer_styles", "measures",
                                            "pois",           "railways",  "roads",        "water"};
    EXPECT_EQ(tables, expected);
    // Every shown count at least k; the grid's cells on the 250 m lattice; hidden counts 0 or >= k.
    EXPECT_GE(std::stoll(rawSql(file, "SELECT min(count) FROM incidents_grid").at(0).at(0)), 6);
    EXPECT_EQ(
        rawSql(file, "SELECT count(*) FROM incidents_grid WHERE cell_x % 250 <> 0 OR cell_y % 250 <> 0").at(0).at(0),
        "0");
    const long long total = infoCounts().at("incidents");
    const long long shown = std::stoll(rawSql(file, "SELECT sum(count) FROM incidents_grid").at(0).at(0));
    EXPECT_TRUE(total - shown == 0 || total - shown >= 6) << total << " " << shown;
    for (const auto& row : rawSql(file, "SELECT zone, count FROM incidents_districts")) {
        if (row[1] != "NULL") {
            EXPECT_GE(std::stoll(row[1]), 6) << row[0];
        }
    }
    // No personal columns, no marker anywhere in the file.
    for (const auto& table : tables) {
        if (table == "layer_styles") continue;
        for (const auto& column : rawSql(file, "SELECT name FROM pragma_table_info('" + table + "')")) {
            for (const char* withheld : {"author", "note", "notes", "photo", "ext_id", "attrs"}) {
                EXPECT_NE(column[0], withheld) << table;
            }
        }
    }
    const std::string bytes = test::readFile(file);
    EXPECT_EQ(bytes.find(kNoteMarker), std::string::npos);
    EXPECT_EQ(bytes.find(kAuthorMarker), std::string::npos);
    // Styles: one per spatial table, the aggregates graduated.
    EXPECT_EQ(rawSql(file, "SELECT count(*) FROM layer_styles").at(0).at(0), std::to_string(tables.size() - 1));
    const auto qml = rawSql(file, "SELECT styleQML FROM layer_styles WHERE f_table_name = 'incidents_grid'");
    ASSERT_EQ(qml.size(), 1u);
    EXPECT_NE(qml[0][0].find("<renderer-v2 type=\"graduatedSymbol\" attr=\"count\""), std::string::npos);
}

TEST_F(ExportCli, CsvAndGeoJsonHoldOneLayer) {
    test::TempDir out;
    // German CSV by default.
    const std::string csv = (out / "zellen.csv").string();
    auto r = test::runLagebild({"export", s_project, "--out", csv, "--public", "--layer", "incidents_grid"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::string text = test::readFile(csv);
    ASSERT_EQ(text.rfind("\xEF\xBB\xBF"
                         "cell_x;cell_y;count;wkt\r\n",
                         0),
              0u)
        << text.substr(0, 60);
    EXPECT_EQ(text.find(kAuthorMarker), std::string::npos);
    // International on request.
    r = test::runLagebild(
        {"export", s_project, "--out", csv, "--layer", "graffiti", "--public", "--csv", "international"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    text = test::readFile(csv);
    EXPECT_EQ(text.rfind("id,uuid,created,modified,name,status,time,area_m2,cost_eur,x,y\n", 0), 0u)
        << text.substr(0, 100);
    EXPECT_EQ(text.find(kAuthorMarker), std::string::npos);
    // GeoJSON in WGS84.
    const std::string geojson = (out / "stadtteile.geojson").string();
    r = test::runLagebild({"export", s_project, "--out", geojson, "--public", "--layer", "incidents_districts"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(test::readFile(geojson));
    ASSERT_EQ(static_cast<long long>(json.at("features").size()), infoCounts().at("districts"));
    for (const auto& feature : json.at("features")) {
        for (const auto& polygon : feature.at("geometry").at("coordinates")) {
            for (const auto& position : polygon.at(0)) {
                EXPECT_GT(position.at(0).get<double>(), 12.4);
                EXPECT_LT(position.at(0).get<double>(), 12.7);
                EXPECT_GT(position.at(1).get<double>(), 50.7);
                EXPECT_LT(position.at(1).get<double>(), 50.9);
            }
        }
    }
}

TEST_F(ExportCli, BadInputExitsTwoAndWritesNothing) {
    test::TempDir out;
    struct Case {
        std::vector<std::string> args;
        std::string file;
        std::string says;
    };
    const std::string missing = (out / "fehlt.lagebild").string();
    const std::vector<Case> cases{
        {{"--out", (out / "a.xlsx").string()}, "a.xlsx", ".xlsx"},
        {{"--out", (out / "a.gpkg").string(), "--layer", "strassen"}, "a.gpkg", "--layer strassen"},
        {{"--out", (out / "a.gpkg").string(), "--public", "--k", "4"}, "a.gpkg", "--k 4"},
        {{"--out", (out / "a.gpkg").string(), "--k", "8"}, "a.gpkg", "--public"},
        {{"--out", (out / "a.gpkg").string(), "--public", "--layer", "observations"}, "a.gpkg", "observations"},
        {{"--out", (out / "a.csv").string(), "--public"}, "a.csv", "--layer"},
        {{"--out", (out / "a.gpkg").string(), "--csv", "excel"}, "a.gpkg", "--csv"},
        {{"--out", (out / "a.gpkg").string(), "--public", "--cell", "0"}, "a.gpkg", "--cell"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"export", s_project};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto r = test::runLagebild(args);
        EXPECT_EQ(r.exitCode, 2) << c.says << ": " << r.err;
        EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
        EXPECT_FALSE(std::filesystem::exists(out / c.file)) << c.says;
    }
    const auto r = test::runLagebild({"export", missing, "--out", (out / "a.gpkg").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("fehlt.lagebild"), std::string::npos) << r.err;
    EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}
