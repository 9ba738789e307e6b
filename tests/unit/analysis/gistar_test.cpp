#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "analysis/gistar.hpp"
#include "core/error.hpp"
#include "support/test_support.hpp"

using namespace lb;
using namespace lb::analysis;

namespace {

struct Reference {
    std::vector<double> x, y, value, z;
    std::vector<std::vector<double>> extra;  // columns after z, row by row
};

// Reads a CSV of x,y,value,z written by R (lines starting with '#' are the provenance header).
Reference readReference(const std::string& name) {
    std::ifstream in(test::fixture("gistar/" + name));
    Reference ref;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::stringstream row(line);
        std::string cell;
        std::vector<double> v;
        while (std::getline(row, cell, ',')) v.push_back(std::stod(cell));
        ref.x.push_back(v.at(0));
        ref.y.push_back(v.at(1));
        ref.value.push_back(v.at(2));
        ref.z.push_back(v.at(3));
        ref.extra.emplace_back(v.begin() + 4, v.end());
    }
    return ref;
}

void expectMatchesSpdep(const std::string& name, double distance) {
    const Reference ref = readReference(name);
    ASSERT_GE(ref.z.size(), 40u);
    const auto result = giStar(ref.x, ref.y, ref.value, {distance, false});
    double maxAbs = 0;
    for (std::size_t i = 0; i < ref.z.size(); ++i) {
        EXPECT_NEAR(result.z[i], ref.z[i], 1e-9) << name << " row " << i;
        maxAbs = std::max(maxAbs, std::fabs(ref.z[i]));
    }
    EXPECT_GT(maxAbs, 2.0);  // the fixture has significant spots, so the comparison means something
}

}  // namespace

TEST(GiStar, EqualsSpdepLocalGOnAGrid) {
    expectMatchesSpdep("8x8-grid-band-1.5-spdep.csv", 1.5);
}

TEST(GiStar, EqualsSpdepLocalGOnIrregularPoints) {
    expectMatchesSpdep("40-points-band-2.5-spdep.csv", 2.5);
}

TEST(GiStar, HandComputedLine) {
    // Five cells on a line, band 1: values 0 0 0 0 10. n=5, mean 2, s² = 100/5 − 4 = 16.
    // Cell 4: W=2, lag=10 → (10 − 4) / (4 · sqrt((10 − 4) / 4)) = 6 / (4 · 1.2247…) = 1.2247…
    const std::vector<double> xs{0, 1, 2, 3, 4}, ys(5, 0.0), v{0, 0, 0, 0, 10};
    const auto r = giStar(xs, ys, v, {1.0, false});
    EXPECT_NEAR(r.z[4], 6.0 / (4.0 * std::sqrt(1.5)), 1e-12);
    EXPECT_NEAR(r.z[0], (0.0 - 4.0) / (4.0 * std::sqrt(1.5)), 1e-12);
    EXPECT_NEAR(r.z[2], (0.0 - 6.0) / (4.0 * std::sqrt((15.0 - 9.0) / 4.0)), 1e-12);
    EXPECT_EQ(r.neighbours[0], 2);
    EXPECT_EQ(r.neighbours[2], 3);
}

