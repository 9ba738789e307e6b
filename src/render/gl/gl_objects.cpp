#include "render/gl/gl_objects.hpp"

#include <vector>

#include "core/error.hpp"

namespace lb::render::gl {
namespace {

// The info log of a shader or program (glGetShaderiv/glGetShaderInfoLog or the program pair).
template <typename GetIv, typename GetLog>
std::string infoLog(GLuint object, GetIv getIv, GetLog getLog) {
    GLint length = 0;
    getIv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length) + 1);
    getLog(object, length, nullptr, log.data());
    return log.data();
}

GLuint compile(GLenum stage, const std::string& file, std::string_view defines) {
    const std::string_view body = detail::shaderSource(file);
    if (body.empty()) throw core::ProcessingError("OpenGL: shader " + file + " is not embedded in the program");
    const std::string source = "#version 330 core\n" + std::string(defines) +
                               std::string(detail::shaderSource("prelude.glsl")) + "\n#line 1\n" + std::string(body);
    GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = infoLog(shader, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(shader);
        throw core::ProcessingError("OpenGL: shader " + file + " does not compile: " + log);
    }
    return shader;
}

}  // namespace

Buffer makeBuffer() {
    GLuint n = 0;
    glGenBuffers(1, &n);
    return Buffer(n);
}

VertexArray makeVertexArray() {
    GLuint n = 0;
    glGenVertexArrays(1, &n);
    return VertexArray(n);
}

Texture makeTexture() {
    GLuint n = 0;
    glGenTextures(1, &n);
    return Texture(n);
}

Program::Program(std::string_view name, std::string_view defines) {
    const std::string base(name);
    const GLuint vertex = compile(GL_VERTEX_SHADER, base + ".vert.glsl", defines);
    GLuint fragment = 0;
    try {
        fragment = compile(GL_FRAGMENT_SHADER, base + ".frag.glsl", defines);
    } catch (...) {
        glDeleteShader(vertex);
        throw;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        const std::string log = infoLog(program, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(program);
        throw core::ProcessingError("OpenGL: shader program " + base + " does not link: " + log);
    }
    m_program = GlName<detail::deleteProgram>(program);
}

void useWithView(const Program& program, const MapView& view, std::array<double, 2> origin) {
    program.use();
    glUniform2f(program.uniform("u_offset"), static_cast<float>(origin[0] - view.centerX),
                static_cast<float>(origin[1] - view.centerY));
    glUniform1f(program.uniform("u_pixelsPerMetre"), static_cast<float>(1.0 / view.metresPerPixel));
    glUniform2f(program.uniform("u_viewport"), static_cast<float>(view.width), static_cast<float>(view.height));
}

}  // namespace lb::render::gl
