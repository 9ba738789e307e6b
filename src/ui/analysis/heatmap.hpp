#pragma once

#include <memory>

#include "analysis/kde.hpp"
#include "render/raster_overlay.hpp"

namespace lb::ui {

// The density heatmap's settings in the query panel.
struct HeatmapSettings {
    bool on = false;
    double radius = 200;  // metres (quartic kernel support)
    double cell = 10;     // metres
    float opacity = 0.85f;
    bool operator==(const HeatmapSettings&) const = default;
};

// The KDE options the GUI uses for these settings: quartic kernel, fast (binned) mode.
analysis::KdeOptions kdeOptions(const HeatmapSettings& settings);

// A KDE raster as the renderer's overlay: same grid, values in incidents per km², the ramp's top at
// render::heatRampMaximum, legend titles in German and English.
std::shared_ptr<const render::RasterOverlay> toOverlay(const analysis::KdeRaster& raster);

}  // namespace lb::ui