TEST(GiStar, ClassesFollowConfidenceLevelsAndFdrIsStricter) {
    // A 20×20 grid with a strong hot block and a weaker warm block.
    std::vector<double> xs, ys, v;
    for (int y = 0; y < 20; ++y) {
        for (int x = 0; x < 20; ++x) {
            xs.push_back(x);
            ys.push_back(y);
            double value = (x * 7 + y * 13) % 5;
            if (x < 4 && y < 4) value += 12;
            if (x > 14 && y > 14) value += 3;
            v.push_back(value);
        }
    }
    const auto plain = giStar(xs, ys, v, {1.5, false});
    const auto fdr = giStar(xs, ys, v, {1.5, true});
    int plainSignificant = 0, fdrSignificant = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const double p = plain.p[i];
        const int expected = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
        EXPECT_EQ(std::abs(plain.bin[i]), expected);
        EXPECT_TRUE(plain.bin[i] == 0 || (plain.bin[i] > 0) == (plain.z[i] > 0));
        EXPECT_LE(std::abs(fdr.bin[i]), std::abs(plain.bin[i]));
        plainSignificant += plain.bin[i] != 0;
        fdrSignificant += fdr.bin[i] != 0;
    }
    EXPECT_EQ(plain.bin[0 * 20 + 1], 3);  // inside the hot block
    EXPECT_GT(plainSignificant, fdrSignificant);
    EXPECT_GT(fdrSignificant, 0);
    EXPECT_EQ(giBinLabel(3), "Hot Spot - 99% Confidence");
    EXPECT_EQ(giBinLabel(-1), "Cold Spot - 90% Confidence");
    EXPECT_NEAR(twoSidedP(1.959963984540054), 0.05, 1e-12);
}

TEST(GiStar, DegenerateInputIsAUsageError) {
    const std::vector<double> xs{0, 1, 2}, ys{0, 0, 0};
    EXPECT_THROW(giStar(xs, ys, std::vector<double>{1, 1, 1}, {1.0, false}), core::UsageError);
    EXPECT_THROW(giStar(xs, ys, std::vector<double>{1, 2, 3}, {0.0, false}), core::UsageError);
    EXPECT_THROW(giStar(std::vector<double>{0, 1}, std::vector<double>{0, 0}, std::vector<double>{1, 2}, {1.0, false}),
                 core::UsageError);
}

TEST(GiStar, FdrClassesEqualBenjaminiHochbergAdjustedPValuesFromR) {
    const Reference ref = readReference("20x20-grid-band-1.5-spdep-bh.csv");
    ASSERT_EQ(ref.z.size(), 400u);
    const auto plain = giStar(ref.x, ref.y, ref.value, {1.5, false});
    const auto fdr = giStar(ref.x, ref.y, ref.value, {1.5, true});
    int differsFromPlain = 0;
    for (std::size_t i = 0; i < ref.z.size(); ++i) {
        ASSERT_EQ(ref.extra[i].size(), 2u) << "row " << i;
        EXPECT_NEAR(fdr.z[i], ref.z[i], 1e-9) << "row " << i;
        EXPECT_EQ(fdr.bin[i], static_cast<int>(ref.extra[i][1])) << "row " << i << " p_bh " << ref.extra[i][0];
        differsFromPlain += fdr.bin[i] != plain.bin[i];
    }
    // The fixture is one where the correction matters at every level, hot and cold.
    EXPECT_GE(differsFromPlain, 30);
}

// Hand-checked against R: p.adjust(c(0.001, 0.03, 0.9, 0.95), "BH") = 0.004 0.06 0.95 0.95, so at 5 % only the
// first is significant although 0.03 < 0.05: its rank-2 bound is 0.05·2/4 = 0.025. At 10 % both are
// (0.06 <= 0.1). p.adjust(c(0.0125, 0.025, 0.0375, 0.05), "BH") is 0.05 for every one: all four at 5 %.
TEST(GiStar, FdrThresholdIsBenjaminiHochbergWithRanksFromOne) {
    const std::vector<double> p{0.9, 0.03, 0.95, 0.001};  // unsorted on purpose
    EXPECT_DOUBLE_EQ(fdrThreshold(p, 0.05), 0.001);
    EXPECT_DOUBLE_EQ(fdrThreshold(p, 0.10), 0.03);
    EXPECT_DOUBLE_EQ(fdrThreshold(p, 0.0039), -1);  // 0.001 > 0.0039/4
    EXPECT_DOUBLE_EQ(fdrThreshold({0.0125, 0.025, 0.0375, 0.05}, 0.05), 0.05);
    EXPECT_DOUBLE_EQ(fdrThreshold({}, 0.05), -1);
}
