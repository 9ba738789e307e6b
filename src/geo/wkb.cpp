#include "geo/wkb.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/wkb_reader.hpp"

namespace lb::geo {
namespace {

static_assert(std::endian::native == std::endian::little, "WKB handling assumes a little-endian host");

// Walks a WKB blob, normalising it to little-endian in place and calling visit(offset) for every
// coordinate pair's byte offset.
class Walker {
public:
    explicit Walker(core::Wkb& wkb) : m_wkb(wkb) {}

    template <typename Visit>
    void geometry(Visit&& visit, int depth = 0) {
        if (depth > 8) fail("geometry nested too deeply");
        const bool bigEndian = byte() == 0;
        m_wkb[m_pos - 1] = 1;
        const std::uint32_t type = uint32(bigEndian);
        switch (type) {
            case 1:
                coords(1, bigEndian, visit);
                break;
            case 2:
                coords(uint32(bigEndian), bigEndian, visit);
                break;
            case 3: {
                const std::uint32_t rings = uint32(bigEndian);
                for (std::uint32_t r = 0; r < rings; ++r) coords(uint32(bigEndian), bigEndian, visit);
                break;
            }
            case 4:
            case 5:
            case 6:
            case 7: {
                const std::uint32_t parts = uint32(bigEndian);
                for (std::uint32_t p = 0; p < parts; ++p) geometry(visit, depth + 1);
                break;
            }
            default:
                fail("unsupported WKB geometry type " + std::to_string(type) + " (only 2D geometries)");
        }
    }
    std::size_t position() const { return m_pos; }

private:
    [[noreturn]] static void fail(const std::string& what) { throw core::InputError("invalid geometry: " + what); }
    void need(std::size_t n) const {
        if (m_pos + n > m_wkb.size()) fail("truncated WKB");
    }
    std::uint8_t byte() {
        need(1);
        const std::uint8_t b = m_wkb[m_pos++];
        if (b > 1) fail("bad byte order marker");
        return b;
    }
    std::uint32_t uint32(bool bigEndian) {
        need(4);
        if (bigEndian) std::reverse(m_wkb.begin() + m_pos, m_wkb.begin() + m_pos + 4);
        std::uint32_t v;
        std::memcpy(&v, m_wkb.data() + m_pos, 4);
        m_pos += 4;
        return v;
    }
    template <typename Visit>
    void coords(std::uint32_t n, bool bigEndian, Visit& visit) {
        if (n > (m_wkb.size() - m_pos) / 16) fail("truncated WKB");
        for (std::uint32_t i = 0; i < n; ++i) {
            if (bigEndian) {
                std::reverse(m_wkb.begin() + m_pos, m_wkb.begin() + m_pos + 8);
                std::reverse(m_wkb.begin() + m_pos + 8, m_wkb.begin() + m_pos + 16);
            }
            visit(m_pos);
            m_pos += 16;
        }
    }

    core::Wkb& m_wkb;
    std::size_t m_pos = 0;
};

Coord readCoord(const core::Wkb& wkb, std::size_t offset) {
    Coord c;
    std::memcpy(&c.first, wkb.data() + offset, 8);
    std::memcpy(&c.second, wkb.data() + offset + 8, 8);
    return c;
}

void putU32(core::Wkb& out, std::uint32_t v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), p, p + 4);
}
void putDouble(core::Wkb& out, double v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), p, p + 8);
}
void putHeader(core::Wkb& out, WkbType type) {
    out.push_back(1);
    putU32(out, static_cast<std::uint32_t>(type));
}
void putRing(core::Wkb& out, const Ring& ring) {
    const bool close = !ring.empty() && ring.front() != ring.back();
    putU32(out, static_cast<std::uint32_t>(ring.size() + (close ? 1 : 0)));
    for (const auto& [x, y] : ring) {
        putDouble(out, x);
        putDouble(out, y);
    }
    if (close) {
        putDouble(out, ring.front().first);
        putDouble(out, ring.front().second);
    }
}
void putPolygonBody(core::Wkb& out, const std::vector<Ring>& rings) {
    putU32(out, static_cast<std::uint32_t>(rings.size()));
    for (const auto& ring : rings) putRing(out, ring);
}

}  // namespace

