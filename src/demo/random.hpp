#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace lb::demo::detail {

// Random numbers for the demo town. Only the raw output of std::mt19937_64 is used (which the standard fixes
// bit for bit); every distribution is built here from integer and exact floating-point arithmetic, because
// the std distributions differ between standard libraries and the demo must be byte-identical everywhere.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : m_engine(seed) {}

    // An independent generator for one part of the demo, so that e.g. the number of incidents does not
    // change the town. Mixes the seed and the stream number with SplitMix64.
    static DemoRandom stream(std::uint64_t seed, std::uint64_t streamId) {
        std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (streamId + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return DemoRandom(z ^ (z >> 31));
    }

    std::uint64_t bits() { return m_engine(); }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Uniform integer in [lo, hi] (inclusive).
    int range(int lo, int hi) { return lo + static_cast<int>(index(static_cast<std::size_t>(hi - lo) + 1)); }

    // Uniform index in [0, n); n > 0. Multiply-shift on the top 32 bits: unbiased enough for a demo.
    std::size_t index(std::size_t n) {
        return static_cast<std::size_t>(((m_engine() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    bool chance(double p) { return uniform() < p; }

    // Approximately standard normal: the centred sum of four uniforms scaled to unit variance (Irwin–Hall).
    // Bounded at ±3.46, which suits spatial scatter; needs no libm.
    double normal() {
        const double sum = uniform() + uniform() + uniform() + uniform();
        return (sum - 2.0) * 1.7320508075688772;
    }

    // An index drawn with probability proportional to its weight; weights must not all be zero.
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0.0;
        for (double w : weights) total += w;
        double r = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[index(items.size())];
    }

private:
    std::mt19937_64 m_engine;
};

}  // namespace lb::demo::detail
