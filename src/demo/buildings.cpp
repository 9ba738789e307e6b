// Musterstadt: buildings. Landmarks first (town hall, church, castle, station, schools), then the Plattenbau
// estates and the industrial estate, then the rows and houses along the streets, then allotment huts.
// Sections: [placement] [landmarks] [estates] [industry] [frontage] [allotments]

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "demo/town_builder.hpp"

namespace lb::demo::detail {
namespace {

Vec2 railDirection(double x) {
    return normalized({2.0, railY(x + 1.0) - railY(x - 1.0)});
}

}  // namespace

// [placement] ----------------------------------------------------------------------------------------------

bool TownBuilder::tryBuilding(const Ring& ring, const Ring& checkRing, std::uint32_t allowed, Tags tags,
                              double inhabitants) {
    if (!m_grid.allows(checkRing, allowed)) return false;
    forceBuilding(ring, std::move(tags), inhabitants);
    return true;
}

void TownBuilder::forceBuilding(const Ring& ring, Tags tags, double inhabitants) {
    m_town.osm.addArea(ring, std::move(tags));
    m_grid.fillRing(ring, Cell::Building, false);
    m_town.buildings.push_back({ringCentroid(ring), inhabitants});
}

Vec2 TownBuilder::findSite(Vec2 near, Vec2 axis, double length, double width, double margin, std::uint32_t allowed,
                           double radius) {
    for (double r = 0.0; r <= radius; r += 3.0) {
        const int steps = r == 0.0 ? 1 : static_cast<int>(std::ceil(2.0 * std::numbers::pi * r / 3.0));
        for (int i = 0; i < steps; ++i) {
            const Vec2 c = near + fromAngle(2.0 * std::numbers::pi * i / steps) * r;
            if (m_grid.allows(rectangle(c, axis, length + 2.0 * margin, width + 2.0 * margin), allowed)) return c;
        }
    }
    return near;
}

std::string TownBuilder::nextHouseNumber(const std::string& street, int side) {
    auto& [odd, even] = m_houseNumbers.try_emplace(street, 1, 2).first->second;
    int& n = side > 0 ? odd : even;
    const int number = n;
    n += 2;
    return std::to_string(number);
}

// [landmarks] ----------------------------------------------------------------------------------------------

void TownBuilder::buildLandmarks() {
    TownPlaces& places = m_town.places;
    const std::uint32_t free = cellMask(Cell::Free);
    const Vec2 east{1.0, 0.0};

    // Town hall on the north side of the market, the church east of it.
    const Vec2 hall = findSite({2.0, 72.0}, east, 36.0, 20.0, 0.5, free, 30.0);
    forceBuilding(rectangle(hall, east, 36.0, 20.0),
                  {{"building", "townhall"},
                   {"amenity", "townhall"},
                   {"name", "Rathaus Musterstadt"},
                   {"building:levels", "3"},
                   {"addr:street", "Am Markt"},
                   {"addr:housenumber", "1"}},
                  0.0);
    places.townHall = hall;
    const Vec2 churchAxis = normalized({1.0, 0.06});
    const Vec2 church = findSite({108.0, 52.0}, churchAxis, 44.0, 18.0, 1.0, free, 40.0);
    forceBuilding(rectangle(church, churchAxis, 44.0, 18.0),
                  {{"building", "church"},
                   {"amenity", "place_of_worship"},
                   {"religion", "christian"},
                   {"denomination", "lutheran"},
                   {"name", "Stadtkirche St. Marien"}},
                  0.0);
    m_grid.fillRing(rectangle(church, churchAxis, 62.0, 32.0), Cell::Reserved, true);
    places.church = church;

    // Schloss with its courtyard: a multipolygon building.
    const Vec2 castleAxis = fromAngle(0.12);
    const Vec2 castle = findSite({-318.0, 255.0}, castleAxis, 56.0, 44.0, 2.0, cellMask(Cell::Reserved), 30.0);
    OsmModel& osm = m_town.osm;
    const std::int64_t outer = osm.addArea(rectangle(castle, castleAxis, 56.0, 44.0), {});
    const std::int64_t inner = osm.addArea(rectangle(castle, castleAxis, 30.0, 20.0), {});
    osm.addRelation({{outer, "outer"}, {inner, "inner"}}, {{"type", "multipolygon"},
                                                           {"building", "castle"},
                                                           {"historic", "castle"},
                                                           {"castle_type", "palace"},
                                                           {"name", "Schloss Musterstadt"},
                                                           {"building:levels", "3"}});
    m_grid.fillRing(rectangle(castle, castleAxis, 56.0, 44.0), Cell::Building, false);
    m_town.buildings.push_back({castle, 0.0});
    places.castle = castle;

    // Station: building, platform, forecourt, bus station, car park.
    const Vec2 along = railDirection(250.0);
    places.station = {250.0, railY(250.0) + 28.0};
    forceBuilding(rectangle(places.station, along, 42.0, 14.0),
                  {{"building", "train_station"}, {"name", "Bahnhof Musterstadt"}, {"building:levels", "2"}}, 0.0);
    osm.addArea(rectangle({260.0, railY(260.0) + 6.5}, along, 170.0, 4.0),
                {{"railway", "platform"}, {"public_transport", "platform"}, {"ref", "1"}});
    places.forecourt = rectangle({255.0, railY(255.0) + 53.0}, along, 80.0, 24.0);
    area(places.forecourt, {{"highway", "pedestrian"}, {"area", "yes"}, {"name", "Bahnhofsvorplatz"}, {"lit", "yes"}},
         Cell::Reserved, false);
    places.busStation = {378.0, railY(378.0) + 50.0};
    area(rectangle(places.busStation, along, 64.0, 28.0),
         {{"amenity", "bus_station"}, {"name", "Busbahnhof Musterstadt"}}, Cell::Reserved, false);
    forceBuilding(rectangle(places.busStation + perpLeft(along) * 6.0, along, 30.0, 4.0),
                  {{"building", "roof"}, {"shelter", "yes"}}, 0.0);
    area(rectangle({150.0, railY(150.0) + 50.0}, along, 60.0, 26.0),
         {{"amenity", "parking"}, {"parking", "surface"}, {"name", "P+R Bahnhof"}}, Cell::Reserved, false);

    // Schools: two with grounds (amenity on the area), one tagged on the building.
    const Vec2 parkSchool = findSite({-900.0, 350.0}, east, 110.0, 80.0, 2.0, free, 150.0);
    area(rectangle(parkSchool, east, 110.0, 80.0), {{"amenity", "school"}, {"name", "Grundschule Am Park"}},
         Cell::Reserved, false);
    forceBuilding(rectangle(parkSchool + Vec2{0.0, 18.0}, east, 60.0, 16.0),
                  {{"building", "school"}, {"building:levels", "2"}}, 0.0);
    const Vec2 eastSchool = findSite({1350.0, -170.0}, east, 110.0, 90.0, 2.0, cellMask(Cell::Estate), 150.0);
    area(rectangle(eastSchool, east, 110.0, 90.0), {{"amenity", "school"}, {"name", "Oberschule Musterstadt"}},
         Cell::Reserved, false);
    forceBuilding(rectangle(eastSchool + Vec2{0.0, 20.0}, east, 66.0, 14.0),
                  {{"building", "school"}, {"building:levels", "4"}}, 0.0);
    const Vec2 gym = findSite({-200.0, -500.0}, east, 60.0, 18.0, 3.0, free, 120.0);
    forceBuilding(
        rectangle(gym, east, 60.0, 18.0),
        {{"building", "school"}, {"amenity", "school"}, {"name", "Gymnasium Musterstadt"}, {"building:levels", "4"}},
        0.0);
    places.schools = {parkSchool, eastSchool, gym};
    const Vec2 pitch = findSite({110.0, 660.0}, east, 105.0, 68.0, 4.0, free, 120.0);
    area(rectangle(pitch, east, 105.0, 68.0),
         {{"leisure", "pitch"}, {"sport", "soccer"}, {"name", "Sportplatz Lindenstraße"}}, Cell::Reserved, false);

    // Youth centre, supermarkets, police.
    places.youthCentre = findSite({700.0, 60.0}, east, 24.0, 14.0, 2.0, free, 80.0);
    forceBuilding(rectangle(places.youthCentre, east, 24.0, 14.0), {{"building", "yes"}, {"building:levels", "2"}},
                  0.0);
    const Vec2 eastMarket = findSite({1000.0, -230.0}, east, 45.0, 30.0, 3.0, cellMask(Cell::Estate), 120.0);
    forceBuilding(rectangle(eastMarket, east, 45.0, 30.0),
                  {{"building", "retail"}, {"shop", "supermarket"}, {"name", "Frischemarkt Ost"}}, 0.0);
    places.estateSpots.push_back(eastMarket);
    const Vec2 konsum = findSite({620.0, -610.0}, east, 55.0, 35.0, 3.0, free, 100.0);
    forceBuilding(rectangle(konsum, east, 55.0, 35.0),
                  {{"building", "retail"}, {"shop", "supermarket"}, {"name", "Konsum-Markt"}}, 0.0);
    const Vec2 drinks = findSite({745.0, -560.0}, east, 30.0, 20.0, 3.0, free, 100.0);
    forceBuilding(rectangle(drinks, east, 30.0, 20.0),
                  {{"building", "retail"}, {"shop", "alcohol"}, {"name", "Getränkemarkt Mulde"}}, 0.0);
    const Vec2 police = findSite({-40.0, -660.0}, east, 32.0, 14.0, 2.0, free, 100.0);
    forceBuilding(rectangle(police, east, 32.0, 14.0), {{"building", "public"}, {"building:levels", "3"}}, 0.0);
    poi(police, {{"amenity", "police"}, {"name", "Polizeirevier Musterstadt"}});
}

// [estates] ------------------------------------------------------------------------------------------------

void TownBuilder::fillEstate(const Ring& region, const std::vector<std::size_t>& streets, int slabs, double tallShare) {
    double minX = region.front().x, maxX = minX, minY = region.front().y, maxY = minY;
    for (Vec2 p : region) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    std::vector<Vec2> candidates;
    for (double y = minY + 10.0; y < maxY; y += 16.0) {
        for (double x = minX + 10.0; x < maxX; x += 16.0) {
            if (pointInRing({x, y}, region)) candidates.push_back({x, y});
        }
    }
    for (std::size_t i = candidates.size(); i > 1; --i) std::swap(candidates[i - 1], candidates[m_rng.index(i)]);

    int placed = 0;
    for (Vec2 c : candidates) {
        if (placed >= slabs) break;
        const Vec2 axis = m_rng.chance(0.62) ? fromAngle(jitter(0.03)) : fromAngle(std::numbers::pi / 2 + jitter(0.03));
        const double length = 12.0 * m_rng.range(5, 14);
        if (!m_grid.allows(rectangle(c, axis, length + 8.0, 22.0), cellMask(Cell::Estate))) continue;
        if (!m_grid.allows(rectangle(c, axis, length + 26.0, 60.0), ~cellMask(Cell::Building))) continue;
        const int levels = m_rng.chance(tallShare) ? m_rng.range(10, 12) : m_rng.range(5, 6);
        std::size_t nearest = streets.front();
        double best = 1e300;
        for (std::size_t s : streets) {
            const double d = projectOnto(line(s), c).distance;
            if (d < best) {
                best = d;
                nearest = s;
            }
        }
        const std::string& street = m_streets[nearest].name;
        // The number of the first entrance; the other entrances take the following numbers.
        const std::string number = nextHouseNumber(street, 1);
        forceBuilding(rectangle(c, axis, length, 12.0),
                      {{"building", "apartments"},
                       {"building:levels", std::to_string(levels)},
                       {"roof:shape", "flat"},
                       {"addr:street", street},
                       {"addr:housenumber", number}},
                      length / 12.0 * levels * 2.0 * 1.7 * 0.7);  // many flats stand empty
        for (int k = 0; k < static_cast<int>(length) / 24; ++k) nextHouseNumber(street, 1);
        ++placed;
        // A car park along one long side, where there is room.
        const Vec2 side = perpLeft(axis) * (m_rng.chance(0.5) ? 1.0 : -1.0);
        const Ring parking = rectangle(c + side * 17.0, axis, length * 0.6, 14.0);
        if (m_grid.allows(rectangle(c + side * 17.0, axis, length * 0.6 + 4.0, 18.0), cellMask(Cell::Estate))) {
            area(parking, {{"amenity", "parking"}, {"parking", "surface"}}, Cell::Reserved, false);
        }
    }
}

void TownBuilder::estateExtras(const Ring& region, const std::string& name, int garages, int playgrounds,
                               std::vector<Vec2>& spots) {
    const Ring inner = scaleRing(region, ringCentroid(region), 0.92);
    for (int placed = 0, tries = 0; placed < garages && tries < 400; ++tries) {
        const Vec2 c = jitter(ringCentroid(region), 360.0);
        if (!pointInRing(c, inner)) continue;
        const Vec2 axis = m_rng.chance(0.5) ? Vec2{1.0, 0.0} : Vec2{0.0, 1.0};
        const double length = 6.0 * m_rng.range(5, 9);
        if (!m_grid.allows(rectangle(c, axis, length + 4.0, 10.0), cellMask(Cell::Estate))) continue;
        if (!m_grid.allows(rectangle(c, axis, length + 12.0, 20.0), ~cellMask(Cell::Building))) continue;
        forceBuilding(rectangle(c, axis, length, 6.0), {{"building", "garages"}, {"building:levels", "1"}}, 0.0);
        spots.push_back(c);
        ++placed;
    }
    for (int placed = 0, tries = 0; placed < playgrounds && tries < 400; ++tries) {
        const Vec2 c = jitter(ringCentroid(region), 360.0);
        if (!pointInRing(c, inner)) continue;
        const Ring ground = rectangle(c, {1.0, 0.0}, 28.0, 22.0);
        if (!m_grid.allows(rectangle(c, {1.0, 0.0}, 36.0, 30.0), cellMask(Cell::Estate))) continue;
        area(ground, {{"leisure", "playground"}, {"name", "Spielplatz " + name}}, Cell::Reserved, false);
        m_town.places.playgrounds.push_back(c);
        spots.push_back(c);
        ++placed;
    }
}

void TownBuilder::buildEstates() {
    TownPlaces& places = m_town.places;
    fillEstate(places.estateOst, {m_muentzerRing, m_jugend}, 30, 0.55);
    estateExtras(places.estateOst, "Thomas-Müntzer-Ring", 4, 3, places.estateSpots);
    places.estateSpots.push_back(places.youthCentre);
    std::vector<std::size_t> nord;
    for (std::size_t i = 0; i < m_streets.size(); ++i) {
        const std::string& n = m_streets[i].name;
        if (n == "Heinrich-Heine-Straße" || n == "Lessingstraße" || n == "Nordstraße") nord.push_back(i);
    }
    fillEstate(places.estateNord, nord, 22, 0.0);
    estateExtras(places.estateNord, "Lessingstraße", 3, 2, places.estateNordSpots);
}

// [industry] -----------------------------------------------------------------------------------------------

void TownBuilder::buildIndustry() {
    const char* companies[] = {"Muldentaler Metallbau GmbH", "Spedition Krause",     "Sächsische Kunststofftechnik",
                               "Baustoffhandel Mulde",       "Getränkelogistik Süd", "Autohaus Musterstadt",
                               "Druckerei Weber & Söhne",    "Elektro-Schubert GmbH"};
    std::size_t company = 0;
    for (std::size_t i = 0; i < m_streets.size(); ++i) {
        const Street& street = m_streets[i];
        if (street.name != "Gewerbering" && street.name != "An der Ziegelei") continue;
        const double length = polylineLength(street.line);
        for (int side : {1, -1}) {
            double s = 15.0;
            while (s < length - 20.0) {
                const double w = m_rng.uniform(30.0, 90.0);
                const double d = m_rng.uniform(25.0, 60.0);
                const PolylinePoint at = pointAlong(street.line, s + w / 2.0);
                const Vec2 normal = perpLeft(at.dir) * side;
                const Vec2 c = at.pos + normal * (street.halfWidth + m_rng.uniform(10.0, 18.0) + d / 2.0);
                const bool named = m_rng.chance(0.3);
                const bool warehouse = m_rng.chance(0.4);
                if (!m_grid.allows(rectangle(c, at.dir, w + 6.0, d + 6.0), cellMask(Cell::Industrial))) {
                    s += 6.0;
                    continue;
                }
                Tags tags = {{"building", warehouse ? "warehouse" : "industrial"}};
                if (named && company < std::size(companies)) tags.emplace_back("name", companies[company++]);
                tags.emplace_back("addr:street", street.name);
                tags.emplace_back("addr:housenumber", nextHouseNumber(street.name, side));
                forceBuilding(rectangle(c, at.dir, w, d), std::move(tags), 0.0);
                s += w + m_rng.uniform(12.0, 30.0);
            }
        }
    }
}

// [frontage] -----------------------------------------------------------------------------------------------

void TownBuilder::buildFrontages() {
    for (Frontage kind : {Frontage::OldTown, Frontage::Villas, Frontage::Houses}) {
        for (const Street& street : m_streets) {
            if (street.frontage != kind) continue;
            if (street.sides & 1) frontage(street, 1);
            if (street.sides & 2) frontage(street, -1);
        }
    }
}

void TownBuilder::frontage(const Street& street, int side) {
    struct Style {
        double widthMin, widthMax, depthMin, depthMax, gapMin, gapMax, setbackMin, setbackMax;
        int levelsMin, levelsMax;
    };
    const bool oldTown = street.frontage == Frontage::OldTown;
    const bool houses = street.frontage == Frontage::Houses;
    const Style style = oldTown  ? Style{8.0, 15.0, 12.0, 18.0, 0.0, 0.0, 0.2, 0.2, 2, 4}
                        : houses ? Style{9.0, 13.0, 8.0, 12.0, 16.0, 27.0, 5.0, 9.0, 1, 2}
                                 : Style{13.0, 20.0, 11.0, 15.0, 6.0, 12.0, 4.0, 7.0, 3, 4};
    const bool shops = street.name == "Hauptstraße" || street.name == "Bahnhofstraße" || street.name == "Am Markt";
    const std::uint32_t free = cellMask(Cell::Free);
    const double length = polylineLength(street.line);
    double s = oldTown ? 3.0 : 8.0;
    while (s < length - 5.0) {
        const double w = m_rng.uniform(style.widthMin, style.widthMax);
        const double d = m_rng.uniform(style.depthMin, style.depthMax);
        const double setback = street.halfWidth + m_rng.uniform(style.setbackMin, style.setbackMax);
        const int levels = m_rng.range(style.levelsMin, style.levelsMax);
        const double kindDraw = m_rng.uniform();
        if (s + w > length - 3.0) break;
        const PolylinePoint at = pointAlong(street.line, s + w / 2.0);
        const Vec2 normal = perpLeft(at.dir) * static_cast<double>(side);
        const Vec2 c = at.pos + normal * (setback + d / 2.0);
        const Ring check = oldTown ? rectangle(c, at.dir, w - 1.2, d - 1.2) : rectangle(c, at.dir, w + 3.0, d + 3.0);
        const bool builtUp = std::any_of(m_builtUp.begin(), m_builtUp.end(),
                                         [&](const Ring& quarter) { return pointInRing(c, quarter); });
        if (!builtUp || !m_grid.allows(check, free)) {
            s += 3.0;
            continue;
        }
        Ring ring = rectangle(c, at.dir, w, d);
        std::string kind;
        double inhabitants = 0.0;
        if (houses) {
            kind = kindDraw < 0.88 ? "house" : "semidetached_house";
            inhabitants = 2.6;
        } else if (oldTown) {
            for (Vec2& p : ring) p = jitter(p, 0.3);
            kind = shops && kindDraw < 0.5 ? "retail" : kindDraw < 0.8 ? "apartments" : "yes";
            inhabitants = w * d * (levels - (kind == "retail" ? 1 : 0)) / 120.0 * 1.5;
        } else {
            kind = kindDraw < 0.8 ? "apartments" : "house";
            inhabitants = w * d * levels / 100.0 * 1.6;
        }
        forceBuilding(ring,
                      {{"building", kind},
                       {"building:levels", std::to_string(levels)},
                       {"addr:street", street.name},
                       {"addr:housenumber", nextHouseNumber(street.name, side)}},
                      inhabitants);
        // Outbuildings: a rear building in the old town, a shed or a garage at a house.
        if (oldTown && m_rng.chance(0.45)) {
            const double rd = m_rng.uniform(6.0, 10.0);
            const Vec2 rc = at.pos + normal * (setback + d + 3.0 + rd / 2.0);
            tryBuilding(rectangle(rc, at.dir, w * 0.7, rd), rectangle(rc, at.dir, w * 0.7 + 2.0, rd + 2.0), free,
                        {{"building", "yes"}, {"building:levels", "2"}}, 1.5);
        } else if (houses && m_rng.chance(0.1)) {
            const double behind = m_rng.uniform(4.0, 8.0);
            const double aside = m_rng.uniform(-w / 3.0, w / 3.0);
            const Vec2 sc = at.pos + normal * (setback + d + behind) + at.dir * aside;
            tryBuilding(rectangle(sc, at.dir, 3.5, 3.0), rectangle(sc, at.dir, 5.5, 5.0), free, {{"building", "shed"}},
                        0.0);
        } else if (houses && m_rng.chance(0.08)) {
            const Vec2 gc = at.pos + at.dir * (w / 2.0 + 2.6) + normal * (setback + 3.5);
            tryBuilding(rectangle(gc, normal, 6.5, 3.5), rectangle(gc, normal, 7.5, 4.5), free,
                        {{"building", "garage"}}, 0.0);
        }
        s += w + m_rng.uniform(style.gapMin, style.gapMax);
    }
}

// [allotments] ---------------------------------------------------------------------------------------------

void TownBuilder::buildAllotmentHuts() {
    for (const Ring& garden : m_allotments) {
        double minX = garden.front().x, maxX = minX, minY = garden.front().y, maxY = minY;
        for (Vec2 p : garden) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
        for (double y = minY + 13.0; y < maxY - 8.0; y += 26.0) {
            for (double x = minX + 11.0; x < maxX - 6.0; x += 22.0) {
                if (m_rng.chance(0.12)) continue;  // an empty plot
                const Vec2 c = jitter({x, y}, 4.0);
                const Vec2 axis = fromAngle(jitter(0.15));
                const double w = m_rng.uniform(3.0, 4.5);
                const double d = m_rng.uniform(2.5, 3.5);
                tryBuilding(rectangle(c, axis, w, d), rectangle(c, axis, w + 3.0, d + 3.0), cellMask(Cell::Allotment),
                            {{"building", "shed"}}, 0.0);
            }
        }
    }
}

}  // namespace lb::demo::detail
