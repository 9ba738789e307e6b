#pragma once

#include <memory>
#include <string>

namespace lb::render::gl {

// An OpenGL 3.3+ core context without any window or display, through EGL (Mesa's surfaceless platform,
// falling back to the default display with a pbuffer). Current on the creating thread. Used by
// `lagebild render`, `bench-render` and the tests; the GUI gets its context from GLFW instead.
class OffscreenContext {
public:
    // Throws core::ProcessingError with EGL's reason when no context can be made.
    OffscreenContext();
    ~OffscreenContext();
    OffscreenContext(const OffscreenContext&) = delete;
    OffscreenContext& operator=(const OffscreenContext&) = delete;

    void makeCurrent();
    std::string renderer() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// GL_RENDERER / GL_VERSION of the current context.
std::string currentRenderer();
std::string currentVersion();

}  // namespace lb::render::gl
