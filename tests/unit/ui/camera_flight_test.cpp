// The van Wijk & Nuij flight between slides.
#include <gtest/gtest.h>

#include <cmath>

#include "ui/camera_flight.hpp"

namespace lb::ui {
namespace {

TEST(CameraFlight, StartsAndEndsExactlyAtTheViews) {
    const FlightView a{1000, 2000, 500}, b{9000, 2500, 300};
    const CameraFlight flight(a, b);
    const auto start = flight.at(0), end = flight.at(1);
    EXPECT_DOUBLE_EQ(start.x, a.x);
    EXPECT_DOUBLE_EQ(start.width, a.width);
    EXPECT_DOUBLE_EQ(end.x, b.x);
    EXPECT_DOUBLE_EQ(end.y, b.y);
    EXPECT_DOUBLE_EQ(end.width, b.width);
    // The path parameter's end lands on the target too (the closed form, not only the clamp in at()).
    const auto last = flight.atPath(flight.length());
    EXPECT_NEAR(last.x, b.x, 1e-6);
    EXPECT_NEAR(last.width, b.width, 1e-6);
}

TEST(CameraFlight, ZoomsOutOnTheWayAndMovesMonotonically) {
    // A pan of 16 view widths: the flight zooms out far beyond both ends (the point of the method).
    const FlightView a{0, 0, 500}, b{8000, 0, 500};
    const CameraFlight flight(a, b);
    double widest = 0, lastX = -1;
    for (int i = 0; i <= 100; ++i) {
        const auto v = flight.at(i / 100.0);
        widest = std::max(widest, v.width);
        EXPECT_GE(v.x, lastX);
        EXPECT_GT(v.width, 0);
        lastX = v.x;
    }
    EXPECT_GT(widest, 2000);
    EXPECT_NEAR(flight.at(0.5).width, widest, widest * 0.01);  // symmetric: widest in the middle
    // S from the paper for equal widths: 2/ρ · asinh(ρ² u / (2 w)).
    const double rho = CameraFlight::kRho;
    EXPECT_NEAR(flight.length(), 2 / rho * std::asinh(rho * rho * 8000 / (2 * 500)), 1e-9);
}

TEST(CameraFlight, PureZoomAndEasing) {
    const CameraFlight zoom({100, 100, 4000}, {100, 100, 250});
    EXPECT_NEAR(zoom.length(), std::log(16.0) / CameraFlight::kRho, 1e-9);
    EXPECT_NEAR(zoom.at(0.5).width, 1000, 1e-6);  // geometric middle
    EXPECT_DOUBLE_EQ(zoom.at(0.5).x, 100);
    EXPECT_DOUBLE_EQ(easeInOut(0), 0);
    EXPECT_DOUBLE_EQ(easeInOut(1), 1);
    EXPECT_DOUBLE_EQ(easeInOut(0.5), 0.5);
    EXPECT_LT(easeInOut(0.05), 0.05);  // slow start
    const CameraFlight still({1, 2, 3}, {1, 2, 3});
    EXPECT_DOUBLE_EQ(still.length(), 0);
    EXPECT_DOUBLE_EQ(still.at(0.3).width, 3);
}

}  // namespace
}  // namespace lb::ui
