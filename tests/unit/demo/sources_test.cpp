// Tests of the demo town generator: determinism, file formats and the structure the demo must show.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/field_of_action.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/time.hpp"
#include "demo/sources.hpp"
#include "geo/crs.hpp"

namespace lb::demo {
namespace {

namespace fs = std::filesystem;

constexpr double kGlauchauLon = 12.5446;
constexpr double kGlauchauLat = 50.8196;
constexpr std::size_t kIncidents = 2000;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// RFC 4180 fields of one line (quotes, doubled quotes inside).
std::vector<std::string> csvFields(const std::string& line, char delimiter) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == delimiter) {
            fields.emplace_back();
        } else {
            fields.back().push_back(c);
        }
    }
    return fields;
}

// The value of attribute `name` in an XML line of our OSM writer, or "".
std::string attribute(const std::string& line, const std::string& name) {
    const std::string key = " " + name + "=\"";
    const auto start = line.find(key);
    if (start == std::string::npos) return {};
    const auto from = start + key.size();
    return line.substr(from, line.find('"', from) - from);
}

struct OsmWay {
    std::vector<long long> refs;
    std::map<std::string, std::string> tags;
};

struct OsmRelation {
    std::vector<std::pair<long long, std::string>> members;  // way id, role
    std::map<std::string, std::string> tags;
};

// A small reader for the OSM XML the demo writes (one element per line).
struct OsmFile {
    std::map<long long, std::pair<double, double>> nodes;  // id → (lon, lat)
    std::map<long long, std::map<std::string, std::string>> nodeTags;
    std::map<long long, OsmWay> ways;
    std::map<long long, OsmRelation> relations;
    std::vector<std::string> errors;  // references to objects not written before
    std::string header;

    explicit OsmFile(const fs::path& path) {
        enum class In { None, Node, Way, Relation } in = In::None;
        long long current = 0;
        for (const std::string& line : lines(readFile(path))) {
            if (line.find("<osm ") != std::string::npos) header = line;
            if (line.find("<node ") != std::string::npos) {
                if (!ways.empty() || !relations.empty()) errors.push_back("node after ways: " + line);
                current = std::stoll(attribute(line, "id"));
                nodes[current] = {std::stod(attribute(line, "lon")), std::stod(attribute(line, "lat"))};
                in = line.find("/>") == std::string::npos ? In::Node : In::None;
            } else if (line.find("<way ") != std::string::npos) {
                current = std::stoll(attribute(line, "id"));
                ways[current];
                in = In::Way;
            } else if (line.find("<relation ") != std::string::npos) {
                current = std::stoll(attribute(line, "id"));
                relations[current];
                in = In::Relation;
            } else if (line.find("<nd ") != std::string::npos) {
                const long long ref = std::stoll(attribute(line, "ref"));
                if (!nodes.count(ref))
                    errors.push_back("way " + std::to_string(current) + " refers to node " + std::to_string(ref) +
                                     " not written before");
                ways[current].refs.push_back(ref);
            } else if (line.find("<member ") != std::string::npos) {
                const long long ref = std::stoll(attribute(line, "ref"));
                if (!ways.count(ref)) errors.push_back("relation member way " + std::to_string(ref) + " missing");
                relations[current].members.emplace_back(ref, attribute(line, "role"));
            } else if (line.find("<tag ") != std::string::npos) {
                const std::string k = attribute(line, "k");
                const std::string v = attribute(line, "v");
                if (in == In::Node) nodeTags[current][k] = v;
                if (in == In::Way) ways[current].tags[k] = v;
                if (in == In::Relation) relations[current].tags[k] = v;
            }
        }
    }
};

bool inside(double x, double y, const std::vector<std::pair<double, double>>& ring) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto [xi, yi] = ring[i];
        const auto [xj, yj] = ring[j];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
    }
    return in;
}

void collectCoordinates(const nlohmann::json& value, std::vector<std::pair<double, double>>& out) {
    if (value.is_array() && value.size() == 2 && value[0].is_number() && value[1].is_number()) {
        out.emplace_back(value[0].get<double>(), value[1].get<double>());
        return;
    }
    if (value.is_array()) {
        for (const auto& item : value) collectCoordinates(item, out);
    }
}

