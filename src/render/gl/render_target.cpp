#include "render/gl/render_target.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"

namespace lb::render::gl {

RenderTarget::RenderTarget(int width, int height, int samples)
    : m_width(std::max(width, 1)), m_height(std::max(height, 1)), m_samples(std::max(samples, 1)) {
    allocate();
}

void RenderTarget::allocate() {
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    if (m_width > maxSize || m_height > maxSize) {
        throw core::UsageError("image size " + std::to_string(m_width) + "x" + std::to_string(m_height) +
                               " exceeds the OpenGL limit of " + std::to_string(maxSize) + " pixels");
    }
    GLuint name = 0;
    m_texture = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_texture.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, m_width, m_height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &name);
    m_fbo = Framebuffer(name);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture.get(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        throw core::ProcessingError("OpenGL: the offscreen framebuffer is incomplete");
    }
    m_msFbo.reset();
    m_msColor.reset();
    if (m_samples > 1) {
        glGenRenderbuffers(1, &name);
        m_msColor = Renderbuffer(name);
        glBindRenderbuffer(GL_RENDERBUFFER, m_msColor.get());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, m_samples, GL_RGBA8, m_width, m_height);
        glGenFramebuffers(1, &name);
        m_msFbo = Framebuffer(name);
        glBindFramebuffer(GL_FRAMEBUFFER, m_msFbo.get());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_msColor.get());
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            throw core::ProcessingError("OpenGL: the multisampled framebuffer is incomplete");
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::resize(int width, int height) {
    width = std::max(width, 1);
    height = std::max(height, 1);
    if (width == m_width && height == m_height) return;
    m_width = width;
    m_height = height;
    allocate();
}

void RenderTarget::bind() {
    glBindFramebuffer(GL_FRAMEBUFFER, m_samples > 1 ? m_msFbo.get() : m_fbo.get());
    glViewport(0, 0, m_width, m_height);
    m_resolved = m_samples <= 1;
}

void RenderTarget::continueSingleSampled() {
    resolve();
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
    glViewport(0, 0, m_width, m_height);
}

void RenderTarget::resolve() {
    if (m_resolved) return;
    m_resolved = true;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_msFbo.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo.get());
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<std::uint8_t> RenderTarget::readPixels() {
    resolve();
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(m_width) * m_height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // GL's first row is the bottom one.
    const std::size_t stride = static_cast<std::size_t>(m_width) * 4;
    std::vector<std::uint8_t> row(stride);
    for (int y = 0; y < m_height / 2; ++y) {
        std::uint8_t* top = pixels.data() + stride * y;
        std::uint8_t* bottom = pixels.data() + stride * (m_height - 1 - y);
        std::memcpy(row.data(), top, stride);
        std::memcpy(top, bottom, stride);
        std::memcpy(bottom, row.data(), stride);
    }
    return pixels;
}

}  // namespace lb::render::gl
