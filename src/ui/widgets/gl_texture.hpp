#pragma once

#include <cstdint>

namespace lb::ui::widgets {

// One RGBA8 OpenGL texture (linear filtering, clamped), freed with the object. Needs a current GL context
// to create and destroy: make these only in panels' draw() and drop them before the context goes.
class GlTexture {
public:
    GlTexture(int width, int height, const std::uint8_t* rgba);
    ~GlTexture();
    GlTexture(const GlTexture&) = delete;
    GlTexture& operator=(const GlTexture&) = delete;

    // For ImGui::Image.
    void* imguiId() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_name)); }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    unsigned int m_name = 0;
    int m_width = 0;
    int m_height = 0;
};

}  // namespace lb::ui::widgets
