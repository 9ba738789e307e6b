#pragma once

#include <optional>
#include <span>
#include <vector>

#include "analysis/grid_spec.hpp"
#include "core/bbox.hpp"

namespace lb::analysis {

// Kernel density estimation of incident points on a grid, in incidents per km².
//
// Kernels (d = distance from an incident to a cell centre, both integrate to 1 over the plane, so the
// density times the area gives incident counts):
//  - quartic (biweight, as QGIS's heatmap): K(d) = 3 / (π r²) · (1 − d²/r²)² for d < r, else 0;
//  - gaussian with bandwidth σ = radius: K(d) = 1 / (2π σ²) · exp(−d² / 2σ²), cut off at 4σ (the cut loses
//    0.03 % of each incident's mass).
// QGIS's heatmap "raw" output is the quartic without the 3 / (π r²) factor and per pixel instead of per
// km²; the two differ by the constant 3·10⁶ / (π r²), so they correlate perfectly (bench/kde_vs_qgis.sh).
//
// Modes:
//  - exact: every incident adds the kernel at the centre of every cell within reach (O(N · (r/cell)²)),
//    in parallel over bands of rows;
//  - fast: incidents are first spread onto the cell centres by linear (bilinear) binning, then the binned
//    grid is convolved with the kernel sampled at the cell offsets — sparsely (a stencil added at every
//    non-empty bin, parallel over row bands) for the quartic, with two separable 1D passes for the
//    gaussian. Linear binning moves each incident's kernel by at most a bilinear interpolation step, so
//    per incident the error is at most (cell²/8) · (|∂²K/∂x²| + |∂²K/∂y²|), i.e. ≤ 2 (cell/r)² of the
//    quartic's peak 3/(π r²) (0.5 % at r = 200 m, cell = 10 m) and ≤ (cell/σ)²/4 of the gaussian's peak.
//    kde_test.cpp checks the measured error against these bounds.
enum class Kernel { Quartic, Gaussian };
enum class KdeMode { Exact, Fast };

// The radius every front end starts from (CLI hotspots, the heatmap, the render --heatmap flag).
inline constexpr double kDefaultKdeRadiusMetres = 200;

struct KdeOptions {
    Kernel kernel = Kernel::Quartic;
    double radius = kDefaultKdeRadiusMetres;  // metres: quartic support radius, gaussian bandwidth σ
    double cell = 10;                         // metres
    std::optional<core::BBox> extent;         // default: the points' extent grown by radius, snapped to cell
    KdeMode mode = KdeMode::Exact;
};

struct KdeRaster {
    GridSpec grid;
    std::vector<float> density;  // incidents per km², row by row from the top
};

// The grid KDE will use for these points and options. Throws core::UsageError for a radius or cell ≤ 0,
// and for no points without an explicit extent.
GridSpec kdeGrid(std::span<const double> xs, std::span<const double> ys, const KdeOptions& options);

// Density of the points (x[i], y[i]) with optional weights (empty = 1 each).
KdeRaster kernelDensity(std::span<const double> xs, std::span<const double> ys, const KdeOptions& options,
                        std::span<const double> weights = {});

}  // namespace lb::analysis
