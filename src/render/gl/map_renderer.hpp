#pragma once

#include <filesystem>
#include <memory>

#include "render/classified_overlay.hpp"
#include "render/gl/render_target.hpp"
#include "render/glyph_atlas.hpp"
#include "render/map_view.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render::gl {

// Point layers with at least this many features are drawn after the multisample resolve.
inline constexpr std::size_t kDensePointLayer = 10000;

struct FrameStats {
    int drawCalls = 0;
    std::size_t labels = 0;         // glyphs drawn
    std::size_t featuresDrawn = 0;  // after level of detail
    std::size_t symbolsDrawn = 0;   // point symbol instances (a thinned level draws fewer than features)
};

// What the last setScene (or the constructor) did with the scene's layers.
struct UploadStats {
    std::size_t uploaded = 0;  // triangulated and uploaded
    std::size_t kept = 0;      // GPU buffers kept: the same layer revision was already uploaded
};

// The interactive map renderer: uploads a scene snapshot once (polygons triangulated, lines as segment
// instances, points as symbol instances, all relative to a double-precision origin) and then draws any
// view with a handful of draw calls per layer — a frame sets uniforms, places labels and draws. Needs a
// current OpenGL 3.3 core context (GLFW's in the GUI, OffscreenContext headless).
class MapRenderer {
public:
    MapRenderer(SceneSnapshot scene, Style style, const std::filesystem::path& fontFile);
    // With an atlas made beforehand (it needs no OpenGL: the GUI builds it on a worker thread while the
    // project loads, and keeps it across renderers).
    MapRenderer(SceneSnapshot scene, Style style, std::shared_ptr<const GlyphAtlas> atlas);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Draws the view into the currently bound framebuffer (of the view's size), background included.
    void render(const MapView& view, const RenderOptions& options);
    // Draws the view into `target` (binds and resolves it). A multisampled target is resolved before the
    // first dense point layer (kDensePointLayer features or more): everything from there on antialiases
    // itself, and on a software rasteriser multisampled symbols would cost `samples` times as much.
    void render(const MapView& view, const RenderOptions& options, RenderTarget& target);
    // Replaces the scene (after edits or imports); uploads it again.
    void setScene(SceneSnapshot scene);
    // The density heatmap over the base map (nullptr: none). Only the values are uploaded again.
    void setHeatmap(std::shared_ptr<const RasterOverlay> overlay);
    // Classified polygons over the base map, above the heatmap (nullptr: none): the Gi* hot spots.
    // Triangulated once per overlay; its classes with a legend label get legend rows.
    void setClassifiedOverlay(std::shared_ptr<const ClassifiedOverlay> overlay);

    const Scene& scene() const;
    const Style& style() const;
    const FrameStats& lastFrame() const;
    const UploadStats& lastUpload() const;
    // Double-precision origin that GPU coordinates are relative to (centre of the scene's extent).
    std::array<double, 2> origin() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace lb::render::gl
