#pragma once

#include <cstdint>
#include <optional>

#include "core/bbox.hpp"
#include "core/value.hpp"

namespace lb::store {

// SpatiaLite's internal geometry BLOB (little-endian, uncompressed), encoded directly from WKB so bulk
// imports do not parse every geometry twice. Equivalent to GeomFromWKB(wkb, srid) (tested).
std::vector<std::uint8_t> wkbToSpatialite(const core::Wkb& wkb, int srid);
// Back to little-endian ISO WKB; throws core::InputError for blobs we do not understand.
core::Wkb spatialiteToWkb(const std::uint8_t* blob, std::size_t size);

// The header fields of a SpatiaLite BLOB, or nothing if the bytes are not one.
struct SpatialiteHeader {
    int srid = 0;
    core::BBox mbr;
    std::int32_t classType = 0;  // 1..7, +1000 Z, +2000 M, +3000 ZM, +1000000 compressed
};
std::optional<SpatialiteHeader> readSpatialiteHeader(const std::uint8_t* blob, std::size_t size);

}  // namespace lb::store
