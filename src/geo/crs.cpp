#include "geo/crs.hpp"

#include <proj.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "core/error.hpp"

namespace lb::geo {
namespace {

struct ContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
struct PjDeleter {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

ContextPtr makeContext() {
    ContextPtr ctx(proj_context_create());
    if (!ctx) throw core::ProcessingError("PROJ: cannot create a context");
    proj_log_level(ctx.get(), PJ_LOG_NONE);  // errors are reported through exceptions, not stderr
    return ctx;
}

std::string lastError(PJ_CONTEXT* ctx) {
    const int code = proj_context_errno(ctx);
    const char* text = proj_context_errno_string(ctx, code);
    return text ? text : "unknown PROJ error";
}

}  // namespace

std::string parseCrs(std::string_view text) {
    std::string digits;
    std::string_view rest = text;
    if (rest.size() > 5 && (rest.substr(0, 5) == "EPSG:" || rest.substr(0, 5) == "epsg:")) rest.remove_prefix(5);
    for (char c : rest) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            throw core::InputError("invalid CRS '" + std::string(text) + "'", "write it as EPSG:25833");
        }
        digits.push_back(c);
    }
    if (digits.empty() || digits.size() > 6) {
        throw core::InputError("invalid CRS '" + std::string(text) + "'", "write it as EPSG:25833");
    }
    const std::string code = "EPSG:" + std::to_string(std::stoi(digits));
    auto ctx = makeContext();
    PjPtr crs(proj_create(ctx.get(), code.c_str()));
    if (!crs) throw core::InputError("unknown CRS '" + std::string(text) + "' (" + lastError(ctx.get()) + ")");
    return code;
}

int epsgCode(const std::string& crs) {
    int code = 0;
    const char* end = crs.data() + crs.size();
    const auto [ptr, ec] = crs.rfind("EPSG:", 0) == 0 ? std::from_chars(crs.data() + 5, end, code)
                                                      : std::from_chars_result{crs.data(), std::errc::invalid_argument};
    if (ec != std::errc() || ptr != end || code <= 0) {
        throw core::InputError("not an EPSG code: '" + crs + "'", "write it as EPSG:25833");
    }
    return code;
}

bool isProjectedMetric(const std::string& crs) {
    auto ctx = makeContext();
    PjPtr pj(proj_create(ctx.get(), crs.c_str()));
    if (!pj) return false;
    if (proj_get_type(pj.get()) != PJ_TYPE_PROJECTED_CRS) return false;
    PjPtr cs(proj_crs_get_coordinate_system(ctx.get(), pj.get()));
    if (!cs) return false;
    double factor = 0;
    if (!proj_cs_get_axis_info(ctx.get(), cs.get(), 0, nullptr, nullptr, nullptr, &factor, nullptr, nullptr, nullptr)) {
        return false;
    }
    return std::abs(factor - 1.0) < 1e-12;
}

struct CrsTransform::Impl {
    ContextPtr ctx;
    PjPtr pj;
};

CrsTransform::CrsTransform(const std::string& sourceCrs, const std::string& targetCrs)
    : m_impl(std::make_unique<Impl>()), m_source(sourceCrs), m_target(targetCrs) {
    m_identity = sourceCrs == targetCrs;
    if (m_identity) return;
    m_impl->ctx = makeContext();
    PjPtr raw(proj_create_crs_to_crs(m_impl->ctx.get(), sourceCrs.c_str(), targetCrs.c_str(), nullptr));
    if (!raw) {
        throw core::InputError("no transformation from " + sourceCrs + " to " + targetCrs + " (" +
                               lastError(m_impl->ctx.get()) + ")");
    }
    m_impl->pj.reset(proj_normalize_for_visualization(m_impl->ctx.get(), raw.get()));
    if (!m_impl->pj) throw core::ProcessingError("PROJ: cannot normalise the axis order of " + sourceCrs);
}

CrsTransform::~CrsTransform() = default;

void CrsTransform::transform(double* x, double* y, std::size_t n, std::size_t strideDoubles) const {
    if (m_identity || n == 0) return;
    const std::size_t stride = strideDoubles * sizeof(double);
    proj_errno_reset(m_impl->pj.get());
    proj_trans_generic(m_impl->pj.get(), PJ_FWD, x, stride, n, y, stride, n, nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const double xi = x[i * strideDoubles];
        const double yi = y[i * strideDoubles];
        if (!std::isfinite(xi) || !std::isfinite(yi)) {
            throw core::InputError("coordinate cannot be transformed from " + m_source + " to " + m_target +
                                   " (outside the area of use?)");
        }
    }
}

}  // namespace lb::geo