fs::path uniqueTempDir() {
    std::random_device device;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return fs::temp_directory_path() / ("lagebild-demo-test-" + std::to_string(stamp) + "-" + std::to_string(device()));
}

class DemoSourcesTest : public ::testing::Test {
protected:
    // One demo for all tests of a process; the runs to compare with are made by the tests that need them.
    static void SetUpTestSuite() {
        s_root = uniqueTempDir();
        s_first = new DemoSources(writeDemoSources(s_root / "a", options(7), core::Progress::none()));
    }

    static void TearDownTestSuite() {
        delete s_first;
        s_first = nullptr;
        std::error_code ignored;
        fs::remove_all(s_root, ignored);
    }

    static DemoOptions options(std::uint64_t seed) {
        DemoOptions o;
        o.seed = seed;
        o.incidents = kIncidents;
        return o;
    }

    static const DemoSource& source(core::LayerId layer) {
        for (const DemoSource& s : s_first->thematic) {
            if (s.layer == layer) return s;
        }
        throw std::runtime_error("no source for a layer");
    }

    static nlohmann::json geojson(core::LayerId layer) { return nlohmann::json::parse(readFile(source(layer).path)); }

    static std::vector<std::vector<std::string>> csvRows(core::LayerId layer, char delimiter) {
        std::vector<std::vector<std::string>> rows;
        for (const std::string& line : lines(readFile(source(layer).path))) rows.push_back(csvFields(line, delimiter));
        return rows;
    }

    static inline fs::path s_root;
    static inline DemoSources* s_first = nullptr;
};

TEST_F(DemoSourcesTest, ReturnsAllFilesInImportOrderWithTheirMappings) {
    ASSERT_TRUE(fs::is_regular_file(s_first->osm));
    EXPECT_EQ(s_first->osm.filename(), "musterstadt.osm");
    const std::vector<core::LayerId> order = {
        core::LayerId::Districts, core::LayerId::Routes,       core::LayerId::Visits,   core::LayerId::Graffiti,
        core::LayerId::Measures,  core::LayerId::Observations, core::LayerId::Incidents};
    ASSERT_EQ(s_first->thematic.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const DemoSource& s = s_first->thematic[i];
        EXPECT_EQ(s.layer, order[i]) << i;
        EXPECT_TRUE(fs::is_regular_file(s.path)) << s.path;
        EXPECT_GT(fs::file_size(s.path), 100u) << s.path;
        EXPECT_EQ(s.path.parent_path(), s_root / "a");
    }
    const io::ImportMapping& police = source(core::LayerId::Incidents).mapping;
    EXPECT_EQ(police.id, "Vorgang");
    EXPECT_EQ(police.time, "Tatzeit");
    EXPECT_EQ(police.category, "Handlungsfeld");
    EXPECT_EQ(police.x, "Rechtswert");
    EXPECT_EQ(police.y, "Hochwert");
    EXPECT_EQ(police.crs, "EPSG:25833");
    EXPECT_EQ(police.delimiter, ";");
    for (core::LayerId layer : {core::LayerId::Visits, core::LayerId::Observations}) {
        EXPECT_EQ(source(layer).mapping.lat, "lat");
        EXPECT_EQ(source(layer).mapping.lon, "lon");
        EXPECT_TRUE(source(layer).mapping.x.empty());
    }
    for (core::LayerId layer :
         {core::LayerId::Districts, core::LayerId::Routes, core::LayerId::Graffiti, core::LayerId::Measures}) {
        const io::ImportMapping& m = source(layer).mapping;
        EXPECT_TRUE(m.lat.empty() && m.lon.empty() && m.x.empty() && m.y.empty() && m.crs.empty());
        EXPECT_EQ(source(layer).path.extension(), ".geojson");
    }
}

