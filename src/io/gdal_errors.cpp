#include "io/gdal_errors.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace lb::io {
namespace {

void CPL_STDCALL handler(CPLErr errorClass, CPLErrorNum, const char* message) {
    auto* scope = static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData());
    if (scope) scope->record(static_cast<int>(errorClass), message);
}

}  // namespace

void ensureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Nothing from GDAL reaches stderr unless a scope is active; then it is captured.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        CPLSetConfigOption("CPL_LOG", "/dev/null");
        GDALAllRegister();
    });
}

GdalErrorScope::GdalErrorScope() {
    ensureGdal();
    CPLPushErrorHandlerEx(handler, this);
}

GdalErrorScope::~GdalErrorScope() {
    CPLPopErrorHandler();
}

void GdalErrorScope::record(int errorClass, const char* message) {
    const std::string text = message ? message : "unknown GDAL error";
    if (errorClass >= CE_Failure) {
        m_failures.push_back(text);
    } else if (errorClass == CE_Warning) {
        m_warnings.push_back(text);
    }
}

std::string GdalErrorScope::failureText() const {
    std::string out;
    for (const auto& f : m_failures) {
        if (!out.empty()) out += "; ";
        out += f;
    }
    return out;
}

void GdalErrorScope::clear() {
    m_failures.clear();
    m_warnings.clear();
}

}  // namespace lb::io
