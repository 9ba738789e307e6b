#include "store/spatialite_blob.hpp"

#include <cstring>
#include <string>

#include "core/error.hpp"
#include "geo/wkb.hpp"

namespace lb::store {
namespace {

constexpr std::uint8_t kStart = 0x00;
constexpr std::uint8_t kLittleEndian = 0x01;
constexpr std::uint8_t kMbrEnd = 0x7C;
constexpr std::uint8_t kEntity = 0x69;
constexpr std::uint8_t kEnd = 0xFE;
constexpr std::size_t kHeaderSize = 43;  // start, endian, srid, 4 doubles, mbr end, class type

template <typename T>
T load(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <typename T>
void append(std::vector<std::uint8_t>& out, T v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof v);
}

// Copies the body of a point (1), line string (2) or polygon (3), which WKB and SpatiaLite lay out alike,
// through copy(pos, n); count(pos) reads the 32-bit count at pos. False for any other type.
template <typename Count, typename Copy>
bool copySimpleBody(std::uint32_t type, std::size_t& pos, Count count, Copy copy) {
    switch (type) {
        case 1:
            copy(pos, 16);
            return true;
        case 2:
            copy(pos, 4 + 16 * static_cast<std::size_t>(count(pos)));
            return true;
        case 3: {
            const std::uint32_t rings = count(pos);
            copy(pos, 4);
            for (std::uint32_t r = 0; r < rings; ++r) copy(pos, 4 + 16 * static_cast<std::size_t>(count(pos)));
            return true;
        }
        default:
            return false;
    }
}

// Copies the body of a (little-endian, validated) WKB geometry, starting after its 5-byte header,
// turning nested geometry headers into SpatiaLite entity markers.
class BodyCopier {
public:
    BodyCopier(const core::Wkb& wkb, std::vector<std::uint8_t>& out) : m_in(wkb), m_out(out) {}

    void body(std::uint32_t type, std::size_t& pos) {
        if (copySimpleBody(
                type, pos, [this](std::size_t p) { return count(p); },
                [this](std::size_t& p, std::size_t n) { copy(p, n); })) {
            return;
        }
        const std::uint32_t parts = count(pos);
        copy(pos, 4);
        for (std::uint32_t i = 0; i < parts; ++i) {
            const std::uint32_t partType = load<std::uint32_t>(m_in.data() + pos + 1);
            if (partType < 1 || partType > 3) {
                throw core::InputError("invalid geometry: nested collections are not supported");
            }
            m_out.push_back(kEntity);
            append(m_out, partType);
            pos += 5;
            body(partType, pos);
        }
    }

private:
    std::uint32_t count(std::size_t pos) const { return load<std::uint32_t>(m_in.data() + pos); }
    void copy(std::size_t& pos, std::size_t n) {
        m_out.insert(m_out.end(), m_in.begin() + pos, m_in.begin() + pos + n);
        pos += n;
    }
    const core::Wkb& m_in;
    std::vector<std::uint8_t>& m_out;
};

class BodyReader {
public:
    BodyReader(const std::uint8_t* blob, std::size_t size, core::Wkb& out) : m_blob(blob), m_size(size), m_out(out) {}

    void geometry(std::uint32_t type, std::size_t& pos) {
        m_out.push_back(1);
        append(m_out, type);
        if (copySimpleBody(
                type, pos, [this](std::size_t p) { return count(p); },
                [this](std::size_t& p, std::size_t n) { copy(p, n); })) {
            return;
        }
        switch (type) {
            case 4:
            case 5:
            case 6:
            case 7: {
                const std::uint32_t parts = count(pos);
                copy(pos, 4);
                for (std::uint32_t i = 0; i < parts; ++i) {
                    need(pos, 5);
                    if (m_blob[pos] != kEntity) fail();
                    const std::uint32_t partType = load<std::uint32_t>(m_blob + pos + 1);
                    if (partType < 1 || partType > 3) fail();
                    pos += 5;
                    geometry(partType, pos);
                }
                break;
            }
            default:
                fail();
        }
    }

private:
    [[noreturn]] static void fail() {
        throw core::InputError("invalid geometry: not an uncompressed 2D SpatiaLite geometry BLOB");
    }
    void need(std::size_t pos, std::size_t n) const {
        if (pos + n > m_size) fail();
    }
    std::uint32_t count(std::size_t pos) const {
        need(pos, 4);
        return load<std::uint32_t>(m_blob + pos);
    }
    void copy(std::size_t& pos, std::size_t n) {
        need(pos, n);
        m_out.insert(m_out.end(), m_blob + pos, m_blob + pos + n);
        pos += n;
    }
    const std::uint8_t* m_blob;
    std::size_t m_size;
    core::Wkb& m_out;
};

}  // namespace

std::vector<std::uint8_t> wkbToSpatialite(const core::Wkb& wkb, int srid) {
    core::Wkb little = wkb;
    geo::normalizeWkb(little);
    const core::BBox box = geo::wkbEnvelope(little);
    const auto type = static_cast<std::uint32_t>(geo::wkbType(little));
    std::vector<std::uint8_t> out;
    out.reserve(little.size() + kHeaderSize + 1);
    out.push_back(kStart);
    out.push_back(kLittleEndian);
    append(out, static_cast<std::int32_t>(srid));
    append(out, box.minX);
    append(out, box.minY);
    append(out, box.maxX);
    append(out, box.maxY);
    out.push_back(kMbrEnd);
    append(out, type);
    std::size_t pos = 5;
    BodyCopier(little, out).body(type, pos);
    out.push_back(kEnd);
    return out;
}

core::Wkb spatialiteToWkb(const std::uint8_t* blob, std::size_t size) {
    const auto header = readSpatialiteHeader(blob, size);
    if (!header || header->classType < 1 || header->classType > 7 || blob[size - 1] != kEnd) {
        throw core::InputError("invalid geometry: not an uncompressed 2D SpatiaLite geometry BLOB");
    }
    core::Wkb out;
    out.reserve(size);
    std::size_t pos = kHeaderSize;
    BodyReader(blob, size - 1, out).geometry(static_cast<std::uint32_t>(header->classType), pos);
    if (pos != size - 1) throw core::InputError("invalid geometry: trailing bytes in SpatiaLite BLOB");
    return out;
}

std::optional<SpatialiteHeader> readSpatialiteHeader(const std::uint8_t* blob, std::size_t size) {
    if (!blob || size < kHeaderSize + 1 || blob[0] != kStart || blob[1] != kLittleEndian || blob[38] != kMbrEnd) {
        return std::nullopt;
    }
    SpatialiteHeader header;
    header.srid = load<std::int32_t>(blob + 2);
    header.mbr.minX = load<double>(blob + 6);
    header.mbr.minY = load<double>(blob + 14);
    header.mbr.maxX = load<double>(blob + 22);
    header.mbr.maxY = load<double>(blob + 30);
    header.classType = load<std::int32_t>(blob + 39);
    return header;
}

}  // namespace lb::store