TEST_F(DemoSourcesTest, SameSeedGivesByteIdenticalFiles) {
    const DemoSources second = writeDemoSources(s_root / "b", options(7), core::Progress::none());
    EXPECT_TRUE(readFile(s_first->osm) == readFile(second.osm));
    ASSERT_EQ(s_first->thematic.size(), second.thematic.size());
    for (std::size_t i = 0; i < s_first->thematic.size(); ++i) {
        EXPECT_TRUE(readFile(s_first->thematic[i].path) == readFile(second.thematic[i].path))
            << s_first->thematic[i].path.filename();
    }
}

TEST_F(DemoSourcesTest, DifferentSeedGivesDifferentData) {
    const DemoSources other = writeDemoSources(s_root / "c", options(8), core::Progress::none());
    EXPECT_FALSE(readFile(source(core::LayerId::Incidents).path) == readFile(other.thematic.back().path));
    EXPECT_FALSE(readFile(s_first->osm) == readFile(other.osm));
    EXPECT_EQ(lines(readFile(other.thematic.back().path)).size(), kIncidents + 1);
}

TEST_F(DemoSourcesTest, IncidentsArePoliceExportRowsInThePeriod) {
    const auto rows = csvRows(core::LayerId::Incidents, ';');
    ASSERT_EQ(rows.size(), kIncidents + 1);
    EXPECT_EQ(lines(readFile(source(core::LayerId::Incidents).path)).front(),
              "Vorgang;Tatzeit;Handlungsfeld;Delikt;Quelle;Rechtswert;Hochwert");
    std::set<std::string> fields;
    for (const auto& info : core::kFieldsOfAction) fields.insert(std::string(info.labelDe));
    const std::set<std::string> sources = {"Polizei", "Bürgerhinweis", "Ordnungsamt"};
    const auto first = core::parseTime("2024-11-01T00:00:00+01:00")->unixSeconds;
    const auto last = core::parseTime("2026-11-01T00:00:00+01:00")->unixSeconds;
    std::set<std::string> ids;
    std::map<std::string, int> perField;
    std::int64_t previous = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        ASSERT_EQ(row.size(), 7u) << i;
        EXPECT_TRUE(ids.insert(row[0]).second) << row[0];
        ASSERT_EQ(row[1].size(), 16u) << row[1];  // "14.03.2025 22:15"
        EXPECT_EQ(row[1][2], '.');
        EXPECT_EQ(row[1][10], ' ');
        const auto time = core::parseTime(row[1]);
        ASSERT_TRUE(time) << row[1];
        EXPECT_GE(time->unixSeconds, first);
        EXPECT_LT(time->unixSeconds, last);
        EXPECT_GE(time->unixSeconds, previous) << "rows are sorted by time";
        previous = time->unixSeconds;
        EXPECT_TRUE(fields.count(row[2])) << row[2];
        EXPECT_TRUE(core::parseFieldOfAction(row[2])) << row[2];
        EXPECT_FALSE(row[3].empty());
        EXPECT_TRUE(sources.count(row[4])) << row[4];
        for (int c : {5, 6}) {
            const auto dot = row[c].find('.');
            ASSERT_NE(dot, std::string::npos) << row[c];
            EXPECT_EQ(row[c].size() - dot, 3u) << "two decimals: " << row[c];
        }
        ++perField[row[2]];
    }
    EXPECT_EQ(perField.size(), 6u) << "every field of action occurs";
}

