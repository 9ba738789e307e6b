#include <gtest/gtest.h>

#include "render/pick.hpp"

using namespace lb::render;

namespace {

Style testStyle() {
    return Style::parse(R"({"layers":[
        {"layer":"districts","classes":[{"fill":"#eeeeee"}]},
        {"layer":"roads","classes":[{"line":"#ffffff","lineWidth":4}]},
        {"layer":"incidents","classes":[{"size":10,"symbolFill":"#ff0000"}]}]})",
                        "pick.json");
}

Scene testScene() {
    Scene scene;
    SceneLayer districts;
    districts.name = "districts";
    districts.kind = GeometryKind::Polygon;
    districts.beginFeature(7, "");
    districts.beginPart();
    districts.beginRing();  // 0..100 square with a hole 40..60
    for (auto [x, y] : {std::pair{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}) districts.addCoord(x, y);
    districts.beginRing();
    for (auto [x, y] : {std::pair{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}}) districts.addCoord(x, y);
    scene.add(districts);
    SceneLayer roads;
    roads.name = "roads";
    roads.kind = GeometryKind::Line;
    roads.beginFeature(3, "");
    roads.beginPart();
    roads.beginRing();
    roads.addCoord(0, 20);
    roads.addCoord(100, 20);
    scene.add(roads);
    SceneLayer incidents;
    incidents.name = "incidents";
    incidents.kind = GeometryKind::Point;
    incidents.beginFeature(11, "");
    incidents.beginPart();
    incidents.beginRing();
    incidents.addCoord(80, 80);
    scene.add(incidents);
    return scene;
}

}  // namespace

TEST(Pick, FindsTheTopmostFeatureAsDrawn) {
    const Scene scene = testScene();
    const Style style = testStyle();
    MapView view;
    view.centerX = 50;
    view.centerY = 50;
    view.metresPerPixel = 0.5;  // 100 m = 200 px
    view.width = 400;
    view.height = 400;
    RenderOptions options;
    auto at = [&](double x, double y) {
        const auto s = view.toScreen(x, y);
        return pick(scene, style, view, options, s[0], s[1], 1);
    };
    EXPECT_EQ(at(80, 80), (FeatureRef{"incidents", 11}));
    EXPECT_EQ(at(82, 81), (FeatureRef{"incidents", 11}));  // within the 10 px symbol (2.5 m radius)
    EXPECT_EQ(at(30, 21), (FeatureRef{"roads", 3}));       // within 2 px half width + 1 px
    EXPECT_EQ(at(30, 30), (FeatureRef{"districts", 7}));
    EXPECT_FALSE(at(50, 50));   // in the hole
    EXPECT_FALSE(at(150, 50));  // outside
    options.layers["incidents"].visible = false;
    EXPECT_EQ(at(80, 80), (FeatureRef{"districts", 7}));  // hidden layers are not picked
}
