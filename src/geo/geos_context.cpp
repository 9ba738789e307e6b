#include "geo/geos_context.hpp"

#include <geos_c.h>

#include "core/error.hpp"

namespace lb::geo {
namespace {

void messageHandler(const char* message, void* userdata) {
    *static_cast<std::string*>(userdata) = message ? message : "";
}

// WKB (little endian, 2D) of a GEOS geometry.
core::Wkb writeWkb(GEOSContextHandle_t handle, GEOSWKBWriter* writer, const GEOSGeometry* g,
                   const std::string& lastError) {
    std::size_t size = 0;
    unsigned char* data = GEOSWKBWriter_write_r(handle, writer, g, &size);
    if (!data) throw core::ProcessingError("GEOS: cannot write WKB: " + lastError);
    core::Wkb out(data, data + size);
    GEOSFree_r(handle, data);
    return out;
}

}  // namespace

struct GeosContext::Impl {
    GEOSContextHandle_t handle = nullptr;
    GEOSWKBReader* reader = nullptr;
    GEOSWKBWriter* writer = nullptr;
    std::string lastError;

    struct GeomDeleter {
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
    };
    using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

    GeomPtr read(const core::Wkb& wkb) {
        GEOSGeometry* g = GEOSWKBReader_read_r(handle, reader, wkb.data(), wkb.size());
        if (!g) throw core::InputError("invalid geometry: " + lastError);
        return GeomPtr(g, GeomDeleter{handle});
    }
    GeomPtr own(GEOSGeometry* g, const char* operation) {
        if (!g) throw core::ProcessingError(std::string("GEOS ") + operation + " failed: " + lastError);
        return GeomPtr(g, GeomDeleter{handle});
    }
    core::Wkb write(const GEOSGeometry* g) { return writeWkb(handle, writer, g, lastError); }
};

GeosContext::GeosContext() : m_impl(std::make_unique<Impl>()) {
    m_impl->handle = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(m_impl->handle, messageHandler, &m_impl->lastError);
    GEOSContext_setNoticeMessageHandler_r(m_impl->handle, messageHandler, &m_impl->lastError);
    m_impl->reader = GEOSWKBReader_create_r(m_impl->handle);
    m_impl->writer = GEOSWKBWriter_create_r(m_impl->handle);
    GEOSWKBWriter_setByteOrder_r(m_impl->handle, m_impl->writer, GEOS_WKB_NDR);
    GEOSWKBWriter_setOutputDimension_r(m_impl->handle, m_impl->writer, 2);
}

GeosContext::~GeosContext() {
    GEOSWKBReader_destroy_r(m_impl->handle, m_impl->reader);
    GEOSWKBWriter_destroy_r(m_impl->handle, m_impl->writer);
    GEOS_finish_r(m_impl->handle);
}

std::string GeosContext::invalidReason(const core::Wkb& wkb) {
    auto g = m_impl->read(wkb);
    const char valid = GEOSisValid_r(m_impl->handle, g.get());
    if (valid == 1) return {};
    char* reason = GEOSisValidReason_r(m_impl->handle, g.get());
    std::string out = reason ? reason : "invalid geometry";
    GEOSFree_r(m_impl->handle, reason);
    return out;
}

bool GeosContext::isSimple(const core::Wkb& wkb) {
    auto g = m_impl->read(wkb);
    return GEOSisSimple_r(m_impl->handle, g.get()) == 1;
}

core::Wkb GeosContext::makeValid(const core::Wkb& wkb) {
    auto g = m_impl->read(wkb);
    auto valid = m_impl->own(GEOSMakeValid_r(m_impl->handle, g.get()), "MakeValid");
    return m_impl->write(valid.get());
}

Coord GeosContext::pointOnSurface(const core::Wkb& wkb) {
    auto g = m_impl->read(wkb);
    auto p = m_impl->own(GEOSPointOnSurface_r(m_impl->handle, g.get()), "PointOnSurface");
    double x = 0, y = 0;
    if (!GEOSGeomGetX_r(m_impl->handle, p.get(), &x) || !GEOSGeomGetY_r(m_impl->handle, p.get(), &y)) {
        throw core::InputError("invalid geometry: empty geometry has no point on its surface");
    }
    return {x, y};
}

double GeosContext::area(const core::Wkb& wkb) {
    auto g = m_impl->read(wkb);
    double a = 0;
    GEOSArea_r(m_impl->handle, g.get(), &a);
    return a;
}

bool GeosContext::triangulatePolygon(const double* xy, const std::uint32_t* ringStarts, std::size_t ringCount,
                                     std::vector<double>& triangles) {
    GEOSContextHandle_t h = m_impl->handle;
    if (ringCount == 0) return false;
    std::vector<GEOSGeometry*> rings;
    rings.reserve(ringCount);
    auto destroyRings = [&] {
        for (auto* ring : rings) GEOSGeom_destroy_r(h, ring);
    };
    for (std::size_t r = 0; r < ringCount; ++r) {
        const std::uint32_t begin = ringStarts[r];
        const std::uint32_t end = ringStarts[r + 1];
        if (end - begin < 4) {
            if (r == 0) {
                destroyRings();
                return false;
            }
            continue;  // a degenerate hole is left out
        }
        GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy + 2 * begin, end - begin, 0, 0);
        GEOSGeometry* ring = seq ? GEOSGeom_createLinearRing_r(h, seq) : nullptr;
        if (!ring) {
            destroyRings();
            return false;
        }
        rings.push_back(ring);
    }
    GEOSGeometry* polygon = GEOSGeom_createPolygon_r(h, rings[0], rings.size() > 1 ? rings.data() + 1 : nullptr,
                                                     static_cast<unsigned>(rings.size() - 1));
    if (!polygon) {
        destroyRings();
        return false;
    }
    Impl::GeomPtr owned(polygon, Impl::GeomDeleter{h});
    GEOSGeometry* result = GEOSConstrainedDelaunayTriangulation_r(h, polygon);
    if (!result) {
        // An invalid polygon (self-touching ring, crossing hole): triangulate its repaired form.
        GEOSGeometry* valid = GEOSMakeValid_r(h, polygon);
        if (!valid) return false;
        Impl::GeomPtr ownedValid(valid, Impl::GeomDeleter{h});
        result = GEOSConstrainedDelaunayTriangulation_r(h, valid);
        if (!result) return false;
    }
    Impl::GeomPtr ownedResult(result, Impl::GeomDeleter{h});
    const int count = GEOSGetNumGeometries_r(h, result);
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* triangle = GEOSGetGeometryN_r(h, result, i);
        const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, triangle);
        const GEOSCoordSequence* seq = shell ? GEOSGeom_getCoordSeq_r(h, shell) : nullptr;
        if (!seq) continue;
        for (unsigned v = 0; v < 3; ++v) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, v, &x, &y);
            triangles.push_back(x);
            triangles.push_back(y);
        }
    }
    return true;
}