TEST_F(DemoSourcesTest, GraffitiHistoryCostsAddUpToTheBudget) {
    const nlohmann::json collection = geojson(core::LayerId::Graffiti);
    ASSERT_EQ(collection["type"], "FeatureCollection");
    const auto& features = collection["features"];
    EXPECT_GE(features.size(), 60u);
    EXPECT_LE(features.size(), 80u);
    const std::set<std::string> statuses = {"gemeldet", "begutachtet", "entfernt", "legal gestaltet",
                                            "erneut besprüht"};
    double total = 0.0;
    for (const auto& f : features) {
        const auto& p = f["properties"];
        EXPECT_EQ(f["geometry"]["type"], "Point");
        ASSERT_TRUE(p["history"].is_array());
        ASSERT_FALSE(p["history"].empty());
        EXPECT_EQ(p["history"].front()["status"], "gemeldet");
        EXPECT_EQ(p["status"], p["history"].back()["status"]);
        EXPECT_TRUE(core::parseTime(p["time"].get<std::string>()));
        EXPECT_GT(p["area_m2"].get<double>(), 0.0);
        double siteCost = 0.0;
        std::string previousDate;
        for (const auto& entry : p["history"]) {
            EXPECT_TRUE(statuses.count(entry["status"].get<std::string>())) << entry;
            const std::string date = entry["date"];
            EXPECT_EQ(date.size(), 10u);
            EXPECT_GE(date, previousDate) << "chronological";
            EXPECT_LE(date, "2026-10-31");
            previousDate = date;
            EXPECT_GE(entry["cost_eur"].get<double>(), 0.0);
            siteCost += entry["cost_eur"].get<double>();
        }
        EXPECT_EQ(p["cost_eur"].get<double>(), siteCost) << p["id"];
        total += siteCost;
    }
    EXPECT_EQ(total, 29250.0);
}

TEST_F(DemoSourcesTest, OsmWaysReferenceOnlyNodesWrittenBefore) {
    const OsmFile osm(s_first->osm);
    EXPECT_NE(osm.header.find("version=\"0.6\""), std::string::npos);
    EXPECT_NE(osm.header.find("generator=\"lagebild-demo\""), std::string::npos);
    EXPECT_TRUE(osm.errors.empty()) << osm.errors.front();
    EXPECT_GT(osm.nodes.size(), 10000u);
    EXPECT_GT(osm.ways.size(), 2000u);
    std::size_t closedBuildings = 0;
    for (const auto& [id, way] : osm.ways) {
        EXPECT_GE(way.refs.size(), 2u) << id;
        if (way.tags.count("building")) {
            EXPECT_EQ(way.refs.front(), way.refs.back()) << "building way " << id << " is closed";
            ++closedBuildings;
        }
    }
    EXPECT_GT(closedBuildings, 2000u);
    bool courtyard = false;
    for (const auto& [id, relation] : osm.relations) {
        EXPECT_EQ(relation.tags.at("type"), "multipolygon");
        const bool hasInner = std::any_of(relation.members.begin(), relation.members.end(),
                                          [](const auto& m) { return m.second == "inner"; });
        if (relation.tags.count("building") && hasInner) courtyard = true;
    }
    EXPECT_TRUE(courtyard) << "a building with a courtyard as a multipolygon";
}

TEST_F(DemoSourcesTest, TownHasTheStructureOfASmallSaxonTown) {
    const OsmFile osm(s_first->osm);
    std::map<std::string, int> count;
    std::set<std::string> streetNames;
    for (const auto& [id, tags] : osm.nodeTags) {
        for (const char* key : {"amenity", "highway", "shop", "leisure", "railway"}) {
            if (tags.count(key)) ++count[std::string(key) + "=" + tags.at(key)];
        }
        if (tags.count("name") && tags.at("name") == "Jugendhaus Treff") {
            EXPECT_EQ(tags.at("community_centre"), "youth_centre");
        }
        if (tags.count("name") && tags.at("name") == "First Step") {
            EXPECT_EQ(tags.at("amenity"), "social_facility");
        }
    }
    int bridges = 0;
    bool marketSquare = false;
    for (const auto& [id, way] : osm.ways) {
        const auto tag = [&](const char* key) { return way.tags.count(key) ? way.tags.at(key) : std::string(); };
        if (tag("highway") == "pedestrian" && tag("area") == "yes" && tag("name") == "Markt") marketSquare = true;
        if (way.tags.count("highway") && way.tags.count("name")) streetNames.insert(way.tags.at("name"));
        if (way.tags.count("highway") && way.tags.count("bridge") && way.tags.count("layer")) ++bridges;
        for (const char* key : {"amenity", "landuse", "leisure", "waterway", "railway", "natural"}) {
            if (way.tags.count(key)) ++count["way " + std::string(key) + "=" + way.tags.at(key)];
        }
    }
    EXPECT_GE(bridges, 3);
    EXPECT_TRUE(marketSquare);
    for (const char* street : {"Hauptstraße", "Bahnhofstraße", "Leipziger Straße", "Schloßgasse", "Am Markt",
                               "Lindenstraße", "Straße der Einheit", "Dr.-Külz-Straße"}) {
        EXPECT_TRUE(streetNames.count(street)) << street;
    }
    EXPECT_EQ(count["way waterway=river"], 1);
    EXPECT_GE(count["way railway=rail"], 1);
    EXPECT_EQ(count["railway=station"], 1);
    EXPECT_GE(count["amenity=school"] + count["way amenity=school"], 3);
    EXPECT_GE(count["amenity=kindergarten"], 4);
    EXPECT_LE(count["amenity=kindergarten"], 6);
    const int bars = count["amenity=bar"] + count["amenity=pub"];
    EXPECT_GE(bars, 8);
    EXPECT_LE(bars, 12);
    EXPECT_GE(count["highway=bus_stop"], 10);
    EXPECT_GE(count["highway=street_lamp"], 300);
    EXPECT_GE(count["amenity=bench"], 20);
    EXPECT_GE(count["amenity=waste_basket"], 20);
    EXPECT_GE(count["amenity=atm"], 1);
    EXPECT_EQ(count["amenity=police"], 1);
    EXPECT_GE(count["shop=kiosk"] + count["shop=alcohol"] + count["shop=supermarket"], 3);
    for (const char* landuse : {"residential", "industrial", "retail", "allotments", "grass", "cemetery"}) {
        EXPECT_GE(count["way landuse=" + std::string(landuse)], 1) << landuse;
    }
    EXPECT_GE(count["way leisure=playground"], 3);
}

