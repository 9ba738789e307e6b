#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "analysis/kde.hpp"
#include "core/error.hpp"

using namespace lb;
using namespace lb::analysis;

namespace {

struct Points {
    std::vector<double> x, y;
};

// Clustered incidents around three centres in a 3 km square at UTM-like coordinates.
Points clustered(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> spread(0, 120);
    std::uniform_real_distribution<double> uniform(0, 3000);
    const double cx[3] = {800, 1500, 2300}, cy[3] = {900, 2000, 1200};
    Points p;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = i % 4;
        const double x = c == 3 ? uniform(rng) : cx[c] + spread(rng);
        const double y = c == 3 ? uniform(rng) : cy[c] + spread(rng);
        p.x.push_back(330000 + x);
        p.y.push_back(5630000 + y);
    }
    return p;
}

double sum(const std::vector<float>& v) {
    double s = 0;
    for (float f : v) s += f;
    return s;
}

double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::fabs(double(a[i]) - double(b[i])));
    return m;
}

}  // namespace

TEST(Kde, DefaultGridIsThePointsExtentGrownByTheRadiusSnappedToTheCell) {
    const std::vector<double> xs{1003, 1517}, ys{2008, 2291};
    KdeOptions options;
    options.radius = 200;
    options.cell = 10;
    const GridSpec grid = kdeGrid(xs, ys, options);
    EXPECT_DOUBLE_EQ(grid.originX, 800);   // 1003 − 200 = 803 → 800
    EXPECT_DOUBLE_EQ(grid.originY, 2500);  // 2291 + 200 = 2491 → 2500
    EXPECT_EQ(grid.columns, 92u);          // 800 … 1720
    EXPECT_EQ(grid.rows, 70u);             // 1800 … 2500
    options.extent = core::BBox{0, 0, 95, 40};
    const GridSpec given = kdeGrid(xs, ys, options);
    EXPECT_DOUBLE_EQ(given.originX, 0);
    EXPECT_DOUBLE_EQ(given.originY, 40);
    EXPECT_EQ(given.columns, 10u);
    EXPECT_EQ(given.rows, 4u);
    EXPECT_THROW(kdeGrid({}, {}, KdeOptions{}), core::UsageError);
    options.radius = 0;
    EXPECT_THROW(kdeGrid(xs, ys, options), core::UsageError);
}

TEST(Kde, ExactQuarticMatchesTheFormulaAndIntegratesToTheCount) {
    const Points p = clustered(500, 1);
    KdeOptions options;
    options.radius = 200;
    options.cell = 10;
    const KdeRaster raster = kernelDensity(p.x, p.y, options);
    // Mass: density per km² × cell area in km² = number of incidents (the extent holds every kernel).
    EXPECT_NEAR(sum(raster.density) * 1e-4, 500.0, 500.0 * 2e-3);
    // One cell by hand.
    // The cell at the first cluster's centre.
    const auto c = static_cast<std::size_t>((330800 - raster.grid.originX) / 10);
    const auto r = static_cast<std::size_t>((raster.grid.originY - 5630900) / 10);
    const double x = raster.grid.centerX(c), y = raster.grid.centerY(r);
    double expected = 0;
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        const double d2 = (p.x[i] - x) * (p.x[i] - x) + (p.y[i] - y) * (p.y[i] - y);
        const double u = 1 - d2 / (200.0 * 200.0);
        if (u > 0) expected += 3 / (std::numbers::pi * 200 * 200) * u * u;
    }
    ASSERT_GT(expected, 0);
    EXPECT_NEAR(raster.density[r * raster.grid.columns + c], expected * 1e6, expected * 1e6 * 1e-6);
}

TEST(Kde, FastQuarticStaysWithinTheDocumentedBound) {
    const Points p = clustered(5000, 2);
    KdeOptions options;
    options.radius = 200;
    options.cell = 10;
    const KdeRaster exact = kernelDensity(p.x, p.y, options);
    options.mode = KdeMode::Fast;
    const KdeRaster fast = kernelDensity(p.x, p.y, options);
    ASSERT_EQ(fast.density.size(), exact.density.size());
    // Per incident at most 2 (cell/r)² of the kernel peak; summed over the incidents within reach of a
    // cell, at most that times the largest number of incidents any cell sees.
    const double peak = 3 / (std::numbers::pi * 200 * 200) * 1e6;
    const double perIncident = 2 * (10.0 / 200) * (10.0 / 200) * peak;
    const double maxExact = *std::max_element(exact.density.begin(), exact.density.end());
    const double worstCount = maxExact / peak * 3;  // generous: density ≥ peak/3 per incident near the max
    const double diff = maxAbsDiff(fast.density, exact.density);
    EXPECT_LT(diff, perIncident * worstCount);
    EXPECT_LT(diff / maxExact, 0.005);  // what kde.hpp promises relative to the maximum
    EXPECT_NEAR(sum(fast.density), sum(exact.density), sum(exact.density) * 1e-3);
}

TEST(Kde, GaussianExactAndFastAgree) {
    const Points p = clustered(3000, 3);
    KdeOptions options;
    options.kernel = Kernel::Gaussian;
    options.radius = 80;
    options.cell = 10;
    options.extent = core::BBox{329500, 5629500, 333500, 5633500};
    const KdeRaster exact = kernelDensity(p.x, p.y, options);
    options.mode = KdeMode::Fast;
    const KdeRaster fast = kernelDensity(p.x, p.y, options);
    const double maxExact = *std::max_element(exact.density.begin(), exact.density.end());
    EXPECT_LT(maxAbsDiff(fast.density, exact.density) / maxExact, (10.0 / 80) * (10.0 / 80) / 4);
    // σ = 80 m is well inside the extent: the mass is the count.
    EXPECT_NEAR(sum(exact.density) * 1e-4, 3000.0, 3.0);
}

// The gaussian is cut off beyond 4σ, not at it: a cell centre exactly 4σ straight below an incident still
// gets exp(−8)/(2πσ²), one 10 m further gets nothing (exact mode).
TEST(Kde, GaussianReachesACellExactlyFourSigmaAway) {
    KdeOptions options;
    options.kernel = Kernel::Gaussian;
    options.radius = 10;
    options.cell = 10;
    core::BBox extent;
    extent.add(0, 0);
    extent.add(100, 100);
    options.extent = extent;
    const std::vector<double> x{55}, y{95};  // the centre of the top row's cell in column 5
    const KdeRaster raster = kernelDensity(x, y, options);
    ASSERT_EQ(raster.grid.columns, 10u);
    const auto at = [&](double cx, double cy) {
        const auto c = static_cast<std::size_t>((cx - raster.grid.originX) / 10);
        const auto r = static_cast<std::size_t>((raster.grid.originY - cy) / 10);
        EXPECT_DOUBLE_EQ(raster.grid.centerX(c), cx);
        EXPECT_DOUBLE_EQ(raster.grid.centerY(r), cy);
        return static_cast<double>(raster.density[r * raster.grid.columns + c]);
    };
    const double expected = std::exp(-8.0) / (2 * std::numbers::pi * 100) * 1e6;  // per km²
    EXPECT_NEAR(at(55, 55), expected, expected * 1e-5);
    EXPECT_EQ(at(55, 45), 0.0);
    EXPECT_NEAR(at(55, 95), 1.0 / (2 * std::numbers::pi * 100) * 1e6, 1e-2);
}
