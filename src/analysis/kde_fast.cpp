// The fast mode of kernelDensity: linear binning + convolution (see kde.hpp for the error bound).

#include <algorithm>
#include <cmath>

#include "analysis/detail/kernel.hpp"
#include "core/parallel.hpp"

namespace lb::analysis::detail {
namespace {

// Bins on the cell centres of the output grid, padded by `pad` cells on every side so incidents just
// outside the grid still reach into it.
struct Bins {
    std::size_t pad = 0;
    std::size_t columns = 0;
    std::size_t rows = 0;
    std::vector<double> mass;

    double& at(std::size_t row, std::size_t column) { return mass[row * columns + column]; }
};

Bins linearBinning(const GridSpec& grid, std::size_t pad, std::span<const double> xs, std::span<const double> ys,
                   std::span<const double> weights) {
    Bins bins{pad, grid.columns + 2 * pad, grid.rows + 2 * pad, {}};
    bins.mass.assign(bins.columns * bins.rows, 0.0);
    const double maxC = static_cast<double>(bins.columns) - 1, maxR = static_cast<double>(bins.rows) - 1;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double fx = (xs[i] - grid.originX) / grid.cell - 0.5 + static_cast<double>(pad);
        const double fy = (grid.originY - ys[i]) / grid.cell - 0.5 + static_cast<double>(pad);
        if (!(fx >= 0 && fy >= 0 && fx <= maxC && fy <= maxR)) continue;  // beyond reach of the grid
        const double c = std::floor(fx), r = std::floor(fy);
        const double tx = fx - c, ty = fy - r;
        const double w = weights.empty() ? 1.0 : weights[i];
        const auto ci = static_cast<std::size_t>(c), ri = static_cast<std::size_t>(r);
        const std::size_t c1 = std::min(ci + 1, bins.columns - 1), r1 = std::min(ri + 1, bins.rows - 1);
        bins.at(ri, ci) += w * (1 - tx) * (1 - ty);
        bins.at(ri, c1) += w * tx * (1 - ty);
        bins.at(r1, ci) += w * (1 - tx) * ty;
        bins.at(r1, c1) += w * tx * ty;
    }
    return bins;
}

// Quartic: the kernel sampled at cell offsets, added at every non-empty bin (a sparse direct convolution).
std::vector<double> sparseConvolution(const GridSpec& grid, const KernelShape& kernel, const Bins& bins,
                                      std::ptrdiff_t reachCells) {
    struct StencilRow {
        std::ptrdiff_t first = 0;  // column offset of values[0]
        std::vector<float> values;
    };
    std::vector<StencilRow> stencil(static_cast<std::size_t>(2 * reachCells + 1));
    for (std::ptrdiff_t j = -reachCells; j <= reachCells; ++j) {
        StencilRow& row = stencil[static_cast<std::size_t>(j + reachCells)];
        const double dy = static_cast<double>(j) * grid.cell;
        for (std::ptrdiff_t i = -reachCells; i <= reachCells; ++i) {
            const double dx = static_cast<double>(i) * grid.cell;
            const double v = kernel.value(dx * dx + dy * dy);
            if (v <= 0) continue;
            if (row.values.empty()) row.first = i;
            row.values.resize(static_cast<std::size_t>(i - row.first + 1), 0.0f);
            row.values.back() = static_cast<float>(v);
        }
    }
    struct Bin {
        std::ptrdiff_t row, column;  // in output-grid coordinates (may be negative)
        float mass;
    };
    std::vector<Bin> occupied;
    const auto pad = static_cast<std::ptrdiff_t>(bins.pad);
    for (std::size_t r = 0; r < bins.rows; ++r) {
        for (std::size_t c = 0; c < bins.columns; ++c) {
            const double m = bins.mass[r * bins.columns + c];
            if (m != 0)
                occupied.push_back({static_cast<std::ptrdiff_t>(r) - pad, static_cast<std::ptrdiff_t>(c) - pad,
                                    static_cast<float>(m)});
        }
    }
    std::vector<double> out(grid.size(), 0.0);
    const auto columns = static_cast<std::ptrdiff_t>(grid.columns);
    core::parallelChunks(grid.rows, 16, [&](std::size_t, std::size_t begin, std::size_t end) {
        const auto rowBegin = static_cast<std::ptrdiff_t>(begin), rowEnd = static_cast<std::ptrdiff_t>(end);
        std::vector<float> band((end - begin) * grid.columns, 0.0f);
        // occupied is sorted by row: the bins that reach rows [rowBegin, rowEnd).
        const auto first = std::lower_bound(occupied.begin(), occupied.end(), rowBegin - reachCells,
                                            [](const Bin& b, std::ptrdiff_t r) { return b.row < r; });
        for (auto it = first; it != occupied.end() && it->row < rowEnd + reachCells; ++it) {
            const std::ptrdiff_t j0 = std::max(-reachCells, rowBegin - it->row);
            const std::ptrdiff_t j1 = std::min(reachCells, rowEnd - 1 - it->row);
            for (std::ptrdiff_t j = j0; j <= j1; ++j) {
                const StencilRow& s = stencil[static_cast<std::size_t>(j + reachCells)];
                if (s.values.empty()) continue;
                const std::ptrdiff_t c0 = std::max<std::ptrdiff_t>(0, it->column + s.first);
                const std::ptrdiff_t c1 = std::min<std::ptrdiff_t>(
                    columns, it->column + s.first + static_cast<std::ptrdiff_t>(s.values.size()));
                if (c0 >= c1) continue;
                float* dst = band.data() + (it->row + j - rowBegin) * columns;
                const float* src = s.values.data() + (c0 - it->column - s.first);
                const float m = it->mass;
                for (std::ptrdiff_t c = 0; c < c1 - c0; ++c) dst[c0 + c] += m * src[c];
            }
        }
        std::copy(band.begin(), band.end(), out.begin() + static_cast<std::ptrdiff_t>(begin * grid.columns));
    });
    return out;
}

// Gaussian: two separable 1D passes over the binned grid.
std::vector<double> separableConvolution(const GridSpec& grid, const KernelShape& kernel, const Bins& bins,
                                         std::ptrdiff_t reachCells) {
    std::vector<double> taps(static_cast<std::size_t>(2 * reachCells + 1));
    for (std::ptrdiff_t i = -reachCells; i <= reachCells; ++i) {
        const double d = static_cast<double>(i) * grid.cell;
        taps[static_cast<std::size_t>(i + reachCells)] = std::exp(-d * d / (2 * kernel.radius * kernel.radius));
    }
    const auto pad = static_cast<std::ptrdiff_t>(bins.pad);
    // Horizontal pass: every padded row, output columns only.
    std::vector<double> horizontal(bins.rows * grid.columns, 0.0);
    core::parallelChunks(bins.rows, 16, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t r = begin; r < end; ++r) {
            const double* src = bins.mass.data() + r * bins.columns;
            double* dst = horizontal.data() + r * grid.columns;
            for (std::size_t c = 0; c < grid.columns; ++c) {
                const double* window = src + static_cast<std::ptrdiff_t>(c) + pad - reachCells;
                double sum = 0;
                for (std::size_t k = 0; k < taps.size(); ++k) sum += window[k] * taps[k];
                dst[c] = sum;
            }
        }
    });
    std::vector<double> out(grid.size(), 0.0);
    core::parallelChunks(grid.rows, 16, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t r = begin; r < end; ++r) {
            double* dst = out.data() + r * grid.columns;
            for (std::size_t k = 0; k < taps.size(); ++k) {
                const double* src =
                    horizontal.data() + (r + k + bins.pad - static_cast<std::size_t>(reachCells)) * grid.columns;
                const double t = taps[k] * kernel.norm;
                for (std::size_t c = 0; c < grid.columns; ++c) dst[c] += t * src[c];
            }
        }
    });
    return out;
}

}  // namespace

std::vector<double> fastDensity(const GridSpec& grid, const KernelShape& kernel, std::span<const double> xs,
                                std::span<const double> ys, std::span<const double> weights) {
    const auto reachCells = static_cast<std::ptrdiff_t>(std::floor(kernel.reach / grid.cell));
    const auto pad = static_cast<std::size_t>(reachCells + 1);
    const Bins bins = linearBinning(grid, pad, xs, ys, weights);
    return kernel.kind == Kernel::Quartic ? sparseConvolution(grid, kernel, bins, reachCells)
                                          : separableConvolution(grid, kernel, bins, reachCells);
}

}  // namespace lb::analysis::detail
