#pragma once

#include <array>
#include <memory>

#include "render/gl/gl_objects.hpp"
#include "render/map_view.hpp"
#include "render/raster_overlay.hpp"

namespace lb::render::gl {

// A RasterOverlay on the GPU: the values as a float texture, the colour ramp as a 256 × 1 texture, drawn
// as one quad. Replacing the overlay (filters changed) uploads only the values.
class HeatmapLayer {
public:
    HeatmapLayer();
    void set(std::shared_ptr<const RasterOverlay> overlay);
    const RasterOverlay* overlay() const { return m_overlay.get(); }
    // Draws into the bound framebuffer; origin as the map renderer's (values relative to it).
    void draw(const MapView& view, std::array<double, 2> origin, float opacity) const;

private:
    std::shared_ptr<const RasterOverlay> m_overlay;
    Program m_program{"heatmap"};
    Texture m_values;
    Texture m_ramp;
    VertexArray m_vao;
};

}  // namespace lb::render::gl
