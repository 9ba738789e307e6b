#include "geo/geometry_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "geo/wkb.hpp"

namespace lb::geo {
namespace {

// One geometry of the blob with its structure (geo::readWkb reports coordinates only, not which member of a
// multi geometry they belong to).
struct Node {
    std::uint32_t type = 0;
    std::vector<Ring> rings;  // Point: one ring of one coordinate; LineString: one ring; Polygon: its rings
    std::vector<Node> parts;  // Multi* and GeometryCollection
};

class Parser {
public:
    Parser(const std::uint8_t* data, std::size_t size) : m_at(data), m_end(data + size) {}

    Node geometry(int depth) {
        if (depth > 8) fail("geometry nested too deeply");
        need(5);
        const std::uint8_t order = *m_at++;
        if (order > 1) fail("bad byte order marker");
        m_big = order == 0;
        Node node;
        node.type = u32();
        switch (node.type) {
            case 1:
                node.rings.push_back({coord()});
                break;
            case 2:
                node.rings.push_back(coords());
                break;
            case 3:
                for (std::uint32_t r = u32(); r > 0; --r) node.rings.push_back(coords());
                break;
            case 4:
            case 5:
            case 6:
            case 7:
                for (std::uint32_t n = u32(); n > 0; --n) {
                    node.parts.push_back(geometry(depth + 1));
                    m_big = order == 0;
                }
                break;
            default:
                fail("unsupported WKB geometry type " + std::to_string(node.type) + " (only 2D geometries)");
        }
        return node;
    }

private:
    [[noreturn]] static void fail(const std::string& what) { throw core::InputError("invalid geometry: " + what); }
    void need(std::size_t n) const {
        if (static_cast<std::size_t>(m_end - m_at) < n) fail("truncated WKB");
    }
    std::uint32_t u32() {
        need(4);
        std::uint32_t v;
        std::memcpy(&v, m_at, 4);
        m_at += 4;
        return m_big ? __builtin_bswap32(v) : v;
    }
    double f64() {
        need(8);
        std::uint64_t bits;
        std::memcpy(&bits, m_at, 8);
        m_at += 8;
        if (m_big) bits = __builtin_bswap64(bits);
        double v;
        std::memcpy(&v, &bits, 8);
        return v;
    }
    Coord coord() {
        const double x = f64();
        return {x, f64()};
    }
    Ring coords() {
        const std::uint32_t n = u32();
        if (n > static_cast<std::size_t>(m_end - m_at) / 16) fail("truncated WKB");
        Ring ring;
        ring.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) ring.push_back(coord());
        return ring;
    }

    const std::uint8_t* m_at;
    const std::uint8_t* m_end;
    bool m_big = false;
};

Node parse(const core::Wkb& wkb) {
    return Parser(wkb.data(), wkb.size()).geometry(0);
}

void appendShortest(std::string& out, double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, ec == std::errc() ? end : buf);
}

void appendFixed(std::string& out, double v, int decimals) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (ec != std::errc()) return appendShortest(out, v);
    // Trailing zeros say nothing: 12.5000000 → 12.5, 13.0000000 → 13.
    const char* last = end;
    if (decimals > 0) {
        while (last > buf && last[-1] == '0') --last;
        if (last > buf && last[-1] == '.') --last;
    }
    std::string_view text(buf, static_cast<std::size_t>(last - buf));
    if (text == "-0") text = "0";
    out.append(text);
}

// [WKT]

constexpr const char* kWktNames[] = {"",           "POINT",           "LINESTRING",   "POLYGON",
                                     "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"};

void wktRing(std::string& out, const Ring& ring) {
    out += '(';
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i > 0) out += ", ";
        appendShortest(out, ring[i].first);
        out += ' ';
        appendShortest(out, ring[i].second);
    }
    out += ')';
}

// The body of a geometry without its type name: "(x y)", "((…), (…))".
void wktBody(std::string& out, const Node& node) {
    switch (node.type) {
        case 1:
        case 2:
            wktRing(out, node.rings[0]);
            return;
        case 3:
            out += '(';
            for (std::size_t r = 0; r < node.rings.size(); ++r) {
                if (r > 0) out += ", ";
                wktRing(out, node.rings[r]);
            }
            out += ')';
            return;
        default:
            break;
    }
    if (node.parts.empty()) {
        out += "EMPTY";
        return;
    }
    out += '(';
    for (std::size_t p = 0; p < node.parts.size(); ++p) {
        if (p > 0) out += ", ";
        if (node.type == 7) {
            out += kWktNames[node.parts[p].type];
            out += ' ';
        }
        wktBody(out, node.parts[p]);
    }
    out += ')';
}

// [GeoJSON]

constexpr const char* kJsonNames[] = {"",           "Point",           "LineString",   "Polygon",
                                      "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"};

double signedArea(const Ring& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        sum += ring[i].first * ring[i + 1].second - ring[i + 1].first * ring[i].second;
    }
    return sum / 2;
}

void jsonPosition(std::string& out, const Coord& c, int decimals) {
    out += '[';
    appendFixed(out, c.first, decimals);
    out += ',';
    appendFixed(out, c.second, decimals);
    out += ']';
}

void jsonRing(std::string& out, const Ring& ring, int decimals, bool reverse) {
    out += '[';
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i > 0) out += ',';
        jsonPosition(out, ring[reverse ? ring.size() - 1 - i : i], decimals);
    }
    out += ']';
}

void jsonCoordinates(std::string& out, const Node& node, int decimals) {
    switch (node.type) {
        case 1:
            jsonPosition(out, node.rings[0][0], decimals);
            return;
        case 2:
            jsonRing(out, node.rings[0], decimals, false);
            return;
        case 3:
            out += '[';
            for (std::size_t r = 0; r < node.rings.size(); ++r) {
                if (r > 0) out += ',';
                // Exterior counterclockwise (positive area), holes clockwise.
                const double area = signedArea(node.rings[r]);
                jsonRing(out, node.rings[r], decimals, r == 0 ? area < 0 : area > 0);
            }
            out += ']';
            return;
        default:
            break;
    }
    out += '[';
    for (std::size_t p = 0; p < node.parts.size(); ++p) {
        if (p > 0) out += ',';
        jsonCoordinates(out, node.parts[p], decimals);
    }
    out += ']';
}

void jsonGeometry(std::string& out, const Node& node, int decimals) {
    out += "{\"type\":\"";
    out += kJsonNames[node.type];
    if (node.type == 7) {
        out += "\",\"geometries\":[";
        for (std::size_t p = 0; p < node.parts.size(); ++p) {
            if (p > 0) out += ',';
            jsonGeometry(out, node.parts[p], decimals);
        }
        out += "]}";
        return;
    }
    out += "\",\"coordinates\":";
    jsonCoordinates(out, node, decimals);
    out += '}';
}

}  // namespace

std::string toWkt(const core::Wkb& wkb) {
    if (wkb.empty()) return {};
    const Node node = parse(wkb);
    std::string out = kWktNames[node.type];
    out += ' ';
    wktBody(out, node);
    return out;
}

void appendGeoJson(std::string& out, const core::Wkb& wkb, int decimals) {
    if (wkb.empty()) {
        out += "null";
        return;
    }
    jsonGeometry(out, parse(wkb), decimals);
}

}  // namespace lb::geo
