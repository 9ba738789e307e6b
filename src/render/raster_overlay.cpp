#include "render/raster_overlay.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace lb::render {

Color heatRamp(float t) {
    // Colour stops of ColorBrewer's YlOrRd (sequential, colour-blind safe).
    struct Stop {
        float t, r, g, b;
    };
    static constexpr std::array<Stop, 5> kStops{{{0.0f, 1.0f, 1.0f, 0.698f},
                                                 {0.25f, 0.996f, 0.8f, 0.361f},
                                                 {0.5f, 0.992f, 0.553f, 0.235f},
                                                 {0.75f, 0.941f, 0.231f, 0.125f},
                                                 {1.0f, 0.741f, 0.0f, 0.149f}}};
    t = std::clamp(std::isnan(t) ? 0.0f : t, 0.0f, 1.0f);
    std::size_t i = 1;
    while (i + 1 < kStops.size() && t > kStops[i].t) ++i;
    const Stop& a = kStops[i - 1];
    const Stop& b = kStops[i];
    const float f = (t - a.t) / (b.t - a.t);
    const float alpha = t <= 0.0f ? 0.0f : std::min(1.0f, 0.15f + 0.85f * t / 0.2f);
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f, alpha};
}

float heatRampMaximum(const std::vector<float>& values) {
    std::vector<float> positive;
    for (float v : values) {
        if (v > 0 && std::isfinite(v)) positive.push_back(v);
    }
    if (positive.empty()) return 0;
    const auto k = static_cast<std::size_t>(std::floor(0.995 * static_cast<double>(positive.size() - 1)));
    std::nth_element(positive.begin(), positive.begin() + static_cast<std::ptrdiff_t>(k), positive.end());
    return positive[k];
}

}  // namespace lb::render
