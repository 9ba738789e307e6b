#include "io/osm_tags.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"

namespace lb::io {
namespace {

template <std::size_t N>
bool oneOf(const std::string* value, const std::array<std::string_view, N>& values) {
    return value && std::find(values.begin(), values.end(), *value) != values.end();
}

bool isNo(const std::string* value) {
    return value && (*value == "no" || *value == "false" || *value == "0");
}

constexpr std::array<std::string_view, 28> kPoiAmenities{"school",
                                                         "kindergarten",
                                                         "childcare",
                                                         "college",
                                                         "university",
                                                         "community_centre",
                                                         "social_facility",
                                                         "social_centre",
                                                         "bar",
                                                         "pub",
                                                         "biergarten",
                                                         "nightclub",
                                                         "fast_food",
                                                         "atm",
                                                         "bank",
                                                         "bench",
                                                         "waste_basket",
                                                         "waste_disposal",
                                                         "recycling",
                                                         "police",
                                                         "townhall",
                                                         "bus_station",
                                                         "toilets",
                                                         "library",
                                                         "shelter",
                                                         "youth_centre",
                                                         "drinking_water",
                                                         "marketplace"};
constexpr std::array<std::string_view, 8> kPoiShops{"alcohol",     "beverages", "kiosk",   "supermarket",
                                                    "convenience", "wine",      "tobacco", "e-cigarette"};
constexpr std::array<std::string_view, 7> kPoiLeisure{"playground", "park",       "pitch",          "sports_centre",
                                                      "skatepark",  "youth_club", "fitness_station"};
constexpr std::array<std::string_view, 2> kPoiHighway{"bus_stop", "street_lamp"};
constexpr std::array<std::string_view, 2> kPoiPublicTransport{"platform", "station"};
constexpr std::array<std::string_view, 3> kPoiRailway{"station", "halt", "tram_stop"};
constexpr std::array<std::string_view, 1> kPoiManMade{"surveillance"};

constexpr std::array<std::string_view, 11> kRailways{"rail",         "tram",         "light_rail", "subway",
                                                     "narrow_gauge", "funicular",    "monorail",   "preserved",
                                                     "disused",      "construction", "miniature"};
constexpr std::array<std::string_view, 6> kWaterways{"river", "stream", "canal", "ditch", "drain", "brook"};
constexpr std::array<std::string_view, 6> kWaterNatural{"water", "bay", "spring", "wetland_water", "strait", "glacier"};
constexpr std::array<std::string_view, 3> kWaterLanduse{"reservoir", "basin", "salt_pond"};
constexpr std::array<std::string_view, 5> kLanduseAmenities{"parking", "school", "kindergarten", "grave_yard",
                                                            "marketplace"};

}  // namespace

OsmTags parseHstoreTags(std::string_view text) {
    OsmTags tags;
    std::size_t i = 0;
    auto fail = [&]() -> void { throw core::InputError("malformed OSM tag list near character " + std::to_string(i)); };
    auto quoted = [&]() -> std::string {
        if (i >= text.size() || text[i] != '"') fail();
        ++i;
        std::string out;
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) ++i;
            out.push_back(text[i++]);
        }
        if (i >= text.size()) fail();
        ++i;
        return out;
    };
    while (i < text.size()) {
        std::string key = quoted();
        if (text.substr(i, 2) != "=>") fail();
        i += 2;
        std::string value = quoted();
        tags.emplace_back(std::move(key), std::move(value));
        if (i < text.size()) {
            if (text[i] != ',') fail();
            ++i;
        }
    }
    return tags;
}

const std::string* findTag(const OsmTags& tags, std::string_view key) {
    for (const auto& [k, v] : tags) {
        if (k == key) return &v;
    }
    return nullptr;
}

bool isPreventionPoi(const OsmTags& tags) {
    const std::string* amenity = findTag(tags, "amenity");
    if (oneOf(amenity, kPoiAmenities)) return true;
    if (amenity && *amenity == "community_centre") return true;
    return oneOf(findTag(tags, "shop"), kPoiShops) || oneOf(findTag(tags, "leisure"), kPoiLeisure) ||
           oneOf(findTag(tags, "highway"), kPoiHighway) ||
           oneOf(findTag(tags, "public_transport"), kPoiPublicTransport) ||
           oneOf(findTag(tags, "railway"), kPoiRailway) || oneOf(findTag(tags, "man_made"), kPoiManMade);
}

std::vector<core::LayerId> classifyOsm(OsmGeometryKind kind, const OsmTags& tags) {
    std::vector<core::LayerId> layers;
    const std::string* highway = findTag(tags, "highway");
    const std::string* railway = findTag(tags, "railway");
    const std::string* waterway = findTag(tags, "waterway");
    const std::string* natural = findTag(tags, "natural");
    const std::string* landuse = findTag(tags, "landuse");
    switch (kind) {
        case OsmGeometryKind::Point:
            if (isPreventionPoi(tags)) layers.push_back(core::LayerId::Pois);
            break;
        case OsmGeometryKind::Line:
            if (highway) layers.push_back(core::LayerId::Roads);
            if (oneOf(railway, kRailways)) layers.push_back(core::LayerId::Railways);
            if (oneOf(waterway, kWaterways)) layers.push_back(core::LayerId::Water);
            break;
        case OsmGeometryKind::Area: {
            const std::string* building = findTag(tags, "building");
            if (building && !isNo(building)) layers.push_back(core::LayerId::Buildings);
            const bool water = oneOf(natural, kWaterNatural) || (waterway && *waterway == "riverbank") ||
                               oneOf(landuse, kWaterLanduse);
            if (water) {
                layers.push_back(core::LayerId::Water);
            } else if (landuse || findTag(tags, "leisure") || (natural && *natural != "coastline") ||
                       oneOf(findTag(tags, "amenity"), kLanduseAmenities) || (highway && *highway == "pedestrian")) {
                layers.push_back(core::LayerId::Landuse);
            }
            if (isPreventionPoi(tags)) layers.push_back(core::LayerId::Pois);
            break;
        }
    }
    return layers;
}

}  // namespace lb::io
