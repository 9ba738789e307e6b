// Issue #10, re-run after its fixes: the import paths and the project file fed deterministic mutations of
// valid inputs (truncation, flipped bytes, NUL bytes, Latin-1 instead of UTF-8, duplicated, dropped and
// swapped lines). Every case is classified by what the program promises (CLI.md conventions):
//   clean rejection — exit 1 or 2, a message naming the file, the project exactly as before;
//   correct accept  — exit 0, an intact file, exactly the reported rows added, each of them valid
//                     (inside the project area, a time in 1990–2100, text without NUL bytes);
//   wrong accept    — exit 0 but one of these broken, or a failure that changed the project;
//   crash           — a signal, an abort, or an exit code the contract does not know.
// The counts are printed (for the closing note) and wrong accepts and crashes must be zero.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <random>
#include <sstream>

#include "support/test_support.hpp"

using namespace lb;

namespace {

struct Counts {
    int cases = 0, cleanRejections = 0, correctAccepts = 0, wrongAccepts = 0, crashes = 0;
};

std::string mutate(const std::string& input, int kind, std::mt19937& random) {
    std::string s = input;
    auto at = [&](std::size_t size) {
        return std::uniform_int_distribution<std::size_t>(0, size ? size - 1 : 0)(random);
    };
    std::vector<std::string> lines;
    {
        std::istringstream in(s);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    auto join = [&] {
        std::string out;
        for (const auto& line : lines) out += line + "\n";
        return out;
    };
    switch (kind) {
        case 0:  // truncated anywhere
            return s.substr(0, at(s.size()));
        case 1:  // a few flipped bytes
            for (int i = 0; i < 4; ++i) s[at(s.size())] ^= static_cast<char>(1 << (random() % 8));
            return s;
        case 2:  // NUL bytes inside
            s.insert(at(s.size()), std::string("\0\0", 2));
            return s;
        case 3: {  // Latin-1 instead of UTF-8 (ä ö ü ß as single bytes)
            std::string out;
            for (std::size_t i = 0; i < s.size(); ++i) {
                const auto c = static_cast<unsigned char>(s[i]);
                if (c == 0xC3 && i + 1 < s.size()) {
                    out += static_cast<char>(static_cast<unsigned char>(s[i + 1]) + 0x40);
                    ++i;
                } else {
                    out += s[i];
                }
            }
            return out;
        }
        case 4:  // a line twice
            if (lines.size() > 1)
                lines.insert(lines.begin() + static_cast<long>(at(lines.size())), lines[at(lines.size())]);
            return join();
        case 5:  // a line dropped (the header too, sometimes)
            if (!lines.empty()) lines.erase(lines.begin() + static_cast<long>(at(lines.size())));
            return join();
        case 6:  // two lines swapped
            if (lines.size() > 2) std::swap(lines[at(lines.size())], lines[at(lines.size())]);
            return join();
        default:  // random garbage appended
            for (int i = 0; i < 64; ++i) s += static_cast<char>(random() % 256);
            return s;
    }
}

std::string sql(const std::string& project, const std::string& query) {
    return test::runProgram("sqlite3", {project, query}).out;
}

// The thematic and base-map content as a fingerprint (counts and every uuid, time and category).
std::string fingerprint(const std::string& project) {
    return test::runLagebild({"info", project, "--json"}).out +
           sql(project, "SELECT count(*), group_concat(uuid || time || ifnull(category, '')) FROM incidents") +
           sql(project, "SELECT count(*), group_concat(uuid) FROM graffiti");
}

bool validUtf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n;
    }
    return true;
}

bool knownFailure(int code) {
    return code == 1 || code == 2;
}

