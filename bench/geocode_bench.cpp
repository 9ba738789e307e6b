// Offline geocoding (issue 12): builds the address index of a synthetic district-sized town and matches
// 100,000 police-export addresses against it (clean and messy spellings mixed). Prints figures; not a test.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "geo/address_match.hpp"

namespace {

struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state >> 33);
    }
    std::size_t below(std::size_t n) { return next() % n; }
};

constexpr std::array kStems{"Linden",  "Birken",    "Goethe",     "Schiller", "Mühlen",         "Bahnhof",
                            "Garten",  "Wiesen",    "Kirch",      "Schul",    "Berg",           "Tal",
                            "Brücken", "Jäger",     "Post",       "Markt",    "Rosen",          "Ahorn",
                            "Eichen",  "Wald",      "Feld",       "Sonnen",   "Lessing",        "Herder",
                            "Fichte",  "Zwickauer", "Glauchauer", "Meeraner", "Crimmitschauer", "Waldenburger"};
constexpr std::array kKinds{"straße", "weg", "allee", "platz", "gasse", "ring", "stieg", "steig"};

std::string messy(std::string s, Lcg& rng) {
    const auto replace = [&](const std::string& from, const std::string& to) {
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    };
    switch (rng.below(5)) {
        case 0:
            replace("straße", "str.");
            replace("Straße", "Str.");
            break;
        case 1:
            replace("ß", "ss");
            break;
        case 2:
            replace("ü", "ue");
            replace("ä", "ae");
            replace("ö", "oe");
            break;
        case 3:
            for (char& c : s)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            break;
        default:
            replace(" ", "");
            break;
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the offline geocoder: index build and matching"};
    std::size_t addresses = 100'000, queries = 100'000;
    int repeat = 3;
    app.add_option("--addresses", addresses);
    app.add_option("--queries", queries);
    app.add_option("--repeat", repeat);
    CLI11_PARSE(app, argc, argv);

    // Streets of 50 addresses each in postcode areas of a district.
    std::vector<lb::geo::AddressPoint> points;
    points.reserve(addresses);
    std::size_t street = 0;
    while (points.size() < addresses) {
        // 240 names per postcode area; every name comes again in the next area (the row's postcode decides).
        const std::string name =
            std::string(kStems[street % kStems.size()]) + kKinds[(street / kStems.size()) % kKinds.size()];
        const std::string postcode = fmt::format("0{}", 8300 + street / 240);
        const double x0 = 2000.0 * static_cast<double>(street % 40), y0 = 2000.0 * static_cast<double>(street / 40);
        for (int n = 1; n <= 50 && points.size() < addresses; ++n) {
            points.push_back({name, std::to_string(n), postcode, "Ort", "", x0 + 10.0 * n, y0 + (n % 2 ? 8 : -8)});
        }
        ++street;
    }
    Lcg rng{42};
    std::vector<std::string> texts;
    texts.reserve(queries);
    for (std::size_t q = 0; q < queries; ++q) {
        const auto& p = points[rng.below(points.size())];
        const std::string s = rng.below(10) < 7 ? p.street : messy(p.street, rng);
        texts.push_back(s + " " + p.housenumber + ", " + p.postcode + " " + p.city);
    }

    std::size_t exact = 0, fuzzy = 0, streetOnly = 0, ambiguous = 0, none = 0;
    const double build = lb::bench::median(repeat, [&] { lb::geo::AddressIndex index(points); });
    const lb::geo::AddressIndex index(points);
    const double match = lb::bench::median(repeat, [&] {
        lb::geo::AddressIndex::MatchCache cache;
        exact = fuzzy = streetOnly = ambiguous = none = 0;
        for (const auto& t : texts) {
            switch (index.match(t, cache).quality) {
                case lb::geo::MatchQuality::Exact:
                    ++exact;
                    break;
                case lb::geo::MatchQuality::Fuzzy:
                    ++fuzzy;
                    break;
                case lb::geo::MatchQuality::StreetOnly:
                    ++streetOnly;
                    break;
                case lb::geo::MatchQuality::Ambiguous:
                    ++ambiguous;
                    break;
                case lb::geo::MatchQuality::None:
                    ++none;
                    break;
            }
        }
    });
    fmt::print("addresses: {}  streets: {}  queries: {} (30 % messy spellings)\n", points.size(), street, texts.size());
    fmt::print(
        "| step | ms |\n|---|---:|\n| build the index | {:.1f} |\n| match {} addresses | {:.1f} |\n| total | {:.1f} "
        "|\n",
        build, texts.size(), match, build + match);
    fmt::print("qualities: exact {}  fuzzy {}  street only {}  ambiguous {}  none {}\n", exact, fuzzy, streetOnly,
               ambiguous, none);
    return 0;
}
