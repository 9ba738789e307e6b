// Musterstadt: the street network. Streets are designed as smooth polylines through jittered control
// points; finishRoads() (demo_road_network.cpp) then cuts them at the river and the railway into bridges, joins
// T-junctions and crossings into shared nodes, writes them as OSM ways and builds the routing graph. Sections:
// [helpers] [old town] [main roads] [west bank] [north-east] [south] [estates] [park]

#include <algorithm>
#include <cmath>
#include <numbers>

#include "demo/town_builder.hpp"

namespace lb::demo::detail {
namespace {

// [helpers] ------------------------------------------------------------------------------------------------

constexpr double kDeg = std::numbers::pi / 180.0;

struct ClassInfo {
    const char* highway;
    double halfWidth;
    const char* lit;
    const char* maxspeed;
};

constexpr ClassInfo kClasses[] = {
    {"primary", 9.0, "yes", "50"},     {"secondary", 8.0, "yes", "50"},   {"tertiary", 7.0, "yes", "50"},
    {"residential", 5.5, "yes", "30"}, {"living_street", 4.5, "yes", ""}, {"pedestrian", 4.5, "yes", ""},
    {"service", 3.5, "no", ""},        {"footway", 1.5, "no", ""},        {"cycleway", 1.8, "no", ""},
    {"path", 1.2, "no", ""},
};

const ClassInfo& classInfo(const std::string& highway) {
    for (const ClassInfo& c : kClasses) {
        if (highway == c.highway) return c;
    }
    return kClasses[3];
}

bool hasTag(const Tags& tags, const std::string& key) {
    return std::any_of(tags.begin(), tags.end(), [&](const auto& kv) { return kv.first == key; });
}

std::string tagValue(const Tags& tags, const std::string& key) {
    for (const auto& [k, v] : tags) {
        if (k == key) return v;
    }
    return {};
}

// The first point where a ray from origin meets the polyline.
Vec2 rayHit(const Polyline& line, Vec2 origin, Vec2 dir) {
    const Vec2 far = origin + dir * 10000.0;
    double bestT = 2.0;
    Vec2 best = origin;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const auto hit = segmentIntersection(origin, far, line[i - 1], line[i]);
        if (hit && hit->t < bestT) {
            bestT = hit->t;
            best = lerp(line[i - 1], line[i], hit->u);
        }
    }
    return best;
}

// The first point of the line at least r from the centre.
Vec2 pointAtRadius(const Polyline& line, Vec2 centre, double r) {
    const double len = polylineLength(line);
    for (double s = 0.0; s <= len; s += 1.0) {
        const Vec2 p = pointAlong(line, s).pos;
        if (distance(p, centre) >= r) return p;
    }
    return line.back();
}

Polyline slice(const Ring& loop, std::size_t from, std::size_t to) {
    Polyline out;
    for (std::size_t i = from;; i = (i + 1) % loop.size()) {
        out.push_back(loop[i]);
        if (i == to) break;
    }
    return out;
}

Polyline closed(Ring ring) {
    ring.push_back(ring.front());
    return ring;
}

}  // namespace

std::size_t TownBuilder::addStreet(std::string name, Polyline line, std::string highway, Frontage frontage,
                                   Tags extra) {
    const ClassInfo& info = classInfo(highway);
    Street s;
    s.tags.emplace_back("highway", highway);
    if (!name.empty()) s.tags.emplace_back("name", name);
    for (auto& kv : extra) s.tags.push_back(std::move(kv));
    if (!hasTag(s.tags, "lit")) s.tags.emplace_back("lit", info.lit);
    if (!hasTag(s.tags, "maxspeed") && info.maxspeed[0] != '\0') s.tags.emplace_back("maxspeed", info.maxspeed);
    s.name = std::move(name);
    s.line = std::move(line);
    s.halfWidth = frontage == Frontage::OldTown ? std::min(info.halfWidth, 5.0) : info.halfWidth;
    s.frontage = frontage;
    s.lamps = tagValue(s.tags, "lit") == "yes";
    m_streets.push_back(std::move(s));
    return m_streets.size() - 1;
}

Vec2 TownBuilder::onStreet(std::size_t street, Vec2 p) const {
    return projectOnto(line(street), p).pos;
}

// [old town] -----------------------------------------------------------------------------------------------