// Classifies one import run on a copy of the base project.
void classifyImport(const test::TempDir& dir, const std::string& base, const std::string& layer,
                    const std::string& content, const std::string& ext, const std::vector<std::string>& flags,
                    Counts& counts, int index) {
    const std::string project = (dir / ("case" + std::to_string(index) + ".sqlite")).string();
    std::filesystem::copy_file(base, project, std::filesystem::copy_options::overwrite_existing);
    const auto file = dir / ("case" + std::to_string(index) + ext);
    test::writeFile(file, content);
    const std::string before = fingerprint(project);
    const std::int64_t rowsBefore = std::stoll("0" + sql(project, "SELECT count(*) FROM " + layer));
    std::vector<std::string> args{"import", project, "--layer", layer, file.string(), "--json"};
    args.insert(args.end(), flags.begin(), flags.end());
    const auto run = test::runLagebild(args);
    ++counts.cases;
    const std::string what = "case " + std::to_string(index) + " (" + layer + ")";
    if (!knownFailure(run.exitCode) && run.exitCode != 0) {
        ++counts.crashes;
        ADD_FAILURE() << what << ": exit " << run.exitCode << "\n" << run.err;
        return;
    }
    if (run.exitCode != 0) {
        const bool named = run.err.find(file.filename().string()) != std::string::npos;
        if (fingerprint(project) == before && named) {
            ++counts.cleanRejections;
        } else {
            ++counts.wrongAccepts;
            ADD_FAILURE() << what << ": failed but " << (named ? "changed the project" : "did not name the file")
                          << "\n"
                          << run.err;
        }
        return;
    }
    std::string problem;
    if (sql(project, "PRAGMA integrity_check") != "ok\n") problem = "integrity check failed";
    std::int64_t reported = -1;
    try {
        reported = nlohmann::json::parse(run.out).at("imported").get<std::int64_t>();
    } catch (const std::exception& e) {
        problem = std::string("unreadable --json: ") + e.what();
    }
    const std::int64_t rowsAfter = std::stoll("0" + sql(project, "SELECT count(*) FROM " + layer));
    if (problem.empty() && rowsAfter - rowsBefore != reported) {
        problem = "reported " + std::to_string(reported) + " rows, added " + std::to_string(rowsAfter - rowsBefore);
    }
    // Through `lagebild sql` (SpatiaLite's functions; sqlite3 has none). The layer's main text column.
    const std::string text = layer == "incidents" ? "category" : "name";
    const auto invalidRun =
        test::runLagebild({"sql", project, "--csv",
                           "SELECT count(*) AS n FROM " + layer +
                               " WHERE MbrMinX(geometry) IS NULL OR ST_X(geometry) NOT BETWEEN 300000 AND 360000"
                               " OR ST_Y(geometry) NOT BETWEEN 5600000 AND 5660000"
                               " OR time IS NULL OR substr(time, 1, 4) NOT BETWEEN '1990' AND '2100'"
                               " OR instr(CAST(ifnull(" +
                               text + ",'') AS BLOB), X'00') > 0"});
    const std::string invalid = invalidRun.out;
    if (problem.empty() && invalid != "n\n0\n") problem = "invalid rows stored: " + invalid + invalidRun.err;
    if (problem.empty()) {
        // Stored text is UTF-8 (a Latin-1 file without --encoding must not leave broken bytes behind).
        const auto stored = test::runLagebild({"sql", project, "--csv", "SELECT " + text + ", time FROM " + layer});
        if (!validUtf8(stored.out)) problem = "invalid UTF-8 stored";
    }
    if (problem.empty()) {
        ++counts.correctAccepts;
    } else {
        ++counts.wrongAccepts;
        ADD_FAILURE() << what << ": accepted wrongly: " << problem << "\n" << run.out;
    }
}

}  // namespace

