#include "project/detail/location_check.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <utility>

#include "core/error.hpp"
#include "core/layer.hpp"
#include "core/value.hpp"
#include "geo/crs.hpp"
#include "store/project_store.hpp"

namespace lb::project::detail {
namespace {

// Germany (lon 5.87–15.04, lat 47.27–55.06) with roughly 50 km to spare.
constexpr core::BBox kGermanyWgs84{5.1, 46.8, 15.8, 55.5};

struct Candidate {
    std::string_view crs;
    std::string_view name;
};
// CRSs German offices export in, most specific first: each matches only its own value ranges.
constexpr std::array<Candidate, 10> kCandidates{{
    {"EPSG:31466", "Gauß-Krüger zone 2 (Rechtswert 2…, Hochwert 5…)"},
    {"EPSG:31467", "Gauß-Krüger zone 3 (Rechtswert 3…, Hochwert 5…)"},
    {"EPSG:31468", "Gauß-Krüger zone 4 (Rechtswert 4…, Hochwert 5…)"},
    {"EPSG:31469", "Gauß-Krüger zone 5 (Rechtswert 5…, Hochwert 5…)"},
    {"EPSG:4647", "ETRS89 / UTM zone 32N with the zone number in front of the easting (32…)"},
    {"EPSG:5650", "ETRS89 / UTM zone 33N with the zone number in front of the easting (33…)"},
    {"EPSG:25832", "ETRS89 / UTM zone 32N"},
    {"EPSG:25833", "ETRS89 / UTM zone 33N"},
    {"EPSG:4326", "WGS84 longitude/latitude"},
    {"EPSG:3857", "Web Mercator (web maps)"},
}};

std::string number(double v) {
    return core::toString(core::Value{v});
}

}  // namespace

LocationCheck::LocationCheck(store::ProjectStore& store, std::string sourceCrs)
    : m_sourceCrs(std::move(sourceCrs)), m_projectCrs(store.crs()) {
    // The base map and the districts say where the project is; only without them the other thematic layers
    // (which can hold millions of rows) are scanned.
    for (const auto& layer : core::kLayers) {
        if (layer.kind == core::LayerKind::BaseMap || layer.id == core::LayerId::Districts) {
            m_area.add(store.extent(layer.id));
        }
    }
    if (m_area.empty()) {
        for (const auto& layer : core::kLayers) m_area.add(store.extent(layer.id));
    }
    if (!m_area.empty()) {
        m_area.minX -= kMarginMetres;
        m_area.minY -= kMarginMetres;
        m_area.maxX += kMarginMetres;
        m_area.maxY += kMarginMetres;
    } else {
        m_toWgs84 = std::make_unique<geo::CrsTransform>(m_projectCrs, "EPSG:4326");
    }
}

LocationCheck::~LocationCheck() = default;

geo::CrsTransform& LocationCheck::transformFrom(const std::string& crs) {
    auto& transform = m_toProject[crs];
    if (!transform) transform = std::make_unique<geo::CrsTransform>(crs, m_projectCrs);
    return *transform;
}

bool LocationCheck::inArea(const std::string& crs, double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    try {
        transformFrom(crs).transform(x, y);
        if (!std::isfinite(x) || !std::isfinite(y)) return false;
        if (!m_area.empty()) return m_area.contains(x, y);
        m_toWgs84->transform(x, y);
        return kGermanyWgs84.contains(x, y);
    } catch (const core::Error&) {
        return false;  // outside the CRS's area of use
    }
}

std::optional<std::string> LocationCheck::problem(double x, double y) {
    if (inArea(m_sourceCrs, x, y)) return std::nullopt;
    const bool geographic = m_sourceCrs == "EPSG:4326";
    const std::string where = (geographic ? "longitude " : "x ") + number(x) + (geographic ? ", latitude " : ", y ") +
                              number(y) + " (" + m_sourceCrs + ")";
    m_hint = likelyCause(x, y);
    if (x == 0 && y == 0) return "coordinates 0/0 are no location (an empty position exported as zero?)";
    if (m_area.empty()) return where + " lie outside Germany";
    double px = x, py = y;
    try {
        transformFrom(m_sourceCrs).transform(px, py);
    } catch (const core::Error&) {
        return where + " lie outside the area where " + m_sourceCrs + " is defined";
    }
    const double dx = std::max({m_area.minX - px, 0.0, px - m_area.maxX});
    const double dy = std::max({m_area.minY - py, 0.0, py - m_area.maxY});
    const double km = std::round((std::hypot(dx, dy) + kMarginMetres) / 1000.0);
    if (!std::isfinite(km)) return where + " lie far from the project area";
    return where + " lie " + number(km) + " km from the project area";
}

std::string LocationCheck::likelyCause(double x, double y) {
    if (x == 0 && y == 0) return "fill in the position or leave the cells empty";
    const bool geographic = m_sourceCrs == "EPSG:4326";
    if (geographic && inArea(m_sourceCrs, y, x)) return "latitude and longitude look swapped (check --lat/--lon)";
    for (const auto& candidate : kCandidates) {
        const std::string crs(candidate.crs);
        if (crs == m_sourceCrs) continue;
        if (inArea(crs, x, y)) {
            return "the coordinates look like " + std::string(candidate.name) + ": give --crs " + crs;
        }
    }
    if (inArea(m_sourceCrs, y, x)) return "x and y look swapped (check --x/--y)";
    for (const auto& candidate : kCandidates) {
        const std::string crs(candidate.crs);
        if (inArea(crs, y, x)) {
            return "x and y look swapped, and the values look like " + std::string(candidate.name) +
                   ": swap --x/--y and give --crs " + crs;
        }
    }
    return "check the coordinate columns and --crs; --force-location imports them anyway";
}

}  // namespace lb::project::detail
