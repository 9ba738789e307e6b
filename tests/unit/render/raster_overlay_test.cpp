#include "render/raster_overlay.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace lb::render;

TEST(HeatRamp, TransparentAtZeroThenYellowToDarkRed) {
    EXPECT_EQ(heatRamp(0).a, 0.0f);
    EXPECT_EQ(heatRamp(-1).a, 0.0f);
    EXPECT_EQ(heatRamp(std::numeric_limits<float>::quiet_NaN()).a, 0.0f);
    const Color low = heatRamp(0.01f), high = heatRamp(1.0f);
    EXPECT_GT(low.a, 0.0f);
    EXPECT_LT(low.a, 0.3f);
    EXPECT_EQ(high.a, 1.0f);
    EXPECT_EQ(heatRamp(5.0f), high);
    // Light yellow at the bottom, dark red at the top: green falls and red stays high.
    EXPECT_GT(heatRamp(0.05f).g, 0.9f);
    EXPECT_LT(high.g, 0.05f);
    EXPECT_GT(high.r, 0.7f);
    for (float t = 0.05f; t <= 1.0f; t += 0.05f) {
        EXPECT_LE(heatRamp(t).g, heatRamp(t - 0.05f).g + 1e-6f) << t;  // monotone: darker with density
    }
}

TEST(HeatRamp, MaximumIsAHighPercentileOfThePositiveValues) {
    std::vector<float> values(1000, 0.0f);
    for (int i = 0; i < 400; ++i) values[static_cast<std::size_t>(i)] = static_cast<float>(i + 1);
    values[999] = 1e6f;  // one extreme cell
    const float maximum = heatRampMaximum(values);
    EXPECT_GE(maximum, 395.0f);
    EXPECT_LE(maximum, 401.0f);
    EXPECT_EQ(heatRampMaximum(std::vector<float>(10, 0.0f)), 0.0f);
    EXPECT_EQ(heatRampMaximum({}), 0.0f);
}