void TownBuilder::buildOldTownStreets() {
    const Vec2 market{0.0, 0.0};
    const Vec2 ringCentre{40.0, 20.0};

    // The market square: an irregular quadrilateral with a few bends.
    const Ring corners = {jitter({-52.0, -36.0}, 4.0), jitter({50.0, -42.0}, 4.0), jitter({56.0, 40.0}, 4.0),
                          jitter({-46.0, 44.0}, 4.0)};
    Ring square;
    for (std::size_t i = 0; i < corners.size(); ++i) {
        square.push_back(corners[i]);
        square.push_back(jitter(lerp(corners[i], corners[(i + 1) % corners.size()], 0.5), 3.0));
    }
    m_town.places.market = square;
    area(square, {{"highway", "pedestrian"}, {"area", "yes"}, {"name", "Markt"}, {"lit", "yes"}}, Cell::Reserved,
         false);
    m_marketLoop =
        addStreet("Am Markt", closed(scaleRing(square, ringCentroid(square), 1.22)), "pedestrian", Frontage::OldTown);

    // The ring along the former town wall, in three named arcs.
    std::vector<Vec2> controls;
    for (int k = 0; k < 12; ++k) {
        const double angle = (k * 30.0 + jitter(4.0)) * kDeg;
        const Vec2 dir = fromAngle(angle);
        const double r = 300.0 + jitter(16.0) + 25.0 * std::cos(2.0 * angle);  // wider west–east
        controls.push_back(ringCentre + dir * r);
    }
    std::vector<std::size_t> at;
    const Ring ring = smoothLoop(controls, 12.0, &at);
    m_ringLine = closed(ring);
    const Tags ringTags = {{"maxspeed", "30"}};
    m_ringArcs.push_back(addStreet("Am Wall", slice(ring, at[1], at[5]), "tertiary", Frontage::OldTown, ringTags));
    m_ringArcs.push_back(
        addStreet("Am Stadtgraben", slice(ring, at[5], at[9]), "tertiary", Frontage::OldTown, ringTags));
    m_ringArcs.push_back(addStreet("Promenade", slice(ring, at[9], at[1]), "tertiary", Frontage::OldTown, ringTags));
    for (std::size_t arc : m_ringArcs) m_streets[arc].sides = 1;  // houses inside the former wall only

    // Radial streets from the market to the ring.
    struct Radial {
        double degrees;
        const char* name;
        const char* highway;
    };
    const Radial radials[] = {{0.0, "Hauptstraße", "pedestrian"},     {55.0, "Kirchgasse", "living_street"},
                              {118.0, "Lindenstraße", "residential"}, {160.0, "Schloßgasse", "living_street"},
                              {205.0, "Töpfergasse", "residential"},  {265.0, "Bahnhofstraße", "tertiary"},
                              {305.0, "Webergasse", "residential"}};
    std::vector<std::size_t> radialStreets;
    for (const Radial& r : radials) {
        const Vec2 dir = fromAngle(r.degrees * kDeg);
        const Vec2 start = rayHit(line(m_marketLoop), market, dir);
        const Vec2 end = rayHit(m_ringLine, market, fromAngle((r.degrees + jitter(3.0)) * kDeg));
        const Vec2 mid = fromAngle((r.degrees + jitter(7.0)) * kDeg) * (distance(market, end) * 0.55);
        Tags extra;
        if (std::string(r.highway) == "tertiary") extra = {{"maxspeed", "30"}};
        radialStreets.push_back(
            addStreet(r.name, smoothCurve({start, mid, end}, 10.0), r.highway, Frontage::OldTown, extra));
        m_radialEnds.push_back(end);
    }
    m_hauptstrasse = radialStreets[0];
    m_bahnhofstrasse = radialStreets[5];
    m_town.places.shopStreets.push_back(line(m_hauptstrasse));
    m_town.places.shopStreets.push_back(line(m_bahnhofstrasse));

    // Lanes between neighbouring radials.
    struct Lane {
        std::size_t from;
        std::size_t to;
        double radius;
        const char* name;
    };
    const Lane lanes[] = {{0, 1, 175.0, "Badergasse"},  {1, 2, 185.0, "Mühlgasse"},    {2, 3, 150.0, "Pfarrgasse"},
                          {3, 4, 170.0, "Brüdergasse"}, {4, 5, 180.0, "Klostergasse"}, {5, 6, 165.0, "Fleischergasse"},
                          {6, 0, 190.0, "Rosengasse"}};
    for (const Lane& lane : lanes) {
        const Vec2 a = pointAtRadius(line(radialStreets[lane.from]), market, lane.radius + jitter(10.0));
        const Vec2 b = pointAtRadius(line(radialStreets[lane.to]), market, lane.radius + jitter(10.0));
        double toDegrees = radials[lane.to].degrees;
        if (toDegrees < radials[lane.from].degrees) toDegrees += 360.0;
        const double mid = (radials[lane.from].degrees + toDegrees) / 2.0 + jitter(5.0);
        const Vec2 m = fromAngle(mid * kDeg) * (lane.radius + 14.0 + jitter(8.0));
        addStreet(lane.name, smoothCurve({a, m, b}, 10.0), "living_street", Frontage::OldTown);
    }
}

