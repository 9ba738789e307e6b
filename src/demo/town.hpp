#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/progress.hpp"
#include "demo/geometry.hpp"
#include "demo/osm_model.hpp"
#include "geo/street_graph.hpp"

namespace lb::demo::detail {

// The fictitious town "Musterstadt": about 20,000 inhabitants, built in metres relative to the market
// square (x east, y north), which lies at Glauchau's coordinates in EPSG:25833. The OSM base map and the
// thematic files are both derived from this one model, so incidents cluster at places the map shows.

// Town boundary (the districts tile this rectangle).
inline constexpr double kTownMinX = -2000.0;
inline constexpr double kTownMaxX = 2000.0;
inline constexpr double kTownMinY = -1700.0;
inline constexpr double kTownMaxY = 1700.0;

// The river Mulde flows north through the west of the town: its centre line x at a northing y.
double riverX(double y);
double riverHalfWidth(double y);
// The railway runs west–east south of the centre: its northing at an easting x.
double railY(double x);

// A residential or other building, for district populations and the background of incidents.
struct TownBuilding {
    Vec2 centre;
    double inhabitants = 0.0;  // expected residents (0 for non-residential buildings)
};

// Shortest path along the town's streets through the waypoints in order (each snapped to the nearest
// street node); a leg between parts of the network that do not connect is a straight line.
Polyline streetRoute(const geo::StreetGraph& streets, const std::vector<Vec2>& waypoints);

// Places that the thematic data refers to.
struct TownPlaces {
    Ring market;      // the Markt (pedestrian area)
    Ring park;        // Schlosspark outline
    Ring pond;        // Schlossteich
    Ring forecourt;   // Bahnhofsvorplatz
    Ring estateOst;   // Plattenbaugebiet Ost (area inside the ring road)
    Ring estateNord;  // Neubaugebiet Nord
    Ring meadow;      // Muldenaue
    Vec2 station;     // station building
    Vec2 busStation;
    Vec2 underpass;  // centre of the underpass below the tracks
    Vec2 townHall;
    Vec2 church;
    Vec2 castle;
    Vec2 firstStep;          // social office at the market
    Vec2 youthCentre;        // Jugendhaus Treff
    Polyline underpassPath;  // from the forecourt through the underpass to Am Bahndamm
    Polyline stationPath;    // the footway south of the underpass (bushes)
    Polyline parkMainPath;   // the lit main path through the Schlosspark
    Polyline pondPath;       // the unlit loop around the pond
    Polyline meadowPath;     // Muldenweg along the east bank (unlit)
    // Hauptstraße, Bahnhofstraße in the old town, Straße der Einheit near the centre, Bahnhofstraße to the station.
    std::vector<Polyline> shopStreets;
    std::vector<Vec2> bars;             // bars and pubs
    std::vector<Vec2> parkSpots;        // benches, pond bank, playground, castle courtyard
    std::vector<Vec2> estateSpots;      // playgrounds, garages, youth centre, shop in Plattenbau Ost
    std::vector<Vec2> estateNordSpots;  // the same in Nord
    std::vector<Vec2> busStops;
    std::vector<Vec2> schools;
    std::vector<Vec2> playgrounds;
};

struct Town {
    Vec2 origin;  // EPSG:25833 of the local origin (the market)
    OsmModel osm;
    TownPlaces places;
    std::vector<TownBuilding> buildings;
    geo::StreetGraph roads;  // the street network, for streetwork routes along real streets
};

// Builds the whole town for a seed. Deterministic.
Town buildTown(Vec2 origin, std::uint64_t seed, core::Progress& progress);

}  // namespace lb::demo::detail
