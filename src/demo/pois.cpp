// Musterstadt: points of interest relevant to prevention and the street furniture.
// Sections: [helpers] [pois] [furniture]

#include <algorithm>
#include <cmath>
#include <string>

#include "demo/town_builder.hpp"

namespace lb::demo::detail {

// [helpers] ------------------------------------------------------------------------------------------------

void TownBuilder::poi(Vec2 pos, Tags tags) {
    m_town.osm.addNode(pos, std::move(tags));
}

Vec2 TownBuilder::besideStreet(std::size_t street, double s, double offset) const {
    const PolylinePoint at = pointAlong(line(street), s);
    return at.pos + perpLeft(at.dir) * offset;
}

// [pois] ---------------------------------------------------------------------------------------------------

void TownBuilder::buildPois() {
    TownPlaces& places = m_town.places;
    auto sAt = [&](std::size_t street, Vec2 near) { return projectOnto(line(street), near).s; };
    auto beside = [&](std::size_t street, Vec2 near, double extra) {
        return besideStreet(street, sAt(street, near), m_streets[street].halfWidth + extra);
    };

    poi({0.0, 0.0}, {{"place", "town"}, {"name", "Musterstadt"}, {"population", "20000"}});
    poi(jitter({0.0, 0.0}, 8.0), {{"amenity", "fountain"}, {"name", "Marktbrunnen"}});
    poi({260.0, railY(260.0) + 6.0},
        {{"railway", "station"}, {"public_transport", "station"}, {"train", "yes"}, {"name", "Musterstadt Bahnhof"}});

    // Bus stops beside the main streets and the platforms of the bus station.
    struct Stop {
        std::size_t street;
        Vec2 near;
        const char* name;
    };
    const Stop stops[] = {
        {m_ringArcs[2], m_radialEnds[5] + Vec2{35.0, 0.0}, "Markt"},
        {m_amBahnhof, {300.0, railY(300.0) + 75.0}, "Bahnhof"},
        {m_lindenstrasse, {-120.0, 480.0}, "Schlosspark"},
        {m_bruecken, {-800.0, 800.0}, "Brückenstraße"},
        {m_sachsenallee, {-1160.0, -100.0}, "Sachsenallee Süd"},
        {m_sachsenallee, {-1130.0, 700.0}, "Sachsenallee Nord"},
        {m_leipziger, {-1400.0, -435.0}, "Leipziger Straße"},
        {m_einheit, {620.0, -440.0}, "Straße der Einheit"},
        {m_jugend, {600.0, 15.0}, "Straße der Jugend"},
        {m_muentzerRing, {1180.0, 380.0}, "Thomas-Müntzer-Ring Nord"},
        {m_muentzerRing, {1180.0, -300.0}, "Thomas-Müntzer-Ring Süd"},
        {m_kuelz, {340.0, 550.0}, "Friedhof"},
        {m_kuelz, {395.0, 1150.0}, "Dr.-Külz-Straße"},
        {m_rosen, {1100.0, 920.0}, "Rosenstraße"},
        {m_nordstrasse, {-45.0, 1130.0}, "Heinrich-Heine-Straße"},
        {m_zwickauer, {470.0, -1200.0}, "Zwickauer Straße"},
        {m_gewerbering, {900.0, -1085.0}, "Gewerbering"},
        {m_zwickauer, {440.0, -1330.0}, "Feldstraße"},
    };
    for (const Stop& stop : stops) {
        const Vec2 p = beside(stop.street, stop.near, 1.5);
        poi(p, {{"highway", "bus_stop"},
                {"public_transport", "platform"},
                {"bus", "yes"},
                {"name", stop.name},
                {"shelter", m_rng.chance(0.6) ? "yes" : "no"}});
        places.busStops.push_back(p);
    }
    for (int i = 0; i < 3; ++i) {
        const Vec2 p = places.busStation + Vec2{-18.0 + 18.0 * i, -4.0};
        poi(p, {{"highway", "bus_stop"},
                {"public_transport", "platform"},
                {"bus", "yes"},
                {"name", "Busbahnhof Musterstadt"},
                {"local_ref", std::to_string(i + 1)}});
        places.busStops.push_back(p);
    }

    // Bars and pubs: most round the market, some at the station.
    const double loop = polylineLength(line(m_marketLoop));
    const double outside = -(m_streets[m_marketLoop].halfWidth + 4.0);
    struct Bar {
        double at;
        const char* name;
        const char* amenity;
    };
    const Bar marketBars[] = {{0.22, "Ratskeller", "pub"},         {0.05, "Marktschänke", "pub"},
                              {0.40, "Zum Goldenen Anker", "pub"}, {0.58, "Bar Mitternacht", "bar"},
                              {0.90, "Cocktailbar Karo", "bar"},   {0.12, "Bierstube Glück Auf", "pub"}};
    for (const Bar& bar : marketBars) {
        const Vec2 p = besideStreet(m_marketLoop, bar.at * loop + jitter(3.0), outside);
        poi(p, {{"amenity", bar.amenity}, {"name", bar.name}});
        places.bars.push_back(p);
    }
    const Vec2 stationBars[] = {places.forecourt[0] + Vec2{-6.0, 12.0}, beside(m_amBahnhof, {420.0, -700.0}, 6.0),
                                beside(m_bahnhofstrasse, m_radialEnds[5], 6.0)};
    const char* stationNames[][2] = {{"Bahnhofsklause", "pub"}, {"Kneipe Zapfhahn", "pub"}, {"Sportsbar Elf", "bar"}};
    for (int i = 0; i < 3; ++i) {
        poi(stationBars[i], {{"amenity", stationNames[i][1]}, {"name", stationNames[i][0]}});
        places.bars.push_back(stationBars[i]);
    }
    poi(beside(m_bruecken, {-700.0, 800.0}, 6.0), {{"amenity", "pub"}, {"name", "Zur Mulde"}});
    poi(beside(m_rosen, {1300.0, 930.0}, 6.0), {{"amenity", "pub"}, {"name", "Gaststätte Sonnenhang"}});

    // Social office, youth centre, shops selling alcohol, ATMs.
    places.firstStep = besideStreet(m_marketLoop, sAt(m_marketLoop, {-80.0, 0.0}), outside);
    poi(places.firstStep, {{"amenity", "social_facility"},
                           {"social_facility", "outreach"},
                           {"name", "First Step"},
                           {"operator", "Stadt Musterstadt"},
                           {"addr:street", "Am Markt"},
                           {"addr:housenumber", "9"}});
    poi(places.youthCentre,
        {{"amenity", "community_centre"}, {"community_centre", "youth_centre"}, {"name", "Jugendhaus Treff"}});
    poi(places.forecourt[1] + Vec2{-4.0, 10.0}, {{"shop", "kiosk"}, {"name", "Bahnhofskiosk"}});
    poi(beside(m_lindenstrasse, {-130.0, 420.0}, 5.0), {{"shop", "kiosk"}, {"name", "Kiosk am Schlosspark"}});
    poi(beside(m_jugend, {720.0, 25.0}, -6.0), {{"shop", "kiosk"}, {"name", "Späti Ost"}});
    poi(beside(m_hauptstrasse, {150.0, 8.0}, 4.0), {{"shop", "kiosk"}, {"name", "Kiosk Hauptstraße"}});
    poi(besideStreet(m_marketLoop, 0.75 * loop, outside), {{"shop", "alcohol"}, {"name", "Weinhandlung am Markt"}});
    poi(beside(m_sachsenallee, {-1170.0, 200.0}, 10.0), {{"shop", "supermarket"}, {"name", "Nahkauf Sachsenallee"}});
    const Vec2 atms[] = {besideStreet(m_marketLoop, 0.3 * loop, outside), places.forecourt[2] + Vec2{-5.0, -3.0},
                         places.estateSpots.front() + Vec2{24.0, 0.0}, beside(m_einheit, {650.0, -440.0}, 10.0)};
    for (Vec2 p : atms) poi(p, {{"amenity", "atm"}, {"operator", "Sparkasse Muldental"}});

    // Kindergartens and the primary school of Nord (as nodes).
    struct Kita {
        std::size_t street;
        Vec2 near;
        const char* name;
    };
    const Kita kitas[] = {{m_rosen, {1000.0, 910.0}, "Kita Sonnenschein"},
                          {m_sachsenallee, {-1170.0, 400.0}, "Kita Pusteblume"},
                          {m_jugend, {780.0, 30.0}, "Kita Regenbogen"},
                          {m_nordstrasse, {-50.0, 1320.0}, "Kita Spatzennest"},
                          {m_muldenufer, {-610.0, 100.0}, "Kita Muldenzwerge"},
                          {m_lindenstrasse, {-110.0, 600.0}, "Kita Schlossgeister"}};
    for (const Kita& kita : kitas)
        poi(beside(kita.street, kita.near, 12.0), {{"amenity", "kindergarten"}, {"name", kita.name}});
    const Vec2 nordSchool = beside(m_nordstrasse, {-45.0, 1180.0}, -20.0);
    poi(nordSchool, {{"amenity", "school"}, {"name", "Grundschule Nord"}});
    places.schools.push_back(nordSchool);

    // Playgrounds: one in the park, some between the houses.
    const Vec2 parkPlay = findSite({-360.0, 548.0}, {1.0, 0.0}, 28.0, 20.0, 3.0, cellMask(Cell::Reserved), 60.0);
    area(rectangle(parkPlay, {1.0, 0.0}, 28.0, 20.0), {{"leisure", "playground"}, {"name", "Spielplatz Schlosspark"}},
         Cell::Reserved, false);
    places.playgrounds.push_back(parkPlay);
    places.parkSpots.push_back(parkPlay);
    const Vec2 housePlay[] = {{-1450.0, 150.0}, {-900.0, 700.0}, {-1500.0, 850.0}, {1000.0, 1250.0},
                              {1500.0, 700.0},  {0.0, -1200.0},  {150.0, 250.0}};
    for (Vec2 near : housePlay) {
        const Vec2 p = findSite(near, {1.0, 0.0}, 22.0, 16.0, 2.0, cellMask(Cell::Free), 120.0);
        area(rectangle(p, {1.0, 0.0}, 22.0, 16.0), {{"leisure", "playground"}}, Cell::Reserved, false);
        places.playgrounds.push_back(p);
    }

    // The park itself as a multipolygon with the pond as its hole; the pond way is also the water area.
    OsmModel& osm = m_town.osm;
    const std::int64_t outer = osm.addArea(places.park, {});
    const std::int64_t pond =
        osm.addArea(places.pond, {{"natural", "water"}, {"water", "pond"}, {"name", "Schlossteich"}});
    osm.addRelation({{outer, "outer"}, {pond, "inner"}},
                    {{"type", "multipolygon"}, {"leisure", "park"}, {"name", "Schlosspark"}});
    for (std::size_t i = 0; i + 1 < places.pondPath.size(); i += 5) places.parkSpots.push_back(places.pondPath[i]);
    places.parkSpots.push_back(places.castle);
}

// [furniture] ----------------------------------------------------------------------------------------------

void TownBuilder::buildStreetFurniture() {
    TownPlaces& places = m_town.places;

    // Street lamps along lit streets: every 50 m alternating in the centre and on main roads, every 100 m on one
    // side in the residential quarters.
    for (std::size_t i = 0; i < m_streets.size(); ++i) {
        const Street& street = m_streets[i];
        if (!street.lamps || street.layer != 0 || street.rail) continue;
        const bool quiet = street.frontage == Frontage::Houses && street.tags.front().second == "residential";
        const double spacing = quiet ? 100.0 : 50.0;
        const double length = polylineLength(street.line);
        int side = 1;
        for (double s = 8.0; s < length - 4.0; s += spacing) {
            poi(besideStreet(i, s, side * std::max(1.5, street.halfWidth - 0.8)), {{"highway", "street_lamp"}});
            if (!quiet) side = -side;
        }
    }

    // Benches and waste baskets in the park, on the market, at the station and along the Muldenweg.
    auto furnish = [&](const Polyline& path, double spacing, double offset, bool park) {
        const double length = polylineLength(path);
        int n = 0;
        for (double s = spacing / 2.0; s < length; s += spacing, ++n) {
            const PolylinePoint at = pointAlong(path, s);
            const Vec2 p = at.pos + perpLeft(at.dir) * offset;
            poi(p, {{"amenity", "bench"}, {"backrest", "yes"}});
            if (n % 2 == 0) poi(p + at.dir * 2.0, {{"amenity", "waste_basket"}});
            if (park) places.parkSpots.push_back(p);
        }
    };
    furnish(places.parkMainPath, 32.0, 2.5, true);
    furnish(places.pondPath, 28.0, -2.5, true);
    furnish(places.meadowPath, 90.0, 2.5, false);
    const Vec2 market = ringCentroid(places.market);
    for (int i = 0; i < 8; ++i) {
        const Vec2 p = market + fromAngle(i * 0.785 + 0.3) * 30.0;
        poi(p, {{"amenity", "bench"}});
        if (i % 2 == 0) poi(p + Vec2{1.5, 1.5}, {{"amenity", "waste_basket"}});
    }
    for (std::size_t i = 0; i < places.forecourt.size(); ++i) {
        const Vec2 p = lerp(ringCentroid(places.forecourt), places.forecourt[i], 0.6);
        poi(p, {{"amenity", "bench"}});
        poi(p + Vec2{2.0, 0.0}, {{"amenity", "waste_basket"}});
    }
    for (Vec2 stop : places.busStops) poi(stop + Vec2{2.0, 1.0}, {{"amenity", "waste_basket"}});
    for (const auto* spots : {&places.estateSpots, &places.estateNordSpots}) {
        for (Vec2 spot : *spots) {
            poi(spot + Vec2{14.0, 13.0}, {{"amenity", "bench"}});
            poi(spot + Vec2{16.0, 13.0}, {{"amenity", "waste_basket"}});
        }
    }
}

}  // namespace lb::demo::detail