// [main roads] ---------------------------------------------------------------------------------------------

void TownBuilder::buildMainRoads() {
    const Vec2 market{0.0, 0.0};
    // Leipziger Straße from the west over the Mulde, continuing as Straße der Einheit to the east.
    m_leipziger = addStreet("Leipziger Straße",
                            smoothCurve({{-2150.0, -470.0},
                                         {-1800.0, -445.0 + jitter(6.0)},
                                         {-1500.0, -440.0 + jitter(8.0)},
                                         {-1100.0, -410.0},
                                         {-800.0, -400.0 + jitter(6.0)},
                                         {-400.0, -415.0 + jitter(6.0)},
                                         {-250.0, -430.0}},
                                        12.0),
                            "primary", Frontage::Houses, {{"ref", "S 288"}});
    m_streets[m_leipziger].bridgeName = "Muldenbrücke";
    m_einheit = addStreet("Straße der Einheit",
                          smoothCurve({{-250.0, -430.0},
                                       {60.0, -428.0 + jitter(6.0)},
                                       {330.0, -435.0 + jitter(6.0)},
                                       {800.0, -445.0 + jitter(8.0)},
                                       {1400.0, -500.0 + jitter(8.0)},
                                       {2150.0, -430.0}},
                                      12.0),
                          "primary", Frontage::Villas, {{"ref", "S 288"}});
    m_town.places.shopStreets.push_back(subPolyline(line(m_einheit), 0.0, 700.0));

    // Dr.-Külz-Straße to the north and Zwickauer Straße to the south leave the ring.
    const Vec2 kuelzStart = rayHit(m_ringLine, market, fromAngle(35.0 * kDeg));
    m_kuelz = addStreet("Dr.-Külz-Straße",
                        smoothCurve({kuelzStart,
                                     jitter({300.0, 450.0}, 10.0),
                                     jitter({370.0, 800.0}, 10.0),
                                     jitter({395.0, 1200.0}, 10.0),
                                     {430.0, 1750.0}},
                                    12.0),
                        "secondary", Frontage::Houses);
    const Vec2 zwickauStart = rayHit(m_ringLine, market, fromAngle(330.0 * kDeg));
    m_zwickauer = addStreet("Zwickauer Straße",
                            smoothCurve({zwickauStart,
                                         jitter({330.0, -430.0}, 6.0),
                                         jitter({470.0, -680.0}, 6.0),
                                         {500.0, railY(500.0)},
                                         jitter({480.0, -1050.0}, 8.0),
                                         jitter({430.0, -1400.0}, 8.0),
                                         {400.0, -1800.0}},
                                        12.0),
                            "secondary", Frontage::Villas);

    // Am Bahnhof along the station, and Bahnhofstraße from the ring down to it.
    Polyline amBahnhof;
    for (double x = -250.0; x <= 470.0; x += 20.0) amBahnhof.push_back({x, railY(x) + 75.0});
    amBahnhof.push_back(onStreet(m_zwickauer, {490.0, railY(490.0) + 75.0}));
    m_amBahnhof = addStreet("Am Bahnhof", amBahnhof, "residential", Frontage::Villas);
    const std::size_t bahnhof2 =
        addStreet("Bahnhofstraße",
                  smoothCurve({m_radialEnds[5], jitter({95.0, -500.0}, 10.0), {250.0, railY(250.0) + 75.0}}, 12.0),
                  "tertiary", Frontage::Villas, {{"maxspeed", "30"}});
    m_town.places.shopStreets.push_back(line(bahnhof2));

    // Bahnhofsviertel side streets.
    const std::size_t post = addStreet(
        "Poststraße",
        smoothCurve(
            {{-270.0, -585.0 + jitter(6.0)}, {0.0, -590.0 + jitter(8.0)}, onStreet(m_zwickauer, {420.0, -590.0})},
            12.0),
        "residential", Frontage::Villas);
    addStreet("Goethestraße",
              smoothCurve({onStreet(m_einheit, {-130.0, -430.0}),
                           {-135.0 + jitter(6.0), -590.0},
                           onStreet(m_amBahnhof, {-130.0, railY(-130.0) + 75.0})},
                          12.0),
              "residential", Frontage::Villas);
    addStreet("Schillerstraße",
              smoothCurve({onStreet(post, {200.0, -590.0}), onStreet(m_einheit, {205.0, -432.0})}, 12.0), "residential",
              Frontage::Villas);

    // Am Bahndamm south of the tracks.
    Polyline bahndamm;
    for (double x = -450.0; x <= 470.0; x += 20.0) bahndamm.push_back({x, railY(x) - 60.0});
    bahndamm.push_back(onStreet(m_zwickauer, {495.0, railY(495.0) - 60.0}));
    m_amBahndamm = addStreet("Am Bahndamm", bahndamm, "residential", Frontage::Houses);

    // Lindenstraße north from the ring, Brückenstraße west over the Mulde, Nordstraße into Nord.
    const Vec2 junction{-60.0, 760.0};
    m_lindenstrasse =
        addStreet("Lindenstraße", smoothCurve({m_radialEnds[2], jitter({-120.0, 480.0}, 10.0), junction}, 12.0),
                  "tertiary", Frontage::Villas);
    m_bruecken = addStreet(
        "Brückenstraße",
        smoothCurve(
            {junction, {-300.0, 792.0 + jitter(5.0)}, {-520.0, 785.0}, {-800.0, 800.0 + jitter(6.0)}, {-1120.0, 800.0}},
            12.0),
        "tertiary", Frontage::Houses);
    m_streets[m_bruecken].bridgeName = "Brückenstraßenbrücke";
    addStreet("Parkstraße",
              smoothCurve({onStreet(m_lindenstrasse, {-105.0, 560.0}), jitter({100.0, 540.0}, 8.0),
                           onStreet(m_kuelz, {330.0, 560.0})},
                          12.0),
              "residential", Frontage::Villas);
    m_nordstrasse = addStreet(
        "Nordstraße",
        smoothCurve({junction, jitter({-40.0, 1100.0}, 10.0), jitter({-70.0, 1450.0}, 10.0), {-40.0, 1760.0}}, 12.0),
        "tertiary", Frontage::Houses);
}

