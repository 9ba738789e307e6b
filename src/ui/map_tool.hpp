#pragma once

struct ImDrawList;

namespace lb::render {
struct MapView;
}

namespace lb::ui {

// A pointer position on the map: physical canvas pixels and the project CRS point under them.
struct MapPointer {
    double sx = 0, sy = 0;
    double x = 0, y = 0;
};

enum class MapKey { Enter, Escape, Delete, Backspace };

// Where the map canvas draws an overlay: the canvas's top-left corner in ImGui (logical) pixels and the
// physical pixels per logical one.
struct OverlayFrame {
    float originX = 0, originY = 0;
    float framebufferScale = 1;
};

// The hook through which the map canvas hands its mouse and keys to an editing mode (edit tools, field
// mode). While active() the canvas still zooms with the wheel, but clicks, drags and keys go to the tool;
// a handler that returns false lets the canvas do its default (select on click, pan on drag).
class MapTool {
public:
    virtual ~MapTool() = default;
    virtual bool active() const = 0;
    virtual bool press(const MapPointer&) { return false; }
    virtual bool drag(const MapPointer&) { return false; }  // while the button is held and moved
    virtual bool release(const MapPointer&, bool /*dragged*/) { return false; }
    virtual bool rightClick(const MapPointer&) { return false; }
    virtual bool doubleClick(const MapPointer&) { return false; }
    virtual void hover(const MapPointer&) {}
    virtual bool key(MapKey) { return false; }
    // Sketch, handles, snap marker over the map image.
    virtual void drawOverlay(ImDrawList&, const render::MapView&, const OverlayFrame&) {}
};

}  // namespace lb::ui
