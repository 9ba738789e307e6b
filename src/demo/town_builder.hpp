#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "demo/grid.hpp"
#include "demo/random.hpp"
#include "demo/town.hpp"

namespace lb::demo::detail {

// How the plots along a street are built up.
enum class Frontage {
    None,     // no buildings (footways, country roads, the market)
    OldTown,  // closed rows of narrow town houses at the street edge
    Villas,   // Gründerzeit blocks: detached apartment villas with front gardens
    Houses,   // detached family houses with gardens and sheds
};

// One street or path as designed, before it is cut into OSM ways at bridges and junctions.
struct Street {
    std::string name;
    Polyline line;
    Tags tags;               // highway, name, lit, maxspeed, ...
    double halfWidth = 3.0;  // carriageway plus pavement, for keeping buildings clear
    Frontage frontage = Frontage::None;
    bool lamps = false;  // street lamps along it
    int layer = 0;
    bool rail = false;
    bool crossesRail = false;  // the underpass: must not become a bridge over the tracks
    std::string bridgeName;    // bridge:name for the part over the river
    int sides = 3;             // frontage on the left (1), right (2) or both (3) sides
};

// Builds the town step by step into an occupancy grid and the OSM model. Split over several files:
// demo_town.cpp (landscape, areas, orchestration), demo_roads.cpp (street design), demo_road_network.cpp
// (bridges, junctions, OSM ways, routing graph), demo_buildings.cpp (buildings), demo_pois.cpp (points of
// interest, street furniture).
class TownBuilder {
public:
    TownBuilder(Vec2 origin, std::uint64_t seed, core::Progress& progress);
    Town build();

private:
    // --- demo_town.cpp
    void buildLandscape();
    void buildAreas();
    void area(const Ring& ring, Tags tags, Cell cell, bool onlyFree);
    double jitter(double amount) { return m_rng.uniform(-amount, amount); }
    Vec2 jitter(Vec2 p, double amount) { return {p.x + jitter(amount), p.y + jitter(amount)}; }

    // --- demo_roads.cpp
    void buildOldTownStreets();
    void buildMainRoads();
    void buildWestBank();
    void buildNorthEast();
    void buildSouth();
    void buildEstateStreets();
    void buildParkPaths();
    std::size_t addStreet(std::string name, Polyline line, std::string highway, Frontage frontage, Tags extra = {});
    const Polyline& line(std::size_t street) const { return m_streets[street].line; }
    // The point of a street nearest to p (exactly on the street, so junctions snap).
    Vec2 onStreet(std::size_t street, Vec2 p) const;
    void finishRoads();  // demo_road_network.cpp

    // --- demo_buildings.cpp
    void buildLandmarks();
    void buildEstates();
    void buildIndustry();
    void buildFrontages();
    void buildAllotmentHuts();
    void frontage(const Street& street, int side);
    bool tryBuilding(const Ring& ring, const Ring& checkRing, std::uint32_t allowed, Tags tags, double inhabitants);
    void forceBuilding(const Ring& ring, Tags tags, double inhabitants);
    void fillEstate(const Ring& area, const std::vector<std::size_t>& streets, int slabs, double tallShare);
    void estateExtras(const Ring& area, const std::string& name, int garages, int playgrounds,
                      std::vector<Vec2>& spots);
    // A free spot near `near` for an oriented rectangle (plus margin) whose cells are all allowed; searched
    // outwards in rings. Returns `near` itself if nothing is found within the radius.
    Vec2 findSite(Vec2 near, Vec2 axis, double length, double width, double margin, std::uint32_t allowed,
                  double radius);
    std::string nextHouseNumber(const std::string& street, int side);

    // --- demo_pois.cpp
    void buildPois();
    void buildStreetFurniture();
    void poi(Vec2 pos, Tags tags);
    Vec2 besideStreet(std::size_t street, double s, double offset) const;

    DemoRandom m_rng;
    core::Progress& m_progress;
    OccupancyGrid m_grid;
    Town m_town;
    std::vector<Street> m_streets;
    std::map<std::string, std::pair<int, int>> m_houseNumbers;  // street → next odd/even number

    // Streets other parts refer to.
    std::size_t m_marketLoop = 0, m_hauptstrasse = 0, m_bahnhofstrasse = 0, m_lindenstrasse = 0;
    std::size_t m_leipziger = 0, m_einheit = 0, m_zwickauer = 0;
    std::size_t m_kuelz = 0, m_bruecken = 0, m_sachsenallee = 0, m_muldenufer = 0, m_amBahnhof = 0;
    std::size_t m_amBahndamm = 0, m_jugend = 0, m_muentzerRing = 0, m_nordstrasse = 0, m_rosen = 0;
    std::size_t m_gewerbering = 0, m_feldrain = 0;
    std::vector<std::size_t> m_ringArcs;
    Polyline m_ringLine;             // the whole old-town ring, closed
    std::vector<Vec2> m_radialEnds;  // where the old-town radials meet the ring
    std::vector<Ring> m_allotments;
    std::vector<Ring> m_builtUp;  // residential quarters: houses along streets only inside these
};

}  // namespace lb::demo::detail
