#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "geo/wkb.hpp"
#include "geo/wkb_reader.hpp"

using namespace lb;

namespace {

// Writes what the reader reports as text: "P(1,2)", "L2", "A1", "R0:4", "(x,y)".
struct Trace {
    std::string out;
    void point(double x, double y) { out += "P(" + num(x) + "," + num(y) + ")"; }
    void beginLine(std::uint32_t n) { out += "L" + std::to_string(n); }
    void beginPolygon(std::uint32_t rings) { out += "A" + std::to_string(rings); }
    void beginRing(std::uint32_t index, std::uint32_t n) {
        out += "R" + std::to_string(index) + ":" + std::to_string(n);
    }
    void coord(double x, double y) { out += "(" + num(x) + "," + num(y) + ")"; }
    static std::string num(double v) { return std::to_string(static_cast<int>(v)); }
};

std::string trace(const core::Wkb& wkb) {
    Trace t;
    const std::size_t used = geo::readWkb(wkb.data(), wkb.size(), t);
    EXPECT_EQ(used, wkb.size());
    return t.out;
}

std::string failure(const core::Wkb& wkb) {
    Trace t;
    try {
        geo::readWkb(wkb.data(), wkb.size(), t);
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(WkbReader, ReportsPointsLinesPolygonsAndMultiPartsInOrder) {
    EXPECT_EQ(trace(geo::pointWkb(1, 2)), "P(1,2)");
    EXPECT_EQ(trace(geo::lineStringWkb({{0, 0}, {3, 4}})), "L2(0,0)(3,4)");
    EXPECT_EQ(trace(geo::polygonWkb({{{0, 0}, {4, 0}, {4, 4}}, {{1, 1}, {2, 1}, {2, 2}}})),
              "A2R0:4(0,0)(4,0)(4,4)(0,0)R1:4(1,1)(2,1)(2,2)(1,1)");
    EXPECT_EQ(trace(geo::multiPolygonWkb({{{{0, 0}, {1, 0}, {1, 1}}}, {{{5, 5}, {6, 5}, {6, 6}}}})),
              "A1R0:4(0,0)(1,0)(1,1)(0,0)A1R0:4(5,5)(6,5)(6,6)(5,5)");
}

TEST(WkbReader, ReadsBigEndianAsLittleEndian) {
    // POINT(1 2) in big-endian WKB.
    const core::Wkb big{0, 0, 0, 0, 1, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0};
    EXPECT_EQ(trace(big), "P(1,2)");
}

TEST(WkbReader, TruncatedUnknownAndTooDeepBlobsAreInputErrors) {
    core::Wkb line = geo::lineStringWkb({{0, 0}, {1, 1}});
    line.resize(line.size() - 3);
    EXPECT_NE(failure(line).find("invalid geometry: truncated WKB"), std::string::npos);
    EXPECT_NE(failure({}).find("truncated WKB"), std::string::npos);
    core::Wkb pointZ = geo::pointWkb(1, 2);
    pointZ[1] = 0xE9;  // 1001: POINT Z
    pointZ[2] = 0x03;
    EXPECT_NE(failure(pointZ).find("unsupported WKB geometry type 1001"), std::string::npos);
    core::Wkb badOrder = geo::pointWkb(1, 2);
    badOrder[0] = 7;
    EXPECT_NE(failure(badOrder).find("bad byte order marker"), std::string::npos);
    // Ten collections inside each other, around one point.
    core::Wkb nested = geo::pointWkb(0, 0);
    for (int i = 0; i < 10; ++i) {
        core::Wkb outer{1, 7, 0, 0, 0, 1, 0, 0, 0};
        outer.insert(outer.end(), nested.begin(), nested.end());
        nested = outer;
    }
    EXPECT_NE(failure(nested).find("nested too deeply"), std::string::npos);
    // A count far beyond the blob is refused before anything is reserved or read.
    core::Wkb huge{1, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F};
    EXPECT_NE(failure(huge).find("truncated WKB"), std::string::npos);
}