// [west bank] ----------------------------------------------------------------------------------------------

void TownBuilder::buildWestBank() {
    m_sachsenallee = addStreet("Sachsenallee",
                               smoothCurve({{-1100.0, -410.0},
                                            jitter({-1160.0, -50.0}, 10.0),
                                            jitter({-1180.0, 300.0}, 10.0),
                                            jitter({-1120.0, 560.0}, 10.0),
                                            {-1120.0, 800.0},
                                            jitter({-1200.0, 1050.0}, 10.0),
                                            {-1380.0, 1230.0}},
                                           12.0),
                               "tertiary", Frontage::Houses, {{"maxspeed", "30"}});
    m_feldrain = addStreet("Am Feldrain",
                           smoothCurve({onStreet(m_leipziger, {-1800.0, -440.0}),
                                        jitter({-1810.0, 0.0}, 12.0),
                                        jitter({-1790.0, 500.0}, 12.0),
                                        {-1800.0, 1060.0}},
                                       12.0),
                           "residential", Frontage::Houses);
    Polyline ufer = {onStreet(m_leipziger, {riverX(-400.0) - 75.0, -400.0})};
    for (double y = -370.0; y <= 1080.0; y += 30.0) ufer.push_back({riverX(y) - 75.0, y});
    m_muldenufer = addStreet("Muldenufer", ufer, "residential", Frontage::Houses);

    Polyline cycleway;
    for (double y = -1650.0; y <= 1650.0; y += 30.0) cycleway.push_back({riverX(y) - 42.0, y});
    addStreet("Muldentalradweg", cycleway, "cycleway", Frontage::None, {{"surface", "asphalt"}});

    const char* names[] = {"Amselweg",   "Finkenweg",    "Meisenweg", "Lerchenstraße",
                           "Drosselweg", "Schwalbenweg", "Starenweg", "Falkenstraße"};
    for (int k = 0; k < 8; ++k) {
        const double y = -270.0 + 172.0 * k + jitter(25.0);
        const Vec2 a = onStreet(m_sachsenallee, {-1150.0, y});
        std::vector<Vec2> west = {a, {a.x - 160.0, y + jitter(35.0)}, {a.x - 380.0, y + jitter(45.0)}};
        if (k % 3 == 1) {
            west.back().y += jitter(20.0);  // a cul-de-sac
        } else {
            west.push_back(onStreet(m_feldrain, {-1800.0, y + jitter(25.0)}));
        }
        addStreet(names[k], smoothCurve(west, 12.0), "residential", Frontage::Houses);
        if (std::abs(y - 795.0) < 60.0) continue;  // Brückenstraße runs there
        addStreet(names[k],
                  smoothCurve({a,
                               {a.x + 150.0, y + jitter(20.0)},
                               {riverX(y) - 210.0, y + jitter(25.0)},
                               onStreet(m_muldenufer, {riverX(y) - 75.0, y + jitter(15.0)})},
                              12.0),
                  "residential", Frontage::Houses);
    }
    addStreet("Waldweg",
              smoothCurve({line(m_sachsenallee).back(), jitter({-1600.0, 1350.0}, 15.0), {-1950.0, 1520.0}}, 12.0),
              "path", Frontage::None, {{"surface", "ground"}});

    // Paths through the allotments.
    for (const Ring& garden : m_allotments) {
        const Vec2 c = ringCentroid(garden);
        const Vec2 west = lerp(garden[0], garden[3], 0.5);
        const Vec2 east = lerp(garden[1], garden[2], 0.5);
        addStreet("", {west, c, east}, "path", Frontage::None);
        const Vec2 gate = lerp(garden[3], garden[2], 0.5);
        const Vec2 road = garden[0].x < 0.0 ? onStreet(m_leipziger, gate) : onStreet(m_einheit, gate);
        addStreet("", {lerp(garden[0], garden[1], 0.5), c, gate, road}, "path", Frontage::None);
    }
}

