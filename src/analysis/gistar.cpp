#include "analysis/gistar.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/error.hpp"
#include "core/parallel.hpp"

namespace lb::analysis {
namespace {

constexpr double kLevels[3] = {0.10, 0.05, 0.01};  // bins 1, 2, 3

// Neighbour lists by bucketing the points on a grid of the band's size: each point's neighbours lie in
// its own or one of the 8 surrounding buckets.
class BandNeighbours {
public:
    BandNeighbours(std::span<const double> xs, std::span<const double> ys, double distance)
        : m_xs(xs), m_ys(ys), m_distance(distance) {
        for (std::uint32_t i = 0; i < xs.size(); ++i) m_buckets[key(bucket(xs[i]), bucket(ys[i]))].push_back(i);
    }

    // Calls visit(j) for every j within the band of i (i included).
    template <typename Visit>
    void forEach(std::size_t i, Visit&& visit) const {
        const std::int64_t bx = bucket(m_xs[i]), by = bucket(m_ys[i]);
        // A hair of tolerance so that centroids exactly `distance` apart count despite rounding.
        const double limit = m_distance * m_distance * (1 + 1e-12);
        for (std::int64_t dy = -1; dy <= 1; ++dy) {
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                const auto it = m_buckets.find(key(bx + dx, by + dy));
                if (it == m_buckets.end()) continue;
                for (std::uint32_t j : it->second) {
                    const double ex = m_xs[j] - m_xs[i], ey = m_ys[j] - m_ys[i];
                    if (ex * ex + ey * ey <= limit) visit(j);
                }
            }
        }
    }

private:
    std::int64_t bucket(double v) const { return static_cast<std::int64_t>(std::floor(v / m_distance)); }
    static std::int64_t key(std::int64_t bx, std::int64_t by) { return bx * 0x100000007LL + by; }

    std::span<const double> m_xs, m_ys;
    double m_distance;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> m_buckets;
};

// The p-value below which a result counts at each confidence level (plain or FDR-adjusted).
std::array<double, 3> thresholds(const std::vector<double>& p, bool fdr) {
    std::array<double, 3> t{kLevels[0], kLevels[1], kLevels[2]};
    if (!fdr) return t;
    for (std::size_t level = 0; level < 3; ++level) t[level] = fdrThreshold(p, kLevels[level]);
    return t;
}

}  // namespace

double fdrThreshold(const std::vector<double>& p, double alpha) {
    std::vector<double> sorted = p;
    std::sort(sorted.begin(), sorted.end());
    const double n = static_cast<double>(sorted.size());
    double cut = -1;  // nothing significant
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        if (sorted[k] <= alpha * static_cast<double>(k + 1) / n) cut = sorted[k];
    }
    return cut;
}

double twoSidedP(double z) {
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

std::string_view giBinLabel(int bin) {
    switch (bin) {
        case 3:
            return "Hot Spot - 99% Confidence";
        case 2:
            return "Hot Spot - 95% Confidence";
        case 1:
            return "Hot Spot - 90% Confidence";
        case -1:
            return "Cold Spot - 90% Confidence";
        case -2:
            return "Cold Spot - 95% Confidence";
        case -3:
            return "Cold Spot - 99% Confidence";
        default:
            return "Not Significant";
    }
}

GiStarResult giStar(std::span<const double> xs, std::span<const double> ys, std::span<const double> values,
                    const GiStarOptions& options) {
    if (!(options.distance > 0)) throw core::UsageError("--distance must be a positive number of metres");
    if (xs.size() != ys.size() || xs.size() != values.size()) {
        throw core::UsageError("Gi*: coordinates and values differ in number");
    }
    const std::size_t n = values.size();
    if (n < 3) throw core::UsageError("Gi* needs at least 3 cells or zones, got " + std::to_string(n));
    const double nd = static_cast<double>(n);
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / nd;
    double centred2 = 0;
    for (double v : values) centred2 += (v - mean) * (v - mean);
    const double s = std::sqrt(centred2 / nd);
    if (!(s > 0)) throw core::UsageError("Gi*: every cell or zone has the same value, so there is no hot spot");

    const BandNeighbours band(xs, ys, options.distance);
    GiStarResult result;
    result.z.resize(n);
    result.p.resize(n);
    result.bin.resize(n);
    result.neighbours.resize(n);
    core::parallelChunks(n, 1024, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            double lag = 0;
            std::int32_t w = 0;
            band.forEach(i, [&](std::uint32_t j) {
                lag += values[j];
                ++w;
            });
            const double wi = w;  // binary weights: S1_i = W_i
            const double variance = s * s * (nd * wi - wi * wi) / (nd - 1);
            result.z[i] = variance > 0 ? (lag - mean * wi) / std::sqrt(variance) : 0.0;
            result.p[i] = twoSidedP(result.z[i]);
            result.neighbours[i] = w;
        }
    });
    const auto t = thresholds(result.p, options.fdr);
    for (std::size_t i = 0; i < n; ++i) {
        int bin = 0;
        for (int level = 0; level < 3; ++level) {
            if (result.p[i] <= t[static_cast<std::size_t>(level)] && result.p[i] < kLevels[level]) bin = level + 1;
        }
        result.bin[i] = result.z[i] > 0 ? bin : -bin;
    }
    return result;
}

}  // namespace lb::analysis