// [clip]

struct ClipArea::Impl {
    GEOSContextHandle_t handle = nullptr;
    GEOSWKBReader* reader = nullptr;
    GEOSWKBWriter* writer = nullptr;
    GEOSGeometry* area = nullptr;
    const GEOSPreparedGeometry* prepared = nullptr;
    std::string lastError;

    GEOSGeometry* read(const core::Wkb& wkb) {
        GEOSGeometry* g = GEOSWKBReader_read_r(handle, reader, wkb.data(), wkb.size());
        if (!g) throw core::InputError("invalid geometry: " + lastError);
        return g;
    }
    core::Wkb write(const GEOSGeometry* g) { return writeWkb(handle, writer, g, lastError); }
    // Collects the simple parts of `g` of the given dimension (0 points, 1 lines, 2 polygons).
    void collect(const GEOSGeometry* g, int dimension, std::vector<const GEOSGeometry*>& parts) {
        const int type = GEOSGeomTypeId_r(handle, g);
        if (type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON ||
            type == GEOS_GEOMETRYCOLLECTION) {
            const int n = GEOSGetNumGeometries_r(handle, g);
            for (int i = 0; i < n; ++i) collect(GEOSGetGeometryN_r(handle, g, i), dimension, parts);
            return;
        }
        if (GEOSisEmpty_r(handle, g) == 1) return;
        const int d = type == GEOS_POINT ? 0 : type == GEOS_POLYGON ? 2 : 1;
        if (d == dimension) parts.push_back(g);
    }
};

