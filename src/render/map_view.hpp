#pragma once

#include <array>

#include "core/bbox.hpp"

namespace lb::render {

// What part of the map a frame shows: a centre in the project CRS (metres, double precision), a ground
// resolution and a pixel size. Screen coordinates are physical pixels, origin top-left, y down.
struct MapView {
    double centerX = 0;
    double centerY = 0;
    double metresPerPixel = 1;  // ground size of one physical pixel
    int width = 800;            // physical pixels
    int height = 600;
    double pixelRatio = 1;  // physical pixels per logical pixel (HiDPI); symbol sizes and widths scale by it

    core::BBox bounds() const;
    std::array<double, 2> toScreen(double x, double y) const;
    std::array<double, 2> toWorld(double sx, double sy) const;
    // Where an image rendered for view `rendered` lies in this view: left, top, right, bottom in pixels
    // (the GUI shows the last frame there while the view changes).
    std::array<double, 4> imageRectOf(const MapView& rendered) const;
    // Map scale 1:N with the OGC standard pixel of 0.28 mm (per logical pixel).
    double scaleDenominator() const;
    void setScaleDenominator(double denominator);

    // The view that shows `box` whole, with `marginFraction` of free space around it.
    static MapView fit(const core::BBox& box, int width, int height, double pixelRatio = 1,
                       double marginFraction = 0.03);
    // Zooms by `factor` (>1 zooms in) keeping the world point under the screen point fixed.
    void zoomAround(double factor, double sx, double sy);
    // Moves the map content by the given screen offset (drag).
    void panPixels(double dx, double dy);
};

}  // namespace lb::render