TEST_F(DemoSourcesTest, AboutThreeThousandBuildings) {
    const std::string osm = readFile(s_first->osm);
    std::size_t buildings = 0;
    for (auto pos = osm.find("k=\"building\""); pos != std::string::npos; pos = osm.find("k=\"building\"", pos + 1)) {
        ++buildings;
    }
    EXPECT_GE(buildings, 2500u);
    EXPECT_LE(buildings, 3500u);
}

TEST_F(DemoSourcesTest, AllCoordinatesLieNearGlauchau) {
    const OsmFile osm(s_first->osm);
    auto nearGlauchau = [](double lon, double lat) {
        return std::abs(lon - kGlauchauLon) < 0.06 && std::abs(lat - kGlauchauLat) < 0.04;  // about ±4 km
    };
    for (const auto& [id, ll] : osm.nodes) EXPECT_TRUE(nearGlauchau(ll.first, ll.second)) << "node " << id;
    for (core::LayerId layer :
         {core::LayerId::Districts, core::LayerId::Routes, core::LayerId::Graffiti, core::LayerId::Measures}) {
        std::vector<std::pair<double, double>> coords;
        const nlohmann::json collection = geojson(layer);
        for (const auto& f : collection["features"]) collectCoordinates(f["geometry"]["coordinates"], coords);
        ASSERT_FALSE(coords.empty());
        for (const auto& [lon, lat] : coords) EXPECT_TRUE(nearGlauchau(lon, lat)) << source(layer).path;
    }
    for (core::LayerId layer : {core::LayerId::Visits, core::LayerId::Observations}) {
        const auto rows = csvRows(layer, ',');
        const auto& header = rows.front();
        const auto lat = std::find(header.begin(), header.end(), "lat") - header.begin();
        const auto lon = std::find(header.begin(), header.end(), "lon") - header.begin();
        for (std::size_t i = 1; i < rows.size(); ++i) {
            EXPECT_TRUE(nearGlauchau(std::stod(rows[i][lon]), std::stod(rows[i][lat]))) << rows[i][0];
        }
    }
    const geo::CrsTransform toUtm("EPSG:4326", "EPSG:25833");
    double cx = kGlauchauLon, cy = kGlauchauLat;
    toUtm.transform(cx, cy);
    const auto rows = csvRows(core::LayerId::Incidents, ';');
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_LT(std::hypot(std::stod(rows[i][5]) - cx, std::stod(rows[i][6]) - cy), 3500.0) << rows[i][0];
    }
}

