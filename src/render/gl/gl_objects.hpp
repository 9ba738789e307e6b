#pragma once

#include <epoxy/gl.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "render/map_view.hpp"

namespace lb::render::gl {

// Move-only owner of one GL object name.
template <void (*Delete)(GLuint)>
class GlName {
public:
    GlName() = default;
    explicit GlName(GLuint name) : m_name(name) {}
    ~GlName() { reset(); }
    GlName(GlName&& other) noexcept : m_name(std::exchange(other.m_name, 0)) {}
    GlName& operator=(GlName&& other) noexcept {
        if (this != &other) {
            reset();
            m_name = std::exchange(other.m_name, 0);
        }
        return *this;
    }
    GlName(const GlName&) = delete;
    GlName& operator=(const GlName&) = delete;

    GLuint get() const { return m_name; }
    explicit operator bool() const { return m_name != 0; }
    void reset() {
        if (m_name) Delete(m_name);
        m_name = 0;
    }

private:
    GLuint m_name = 0;
};

namespace detail {
inline void deleteBuffer(GLuint n) {
    glDeleteBuffers(1, &n);
}
inline void deleteVertexArray(GLuint n) {
    glDeleteVertexArrays(1, &n);
}
inline void deleteTexture(GLuint n) {
    glDeleteTextures(1, &n);
}
inline void deleteFramebuffer(GLuint n) {
    glDeleteFramebuffers(1, &n);
}
inline void deleteRenderbuffer(GLuint n) {
    glDeleteRenderbuffers(1, &n);
}
inline void deleteProgram(GLuint n) {
    glDeleteProgram(n);
}
std::string_view shaderSource(std::string_view name);  // generated from shaders/
}  // namespace detail

using Buffer = GlName<detail::deleteBuffer>;
using VertexArray = GlName<detail::deleteVertexArray>;
using Texture = GlName<detail::deleteTexture>;
using Framebuffer = GlName<detail::deleteFramebuffer>;
using Renderbuffer = GlName<detail::deleteRenderbuffer>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();

// A linked program from shaders/<name>.vert.glsl and <name>.frag.glsl with the shared prelude; `defines`
// (e.g. "#define SYMBOL_SHAPE 2\n") go before the prelude of both stages. Throws core::ProcessingError
// with the compiler's log on failure.
class Program {
public:
    Program() = default;
    explicit Program(std::string_view name, std::string_view defines = {});
    GLuint get() const { return m_program.get(); }
    GLint uniform(const char* name) const { return glGetUniformLocation(m_program.get(), name); }
    void use() const { glUseProgram(m_program.get()); }

private:
    GlName<detail::deleteProgram> m_program;
};

// Makes `program` current and sets the prelude's view uniforms (shaders/prelude.glsl) for drawing map
// coordinates stored relative to `origin`.
void useWithView(const Program& program, const MapView& view, std::array<double, 2> origin);

}  // namespace lb::render::gl
