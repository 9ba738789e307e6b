#pragma once

#include <cmath>
#include <numbers>
#include <span>
#include <vector>

#include "analysis/grid_spec.hpp"
#include "analysis/kde.hpp"

namespace lb::analysis::detail {

// A radially symmetric kernel as a function of the squared distance, normalised to integrate to 1 (per m²).
struct KernelShape {
    Kernel kind = Kernel::Quartic;
    double radius = 1;  // r (quartic) or σ (gaussian)
    double reach = 1;   // distance beyond which the kernel is 0
    double norm = 1;

    static KernelShape make(Kernel kind, double radius) {
        KernelShape k{kind, radius, radius, 1};
        if (kind == Kernel::Quartic) {
            k.norm = 3.0 / (std::numbers::pi * radius * radius);
        } else {
            k.reach = 4 * radius;
            k.norm = 1.0 / (2 * std::numbers::pi * radius * radius);
        }
        return k;
    }

    double value(double d2) const {
        if (kind == Kernel::Quartic) {
            const double u = 1.0 - d2 / (radius * radius);
            return u > 0 ? norm * u * u : 0.0;
        }
        return d2 <= reach * reach ? norm * std::exp(-d2 / (2 * radius * radius)) : 0.0;
    }
};

// The fast mode of kernelDensity (kde_fast.cpp): linear binning + convolution. Density per m².
std::vector<double> fastDensity(const GridSpec& grid, const KernelShape& kernel, std::span<const double> xs,
                                std::span<const double> ys, std::span<const double> weights);

}  // namespace lb::analysis::detail