TEST_F(DemoSourcesTest, DistrictsCarryNamesAndAboutTwentyThousandInhabitants) {
    const auto features = geojson(core::LayerId::Districts)["features"];
    EXPECT_GE(features.size(), 10u);
    EXPECT_LE(features.size(), 16u);
    std::int64_t population = 0;
    std::set<std::string> ids;
    std::set<std::string> names;
    for (const auto& f : features) {
        EXPECT_EQ(f["geometry"]["type"], "Polygon");
        EXPECT_TRUE(ids.insert(f["properties"]["id"].get<std::string>()).second);
        names.insert(f["properties"]["name"].get<std::string>());
        population += f["properties"]["population"].get<std::int64_t>();
    }
    EXPECT_GE(population, 19000);
    EXPECT_LE(population, 21000);
    for (const char* name : {"Altstadt", "Bahnhofsviertel", "Plattenbaugebiet Ost", "Gewerbegebiet"}) {
        EXPECT_TRUE(names.count(name)) << name;
    }
}

TEST_F(DemoSourcesTest, RoutesRunAlongTheGeneratedStreets) {
    const OsmFile osm(s_first->osm);
    std::set<std::pair<long long, long long>> streetNodes;  // 1e-7 degree units
    for (const auto& [id, way] : osm.ways) {
        if (!way.tags.count("highway")) continue;
        for (long long ref : way.refs) {
            const auto [lon, lat] = osm.nodes.at(ref);
            streetNodes.emplace(std::llround(lon * 1e7), std::llround(lat * 1e7));
        }
    }
    const auto features = geojson(core::LayerId::Routes)["features"];
    ASSERT_EQ(features.size(), 3u);
    std::set<std::string> routeIds;
    for (const auto& f : features) {
        routeIds.insert(f["properties"]["id"].get<std::string>());
        EXPECT_FALSE(f["properties"]["team"].get<std::string>().empty());
        ASSERT_EQ(f["geometry"]["type"], "LineString");
        const auto& coords = f["geometry"]["coordinates"];
        EXPECT_GT(coords.size(), 10u);
        for (const auto& c : coords) {
            EXPECT_TRUE(
                streetNodes.count({std::llround(c[0].get<double>() * 1e7), std::llround(c[1].get<double>() * 1e7)}))
                << f["properties"]["id"] << " leaves the streets at " << c;
        }
    }
    EXPECT_EQ(routeIds, (std::set<std::string>{"R1", "R2", "R3"}));

    const auto visits = csvRows(core::LayerId::Visits, ',');
    EXPECT_EQ(visits.front(),
              (std::vector<std::string>{"id", "route", "time", "end_time", "staff", "contacts", "lat", "lon"}));
    EXPECT_GT(visits.size(), 250u) << "weekly visits on three routes over two years";
    for (std::size_t i = 1; i < visits.size(); ++i) {
        const auto& v = visits[i];
        EXPECT_TRUE(routeIds.count(v[1])) << v[1];
        const auto start = core::parseTime(v[2]);
        const auto end = core::parseTime(v[3]);
        ASSERT_TRUE(start && end) << v[2] << " " << v[3];
        EXPECT_LT(start->unixSeconds, end->unixSeconds);
        EXPECT_GE(std::stoi(v[4]), 1);
        EXPECT_LE(std::stoi(v[4]), 3);
        EXPECT_GE(std::stoi(v[5]), 0);
        EXPECT_LE(std::stoi(v[5]), 25);
    }
}

