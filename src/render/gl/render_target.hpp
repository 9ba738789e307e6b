#pragma once

#include <cstdint>
#include <vector>

#include "render/gl/gl_objects.hpp"

namespace lb::render::gl {

// An offscreen framebuffer with an RGBA8 colour texture: the map canvas of the GUI (shown as an ImGui
// image) and the target of headless renders. With samples > 1 it renders multisampled and resolves.
class RenderTarget {
public:
    RenderTarget(int width, int height, int samples = 1);

    void resize(int width, int height);
    int width() const { return m_width; }
    int height() const { return m_height; }
    bool multisampled() const { return m_samples > 1; }
    // Binds the framebuffer to draw into and sets the viewport.
    void bind();
    // Resolves multisampling (if any) into the texture; call after drawing. Once per bind(): a second
    // call (readPixels() calls it too) changes nothing.
    void resolve();
    // Resolves what was drawn so far and binds the single-sampled texture for the rest of the frame:
    // drawing that antialiases itself (symbols, text) then costs one sample per pixel, not `samples`.
    void continueSingleSampled();
    GLuint texture() const { return m_texture.get(); }
    // The pixels, RGBA, first row = top of the image.
    std::vector<std::uint8_t> readPixels();

private:
    void allocate();

    int m_width, m_height, m_samples;
    bool m_resolved = true;
    Framebuffer m_fbo;
    Texture m_texture;
    Framebuffer m_msFbo;
    Renderbuffer m_msColor;
};

}  // namespace lb::render::gl
