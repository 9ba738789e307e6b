#include "ui/camera.hpp"

#include <gtest/gtest.h>

namespace lb::ui {
namespace {

// A project opened before the window knows its canvas size is fitted again when the size arrives; a user
// zoom in between drops that repeat.
TEST(Camera, AFitBeforeTheCanvasSizeIsRepeatedWhenItArrives) {
    Camera camera;
    int changes = 0;
    camera.setChangedHook([&](const render::MapView&) { ++changes; });
    EXPECT_FALSE(camera.hasView());
    const core::BBox town{1000, 2000, 5000, 4000};
    camera.fitAll(town);
    EXPECT_TRUE(camera.hasView());
    camera.setCanvas(800, 400, 1.0);
    EXPECT_DOUBLE_EQ(camera.view().centerX, 3000);
    EXPECT_DOUBLE_EQ(camera.view().centerY, 3000);
    EXPECT_NEAR(camera.view().metresPerPixel, 5.0, 0.5) << "4 km wide in 800 px, with the fit's margin";
    EXPECT_GE(changes, 2);
    const double fitted = camera.view().metresPerPixel;
    camera.setCanvas(1600, 800, 1.0);  // a later resize keeps the user's view
    EXPECT_DOUBLE_EQ(camera.view().metresPerPixel, fitted);
}

TEST(Camera, ZoomStaysWithinItsLimitsAndPanMovesTheCentre) {
    Camera camera;
    camera.zoomCentre(2);  // no view yet: nothing happens
    EXPECT_FALSE(camera.hasView());
    camera.setCanvas(100, 100, 1.0);
    camera.restore(500, 500, 1.0);
    camera.zoomCentre(2);
    EXPECT_DOUBLE_EQ(camera.view().metresPerPixel, 0.5);
    for (int i = 0; i < 40; ++i) camera.zoomCentre(2);
    EXPECT_GE(camera.view().metresPerPixel, 0.02) << "about 1:500 at most";
    for (int i = 0; i < 80; ++i) camera.zoomCentre(0.5);
    EXPECT_LE(camera.view().metresPerPixel, 2000) << "about 1:5,000,000 at least";
    camera.restore(500, 500, 1.0);
    camera.panPixels(10, 0);  // the ground moves right: the centre moves left
    EXPECT_DOUBLE_EQ(camera.view().centerX, 490);
    camera.reset();
    EXPECT_FALSE(camera.hasView());
}

TEST(Camera, ZoomToExtentKeepsAMargin) {
    Camera camera;
    camera.setCanvas(200, 200, 1.0);
    camera.restore(0, 0, 1.0);
    camera.zoomToExtent(core::BBox{0, 0, 10, 10});  // a tiny box: at least 60 m around it
    EXPECT_GE(camera.view().metresPerPixel * 200, 130.0);
    camera.zoomToExtent(core::BBox{});  // empty: the view stays
    EXPECT_DOUBLE_EQ(camera.view().centerX, 5);
}

}  // namespace
}  // namespace lb::ui
