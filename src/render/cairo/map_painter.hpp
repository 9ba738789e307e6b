#pragma once

#include <memory>
#include <utility>

#include "render/classified_overlay.hpp"
#include "render/map_view.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

typedef struct _cairo cairo_t;

namespace lb::render {
class GlyphAtlas;
}

namespace lb::render::cairo {

// Everything a vector map picture is made of: the scene, its style and the frame's options (visibility,
// opacity, labels), and the analysis overlays. The painter only reads it.
struct MapPicture {
    SceneSnapshot scene;
    const Style* style = nullptr;
    RenderOptions options;
    std::shared_ptr<const RasterOverlay> heatmap;
    std::shared_ptr<const ClassifiedOverlay> hotspots;
    // The metrics the label placer uses (the GL renderer's atlas); made from the default font when null.
    std::shared_ptr<const GlyphAtlas> atlas;
};

// The font family the painter draws text with: the GL renderer's font (DejaVu Sans).
inline constexpr const char* kFontFamily = "DejaVu Sans";

// Paints the map of `view` into cr with its top-left at (x, y), in cr's current units per view pixel, clipped
// to the view's width × height. Vector paths for polygons, lines, point symbols and labels (real text, so a
// PDF's text can be searched); the heat map as an image. Drawing order, colours, widths, class styles, level
// of detail and label placement are the GL renderer's (render/gl/map_renderer.cpp). The map's furniture and
// legend are not part of it (paintLegend; the print layout draws its own furniture).
void paintMap(cairo_t* cr, const MapPicture& picture, const MapView& view, double x, double y);

// The legend of the picture's visible layers and overlays (same classes and labels as the GL legend, laid out
// by render/map_layout), `scale` times its normal size, in cr's units: size first, then paint. (0, 0) when
// nothing visible has a legend row.
std::pair<double, double> legendSize(cairo_t* cr, const MapPicture& picture, double scale);
void paintLegend(cairo_t* cr, const MapPicture& picture, double x, double y, double scale);

}  // namespace lb::render::cairo
