// Musterstadt thematic files: districts, streetwork routes and visits, prevention measures.
// Sections: [dates] [districts] [routes] [visits] [measures]

#include "demo/thematic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "core/time.hpp"
#include "demo/random.hpp"

namespace lb::demo::detail {

// [dates] --------------------------------------------------------------------------------------------------

std::int64_t firstDemoDay() {
    return core::daysFromCivil(kFirstYear, kFirstMonth, kFirstDay);
}

std::int64_t lastDemoDay() {
    return core::daysFromCivil(kLastYear, kLastMonth, kLastDay);
}

std::string isoDate(std::int64_t day) {
    const core::CivilTime t = core::civilFromUnix(day * 86400);
    std::string out;
    appendInteger(out, t.year, 4);
    out.push_back('-');
    appendInteger(out, t.month, 2);
    out.push_back('-');
    appendInteger(out, t.day, 2);
    return out;
}

std::string isoLocal(std::int64_t day, int hour, int minute) {
    core::CivilTime t = core::civilFromUnix(day * 86400);
    t.hour = hour;
    t.minute = minute;
    return core::formatBerlin(core::fromBerlinLocal(t));
}

// [districts] ----------------------------------------------------------------------------------------------

namespace {

// A west–east district boundary: y as a function of x, evaluated identically by both neighbours.
struct BoundaryLine {
    double base = 0.0;
    bool followsRail = false;
    std::array<double, 3> amplitude{};
    std::array<double, 3> phase{};

    double at(double x) const {
        double y = followsRail ? railY(x) - 25.0 : base;
        for (std::size_t i = 0; i < amplitude.size(); ++i) {
            y += amplitude[i] * std::sin(x / (260.0 + 170.0 * static_cast<double>(i)) + phase[i]);
        }
        return y;
    }
};

// A split between two districts of a band: straight from the lower boundary at `bottom` to the upper at `top`.
struct Split {
    double bottom;
    double top;
};

struct Band {
    std::vector<Split> splits;       // west to east, without the town edges
    std::vector<const char*> names;  // one more than splits
};

// Knots of boundary line `line`: a regular spacing plus every split end that touches it.
std::vector<double> knots(const std::vector<Band>& bands, std::size_t line) {
    std::vector<double> xs;
    for (double x = kTownMinX; x <= kTownMaxX; x += 200.0) xs.push_back(x);
    if (line < bands.size()) {
        for (const Split& s : bands[line].splits) xs.push_back(s.bottom);
    }
    if (line > 0) {
        for (const Split& s : bands[line - 1].splits) xs.push_back(s.top);
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    return xs;
}

}  // namespace

void writeDistricts(const Town& town, const Wgs84Projector& projector, std::uint64_t seed,
                    const std::filesystem::path& path) {
    DemoRandom rng = DemoRandom::stream(seed, static_cast<std::uint64_t>(DemoStream::Districts));
    // Five boundary lines (town edges, along the railway, south and north of the old town) and four bands.
    std::vector<BoundaryLine> lines(5);
    lines[0].base = kTownMinY;
    lines[1].followsRail = true;
    lines[2].base = -345.0;
    lines[3].base = 690.0;
    lines[4].base = kTownMaxY;
    for (std::size_t i = 1; i < 4; ++i) {
        for (std::size_t k = 0; k < 3; ++k) {
            lines[i].amplitude[k] = rng.uniform(3.0, 9.0);
            lines[i].phase[k] = rng.uniform(0.0, 6.28);
        }
    }
    auto j = [&](double x, double amount) { return x + rng.uniform(-amount, amount); };
    const double riverRail = riverX(-950.0), riverMid = riverX(-345.0), riverNorth = riverX(690.0),
                 riverTop = riverX(1700.0);
    const std::vector<Band> bands = {
        {{{j(450.0, 20.0), j(460.0, 20.0)}}, {"Südvorstadt", "Gewerbegebiet"}},
        {{{riverRail, riverMid}, {j(-290.0, 10.0), j(-300.0, 10.0)}, {j(640.0, 20.0), j(650.0, 20.0)}},
         {"Westvorstadt", "Muldenaue", "Bahnhofsviertel", "Ostvorstadt"}},
        {{{riverMid, riverNorth}, {j(-305.0, 5.0), j(-255.0, 5.0)}, {j(560.0, 20.0), j(600.0, 20.0)}},
         {"Wohngebiet Am Park", "Schlossviertel", "Altstadt", "Plattenbaugebiet Ost"}},
        {{{riverNorth, riverTop}, {j(380.0, 20.0), j(390.0, 20.0)}}, {"Waldsiedlung", "Nord", "Sonnenhang"}},
    };

    std::vector<std::vector<double>> lineKnots;
    for (std::size_t i = 0; i < lines.size(); ++i) lineKnots.push_back(knots(bands, i));

    struct District {
        std::string name;
        Ring ring;
        double weight = 0.0;
    };
    std::vector<District> districts;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        const Band& band = bands[b];
        std::vector<Split> splits = {{kTownMinX, kTownMinX}};
        splits.insert(splits.end(), band.splits.begin(), band.splits.end());
        splits.push_back({kTownMaxX, kTownMaxX});
        for (std::size_t c = 0; c + 1 < splits.size(); ++c) {
            Ring ring;
            for (double x : lineKnots[b]) {
                if (x >= splits[c].bottom && x <= splits[c + 1].bottom) ring.push_back({x, lines[b].at(x)});
            }
            const std::vector<double>& upper = lineKnots[b + 1];
            for (auto it = upper.rbegin(); it != upper.rend(); ++it) {
                if (*it >= splits[c].top && *it <= splits[c + 1].top) ring.push_back({*it, lines[b + 1].at(*it)});
            }
            districts.push_back({band.names[c], ring, 0.0});
        }
    }

