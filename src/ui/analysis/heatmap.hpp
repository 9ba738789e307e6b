#pragma once

#include <memory>

#include "project/density_overlay.hpp"

namespace lb::ui {

// The density heatmap's settings in the query panel.
struct HeatmapSettings {
    bool on = false;
    double radius = analysis::kDefaultKdeRadiusMetres;  // metres (quartic kernel support)
    double cell = 10;                                   // metres
    float opacity = 0.85f;
    bool operator==(const HeatmapSettings&) const = default;
};

// The KDE options the GUI uses for these settings: the heatmap defaults (quartic kernel, fast mode,
// project/density_overlay.hpp) with the panel's radius and cell size. The overlay: project::toOverlay.
analysis::KdeOptions kdeOptions(const HeatmapSettings& settings);

}  // namespace lb::ui
