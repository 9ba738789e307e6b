#include "render/gl/offscreen_context.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstring>
#include <vector>

#include "core/error.hpp"

namespace lb::render::gl {
namespace {

std::string eglErrorText() {
    switch (eglGetError()) {
        case EGL_SUCCESS:
            return "no error";
        case EGL_NOT_INITIALIZED:
            return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ALLOC:
            return "EGL_BAD_ALLOC";
        case EGL_BAD_CONFIG:
            return "EGL_BAD_CONFIG";
        case EGL_BAD_MATCH:
            return "EGL_BAD_MATCH";
        case EGL_BAD_DISPLAY:
            return "EGL_BAD_DISPLAY";
        case EGL_BAD_ATTRIBUTE:
            return "EGL_BAD_ATTRIBUTE";
        default:
            return "EGL error";
    }
}

bool hasExtension(const char* list, const char* name) {
    if (!list) return false;
    const std::size_t n = std::strlen(name);
    for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
    }
    return false;
}

}  // namespace

struct OffscreenContext::Impl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    EGLSurface surface = EGL_NO_SURFACE;
};

OffscreenContext::OffscreenContext() : m_impl(std::make_unique<Impl>()) {
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (hasExtension(clientExtensions, "EGL_MESA_platform_surfaceless")) {
        m_impl->display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    }
    if (m_impl->display == EGL_NO_DISPLAY) m_impl->display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (m_impl->display == EGL_NO_DISPLAY) {
        throw core::ProcessingError("OpenGL: no EGL display available (" + eglErrorText() + ")");
    }
    EGLint major = 0, minor = 0;
    if (!eglInitialize(m_impl->display, &major, &minor)) {
        throw core::ProcessingError("OpenGL: cannot initialise EGL (" + eglErrorText() + ")");
    }
    const bool surfaceless =
        hasExtension(eglQueryString(m_impl->display, EGL_EXTENSIONS), "EGL_KHR_surfaceless_context");
    const EGLint configAttributes[] = {EGL_SURFACE_TYPE,
                                       surfaceless ? 0 : EGL_PBUFFER_BIT,
                                       EGL_RENDERABLE_TYPE,
                                       EGL_OPENGL_BIT,
                                       EGL_RED_SIZE,
                                       8,
                                       EGL_GREEN_SIZE,
                                       8,
                                       EGL_BLUE_SIZE,
                                       8,
                                       EGL_ALPHA_SIZE,
                                       8,
                                       EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configCount = 0;
    if (!eglChooseConfig(m_impl->display, configAttributes, &config, 1, &configCount) || configCount == 0) {
        eglTerminate(m_impl->display);
        throw core::ProcessingError("OpenGL: no suitable EGL configuration (" + eglErrorText() + ")");
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        eglTerminate(m_impl->display);
        throw core::ProcessingError("OpenGL: EGL cannot bind the desktop OpenGL API");
    }
    const EGLint contextAttributes[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    m_impl->context = eglCreateContext(m_impl->display, config, EGL_NO_CONTEXT, contextAttributes);
    if (m_impl->context == EGL_NO_CONTEXT) {
        eglTerminate(m_impl->display);
        throw core::ProcessingError("OpenGL: cannot create a 3.3 core context (" + eglErrorText() + ")");
    }
    if (!surfaceless) {
        const EGLint pbufferAttributes[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
        m_impl->surface = eglCreatePbufferSurface(m_impl->display, config, pbufferAttributes);
    }
    makeCurrent();
}

OffscreenContext::~OffscreenContext() {
    eglMakeCurrent(m_impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (m_impl->surface != EGL_NO_SURFACE) eglDestroySurface(m_impl->display, m_impl->surface);
    eglDestroyContext(m_impl->display, m_impl->context);
    eglTerminate(m_impl->display);
}

void OffscreenContext::makeCurrent() {
    if (!eglMakeCurrent(m_impl->display, m_impl->surface, m_impl->surface, m_impl->context)) {
        throw core::ProcessingError("OpenGL: cannot make the offscreen context current (" + eglErrorText() + ")");
    }
}

std::string OffscreenContext::renderer() const {
    return currentRenderer();
}

std::string currentRenderer() {
    const auto* text = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return text ? text : "";
}

std::string currentVersion() {
    const auto* text = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return text ? text : "";
}

}  // namespace lb::render::gl
