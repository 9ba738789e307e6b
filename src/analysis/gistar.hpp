#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace lb::analysis {

// Getis-Ord Gi* local statistic (Getis & Ord 1992; Ord & Getis 1995) with binary distance-band weights:
// w_ij = 1 when the centroids of i and j are at most `distance` apart, i itself included (the "star").
//
//   Gi*_i = (Σ_j w_ij x_j − x̄ W_i) / (s · sqrt((n S1_i − W_i²) / (n − 1)))
//   x̄ = Σx / n,  s² = Σx² / n − x̄²,  W_i = Σ_j w_ij,  S1_i = Σ_j w_ij²
//
// which is what R's spdep::localG computes with include.self() neighbours and style "B" weights
// (tests/fixtures/gistar/ holds its output; gistar_test.cpp compares to 1e-9). Gi* is already a z-score;
// p is two-sided from the standard normal. Classes follow ArcGIS's Hot Spot Analysis (Gi_Bin): ±3 at
// 99 %, ±2 at 95 %, ±1 at 90 % confidence, 0 not significant; with FDR, the thresholds are
// Benjamini–Hochberg-adjusted per confidence level as in ArcGIS's "Apply False Discovery Rate correction".
struct GiStarOptions {
    double distance = 0;  // metres, > 0
    bool fdr = false;
};

struct GiStarResult {
    std::vector<double> z;
    std::vector<double> p;
    std::vector<int> bin;                  // −3 … 3
    std::vector<std::int32_t> neighbours;  // W_i (self included)
};

// Throws core::UsageError for distance ≤ 0, mismatched sizes, fewer than 3 locations, or values that are
// all equal (s = 0: Gi* undefined).
GiStarResult giStar(std::span<const double> xs, std::span<const double> ys, std::span<const double> values,
                    const GiStarOptions& options);

// Two-sided p-value of a z-score under the standard normal.
double twoSidedP(double z);
// Benjamini–Hochberg at level alpha: the largest p_(k) (p sorted ascending, k from 1) with p_(k) <= alpha·k/n,
// so that exactly the p-values <= the result are significant (what R's p.adjust(p, "BH") <= alpha selects);
// -1 when none is.
double fdrThreshold(const std::vector<double>& p, double alpha);
// ArcGIS's labels: "Hot Spot - 99% Confidence" … "Not Significant" … "Cold Spot - 90% Confidence".
std::string_view giBinLabel(int bin);

}  // namespace lb::analysis