// [north-east] ---------------------------------------------------------------------------------------------

void TownBuilder::buildNorthEast() {
    m_rosen = addStreet("Rosenstraße",
                        smoothCurve({onStreet(m_kuelz, {380.0, 900.0}),
                                     jitter({620.0, 930.0}, 10.0),
                                     jitter({900.0, 890.0}, 10.0),
                                     jitter({1200.0, 950.0}, 10.0),
                                     jitter({1500.0, 900.0}, 10.0),
                                     {1860.0, 960.0}},
                                    12.0),
                        "residential", Frontage::Houses);
    const std::size_t north = addStreet("Am Sonnenhang",
                                        smoothCurve({onStreet(m_kuelz, {400.0, 1480.0}),
                                                     jitter({700.0, 1490.0}, 10.0),
                                                     jitter({1100.0, 1470.0}, 10.0),
                                                     jitter({1500.0, 1500.0}, 10.0),
                                                     {1860.0, 1480.0}},
                                                    12.0),
                                        "residential", Frontage::Houses);
    const std::size_t south = addStreet("Sonnenstraße",
                                        smoothCurve({onStreet(m_kuelz, {350.0, 700.0}),
                                                     jitter({700.0, 690.0}, 8.0),
                                                     jitter({800.0, 560.0}, 8.0),
                                                     jitter({1100.0, 520.0}, 8.0),
                                                     jitter({1500.0, 540.0}, 8.0),
                                                     {1860.0, 520.0}},
                                                    12.0),
                                        "residential", Frontage::Houses);
    const char* names[] = {"Tulpenweg", "Nelkenweg", "Ahornweg",   "Birkenweg",
                           "Eichenweg", "Ulmenweg",  "Fliederweg", "Kastanienallee"};
    for (int k = 0; k < 7; ++k) {
        const double x = 590.0 + 185.0 * k + jitter(15.0);
        const Vec2 p = onStreet(m_rosen, {x, 930.0});
        std::vector<Vec2> up = {p, {x + jitter(30.0), 1120.0}, {x + jitter(35.0), 1300.0}};
        if (k % 3 == 2) {
            up.back().y -= 40.0;  // a cul-de-sac
        } else {
            up.push_back(onStreet(north, {x + jitter(30.0), 1485.0}));
        }
        addStreet(names[k], smoothCurve(up, 12.0), "residential", Frontage::Houses);
        if (x < 760.0) continue;  // the cemetery lies south
        addStreet(names[k],
                  smoothCurve({p, {x + jitter(40.0), 740.0}, onStreet(south, {x + jitter(30.0), 540.0})}, 12.0),
                  "residential", Frontage::Houses);
    }
}

