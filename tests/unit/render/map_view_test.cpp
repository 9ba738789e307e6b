#include <gtest/gtest.h>

#include "render/map_furniture.hpp"
#include "render/map_view.hpp"

using lb::render::MapView;

TEST(MapView, ScreenAndWorldRoundTripAtUtmCoordinates) {
    MapView view;
    view.centerX = 327048.945;
    view.centerY = 5632637.495;
    view.metresPerPixel = 0.01;
    view.width = 1000;
    view.height = 500;
    const auto s = view.toScreen(327048.955, 5632637.485);
    EXPECT_NEAR(s[0], 501.0, 1e-6);
    EXPECT_NEAR(s[1], 251.0, 1e-6);  // y grows downwards
    const auto w = view.toWorld(s[0], s[1]);
    EXPECT_NEAR(w[0], 327048.955, 1e-9);
    EXPECT_NEAR(w[1], 5632637.485, 1e-9);
}

TEST(MapView, ZoomKeepsThePointUnderTheCursor) {
    MapView view;
    view.centerX = 320000;
    view.centerY = 5630000;
    view.metresPerPixel = 2;
    const auto before = view.toWorld(100, 80);
    view.zoomAround(1.5, 100, 80);
    const auto after = view.toWorld(100, 80);
    EXPECT_NEAR(after[0], before[0], 1e-7);
    EXPECT_NEAR(after[1], before[1], 1e-7);
    EXPECT_NEAR(view.metresPerPixel, 2 / 1.5, 1e-12);
}

TEST(MapView, FitShowsTheWholeBoxWithMargin) {
    lb::core::BBox box;
    box.add(1000, 2000);
    box.add(5000, 3000);
    const auto view = MapView::fit(box, 800, 800, 1, 0.05);
    const auto shown = view.bounds();
    EXPECT_LT(shown.minX, 1000);
    EXPECT_GT(shown.maxX, 5000);
    EXPECT_LT(shown.minY, 2000);
    EXPECT_GT(shown.maxY, 3000);
    EXPECT_NEAR(view.metresPerPixel, 4000 * 1.1 / 800, 1e-9);
}

TEST(MapView, ScaleDenominatorUsesTheOgcPixel) {
    MapView view;
    view.metresPerPixel = 0.28;  // one OGC pixel of 0.28 mm shows 0.28 m → 1:1000
    EXPECT_NEAR(view.scaleDenominator(), 1000, 1e-9);
    view.setScaleDenominator(25000);
    EXPECT_NEAR(view.metresPerPixel, 7, 1e-9);
}

TEST(MapFurniture, ScaleBarHasARoundLengthThatFits) {
    auto bar = lb::render::niceScaleBar(2.0, 160);  // at most 320 m
    EXPECT_DOUBLE_EQ(bar.metres, 200);
    EXPECT_DOUBLE_EQ(bar.pixels, 100);
    EXPECT_EQ(bar.label, "200 m");
    bar = lb::render::niceScaleBar(20.0, 160);  // at most 3,200 m
    EXPECT_DOUBLE_EQ(bar.metres, 2000);
    EXPECT_EQ(bar.label, "2 km");
    bar = lb::render::niceScaleBar(0.05, 160);  // at most 8 m
    EXPECT_DOUBLE_EQ(bar.metres, 5);
    EXPECT_EQ(bar.label, "5 m");
}

TEST(MapFurniture, ScaleIsFormattedLikeAPrintedMap) {
    EXPECT_EQ(lb::render::formatScale(12347, "de"), "1:12.000");
    EXPECT_EQ(lb::render::formatScale(12347, "en"), "1:12,000");
    EXPECT_EQ(lb::render::formatScale(1520000, "de"), "1:1.500.000");
    EXPECT_EQ(lb::render::formatScale(87, "de"), "1:87");
    EXPECT_EQ(lb::render::osmAttribution("de"), "\xc2\xa9 OpenStreetMap-Mitwirkende");
    EXPECT_EQ(lb::render::formatInteger(32180, "de"), "32.180");
    EXPECT_EQ(lb::render::formatInteger(-1234567, "en"), "-1,234,567");
    EXPECT_EQ(lb::render::formatInteger(999, "de"), "999");
}

TEST(MapView, ImageRectOfAnEarlierViewFollowsPanAndZoom) {
    MapView rendered;
    rendered.width = 400;
    rendered.height = 300;
    rendered.metresPerPixel = 2;
    rendered.centerX = 327000;
    rendered.centerY = 5632000;
    EXPECT_EQ(rendered.imageRectOf(rendered), (std::array<double, 4>{0, 0, 400, 300}));

    MapView panned = rendered;
    panned.panPixels(30, -20);  // the ground moves 30 px right and 20 px up on screen
    const auto moved = panned.imageRectOf(rendered);
    EXPECT_NEAR(moved[0], 30, 1e-9);
    EXPECT_NEAR(moved[1], -20, 1e-9);
    EXPECT_NEAR(moved[2], 430, 1e-9);
    EXPECT_NEAR(moved[3], 280, 1e-9);

    MapView zoomed = rendered;
    zoomed.zoomAround(2.0, 100, 75);  // twice as close around a point: it stays put, the image doubles
    const auto scaled = zoomed.imageRectOf(rendered);
    EXPECT_NEAR(scaled[2] - scaled[0], 800, 1e-6);
    EXPECT_NEAR(scaled[3] - scaled[1], 600, 1e-6);
    EXPECT_NEAR(scaled[0] + 100 * 2, 100, 1e-6);  // the pixel at (100, 75) of the old image is still at 100
}
