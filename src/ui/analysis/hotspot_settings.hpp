#pragma once

#include "project/hotspots.hpp"

namespace lb::ui {

// The Getis-Ord Gi* hot-spot overlay's settings in the query panel.
struct HotspotSettings {
    bool on = false;
    bool zones = false;     // over the districts instead of a grid
    double cell = 100;      // grid cell size, metres
    double distance = 300;  // distance band, metres
    bool fdr = false;       // Benjamini–Hochberg false discovery rate correction
    float opacity = 0.75f;
    bool operator==(const HotspotSettings&) const = default;
    // Whether going from `before` to this needs the statistic computed again (not only redrawn).
    bool recomputes(const HotspotSettings& before) const;
};

// The zone layer the zone mode uses.
inline constexpr const char* kHotspotZones = "districts";

// The request for project::giStarOfRows (the query itself comes from the selected rows).
project::GiStarRequest giStarRequest(const HotspotSettings& settings);

}  // namespace lb::ui
