#pragma once

// Timing helpers shared by the benchmark programs.

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace lb::bench {

// Wall-clock milliseconds of one call.
inline double millis(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The median of `repeat` calls (at least one).
inline double median(int repeat, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < std::max(1, repeat); ++i) t.push_back(millis(f));
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace lb::bench
