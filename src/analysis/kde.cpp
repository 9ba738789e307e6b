#include "analysis/kde.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "analysis/detail/kernel.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"

namespace lb::analysis {
namespace {

using detail::KernelShape;

// Rows [begin, end) of the output, filled from points sorted by y (descending row order = descending y).
void exactBand(const GridSpec& grid, const KernelShape& kernel, std::span<const double> xs, std::span<const double> ys,
               std::span<const double> weights, const std::vector<std::uint32_t>& byY, std::size_t rowBegin,
               std::size_t rowEnd, std::vector<double>& out) {
    const double reach = kernel.reach;
    const double bandTop = grid.centerY(rowBegin) + reach;
    const double bandBottom = grid.centerY(rowEnd - 1) - reach;
    // byY is sorted by ascending y: the points that can reach the band.
    const auto first =
        std::lower_bound(byY.begin(), byY.end(), bandBottom, [&](std::uint32_t i, double y) { return ys[i] < y; });
    const auto last = std::upper_bound(first, byY.end(), bandTop, [&](double y, std::uint32_t i) { return y < ys[i]; });
    const double reach2 = reach * reach;
    for (auto it = first; it != last; ++it) {
        const std::uint32_t i = *it;
        const double px = xs[i], py = ys[i];
        const double w = weights.empty() ? 1.0 : weights[i];
        // Rows whose centre lies within reach of py, clipped to the band.
        const double rTop = (grid.originY - (py + reach)) / grid.cell - 0.5;
        const double rBottom = (grid.originY - (py - reach)) / grid.cell - 0.5;
        const auto r0 = static_cast<std::ptrdiff_t>(std::max<double>(static_cast<double>(rowBegin), std::ceil(rTop)));
        const auto r1 =
            static_cast<std::ptrdiff_t>(std::min<double>(static_cast<double>(rowEnd) - 1, std::floor(rBottom)));
        for (std::ptrdiff_t r = r0; r <= r1; ++r) {
            const double dy = grid.centerY(static_cast<std::size_t>(r)) - py;
            const double rest = reach2 - dy * dy;
            if (rest < 0) continue;
            const double halfWidth = std::sqrt(rest);
            const double cLeft = (px - halfWidth - grid.originX) / grid.cell - 0.5;
            const double cRight = (px + halfWidth - grid.originX) / grid.cell - 0.5;
            const auto c0 = static_cast<std::ptrdiff_t>(std::max(0.0, std::ceil(cLeft)));
            const auto c1 =
                static_cast<std::ptrdiff_t>(std::min(static_cast<double>(grid.columns) - 1, std::floor(cRight)));
            double* row = out.data() + static_cast<std::size_t>(r) * grid.columns;
            const double dy2 = dy * dy;
            for (std::ptrdiff_t c = c0; c <= c1; ++c) {
                const double dx = grid.centerX(static_cast<std::size_t>(c)) - px;
                row[c] += w * kernel.value(dx * dx + dy2);
            }
        }
    }
}

std::vector<double> exactDensity(const GridSpec& grid, const KernelShape& kernel, std::span<const double> xs,
                                 std::span<const double> ys, std::span<const double> weights) {
    std::vector<std::uint32_t> byY(xs.size());
    std::iota(byY.begin(), byY.end(), 0u);
    std::sort(byY.begin(), byY.end(), [&](std::uint32_t a, std::uint32_t b) { return ys[a] < ys[b]; });
    std::vector<double> out(grid.size(), 0.0);
    core::parallelChunks(grid.rows, 8, [&](std::size_t, std::size_t begin, std::size_t end) {
        exactBand(grid, kernel, xs, ys, weights, byY, begin, end, out);
    });
    return out;
}

}  // namespace

GridSpec kdeGrid(std::span<const double> xs, std::span<const double> ys, const KdeOptions& options) {
    if (!(options.radius > 0)) throw core::UsageError("--radius must be a positive number of metres");
    if (!(options.cell > 0)) throw core::UsageError("--cell must be a positive number of metres");
    if (options.extent) return GridSpec::fromExtent(*options.extent, options.cell);
    core::BBox box;
    for (std::size_t i = 0; i < xs.size(); ++i) box.add(xs[i], ys[i]);
    if (box.empty()) throw core::UsageError("no incidents match, so there is no extent; give --extent");
    box.add(box.minX - options.radius, box.minY - options.radius);
    box.add(box.maxX + options.radius, box.maxY + options.radius);
    return GridSpec::fromExtent(snapOutward(box, options.cell), options.cell);
}

KdeRaster kernelDensity(std::span<const double> xs, std::span<const double> ys, const KdeOptions& options,
                        std::span<const double> weights) {
    KdeRaster raster;
    raster.grid = kdeGrid(xs, ys, options);
    const KernelShape kernel = KernelShape::make(options.kernel, options.radius);
    const std::vector<double> density = options.mode == KdeMode::Exact
                                            ? exactDensity(raster.grid, kernel, xs, ys, weights)
                                            : detail::fastDensity(raster.grid, kernel, xs, ys, weights);
    raster.density.resize(density.size());
    constexpr double kPerSquareKilometre = 1e6;
    for (std::size_t i = 0; i < density.size(); ++i) {
        raster.density[i] = static_cast<float>(density[i] * kPerSquareKilometre);
    }
    return raster;
}

}  // namespace lb::analysis
