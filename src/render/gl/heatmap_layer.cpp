#include "render/gl/heatmap_layer.hpp"

#include <cstdint>
#include <vector>

namespace lb::render::gl {
namespace {

void setFiltering(GLenum filter) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

}  // namespace

HeatmapLayer::HeatmapLayer() : m_values(makeTexture()), m_ramp(makeTexture()), m_vao(makeVertexArray()) {
    std::vector<std::uint8_t> ramp(256 * 4);
    for (int i = 0; i < 256; ++i) {
        const Color c = heatRamp(static_cast<float>(i) / 255.0f);
        ramp[4 * i + 0] = static_cast<std::uint8_t>(c.r * 255.0f + 0.5f);
        ramp[4 * i + 1] = static_cast<std::uint8_t>(c.g * 255.0f + 0.5f);
        ramp[4 * i + 2] = static_cast<std::uint8_t>(c.b * 255.0f + 0.5f);
        ramp[4 * i + 3] = static_cast<std::uint8_t>(c.a * 255.0f + 0.5f);
    }
    glBindTexture(GL_TEXTURE_2D, m_ramp.get());
    setFiltering(GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, ramp.data());
    glBindTexture(GL_TEXTURE_2D, 0);
}

void HeatmapLayer::set(std::shared_ptr<const RasterOverlay> overlay) {
    m_overlay = std::move(overlay);
    if (!m_overlay || m_overlay->columns <= 0 || m_overlay->rows <= 0) return;
    glBindTexture(GL_TEXTURE_2D, m_values.get());
    setFiltering(GL_LINEAR);  // float textures filter linearly in every OpenGL 3.3 core implementation
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, m_overlay->columns, m_overlay->rows, 0, GL_RED, GL_FLOAT,
                 m_overlay->values.data());
    glBindTexture(GL_TEXTURE_2D, 0);
}

void HeatmapLayer::draw(const MapView& view, std::array<double, 2> origin, float opacity) const {
    if (!m_overlay || m_overlay->maxValue <= 0 || opacity <= 0) return;
    const RasterOverlay& o = *m_overlay;
    useWithView(m_program, view, origin);
    glUniform4f(m_program.uniform("u_rect"), static_cast<float>(o.originX - origin[0]),
                static_cast<float>(o.originY - o.height() - origin[1]),
                static_cast<float>(o.originX + o.width() - origin[0]), static_cast<float>(o.originY - origin[1]));
    glUniform1f(m_program.uniform("u_maximum"), o.maxValue);
    glUniform1f(m_program.uniform("u_opacity"), opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_values.get());
    glUniform1i(m_program.uniform("u_values"), 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, m_ramp.get());
    glUniform1i(m_program.uniform("u_ramp"), 1);
    glBindVertexArray(m_vao.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace lb::render::gl
