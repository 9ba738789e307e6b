#pragma once

#include <filesystem>
#include <memory>

#include "render/map_view.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render::gl {

struct FrameStats {
    int drawCalls = 0;
    std::size_t labels = 0;         // glyphs drawn
    std::size_t featuresDrawn = 0;  // after level of detail
};

// The interactive map renderer: uploads a scene snapshot once (polygons triangulated, lines as segment
// instances, points as symbol instances, all relative to a double-precision origin) and then draws any
// view with a handful of draw calls per layer — a frame sets uniforms, places labels and draws. Needs a
// current OpenGL 3.3 core context (GLFW's in the GUI, OffscreenContext headless).
class MapRenderer {
public:
    MapRenderer(SceneSnapshot scene, Style style, const std::filesystem::path& fontFile);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Draws the view into the currently bound framebuffer (of the view's size), background included.
    void render(const MapView& view, const RenderOptions& options);
    // Replaces the scene (after edits or imports); uploads it again.
    void setScene(SceneSnapshot scene);

    const Scene& scene() const;
    const Style& style() const;
    const FrameStats& lastFrame() const;
    // Double-precision origin that GPU coordinates are relative to (centre of the scene's extent).
    std::array<double, 2> origin() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace lb::render::gl