TEST(MutatedInputs, ImportsRejectCleanlyOrAcceptOnlyValidRowsAndNothingCrashes) {
    LAGEBILD_REQUIRE_PROGRAM("sqlite3");
    test::TempDir dir;
    const std::string base = (dir / "base.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", base}).exitCode, 0);
    test::writeFile(dir / "base.osm", test::osmBuildingsXml(40, 8));
    ASSERT_EQ(test::runLagebild({"import-osm", base, (dir / "base.osm").string()}).exitCode, 0);

    std::string csv = "id;lat;lon;zeit;kategorie;bemerkung\n";
    for (int i = 0; i < 25; ++i) {
        char row[200];
        std::snprintf(row, sizeof row, "%d;50.80%02d;12.50%02d;%02d.03.2025 2%d:15;%s;Straße am Müllplatz %d\n", i + 1,
                      i, i, 1 + i % 28, i % 4,
                      i % 3 == 0   ? "Graffiti"
                      : i % 3 == 1 ? "Vandalismus"
                                   : "Ruhestörung",
                      i);
        csv += row;
    }
    std::string geojson = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < 12; ++i) {
        if (i) geojson += ",";
        geojson += R"({"type":"Feature","geometry":{"type":"Point","coordinates":[12.50)" + std::to_string(10 + i) +
                   ",50.80" + std::to_string(10 + i) + R"(]},"properties":{"name":"Wand )" + std::to_string(i) +
                   R"( am Bahnhof","zeit":"2025-0)" + std::to_string(1 + i % 9) +
                   R"(-10T10:00:00+01:00","status":"gemeldet"}})";
    }
    geojson += "]}";
    // The unmutated inputs import (so every case starts from an input the program accepts).
    Counts seeds;
    const std::vector<std::string> csvFlags{"--lat", "lat",        "--lon",     "lon",  "--time",
                                            "zeit",  "--category", "kategorie", "--id", "id"};
    const std::vector<std::string> jsonFlags{"--time", "zeit", "--name", "name"};
    classifyImport(dir, base, "incidents", csv, ".csv", csvFlags, seeds, 0);
    classifyImport(dir, base, "graffiti", geojson, ".geojson", jsonFlags, seeds, 1);
    ASSERT_EQ(seeds.correctAccepts, 2) << "the unmutated inputs must import";

    Counts counts;
    std::mt19937 random(20261203);
    int index = 10;
    for (int round = 0; round < 3; ++round) {
        for (int kind = 0; kind < 8; ++kind) {
            classifyImport(dir, base, "incidents", mutate(csv, kind, random), ".csv", csvFlags, counts, index++);
            classifyImport(dir, base, "graffiti", mutate(geojson, kind, random), ".geojson", jsonFlags, counts,
                           index++);
        }
    }
    std::printf("mutated imports: %d cases, %d clean rejections, %d correct accepts, %d wrong accepts, %d crashes\n",
                counts.cases, counts.cleanRejections, counts.correctAccepts, counts.wrongAccepts, counts.crashes);
    EXPECT_EQ(counts.cases, 48);
    EXPECT_EQ(counts.wrongAccepts, 0);
    EXPECT_EQ(counts.crashes, 0);
    EXPECT_GT(counts.cleanRejections, 0);  // the mutations do reach the checks
}

TEST(MutatedInputs, DamagedProjectFilesAreRefusedOrReadButNeverCrashOrChange) {
    test::TempDir dir;
    const std::string base = (dir / "base.sqlite").string();
    ASSERT_EQ(test::runLagebild({"demo", base, "--incidents", "300"}).exitCode, 0);
    const std::string bytes = test::readFile(base);
    Counts counts;
    std::mt19937 random(31);
    for (int i = 0; i < 16; ++i) {
        std::string damaged = bytes;
        if (i % 4 == 0) {
            damaged.resize(std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(random));
        } else {
            // Flip bytes in the header page and in random pages.
            for (int k = 0; k < 8; ++k) {
                const std::size_t limit = i % 4 == 1 ? 100 : bytes.size();
                damaged[std::uniform_int_distribution<std::size_t>(0, limit - 1)(random)] ^= static_cast<char>(0x5A);
            }
        }
        const auto file = dir / ("damaged" + std::to_string(i) + ".sqlite");
        test::writeFile(file, damaged);
        const auto digest = test::fileDigest(file);
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"info", file.string(), "--json"},
                 {"query", file.string(), "--layer", "incidents", "--count-by", "districts", "--json"}}) {
            const auto run = test::runLagebild(args);
            ++counts.cases;
            if (run.exitCode == 0) {
                bool parsed = true;
                try {
                    (void)nlohmann::json::parse(run.out);
                } catch (const std::exception&) {
                    parsed = false;
                }
                parsed ? ++counts.correctAccepts : ++counts.wrongAccepts;
                EXPECT_TRUE(parsed) << args[0] << " on damaged file " << i << ": " << run.out;
            } else if (knownFailure(run.exitCode) && !run.err.empty()) {
                ++counts.cleanRejections;
            } else {
                ++counts.crashes;
                ADD_FAILURE() << args[0] << " on damaged file " << i << ": exit " << run.exitCode << "\n" << run.err;
            }
            EXPECT_EQ(test::fileDigest(file), digest) << "reading changed damaged file " << i;
        }
    }
    std::printf(
        "damaged project files: %d cases, %d clean rejections, %d correct accepts, %d wrong accepts, %d crashes\n",
        counts.cases, counts.cleanRejections, counts.correctAccepts, counts.wrongAccepts, counts.crashes);
    EXPECT_EQ(counts.wrongAccepts, 0);
    EXPECT_EQ(counts.crashes, 0);
    EXPECT_GT(counts.cleanRejections, 0);
}
