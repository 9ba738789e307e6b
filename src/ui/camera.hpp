#pragma once

#include <functional>

#include "core/bbox.hpp"
#include "render/map_view.hpp"

namespace lb::ui {

// The map's view as the workstation moves it: the canvas size, zoom and pan within sane limits (about
// 1:500 to 1:5,000,000), fitting a box, and a fit to the whole project that is repeated once the canvas has
// its real size. After every change the hook runs (the workspace saves the view per project). Knows no
// document, no ImGui and no GL.
class Camera {
public:
    using ChangedHook = std::function<void(const render::MapView&)>;

    void setChangedHook(ChangedHook hook) { m_changed = std::move(hook); }
    const render::MapView& view() const { return m_view; }
    // A view was fitted or restored (before that the map has no place to show).
    bool hasView() const { return m_haveView; }

    void setCanvas(int width, int height, double pixelRatio);
    // The project's whole extent; until the canvas has its real size the fit is repeated when it arrives.
    void fitAll(const core::BBox& extent);
    // Shows `box` in the whole canvas (a pending fit to the project extent is dropped).
    void fit(const core::BBox& box);
    // Shows the box with a margin of 5 % (at least 60 m).
    void zoomToExtent(const core::BBox& box);
    void zoomAround(double factor, double sx, double sy);
    void zoomCentre(double factor);
    void panPixels(double dx, double dy);
    // A view saved for the project (centre and resolution), without a fit.
    void restore(double centerX, double centerY, double metresPerPixel);
    // No project: no view, the canvas size must come again.
    void reset();

private:
    void changed();

    render::MapView m_view;
    bool m_haveView = false;
    bool m_fitPending = false;
    bool m_canvasKnown = false;  // setCanvas() was called: m_view has the canvas size
    core::BBox m_pendingExtent;  // what fitAll() repeats when the canvas size arrives
    ChangedHook m_changed;
};

}  // namespace lb::ui
