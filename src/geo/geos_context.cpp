#include "geo/geos_context.hpp"

#include <geos_c.h>

#include "core/error.hpp"

namespace lb::geo {
namespace {

void messageHandler(const char* message, void* userdata) {
    *static_cast<std::string*>(userdata) = message ? message : "";
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
    core::Wkb write(const GEOSGeometry* g) {
        std::size_t size = 0;
        unsigned char* data = GEOSWKBWriter_write_r(handle, writer, g, &size);
        if (!data) throw core::ProcessingError("GEOS: cannot write WKB: " + lastError);
        core::Wkb out(data, data + size);
        GEOSFree_r(handle, data);
        return out;
    }
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

}  // namespace lb::geo