// [south] --------------------------------------------------------------------------------------------------

void TownBuilder::buildSouth() {
    const std::size_t feld = addStreet("Feldstraße",
                                       smoothCurve({{-470.0, -1320.0},
                                                    jitter({-150.0, -1345.0}, 8.0),
                                                    jitter({150.0, -1330.0}, 8.0),
                                                    onStreet(m_zwickauer, {440.0, -1330.0})},
                                                   12.0),
                                       "residential", Frontage::Houses);
    const char* names[] = {"Gartenstraße", "Bergstraße", "Wiesenstraße", "Talstraße", "Querstraße"};
    for (int k = 0; k < 5; ++k) {
        const double x = -380.0 + 160.0 * k + jitter(12.0);
        addStreet(names[k],
                  smoothCurve({onStreet(m_amBahndamm, {x, railY(x) - 60.0}),
                               {x + jitter(20.0), -1120.0},
                               onStreet(feld, {x + jitter(10.0), -1330.0})},
                              12.0),
                  "residential", Frontage::Houses);
    }

    m_gewerbering = addStreet("Gewerbering",
                              smoothCurve({onStreet(m_zwickauer, {480.0, -1100.0}),
                                           jitter({800.0, -1080.0}, 8.0),
                                           jitter({1200.0, -1150.0}, 8.0),
                                           jitter({1600.0, -1100.0}, 8.0),
                                           {1800.0, -1250.0},
                                           jitter({1600.0, -1440.0}, 8.0),
                                           jitter({1100.0, -1460.0}, 8.0),
                                           jitter({700.0, -1400.0}, 8.0),
                                           onStreet(m_zwickauer, {430.0, -1400.0})},
                                          12.0),
                              "tertiary", Frontage::None);
    addStreet("An der Ziegelei",
              smoothCurve(
                  {onStreet(m_gewerbering, {1200.0, -1150.0}), {1230.0, -950.0}, {1250.0, railY(1250.0) - 45.0}}, 12.0),
              "service", Frontage::None);
}

// [estates] ------------------------------------------------------------------------------------------------

void TownBuilder::buildEstateStreets() {
    const Ring& ost = m_town.places.estateOst;
    m_muentzerRing = addStreet("Thomas-Müntzer-Ring", closed(smoothLoop(ost, 12.0)), "residential", Frontage::None);
    m_jugend = addStreet("Straße der Jugend",
                         smoothCurve({m_radialEnds[0], jitter({550.0, 15.0}, 6.0), jitter({700.0, 25.0}, 6.0),
                                      onStreet(m_muentzerRing, {830.0, 30.0})},
                                     12.0),
                         "residential", Frontage::Villas);
    const Tags estateService = {{"lit", "yes"}, {"service", "driveway"}};
    addStreet("",
              smoothCurve({onStreet(m_muentzerRing, {850.0, 45.0}), jitter({1180.0, 50.0}, 6.0),
                           onStreet(m_muentzerRing, {1510.0, 45.0})},
                          12.0),
              "service", Frontage::None, estateService);
    addStreet("", {onStreet(m_muentzerRing, {1180.0, -300.0}), onStreet(m_muentzerRing, {1180.0, 380.0})}, "service",
              Frontage::None, estateService);

    // Neubaugebiet Nord: two streets across Nordstraße.
    addStreet("Heinrich-Heine-Straße",
              smoothCurve({{-320.0, 1010.0 + jitter(6.0)}, {-60.0, 1005.0}, onStreet(m_kuelz, {395.0, 1010.0})}, 12.0),
              "residential", Frontage::None);
    addStreet("Lessingstraße",
              smoothCurve({{-320.0, 1265.0 + jitter(6.0)}, {-60.0, 1255.0}, onStreet(m_kuelz, {400.0, 1260.0})}, 12.0),
              "residential", Frontage::None);
}

