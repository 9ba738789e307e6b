#pragma once

#include <string>
#include <vector>

#include "render/style.hpp"

namespace lb::render {

// A grid of values drawn over the map with a colour ramp: the incident density (KDE) heatmap. North-up;
// (originX, originY) is the upper-left corner in the project CRS, values run row by row from the top.
struct RasterOverlay {
    double originX = 0;
    double originY = 0;
    double cell = 1;  // metres
    int columns = 0;
    int rows = 0;
    std::vector<float> values;
    float maxValue = 0;  // the value drawn with the ramp's last colour (higher values too)
    // Set by whoever builds the overlay (project::toOverlay); render/ and the CLI know no UI catalogue.
    std::string legend;    // legend title, German ("Vorfalldichte je km²")
    std::string legendEn;  // and English

    double width() const { return columns * cell; }
    double height() const { return rows * cell; }
};

// The heatmap colour ramp, t in 0..1 (clamped): fully transparent at 0, then light yellow through orange
// to dark red, growing opaque over the lower fifth so that thin density does not veil the base map.
Color heatRamp(float t);

// The value the ramp's top colour stands for: the 99.5th percentile of the non-zero values, so that a
// single extreme cell does not wash out every other hotspot. 0 when every value is 0.
float heatRampMaximum(const std::vector<float>& values);

}  // namespace lb::render
