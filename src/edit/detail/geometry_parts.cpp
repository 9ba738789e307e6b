#include "edit/detail/geometry_parts.hpp"

#include <nlohmann/json.hpp>

#include <cstring>

#include "core/error.hpp"

namespace lb::edit::detail {
namespace {

// Reads little-endian WKB (normalised by geo::normalizeWkb).
class Reader {
public:
    explicit Reader(const core::Wkb& wkb) : m_wkb(wkb) {}

    geo::WkbType header() {
        m_pos += 1;
        return static_cast<geo::WkbType>(u32());
    }
    std::uint32_t u32() {
        std::uint32_t v;
        std::memcpy(&v, m_wkb.data() + m_pos, 4);
        m_pos += 4;
        return v;
    }
    geo::Coord coord() {
        geo::Coord c;
        std::memcpy(&c.first, m_wkb.data() + m_pos, 8);
        std::memcpy(&c.second, m_wkb.data() + m_pos + 8, 8);
        m_pos += 16;
        return c;
    }
    std::vector<geo::Coord> ring(bool open) {
        const std::uint32_t n = u32();
        std::vector<geo::Coord> out;
        out.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) out.push_back(coord());
        if (open && out.size() > 1 && out.front() == out.back()) out.pop_back();
        return out;
    }
    std::vector<std::vector<geo::Coord>> polygon() {
        std::vector<std::vector<geo::Coord>> rings;
        const std::uint32_t n = u32();
        for (std::uint32_t r = 0; r < n; ++r) rings.push_back(ring(true));
        return rings;
    }

private:
    const core::Wkb& m_wkb;
    std::size_t m_pos = 0;
};

std::vector<geo::Ring> closedRings(const std::vector<std::vector<geo::Coord>>& rings) {
    return {rings.begin(), rings.end()};  // polygonWkb closes them
}

nlohmann::json coordsJson(const std::vector<geo::Coord>& coords, bool close) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [x, y] : coords) out.push_back({x, y});
    if (close && !coords.empty()) out.push_back({coords.front().first, coords.front().second});
    return out;
}

}  // namespace

GeometryParts parseGeometry(const core::Wkb& input) {
    core::Wkb wkb = input;
    geo::normalizeWkb(wkb);
    Reader reader(wkb);
    GeometryParts g;
    g.type = reader.header();
    switch (g.type) {
        case geo::WkbType::Point:
            g.parts.push_back({{reader.coord()}});
            break;
        case geo::WkbType::LineString:
            g.parts.push_back({reader.ring(false)});
            break;
        case geo::WkbType::Polygon:
            g.parts.push_back(reader.polygon());
            break;
        case geo::WkbType::MultiPoint:
        case geo::WkbType::MultiLineString:
        case geo::WkbType::MultiPolygon: {
            const std::uint32_t n = reader.u32();
            for (std::uint32_t i = 0; i < n; ++i) {
                const auto member = reader.header();
                if (member == geo::WkbType::Point) {
                    g.parts.push_back({{reader.coord()}});
                } else if (member == geo::WkbType::LineString) {
                    g.parts.push_back({reader.ring(false)});
                } else {
                    g.parts.push_back(reader.polygon());
                }
            }
            break;
        }
        case geo::WkbType::GeometryCollection:
            throw core::InputError("invalid geometry: geometry collections are not supported");
    }
    return g;
}

core::Wkb toWkb(const GeometryParts& g) {
    switch (g.type) {
        case geo::WkbType::Point:
            return geo::pointWkb(g.parts.at(0).at(0).at(0).first, g.parts.at(0).at(0).at(0).second);
        case geo::WkbType::LineString:
            return geo::lineStringWkb(g.parts.at(0).at(0));
        case geo::WkbType::Polygon:
            return geo::polygonWkb(closedRings(g.parts.at(0)));
        case geo::WkbType::MultiPolygon: {
            std::vector<std::vector<geo::Ring>> polygons;
            for (const auto& part : g.parts) polygons.push_back(closedRings(part));
            return geo::multiPolygonWkb(polygons);
        }
        case geo::WkbType::MultiPoint:
        case geo::WkbType::MultiLineString: {
            core::Wkb out{1};
            const std::uint32_t type = static_cast<std::uint32_t>(g.type);
            const std::uint32_t n = static_cast<std::uint32_t>(g.parts.size());
            out.insert(out.end(), reinterpret_cast<const std::uint8_t*>(&type),
                       reinterpret_cast<const std::uint8_t*>(&type) + 4);
            out.insert(out.end(), reinterpret_cast<const std::uint8_t*>(&n),
                       reinterpret_cast<const std::uint8_t*>(&n) + 4);
            for (const auto& part : g.parts) {
                const core::Wkb member = g.type == geo::WkbType::MultiPoint
                                             ? geo::pointWkb(part.at(0).at(0).first, part.at(0).at(0).second)
                                             : geo::lineStringWkb(part.at(0));
                out.insert(out.end(), member.begin(), member.end());
            }
            return out;
        }
        case geo::WkbType::GeometryCollection:
            break;
    }
    throw core::InputError("invalid geometry: geometry collections are not supported");
}

std::vector<geo::Coord>& ringOf(GeometryParts& g, const VertexRef& ref, bool allowEnd) {
    auto missing = [&]() -> std::vector<geo::Coord>& {
        throw core::InputError("the geometry has no vertex " + std::to_string(ref.index) + " in ring " +
                               std::to_string(ref.ring) + " of part " + std::to_string(ref.part));
    };
    if (ref.part < 0 || static_cast<std::size_t>(ref.part) >= g.parts.size()) return missing();
    auto& rings = g.parts[static_cast<std::size_t>(ref.part)];
    if (ref.ring < 0 || static_cast<std::size_t>(ref.ring) >= rings.size()) return missing();
    auto& ring = rings[static_cast<std::size_t>(ref.ring)];
    const std::size_t limit = ring.size() + (allowEnd ? 1 : 0);
    if (ref.index < 0 || static_cast<std::size_t>(ref.index) >= limit) return missing();
    return ring;
}

nlohmann::json geoJson(const core::Wkb& wkb) {
    const GeometryParts g = parseGeometry(wkb);
    nlohmann::json out;
    auto polygon = [](const std::vector<std::vector<geo::Coord>>& rings) {
        nlohmann::json p = nlohmann::json::array();
        for (const auto& ring : rings) p.push_back(coordsJson(ring, true));
        return p;
    };
    switch (g.type) {
        case geo::WkbType::Point:
            out = {{"type", "Point"}, {"coordinates", coordsJson(g.parts[0][0], false)[0]}};
            break;
        case geo::WkbType::LineString:
            out = {{"type", "LineString"}, {"coordinates", coordsJson(g.parts[0][0], false)}};
            break;
        case geo::WkbType::Polygon:
            out = {{"type", "Polygon"}, {"coordinates", polygon(g.parts[0])}};
            break;
        default: {
            nlohmann::json members = nlohmann::json::array();
            for (const auto& part : g.parts) {
                if (g.type == geo::WkbType::MultiPoint) {
                    members.push_back(coordsJson(part[0], false)[0]);
                } else if (g.type == geo::WkbType::MultiLineString) {
                    members.push_back(coordsJson(part[0], false));
                } else {
                    members.push_back(polygon(part));
                }
            }
            const char* name = g.type == geo::WkbType::MultiPoint        ? "MultiPoint"
                               : g.type == geo::WkbType::MultiLineString ? "MultiLineString"
                                                                         : "MultiPolygon";
            out = {{"type", name}, {"coordinates", members}};
        }
    }
    return out;
}

}  // namespace lb::edit::detail
