#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace lb::geo {

// The one reader of 2D ISO WKB: the engine's geometry columns, the scene loader and geo/wkb's queries all
// walk blobs with it. It reports the structure to a handler instead of building anything, so each caller
// fills its own layout directly:
//   handler.point(x, y)                       a Point
//   handler.beginLine(n), then n × coord      a LineString
//   handler.beginPolygon(rings), then per ring beginRing(index, n) and n × coord
//   handler.coord(x, y)
// Multi* and GeometryCollection members are walked in order (nesting up to 8 deep). Each geometry may be
// little- or big-endian (SpatiaLite and GDAL give little-endian; the byte order is read per geometry, as
// WKB allows). Throws core::InputError("invalid geometry: …") for a truncated blob, a bad byte order marker,
// a type other than 1–7 (Z/M types included) or too deep nesting. Returns the number of bytes read.
template <class Handler>
std::size_t readWkb(const std::uint8_t* data, std::size_t size, Handler& handler) {
    struct Reader {
        const std::uint8_t* begin;
        const std::uint8_t* at;
        const std::uint8_t* end;
        Handler& handler;

        [[noreturn]] static void fail(const std::string& what) { throw core::InputError("invalid geometry: " + what); }
        void need(std::size_t n) const {
            if (static_cast<std::size_t>(end - at) < n) fail("truncated WKB");
        }
        std::uint32_t u32(bool big) {
            need(4);
            std::uint32_t v;
            std::memcpy(&v, at, 4);
            at += 4;
            return big ? __builtin_bswap32(v) : v;
        }
        double f64(bool big) {
            std::uint64_t bits;
            std::memcpy(&bits, at, 8);
            at += 8;
            if (big) bits = __builtin_bswap64(bits);
            double v;
            std::memcpy(&v, &bits, 8);
            return v;
        }
        void coords(std::uint32_t n, bool big) {
            if (n > static_cast<std::size_t>(end - at) / 16) fail("truncated WKB");
            for (std::uint32_t i = 0; i < n; ++i) {
                const double x = f64(big);
                const double y = f64(big);
                handler.coord(x, y);
            }
        }
        void geometry(int depth) {
            if (depth > 8) fail("geometry nested too deeply");
            need(1);
            const std::uint8_t order = *at++;
            if (order > 1) fail("bad byte order marker");
            const bool big = order == 0;
            const std::uint32_t type = u32(big);
            switch (type) {
                case 1: {
                    need(16);
                    const double x = f64(big);
                    const double y = f64(big);
                    handler.point(x, y);
                    break;
                }
                case 2: {
                    const std::uint32_t n = u32(big);
                    handler.beginLine(n);
                    coords(n, big);
                    break;
                }
                case 3: {
                    const std::uint32_t rings = u32(big);
                    handler.beginPolygon(rings);
                    for (std::uint32_t r = 0; r < rings; ++r) {
                        const std::uint32_t n = u32(big);
                        handler.beginRing(r, n);
                        coords(n, big);
                    }
                    break;
                }
                case 4:
                case 5:
                case 6:
                case 7:
                    for (std::uint32_t parts = u32(big); parts > 0; --parts) geometry(depth + 1);
                    break;
                default:
                    fail("unsupported WKB geometry type " + std::to_string(type) + " (only 2D geometries)");
            }
        }
    };
    Reader reader{data, data, data + size, handler};
    reader.geometry(0);
    return static_cast<std::size_t>(reader.at - reader.begin);
}

}  // namespace lb::geo
