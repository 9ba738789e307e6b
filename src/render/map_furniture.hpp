#pragma once

#include <string>

namespace lb::render {

// A scale bar of a "round" length (1, 2 or 5 × 10^n metres) that is at most `maxPixels` long.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
    std::string label;  // "200 m", "1 km"
};
ScaleBar niceScaleBar(double metresPerPixel, double maxPixels);

// A whole number with thousands separators: "32.180" (de) or "32,180" (en).
std::string formatInteger(long long value, const std::string& language);

// "1:12.500" with German thousands separators (the UI's number format), or "1:12,500" in English.
std::string formatScale(double denominator, const std::string& language);

// The OpenStreetMap attribution required by the ODbL, in the UI language.
std::string osmAttribution(const std::string& language);

}  // namespace lb::render
