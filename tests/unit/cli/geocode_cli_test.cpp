// `lagebild import --address` (issue 12): a police export with addresses instead of coordinates, matched
// offline against the addresses of the project's buildings, with a match report for every row.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

using namespace lb;

namespace {

struct Address {
    std::string street, number;
    double x = 0, y = 0;
};

nlohmann::json sqlJson(const std::filesystem::path& project, const std::string& sql) {
    const auto run = test::runLagebild({"sql", project.string(), sql, "--json"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return nlohmann::json::parse(run.out);
}

// Addresses of the demo town that occur once (street and number), with the point inside their building.
std::vector<Address> uniqueAddresses(const std::filesystem::path& project, int limit) {
    const auto rows = sqlJson(project,
                              "SELECT addr_street, addr_housenumber, X(PointOnSurface(geometry)), "
                              "Y(PointOnSurface(geometry)) FROM buildings WHERE addr_street IS NOT NULL AND "
                              "addr_housenumber IS NOT NULL GROUP BY addr_street, addr_housenumber "
                              "HAVING count(*) = 1 ORDER BY addr_street, addr_housenumber LIMIT " +
                                  std::to_string(limit))
                          .at("rows");
    std::vector<Address> out;
    for (const auto& r : rows) out.push_back({r[0], r[1], r[2], r[3]});
    return out;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// The way a careless export writes a street: abbreviated, upper case, ß as ss, umlauts transliterated.
std::string messy(const std::string& street, std::size_t i) {
    switch (i % 4) {
        case 0:
            return replaceAll(street, "straße", "str.");
        case 1: {
            std::string upper = replaceAll(replaceAll(street, "ß", "SS"), "ü", "ue");
            for (char& c : upper) {
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            }
            return upper;
        }
        case 2:
            return replaceAll(replaceAll(replaceAll(street, "ä", "ae"), "ö", "oe"), "ü", "ue");
        default:
            return replaceAll(street, "ß", "ss");
    }
}

}  // namespace

TEST(GeocodeCli, PoliceExportWithAddressesLandsOnTheBuildings) {
    test::TempDir dir;
    const auto project = dir / "town.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "20"}).exitCode, 0);
    const std::vector<Address> addresses = uniqueAddresses(project, 200);
    ASSERT_GE(addresses.size(), 150u);

    // 200 clean rows, 200 messy ones, 3 unknown streets, 2 without a number, 1 empty address.
    std::ostringstream csv;
    csv << "Tatzeit;Delikt;Tatort\n";
    std::map<std::string, const Address*> truth;  // the address text as written → its building
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const Address& a = addresses[i];
        const std::string clean = a.street + " " + a.number;
        const std::string dirty = messy(a.street, i) + " " + a.number;
        csv << "24.11.2025 22:15;graffiti;" << clean << "\n";
        csv << "25.11.2025 01:30;gewalt;" << dirty << "\n";
        truth[clean] = &a;
        truth[dirty] = &a;
    }
    csv << "26.11.2025 10:00;drogen;Nirgendwostraße 5\n26.11.2025 10:00;drogen;Am Schwarzen Loch 1\n";
    csv << "26.11.2025 10:00;drogen;Zzzyxweg 2\n";
    csv << "27.11.2025 10:00;gewalt;" << addresses[0].street << "\n";
    csv << "27.11.2025 11:00;gewalt;" << addresses[1].street << "\n";
    csv << "28.11.2025 12:00;gewalt;\n";
    const auto file = dir / "polizei.csv";
    test::writeFile(file, csv.str());
    const auto report = dir / "abgleich.csv";

    const auto run =
        test::runLagebild({"import", project.string(), "--layer", "incidents", file.string(), "--address", "Tatort",
                           "--time", "Tatzeit", "--category", "Delikt", "--match-report", report.string(), "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = nlohmann::json::parse(run.out);
    const std::size_t rows = 2 * addresses.size();
    const auto& geocoding = out.at("geocoding");
    EXPECT_GT(geocoding.at("addresses").get<int>(), 1000);
    EXPECT_EQ(geocoding.at("none").get<std::size_t>(), 3u);
    EXPECT_EQ(geocoding.at("street_only").get<std::size_t>(), 2u);
    EXPECT_EQ(geocoding.at("ambiguous").get<std::size_t>(), 0u);
    // Every clean and every messy address exact (only spelling conventions differ).
    EXPECT_EQ(geocoding.at("exact").get<std::size_t>(), rows) << run.err;
    EXPECT_EQ(out.at("imported").get<std::size_t>(), rows + 2);
    EXPECT_EQ(out.at("rejected").get<int>(), 4);  // three unknown streets, one row without any address
    EXPECT_NE(run.err.find("Nirgendwostraße 5' not found"), std::string::npos) << run.err;

    // Each imported row lies on its building's point; none is placed wrong.
    const auto placed = sqlJson(project,
                                "SELECT json_extract(attrs, '$.address'), json_extract(attrs, '$.geocode'), "
                                "X(geometry), Y(geometry) FROM incidents WHERE json_extract(attrs, '$.address') "
                                "IS NOT NULL")
                            .at("rows");
    ASSERT_EQ(placed.size(), rows + 2);
    std::size_t checked = 0;
    for (const auto& r : placed) {
        const std::string text = r[0];
        const auto it = truth.find(text);
        if (it == truth.end()) {
            EXPECT_EQ(r[1], "street_only") << text;
            continue;
        }
        EXPECT_EQ(r[1], "exact") << text;
        EXPECT_NEAR(r[2].get<double>(), it->second->x, 0.01) << text;
        EXPECT_NEAR(r[3].get<double>(), it->second->y, 0.01) << text;
        ++checked;
    }
    EXPECT_EQ(checked, rows);

    // The match report: German CSV, one line per row with an address, quality and reason.
    const std::string lines = test::readFile(report);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(lines.find("row;address;quality;reason"), std::string::npos);
    EXPECT_NE(lines.find(";Nirgendwostraße 5;none;"), std::string::npos);
    EXPECT_NE(lines.find(";" + addresses[0].street + ";street_only;ohne Hausnummer"), std::string::npos);
    std::size_t count = 0;
    for (char c : lines) count += c == '\n';
    EXPECT_EQ(count, 1 + rows + 5);
}

TEST(GeocodeCli, StreetAndNumberColumnsAndTheRefusals) {
    test::TempDir dir;
    const auto project = dir / "town.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "10"}).exitCode, 0);
    const auto addresses = uniqueAddresses(project, 5);
    ASSERT_EQ(addresses.size(), 5u);
    std::string csv = "time,category,Strasse,Hausnummer\n";
    for (const auto& a : addresses) csv += "2025-11-24T22:15,graffiti," + a.street + "," + a.number + "\n";
    const auto file = dir / "zwei_spalten.csv";
    test::writeFile(file, csv);
    auto run = test::runLagebild({"import", project.string(), "--layer", "incidents", file.string(), "--address",
                                  "Strasse,Hausnummer", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out).at("geocoding").at("exact"), 5);

    // Refusals: exit 2, the project unchanged.
    const auto before = test::fileDigest(project);
    run = test::runLagebild({"import", project.string(), "--layer", "incidents", file.string(), "--address", "Tatort"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("no column 'Tatort'"), std::string::npos) << run.err;
    run = test::runLagebild({"import", project.string(), "--layer", "incidents", file.string(), "--address",
                             "Strasse,Hausnummer", "--crs", "EPSG:31468"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--crs does not apply to --address"), std::string::npos) << run.err;
    run = test::runLagebild({"import", project.string(), "--layer", "incidents", file.string(), "--x", "Strasse", "--y",
                             "Hausnummer", "--match-report", (dir / "m.csv").string()});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--match-report goes with --address"), std::string::npos) << run.err;
    EXPECT_EQ(test::fileDigest(project), before);

    // A project without any addresses refuses --address instead of rejecting every row.
    const auto empty = dir / "empty.sqlite";
    ASSERT_EQ(test::runLagebild({"init", empty.string()}).exitCode, 0);
    const auto emptyBefore = test::fileDigest(empty);
    run = test::runLagebild(
        {"import", empty.string(), "--layer", "incidents", file.string(), "--address", "Strasse,Hausnummer"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("no addresses to match --address against"), std::string::npos) << run.err;
    EXPECT_EQ(test::fileDigest(empty), emptyBefore);
    EXPECT_FALSE(std::filesystem::exists(dir / "m.csv"));
}
