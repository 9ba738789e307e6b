#include "render/map_furniture.hpp"

#include <cmath>

namespace lb::render {

ScaleBar niceScaleBar(double metresPerPixel, double maxPixels) {
    ScaleBar bar;
    if (!(metresPerPixel > 0) || !(maxPixels > 0)) return bar;
    const double maxMetres = metresPerPixel * maxPixels;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (const double step : {5.0, 2.0, 1.0}) {
        if (step * magnitude <= maxMetres) {
            bar.metres = step * magnitude;
            break;
        }
    }
    bar.pixels = bar.metres / metresPerPixel;
    if (bar.metres >= 1000) {
        const double km = bar.metres / 1000;
        bar.label = (km == std::floor(km) ? std::to_string(static_cast<long long>(km)) : std::to_string(km)) + " km";
    } else if (bar.metres >= 1) {
        bar.label = std::to_string(static_cast<long long>(std::lround(bar.metres))) + " m";
    } else {
        bar.label = std::to_string(static_cast<long long>(std::lround(bar.metres * 100))) + " cm";
    }
    return bar;
}

std::string formatScale(double denominator, const std::string& language) {
    // Round to two significant figures like printed maps do (1:12.000, not 1:12.347).
    long long value = std::llround(denominator);
    if (value >= 100) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(static_cast<double>(value))) - 1);
        value = static_cast<long long>(std::llround(value / magnitude) * magnitude);
    }
    return "1:" + formatInteger(std::max<long long>(value, 1), language);
}

std::string formatInteger(long long value, const std::string& language) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    const char separator = language == "en" ? ',' : '.';
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), 1, separator);
    return value < 0 ? "-" + digits : digits;
}

std::string osmAttribution(const std::string& language) {
    return language == "en" ? "\xc2\xa9 OpenStreetMap contributors" : "\xc2\xa9 OpenStreetMap-Mitwirkende";
}

}  // namespace lb::render
