// Musterstadt: layout functions, the road graph, and the landscape and land-use areas of the town.
// Sections: [layout] [road graph] [builder] [landscape] [areas]

#include "demo/town.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "demo/town_builder.hpp"

namespace lb::demo::detail {

// [layout] -------------------------------------------------------------------------------------------------

double riverX(double y) {
    return -560.0 + 80.0 * std::sin((y + 300.0) / 500.0) + 30.0 * std::sin(y / 190.0 + 0.7);
}

double riverHalfWidth(double y) {
    return 18.0 + 3.0 * std::sin(y / 310.0);
}

double railY(double x) {
    return -850.0 + 0.08 * x + 60.0 * std::sin(x / 900.0);
}

// [road graph] ---------------------------------------------------------------------------------------------

Polyline streetRoute(const geo::StreetGraph& streets, const std::vector<Vec2>& waypoints) {
    auto nearest = [&](Vec2 p) -> std::uint32_t {
        const auto found = streets.nearestConnected(p.x, p.y);
        return found ? found->first : 0;
    };
    auto position = [&](std::uint32_t n) { return Vec2{streets.node(n).first, streets.node(n).second}; };
    Polyline result;
    for (std::size_t i = 1; i < waypoints.size(); ++i) {
        const std::uint32_t from = nearest(waypoints[i - 1]), to = nearest(waypoints[i]);
        Polyline leg{position(from)};
        std::vector<std::uint32_t> path;
        if (from != to && !streets.shortestPath(from, to, path)) path = {to};  // not connected: straight
        for (const auto n : path) leg.push_back(position(n));
        for (std::size_t k = result.empty() ? 0 : 1; k < leg.size(); ++k) result.push_back(leg[k]);
    }
    return result;
}

// [builder] ------------------------------------------------------------------------------------------------

TownBuilder::TownBuilder(Vec2 origin, std::uint64_t seed, core::Progress& progress)
    : m_rng(DemoRandom::stream(seed, 1)),
      m_progress(progress),
      m_grid({kTownMinX - 100.0, kTownMinY - 100.0}, {kTownMaxX + 100.0, kTownMaxY + 100.0}, 1.0) {
    m_town.origin = origin;
}

Town TownBuilder::build() {
    m_progress.beginStage("Stadtplan: Landschaft", 6);
    buildLandscape();
    buildAreas();
    m_progress.step();
    buildOldTownStreets();
    buildMainRoads();
    buildWestBank();
    buildNorthEast();
    buildSouth();
    buildEstateStreets();
    buildParkPaths();
    m_progress.step();
    finishRoads();
    m_progress.step();
    buildLandmarks();
    buildEstates();
    buildIndustry();
    m_progress.step();
    buildFrontages();
    buildAllotmentHuts();
    m_progress.step();
    buildPois();
    buildStreetFurniture();
    m_progress.step();
    m_progress.finishStage();
    return std::move(m_town);
}

Town buildTown(Vec2 origin, std::uint64_t seed, core::Progress& progress) {
    TownBuilder builder(origin, seed, progress);
    return builder.build();
}

void TownBuilder::area(const Ring& ring, Tags tags, Cell cell, bool onlyFree) {
    m_town.osm.addArea(ring, std::move(tags));
    if (cell != Cell::Free) m_grid.fillRing(ring, cell, onlyFree);
}

// [landscape] ----------------------------------------------------------------------------------------------

void TownBuilder::buildLandscape() {
    // The Mulde: centre line and water area, longer than the town so it enters and leaves the map.
    std::vector<std::int64_t> centre;
    Ring water;
    for (double y = -2300.0; y <= 2300.0; y += 20.0) {
        centre.push_back(m_town.osm.addNode({riverX(y), y}));
        water.push_back({riverX(y) - riverHalfWidth(y), y});
    }
    for (double y = 2300.0; y >= -2300.0; y -= 20.0) water.push_back({riverX(y) + riverHalfWidth(y), y});
    m_town.osm.addWay(std::move(centre), {{"waterway", "river"}, {"name", "Mulde"}});
    area(water, {{"natural", "water"}, {"water", "river"}}, Cell::Water, false);

    // The railway line, west–east (bridges and level crossings are made in finishRoads).
    Polyline rail;
    for (double x = -2300.0; x <= 2300.0; x += 25.0) rail.push_back({x, railY(x)});
    Street track;
    track.name = "Muldentalbahn";
    track.line = std::move(rail);
    track.tags = {{"railway", "rail"}, {"name", "Muldentalbahn"}, {"usage", "main"}, {"electrified", "contact_line"},
                  {"gauge", "1435"},   {"maxspeed", "120"}};
    track.halfWidth = 7.0;
    track.frontage = Frontage::None;
    track.lamps = false;
    track.rail = true;
    m_streets.push_back(std::move(track));
}

// [areas] --------------------------------------------------------------------------------------------------

void TownBuilder::buildAreas() {
    TownPlaces& places = m_town.places;

    // Schlosspark between the river and the old town, with the Schlossteich.
    Ring park;
    for (double y = 190.0; y <= 590.0; y += 25.0) park.push_back({riverX(y) + 28.0, y});
    park.push_back({-330.0 + jitter(8.0), 606.0 + jitter(4.0)});
    for (double y = 600.0; y >= 190.0; y -= 50.0) park.push_back({-255.0 + jitter(5.0), y});
    park.push_back({-320.0 + jitter(8.0), 182.0 + jitter(3.0)});
    places.park = park;
    Ring pond = ellipse({-355.0, 430.0}, 50.0, 32.0, 0.3, 24);
    for (Vec2& p : pond) p = p + (p - Vec2{-355.0, 430.0}) * (jitter(0.06));
    places.pond = pond;
    m_grid.fillRing(park, Cell::Reserved, false);
    m_grid.fillRing(pond, Cell::Water, false);

    // Muldenaue: river meadows on the east bank south of the park.
    Ring meadow;
    for (double y = -780.0; y <= 170.0; y += 25.0) meadow.push_back({riverX(y) + 24.0, y});
    for (double y = 170.0; y >= -780.0; y -= 50.0) meadow.push_back({-290.0 + jitter(8.0), y});
    places.meadow = meadow;
    area(meadow, {{"landuse", "meadow"}, {"name", "Muldenaue"}}, Cell::Reserved, false);

    // Flood plain strip on the west bank (kept free of houses).
    Ring strip;
    for (double y = -390.0; y <= 1080.0; y += 30.0) strip.push_back({riverX(y) - 60.0, y});
    for (double y = 1080.0; y >= -390.0; y -= 30.0) strip.push_back({riverX(y) - 24.0, y});
    area(strip, {{"landuse", "grass"}}, Cell::Reserved, false);

    // Stadtwald in the north-west.
    Ring wood = smoothLoop({{-2000.0, 1120.0},
                            {-1700.0, 1150.0 + jitter(20.0)},
                            {-1440.0, 1190.0 + jitter(20.0)},
                            {-1430.0 + jitter(20.0), 1420.0},
                            {-1520.0 + jitter(20.0), 1700.0},
                            {-2000.0, 1700.0}},
                           60.0);
    area(wood, {{"natural", "wood"}, {"leaf_type", "mixed"}, {"name", "Stadtwald"}}, Cell::Reserved, false);

    // Cemetery north-east of the old town.
    const Ring cemetery = {jitter({420.0, 420.0}, 8.0), jitter({660.0, 410.0}, 8.0), jitter({670.0, 640.0}, 8.0),
                           jitter({430.0, 650.0}, 8.0)};
    area(cemetery, {{"landuse", "cemetery"}, {"name", "Friedhof Musterstadt"}}, Cell::Reserved, false);

    // Allotment gardens west of the river and along the railway in the east.
    m_allotments.push_back({jitter({-1200.0, -900.0}, 6.0), jitter({-930.0, -880.0}, 6.0),
                            jitter({-940.0, -565.0}, 6.0), jitter({-1190.0, -575.0}, 6.0)});
    m_allotments.push_back(
        {{900.0, railY(900.0) + 40.0}, {1400.0, railY(1400.0) + 40.0}, {1400.0, -525.0}, {900.0, -478.0}});
    area(m_allotments[0], {{"landuse", "allotments"}, {"name", "Kleingartenanlage Muldenblick e.V."}}, Cell::Allotment,
         false);
    area(m_allotments[1], {{"landuse", "allotments"}, {"name", "Kleingartenverein Am Bahndamm e.V."}}, Cell::Allotment,
         false);

    // Industrial estate south of the railway.
    const Ring industrial = {
        {560.0, railY(560.0) - 35.0}, {1900.0, railY(1900.0) - 35.0}, {1900.0, -1520.0}, {560.0, -1520.0}};
    area(industrial, {{"landuse", "industrial"}, {"name", "Gewerbegebiet Süd"}}, Cell::Industrial, false);

    // Retail park on Straße der Einheit.
    const Ring retail = {{545.0, -700.0}, {800.0, -705.0}, {800.0, -462.0}, {545.0, -458.0}};
    area(retail, {{"landuse", "retail"}, {"name", "Fachmarktzentrum Einheit"}}, Cell::Free, false);

    // Railway land between the tracks and Am Bahnhof.
    Ring railLand;
    for (double x = -300.0; x <= 560.0; x += 40.0) railLand.push_back({x, railY(x) + 64.0});
    for (double x = 560.0; x >= -300.0; x -= 40.0) railLand.push_back({x, railY(x) - 30.0});
    area(railLand, {{"landuse", "railway"}}, Cell::Reserved, false);

    // Plattenbau estates: the area inside Thomas-Müntzer-Ring (Ost) and the Neubaugebiet Nord.
    places.estateOst = {jitter({845.0, -285.0}, 10.0), jitter({1180.0, -300.0}, 10.0), jitter({1505.0, -290.0}, 10.0),
                        jitter({1520.0, 40.0}, 10.0),  jitter({1515.0, 365.0}, 10.0),  jitter({1180.0, 380.0}, 10.0),
                        jitter({850.0, 370.0}, 10.0),  jitter({840.0, 40.0}, 10.0)};
    m_grid.fillRing(places.estateOst, Cell::Estate, false);
    area(scaleRing(places.estateOst, ringCentroid(places.estateOst), 1.07),
         {{"landuse", "residential"}, {"name", "Plattenbaugebiet Ost"}}, Cell::Free, false);
    places.estateNord = {jitter({-330.0, 870.0}, 8.0), jitter({290.0, 860.0}, 8.0), jitter({305.0, 1400.0}, 8.0),
                         jitter({-320.0, 1410.0}, 8.0)};
    area(places.estateNord, {{"landuse", "residential"}, {"name", "Neubaugebiet Nord"}}, Cell::Estate, false);

    // Residential land use of the other quarters (houses are placed along their streets later).
    Ring westBank = {{-1830.0, -395.0}};
    for (double y = -395.0; y <= 1080.0; y += 50.0) westBank.push_back({riverX(y) - 62.0, y});
    westBank.push_back({-1830.0, 1080.0});
    const std::pair<Ring, const char*> quarters[] = {
        {westBank, "Wohngebiet Am Park"},
        {ellipse({40.0, 20.0}, 345.0, 300.0, 0.0, 40), "Altstadt"},
        {{{-285.0, -340.0}, {470.0, -345.0}, {485.0, railY(485.0) + 70.0}, {-285.0, railY(-285.0) + 70.0}},
         "Bahnhofsviertel"},
        {{{-245.0, 290.0}, {-60.0, 345.0}, {150.0, 340.0}, {300.0, 270.0}, {360.0, 850.0}, {-250.0, 850.0}},
         "Lindenvorstadt"},
        {{{700.0, 460.0}, {1880.0, 460.0}, {1880.0, 1520.0}, {380.0, 1520.0}, {380.0, 680.0}, {700.0, 680.0}},
         "Sonnenhang"},
        {{{-470.0, railY(-470.0) - 35.0}, {470.0, railY(470.0) - 35.0}, {470.0, -1390.0}, {-470.0, -1390.0}},
         "Südvorstadt"},
    };
    for (const auto& [ring, name] : quarters) {
        area(ring, {{"landuse", "residential"}, {"name", name}}, Cell::Free, false);
        m_builtUp.push_back(ring);
    }

    // Farmland and meadows at the edge of town.
    Ring southWest = {{-2000.0, -1700.0}};
    for (double y = -1700.0; y <= railY(-700.0) - 30.0; y += 50.0) southWest.push_back({riverX(y) - 30.0, y});
    southWest.push_back({-2000.0, railY(-2000.0) - 30.0});
    area(southWest, {{"landuse", "farmland"}, {"crop", "grass"}}, Cell::Reserved, false);
    Ring southMeadow;
    for (double y = -1700.0; y <= railY(-500.0) - 30.0; y += 50.0) southMeadow.push_back({riverX(y) + 26.0, y});
    southMeadow.push_back({-480.0, railY(-480.0) - 30.0});
    southMeadow.push_back({-480.0, -1700.0});
    area(southMeadow, {{"landuse", "meadow"}}, Cell::Reserved, false);
    area({{1580.0, -400.0}, {2000.0, -410.0}, {2000.0, 440.0}, {1580.0, 440.0}}, {{"landuse", "farmland"}},
         Cell::Reserved, false);
}

}  // namespace lb::demo::detail