// [park] ---------------------------------------------------------------------------------------------------

void TownBuilder::buildParkPaths() {
    TownPlaces& places = m_town.places;
    const Vec2 pondCentre{-355.0, 430.0};

    // Lit main path from the Schloßgasse through the park to Brückenstraße.
    places.parkMainPath = smoothCurve({m_radialEnds[3],
                                       jitter({-262.0, 160.0}, 4.0),
                                       {-285.0, 212.0},
                                       {-278.0, 300.0},
                                       jitter({-292.0, 470.0}, 4.0),
                                       {-300.0, 545.0},
                                       {-330.0, 606.0},
                                       jitter({-310.0, 690.0}, 6.0),
                                       onStreet(m_bruecken, {-300.0, 792.0})},
                                      8.0);
    addStreet("", places.parkMainPath, "footway", Frontage::None, {{"lit", "yes"}, {"surface", "fine_gravel"}});

    // Unlit loop round the pond.
    places.pondPath = closed(ellipse(pondCentre, 72.0, 50.0, 0.3, 28));
    addStreet("", places.pondPath, "footway", Frontage::None, {{"lit", "no"}, {"surface", "fine_gravel"}});

    // From the pond over the footbridge to the west bank.
    const Vec2 pondWest = pondCentre + fromAngle(0.3) * -72.0;
    const std::size_t steg = addStreet("",
                                       smoothCurve({pondWest,
                                                    {riverX(455.0) + 40.0, 455.0},
                                                    {riverX(458.0) - 40.0, 458.0},
                                                    onStreet(m_muldenufer, {riverX(460.0) - 75.0, 460.0})},
                                                   8.0),
                                       "footway", Frontage::None, {{"lit", "no"}});
    m_streets[steg].bridgeName = "Schlosssteg";

    // Muldenweg along the east bank, from the station quarter to the castle and the pond.
    Polyline riverside = {{-250.0, railY(-250.0) + 75.0}};
    for (double y = -760.0; y <= 170.0; y += 25.0) riverside.push_back({riverX(y) + 38.0, y});
    riverside.push_back({-372.0, 228.0});
    riverside.push_back(pondCentre + fromAngle(0.3 - std::numbers::pi / 2.0) * 50.0);
    places.meadowPath = densify(riverside, 12.0);
    const std::size_t muldenweg = addStreet("Muldenweg", places.meadowPath, "footway", Frontage::None, {{"lit", "no"}});
    addStreet("Muldenweg",
              smoothCurve({m_radialEnds[4], jitter({-300.0, -125.0}, 6.0),
                           onStreet(muldenweg, {riverX(-150.0) + 38.0, -150.0})},
                          10.0),
              "footway", Frontage::None, {{"lit", "no"}});

    // Station: forecourt path, the underpass below the tracks, and the path behind it (Bahnhofsweg).
    const double ux = 330.0;
    const Vec2 north{ux, railY(ux) + 75.0};
    const Vec2 tunnelN{ux, railY(ux) + 14.0};
    const Vec2 tunnelS{ux, railY(ux) - 14.0};
    const Vec2 south = onStreet(m_amBahndamm, {ux + 10.0, railY(ux + 10.0) - 60.0});
    addStreet("", {north, tunnelN}, "footway", Frontage::None, {{"lit", "yes"}});
    const std::size_t tunnel = addStreet("Bahnhofsunterführung", {tunnelN, tunnelS}, "footway", Frontage::None,
                                         {{"tunnel", "yes"}, {"layer", "-1"}, {"lit", "yes"}});
    m_streets[tunnel].layer = -1;
    m_streets[tunnel].crossesRail = true;
    places.stationPath = smoothCurve({tunnelS, {ux + 6.0, railY(ux) - 38.0}, south}, 6.0);
    addStreet("Bahnhofsweg", places.stationPath, "footway", Frontage::None, {{"lit", "no"}});
    places.underpassPath = {north, tunnelN, tunnelS};
    for (std::size_t i = 1; i < places.stationPath.size(); ++i) places.underpassPath.push_back(places.stationPath[i]);
    places.underpass = lerp(tunnelN, tunnelS, 0.5);
}

}  // namespace lb::demo::detail
