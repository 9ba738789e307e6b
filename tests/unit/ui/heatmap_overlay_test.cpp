#include <gtest/gtest.h>

#include <numeric>

#include "ui/analysis/heatmap.hpp"

namespace lb::ui {
namespace {

TEST(HeatmapOverlay, KeepsTheGridAndScalesTheRampToThePercentile) {
    // 400 incidents at one spot and 100 at another, 600 m apart: two hotspots, the first four times as hot.
    std::vector<double> xs, ys;
    for (int i = 0; i < 400; ++i) {
        xs.push_back(1000);
        ys.push_back(2000);
    }
    for (int i = 0; i < 100; ++i) {
        xs.push_back(1600);
        ys.push_back(2000);
    }
    HeatmapSettings settings;  // 200 m radius, 10 m cells
    const analysis::KdeOptions options = kdeOptions(settings);
    EXPECT_EQ(options.mode, analysis::KdeMode::Fast);
    EXPECT_EQ(options.kernel, analysis::Kernel::Quartic);
    const analysis::KdeRaster raster = analysis::kernelDensity(xs, ys, options);
    const auto overlay = project::toOverlay(raster);

    EXPECT_DOUBLE_EQ(overlay->originX, raster.grid.originX);
    EXPECT_DOUBLE_EQ(overlay->originY, raster.grid.originY);
    EXPECT_DOUBLE_EQ(overlay->cell, 10);
    EXPECT_EQ(static_cast<std::size_t>(overlay->columns), raster.grid.columns);
    EXPECT_EQ(static_cast<std::size_t>(overlay->rows), raster.grid.rows);
    ASSERT_EQ(overlay->values.size(), raster.density.size());
    EXPECT_EQ(overlay->maxValue, render::heatRampMaximum(raster.density));
    EXPECT_GT(overlay->maxValue, 0);
    EXPECT_FALSE(overlay->legend.empty());
    EXPECT_NE(overlay->legend, overlay->legendEn);

    // The mass (incidents per km² × cell area in km²) is the number of incidents.
    const double mass = std::accumulate(overlay->values.begin(), overlay->values.end(), 0.0) * 1e-4;
    EXPECT_NEAR(mass, 500, 500 * 0.01);

    // The hotter spot's cell carries about four times the density of the other.
    auto at = [&](double x, double y) {
        const auto c = static_cast<std::size_t>((x - overlay->originX) / overlay->cell);
        const auto r = static_cast<std::size_t>((overlay->originY - y) / overlay->cell);
        return overlay->values[r * static_cast<std::size_t>(overlay->columns) + c];
    };
    EXPECT_NEAR(at(1000, 2000) / at(1600, 2000), 4.0, 0.2);
    EXPECT_EQ(at(1300, 2000), 0.0f);  // 300 m from both: beyond the radius
}

}  // namespace
}  // namespace lb::ui