ClipArea::ClipArea(const core::Wkb& area) : m_impl(std::make_unique<Impl>()) {
    Impl& im = *m_impl;
    im.handle = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(im.handle, messageHandler, &im.lastError);
    GEOSContext_setNoticeMessageHandler_r(im.handle, messageHandler, &im.lastError);
    im.reader = GEOSWKBReader_create_r(im.handle);
    im.writer = GEOSWKBWriter_create_r(im.handle);
    GEOSWKBWriter_setByteOrder_r(im.handle, im.writer, GEOS_WKB_NDR);
    GEOSWKBWriter_setOutputDimension_r(im.handle, im.writer, 2);
    im.area = im.read(area);
    const int type = GEOSGeomTypeId_r(im.handle, im.area);
    if ((type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) || GEOSisEmpty_r(im.handle, im.area) == 1) {
        throw core::InputError("the clip area is not a polygon");
    }
    if (GEOSisValid_r(im.handle, im.area) != 1) {
        GEOSGeometry* valid = GEOSMakeValid_r(im.handle, im.area);
        if (!valid) throw core::InputError("the clip area is not a valid polygon: " + im.lastError);
        GEOSGeom_destroy_r(im.handle, im.area);
        im.area = valid;
    }
    im.prepared = GEOSPrepare_r(im.handle, im.area);
    m_bounds = wkbEnvelope(area);
}

ClipArea::~ClipArea() {
    Impl& im = *m_impl;
    if (im.prepared) GEOSPreparedGeom_destroy_r(im.handle, im.prepared);
    if (im.area) GEOSGeom_destroy_r(im.handle, im.area);
    GEOSWKBReader_destroy_r(im.handle, im.reader);
    GEOSWKBWriter_destroy_r(im.handle, im.writer);
    GEOS_finish_r(im.handle);
}

double ClipArea::area() const {
    double a = 0;
    GEOSArea_r(m_impl->handle, m_impl->area, &a);
    return a;
}

std::vector<core::Wkb> ClipArea::clip(const core::Wkb& geometry) {
    Impl& im = *m_impl;
    const core::BBox box = wkbEnvelope(geometry);
    if (box.empty() || box.minX > m_bounds.maxX || box.maxX < m_bounds.minX || box.minY > m_bounds.maxY ||
        box.maxY < m_bounds.minY) {
        return {};
    }
    GEOSGeometry* g = im.read(geometry);
    struct Guard {
        GEOSContextHandle_t h;
        GEOSGeometry* g;
        ~Guard() {
            if (g) GEOSGeom_destroy_r(h, g);
        }
    } guard{im.handle, g};
    if (GEOSPreparedContainsProperly_r(im.handle, im.prepared, g) == 1) return {geometry};
    if (GEOSPreparedIntersects_r(im.handle, im.prepared, g) != 1) return {};
    const int type = GEOSGeomTypeId_r(im.handle, g);
    const int dimension = type == GEOS_POINT || type == GEOS_MULTIPOINT       ? 0
                          : type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON ? 2
                                                                              : 1;
    if (dimension == 0) {
        // A point on the edge belongs to the area.
        return GEOSPreparedCovers_r(im.handle, im.prepared, g) == 1 ? std::vector<core::Wkb>{geometry}
                                                                    : std::vector<core::Wkb>{};
    }
    GEOSGeometry* cut = GEOSIntersection_r(im.handle, im.area, g);
    if (!cut) throw core::ProcessingError("GEOS intersection failed: " + im.lastError);
    Guard cutGuard{im.handle, cut};
    std::vector<const GEOSGeometry*> parts;
    im.collect(cut, dimension, parts);
    std::vector<core::Wkb> out;
    if (dimension == 1) {
        // Pieces of a line that meet again (the cut splits at every vertex GEOS noded) are merged first.
        if (parts.size() > 1) {
            std::vector<GEOSGeometry*> clones;
            for (const auto* part : parts) clones.push_back(GEOSGeom_clone_r(im.handle, part));
            GEOSGeometry* multi = GEOSGeom_createCollection_r(im.handle, GEOS_MULTILINESTRING, clones.data(),
                                                              static_cast<unsigned>(clones.size()));
            Guard multiGuard{im.handle, multi};
            GEOSGeometry* merged = GEOSLineMerge_r(im.handle, multi);
            if (merged) {
                Guard mergedGuard{im.handle, merged};
                std::vector<const GEOSGeometry*> lines;
                im.collect(merged, 1, lines);
                for (const auto* line : lines) out.push_back(im.write(line));
                return out;
            }
        }
        for (const auto* part : parts) out.push_back(im.write(part));
        return out;
    }
    if (parts.empty()) return {};
    if (parts.size() == 1) return {im.write(parts.front())};
    std::vector<GEOSGeometry*> clones;
    for (const auto* part : parts) clones.push_back(GEOSGeom_clone_r(im.handle, part));
    GEOSGeometry* multi =
        GEOSGeom_createCollection_r(im.handle, GEOS_MULTIPOLYGON, clones.data(), static_cast<unsigned>(clones.size()));
    Guard multiGuard{im.handle, multi};
    return {im.write(multi)};
}

}  // namespace lb::geo