WkbType wkbType(const core::Wkb& wkb) {
    if (wkb.size() < 5 || wkb[0] > 1) throw core::InputError("invalid geometry: truncated WKB");
    std::uint32_t type;
    std::memcpy(&type, wkb.data() + 1, 4);
    if (wkb[0] == 0) type = __builtin_bswap32(type);
    if (type < 1 || type > 7) throw core::InputError("invalid geometry: unsupported WKB type " + std::to_string(type));
    return static_cast<WkbType>(type);
}

void normalizeWkb(core::Wkb& wkb) {
    Walker walker(wkb);
    bool finite = true;
    walker.geometry([&](std::size_t offset) {
        const Coord c = readCoord(wkb, offset);
        finite = finite && std::isfinite(c.first) && std::isfinite(c.second);
    });
    if (walker.position() != wkb.size()) throw core::InputError("invalid geometry: trailing bytes after WKB");
    if (!finite) throw core::InputError("invalid geometry: a coordinate is not a finite number");
}

std::string wkbProblem(const core::Wkb& wkb) {
    try {
        core::Wkb copy = wkb;
        normalizeWkb(copy);
        return {};
    } catch (const core::Error& e) {
        return e.what();
    }
}

namespace {

// Every coordinate of a blob in order, whatever its structure (geo::readWkb's handler).
template <class Visit>
struct EachCoord {
    Visit visit;
    void point(double x, double y) { visit(x, y); }
    void beginLine(std::uint32_t) {}
    void beginPolygon(std::uint32_t) {}
    void beginRing(std::uint32_t, std::uint32_t) {}
    void coord(double x, double y) { visit(x, y); }
};

}  // namespace

core::BBox wkbEnvelope(const core::Wkb& wkb) {
    core::BBox box;
    EachCoord handler{[&](double x, double y) { box.add(x, y); }};
    readWkb(wkb.data(), wkb.size(), handler);
    return box;
}

std::vector<Coord> wkbCoordinates(const core::Wkb& wkb) {
    std::vector<Coord> out;
    EachCoord handler{[&](double x, double y) { out.emplace_back(x, y); }};
    readWkb(wkb.data(), wkb.size(), handler);
    return out;
}

void transformWkb(core::Wkb& wkb, const CrsTransform& transform) {
    std::vector<std::size_t> offsets;
    Walker(wkb).geometry([&](std::size_t offset) { offsets.push_back(offset); });
    if (transform.isIdentity() || offsets.empty()) return;
    std::vector<double> xy(offsets.size() * 2);
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        std::memcpy(&xy[2 * i], wkb.data() + offsets[i], 16);
    }
    transform.transform(xy.data(), xy.data() + 1, offsets.size(), 2);
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        std::memcpy(wkb.data() + offsets[i], &xy[2 * i], 16);
    }
}

void promoteToMulti(core::Wkb& wkb) {
    if (wkbType(wkb) != WkbType::Polygon) return;
    core::Wkb out;
    out.reserve(wkb.size() + 9);
    putHeader(out, WkbType::MultiPolygon);
    putU32(out, 1);
    out.insert(out.end(), wkb.begin(), wkb.end());
    wkb.swap(out);
    // Normalise the inner polygon to little-endian as well.
    Walker(wkb).geometry([](std::size_t) {});
}

core::Wkb pointWkb(double x, double y) {
    core::Wkb out;
    out.reserve(21);
    putHeader(out, WkbType::Point);
    putDouble(out, x);
    putDouble(out, y);
    return out;
}

core::Wkb lineStringWkb(const std::vector<Coord>& points) {
    core::Wkb out;
    putHeader(out, WkbType::LineString);
    putU32(out, static_cast<std::uint32_t>(points.size()));
    for (const auto& [x, y] : points) {
        putDouble(out, x);
        putDouble(out, y);
    }
    return out;
}

core::Wkb polygonWkb(const std::vector<Ring>& rings) {
    core::Wkb out;
    putHeader(out, WkbType::Polygon);
    putPolygonBody(out, rings);
    return out;
}

core::Wkb multiPolygonWkb(const std::vector<std::vector<Ring>>& polygons) {
    core::Wkb out;
    putHeader(out, WkbType::MultiPolygon);
    putU32(out, static_cast<std::uint32_t>(polygons.size()));
    for (const auto& polygon : polygons) {
        putHeader(out, WkbType::Polygon);
        putPolygonBody(out, polygon);
    }
    return out;
}

}  // namespace lb::geo