    // Population from the residents of the buildings in each district, scaled to 20,000 (largest remainder).
    for (const TownBuilding& building : town.buildings) {
        for (District& d : districts) {
            if (pointInRing(building.centre, d.ring)) {
                d.weight += building.inhabitants;
                break;
            }
        }
    }
    constexpr std::int64_t kPopulation = 20000;
    constexpr std::int64_t kMinimum = 40;  // caretakers and the odd flat even in the industrial estate
    const double total = std::accumulate(districts.begin(), districts.end(), 0.0,
                                         [](double sum, const District& d) { return sum + d.weight; });
    const auto spare = static_cast<double>(kPopulation - kMinimum * static_cast<std::int64_t>(districts.size()));
    std::vector<std::int64_t> population(districts.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    std::int64_t assigned = 0;
    for (std::size_t i = 0; i < districts.size(); ++i) {
        const double exact = spare * districts[i].weight / total;
        population[i] = kMinimum + static_cast<std::int64_t>(std::floor(exact));
        assigned += population[i];
        remainders.emplace_back(exact - std::floor(exact), i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; assigned < kPopulation; ++k, ++assigned)
        ++population[remainders[k % remainders.size()].second];

    GeoJsonWriter out(path);
    for (std::size_t i = 0; i < districts.size(); ++i) {
        std::string id = "D";
        appendInteger(id, static_cast<std::int64_t>(i + 1), 2);
        JsonObject properties;
        properties.add("id", id).add("name", districts[i].name).add("population", population[i]);
        out.feature(properties, geoJsonPolygon(projector, districts[i].ring));
    }
    out.close();
}

// [routes] -------------------------------------------------------------------------------------------------

std::vector<DemoRoute> writeRoutes(const Town& town, const Wgs84Projector& projector,
                                   const std::filesystem::path& path) {
    const TownPlaces& p = town.places;
    const Vec2 market = ringCentroid(p.market);
    const Vec2 forecourt = ringCentroid(p.forecourt);
    std::vector<DemoRoute> routes;
    routes.push_back(
        {"R1", "Innenstadt-Runde", "Team Mitte",
         streetRoute(town.roads, {market, p.townHall + Vec2{0.0, 20.0}, p.busStation, forecourt,
                                  p.shopStreets[2][p.shopStreets[2].size() / 2], p.pondPath[p.pondPath.size() / 2],
                                  p.castle + Vec2{30.0, -20.0}, market})});
    std::vector<Vec2> estate = {p.youthCentre};
    for (Vec2 spot : p.estateSpots) estate.push_back(spot);
    std::sort(estate.begin() + 1, estate.end(), [&](Vec2 a, Vec2 b) {
        const Vec2 c = ringCentroid(p.estateOst);
        return std::atan2(a.y - c.y, a.x - c.x) < std::atan2(b.y - c.y, b.x - c.x);
    });
    estate.push_back(p.youthCentre);
    routes.push_back({"R2", "Plattenbau Ost", "Team Ost", streetRoute(town.roads, estate)});
    routes.push_back({"R3", "Bahnhof–Schlosspark", "Team Mobil",
                      streetRoute(town.roads, {forecourt, p.underpass, p.stationPath.back(), p.meadowPath.front(),
                                               p.meadowPath[p.meadowPath.size() / 2], p.pondPath.front(),
                                               p.parkMainPath[p.parkMainPath.size() / 2]})});

    GeoJsonWriter out(path);
    for (const DemoRoute& route : routes) {
        JsonObject properties;
        properties.add("id", route.id).add("name", route.name).add("team", route.team);
        out.feature(properties, geoJsonLineString(projector, route.line));
    }
    out.close();
    return routes;
}

// [visits] -------------------------------------------------------------------------------------------------

namespace {
// More young people are out in summer: expected contacts per visit by month.
constexpr std::array<double, 12> kVisitSeason = {0.6, 0.65, 0.8, 0.95, 1.1, 1.25, 1.3, 1.2, 1.1, 0.95, 0.8, 0.65};
}  // namespace

void writeVisits(const std::vector<DemoRoute>& routes, const Wgs84Projector& projector, std::uint64_t seed,
                 const std::filesystem::path& path) {
    DemoRandom rng = DemoRandom::stream(seed, static_cast<std::uint64_t>(DemoStream::Visits));
    struct Plan {
        int weekday;  // 0 = Monday
        int hour;
        double contacts;
    };
    const Plan plans[] = {{1, 16, 9.0}, {3, 17, 7.0}, {4, 19, 6.0}};  // Tue, Thu, Fri evenings
    struct Visit {
        std::int64_t day;
        int start;  // minutes after midnight
        int duration;
        std::size_t route;
        int staff;
        int contacts;
        Vec2 at;
    };
    std::vector<Visit> visits;
    for (std::int64_t day = firstDemoDay(); day <= lastDemoDay(); ++day) {
        const int weekday = static_cast<int>((day % 7 + 10) % 7);  // 1970-01-01 was a Thursday (3)
        const core::CivilTime date = core::civilFromUnix(day * 86400);
        const bool holidays = (date.month == 12 && date.day >= 23) || (date.month == 1 && date.day <= 2);
        for (std::size_t r = 0; r < routes.size() && r < std::size(plans); ++r) {
            if (weekday != plans[r].weekday || holidays || rng.chance(0.07)) continue;
            Visit v;
            v.day = day;
            v.start = plans[r].hour * 60 + 15 * rng.range(-2, 2);
            v.duration = 120 + 15 * rng.range(0, 4);
            v.route = r;
            v.staff = rng.range(1, 100) <= 70 ? 2 : (rng.chance(0.5) ? 1 : 3);
            const double expected = plans[r].contacts * kVisitSeason[static_cast<std::size_t>(date.month - 1)];
            v.contacts = std::clamp(static_cast<int>(std::lround(expected + 3.0 * rng.normal())), 0, 25);
            v.at = pointAlong(routes[r].line, rng.uniform(0.0, polylineLength(routes[r].line))).pos;
            visits.push_back(v);
        }
    }

    TextFile out(path);
    out << "id,route,time,end_time,staff,contacts,lat,lon\n";
    for (std::size_t i = 0; i < visits.size(); ++i) {
        const Visit& v = visits[i];
        const int end = v.start + v.duration;
        const Vec2 ll = projector.lonLat(v.at);
        std::string id = "V";
        appendInteger(id, static_cast<std::int64_t>(i + 1), 4);
        out << id << ',' << routes[v.route].id << ',' << isoLocal(v.day, v.start / 60, v.start % 60) << ','
            << isoLocal(v.day + end / 1440, (end % 1440) / 60, end % 60) << ',';
        out.integer(v.staff) << ',';
        out.integer(v.contacts) << ',';
        out.fixed(ll.y, 7) << ',';
        out.fixed(ll.x, 7) << '\n';
    }
    out.close();
}

// [measures] -----------------------------------------------------------------------------------------------

void writeMeasures(const Town& town, const Wgs84Projector& projector, const std::filesystem::path& path) {
    const TownPlaces& p = town.places;
    struct Measure {
        const char* name;
        const char* type;
        const char* status;
        std::int64_t budget;
        const char* start;
        const char* end;
        const char* owner;
        std::string geometry;
    };
    const Vec2 market = ringCentroid(p.market);
    const Polyline tunnel = {p.underpassPath[1], p.underpassPath[2]};
    const std::vector<Measure> measures = {
        {"Neue Beleuchtung Schlosspark", "Beleuchtung", "umgesetzt", 48000, "2025-04-01", "2025-09-30", "Stadtgrün",
         geoJsonLineString(projector, p.pondPath)},
        {"Rückschnitt Gebüsch am Bahnhofsweg", "Rückschnitt/Sichtachsen", "umgesetzt", 6500, "2025-02-10", "2025-03-14",
         "Stadtgrün", geoJsonLineString(projector, p.stationPath)},
        {"Umgestaltung Marktplatz", "Platzgestaltung", "geplant", 850000, "2027-03-01", "", "Bauamt",
         geoJsonPolygon(projector, p.market)},
        {"Legale Wandgestaltung Unterführung Bahnhof", "Wandgestaltung/legales Graffiti", "umgesetzt", 12000,
         "2025-05-05", "2025-07-15", "Ordnungsamt", geoJsonLineString(projector, tunnel)},
        {"Sozialbüro First Step am Markt", "Sozialbüro/Anlaufstelle", "umgesetzt", 95000, "2025-06-02", "2025-09-01",
         "Sozialamt", geoJsonPoint(projector, p.firstStep)},
        {"Zusätzliche Abfallbehälter Markt und Schlosspark", "Abfallbehälter", "umgesetzt", 7800, "2025-03-03",
         "2025-04-11", "Bauhof", geoJsonPoint(projector, market)},
        {"Videoschutz Bahnhofsvorplatz", "Videoschutz", "geplant", 60000, "2027-01-15", "", "Ordnungsamt",
         geoJsonPolygon(projector, p.forecourt)},
        {"Wegeführung Teichweg Schlosspark", "Wegeführung", "in Umsetzung", 35000, "2026-05-04", "2026-11-30",
         "Stadtgrün", geoJsonLineString(projector, p.parkMainPath)},
        {"Beleuchtung Bahnhofsunterführung", "Beleuchtung", "umgesetzt", 18000, "2025-01-13", "2025-02-28", "Bauamt",
         geoJsonLineString(projector, p.underpassPath)},
        {"Sichtachsen Innenhöfe Plattenbau Ost", "Rückschnitt/Sichtachsen", "in Umsetzung", 22000, "2026-03-02",
         "2026-12-18", "Stadtgrün", geoJsonPolygon(projector, p.estateOst)},
        {"Spielplatzsanierung Thomas-Müntzer-Ring", "Platzgestaltung", "geplant", 140000, "2027-04-01", "", "Bauamt",
         geoJsonPoint(projector, p.playgrounds.empty() ? p.youthCentre : p.playgrounds.front())},
        {"Beleuchtung Muldenweg", "Beleuchtung", "geplant", 55000, "2027-05-03", "", "Bauamt",
         geoJsonLineString(projector, p.meadowPath)},
        {"Legale Graffitiwand Jugendhaus Treff", "Wandgestaltung/legales Graffiti", "umgesetzt", 4500, "2025-06-02",
         "2025-06-27", "Jugendamt", geoJsonPoint(projector, p.youthCentre)},
        {"Nachtspaziergänge des Präventionsrats", "Sonstiges", "in Umsetzung", 3000, "2025-10-01", "2026-12-31",
         "Ordnungsamt", geoJsonPoint(projector, p.townHall)},
    };
    GeoJsonWriter out(path);
    for (std::size_t i = 0; i < measures.size(); ++i) {
        const Measure& m = measures[i];
        std::string id = "M";
        appendInteger(id, static_cast<std::int64_t>(i + 1), 2);
        JsonObject properties;
        properties.add("id", id)
            .add("name", m.name)
            .add("type", m.type)
            .add("status", m.status)
            .add("budget_eur", m.budget)
            .add("start_date", m.start);
        if (m.end[0] == '\0') {
            properties.addRaw("end_date", "null");  // not yet known for planned measures
        } else {
            properties.add("end_date", m.end);
        }
        properties.add("owner", m.owner);
        out.feature(properties, m.geometry);
    }
    out.close();
}

}  // namespace lb::demo::detail