TEST_F(DemoSourcesTest, MeasuresAndObservationsUseTheAgreedVocabulary) {
    const std::set<std::string> types = {
        "Beleuchtung",    "Rückschnitt/Sichtachsen",         "Platzgestaltung",         "Wegeführung",
        "Abfallbehälter", "Wandgestaltung/legales Graffiti", "Sozialbüro/Anlaufstelle", "Videoschutz",
        "Sonstiges"};
    const std::set<std::string> statuses = {"geplant", "in Umsetzung", "umgesetzt"};
    const auto measures = geojson(core::LayerId::Measures)["features"];
    EXPECT_GE(measures.size(), 10u);
    bool firstStep = false;
    for (const auto& f : measures) {
        const auto& p = f["properties"];
        EXPECT_TRUE(types.count(p["type"].get<std::string>())) << p["type"];
        EXPECT_TRUE(statuses.count(p["status"].get<std::string>())) << p["status"];
        EXPECT_GT(p["budget_eur"].get<double>(), 0.0);
        EXPECT_EQ(p["start_date"].get<std::string>().size(), 10u);
        EXPECT_TRUE(p["end_date"].is_null() || p["end_date"].get<std::string>() >= p["start_date"].get<std::string>());
        EXPECT_FALSE(p["owner"].get<std::string>().empty());
        if (p["name"].get<std::string>().find("First Step") != std::string::npos) firstStep = true;
    }
    EXPECT_TRUE(firstStep);

    const std::set<std::string> categories = {"Treffpunkt",          "Graffiti",  "Müll",     "Spritzen/Drogenfund",
                                              "Defekte Beleuchtung", "Angstraum", "Sonstiges"};
    const auto rows = csvRows(core::LayerId::Observations, ',');
    EXPECT_EQ(rows.front(), (std::vector<std::string>{"id", "time", "category", "note", "lat", "lon"}));
    EXPECT_GE(rows.size(), 100u);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 6u) << i;
        EXPECT_TRUE(categories.count(rows[i][2])) << rows[i][2];
        EXPECT_FALSE(rows[i][3].empty());
        EXPECT_TRUE(core::parseTime(rows[i][1])) << rows[i][1];
    }
}

TEST_F(DemoSourcesTest, TheParkIsAHotspotAtNight) {
    // The park outline from the OSM file, in EPSG:25833 like the incidents.
    const OsmFile osm(s_first->osm);
    const geo::CrsTransform toUtm("EPSG:4326", "EPSG:25833");
    std::vector<std::pair<double, double>> park;
    for (const auto& [id, relation] : osm.relations) {
        if (!relation.tags.count("leisure") || relation.tags.at("leisure") != "park") continue;
        for (const auto& [way, role] : relation.members) {
            if (role != "outer") continue;
            for (long long ref : osm.ways.at(way).refs) {
                auto [x, y] = osm.nodes.at(ref);
                toUtm.transform(x, y);
                park.emplace_back(x, y);
            }
        }
    }
    ASSERT_GT(park.size(), 3u) << "the Schlosspark multipolygon";

    int inPark = 0, inParkAtNight = 0, elsewhere = 0, elsewhereAtNight = 0;
    const auto rows = csvRows(core::LayerId::Incidents, ';');
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const int hour = std::stoi(rows[i][1].substr(11, 2));
        const bool night = hour >= 20 || hour < 4;
        if (inside(std::stod(rows[i][5]), std::stod(rows[i][6]), park)) {
            ++inPark;
            inParkAtNight += night;
        } else {
            ++elsewhere;
            elsewhereAtNight += night;
        }
    }
    ASSERT_GT(inPark, 50);
    const double parkShare = static_cast<double>(inParkAtNight) / inPark;
    const double background = static_cast<double>(elsewhereAtNight) / elsewhere;
    EXPECT_GT(parkShare, 0.7);
    EXPECT_GT(parkShare, background + 0.3) << "park " << parkShare << ", elsewhere " << background;
}

TEST(DemoSourcesErrors, CancellationStopsTheWork) {
    core::Progress progress;
    progress.cancel();
    const fs::path dir = uniqueTempDir();
    EXPECT_THROW(writeDemoSources(dir, DemoOptions{}, progress), core::CancelledError);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

TEST(DemoSourcesErrors, AnUnwritableFolderIsAProcessingError) {
    const fs::path dir = uniqueTempDir();
    fs::create_directories(dir);
    const fs::path blocker = dir / "not-a-folder";
    std::ofstream(blocker) << "x";
    EXPECT_THROW(writeDemoSources(blocker / "demo", DemoOptions{}, core::Progress::none()), core::ProcessingError);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

}  // namespace
}  // namespace lb::demo
