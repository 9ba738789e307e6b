#include "render/scene.hpp"

#include <gtest/gtest.h>

namespace lb::render {
namespace {

SceneLayer pointsLayer(const std::string& name, std::initializer_list<std::pair<double, double>> points) {
    SceneLayer layer;
    layer.name = name;
    std::int64_t id = 1;
    for (auto [x, y] : points) {
        layer.beginFeature(id++, "");
        layer.beginPart();
        layer.beginRing();
        layer.addCoord(x, y);
    }
    layer.revision = nextSceneLayerRevision();
    return layer;
}

// A patched snapshot shares the layers it did not replace (the same object, no copy of a million points),
// takes the fresh ones, and leaves the old snapshot as it was for whoever still holds it.
TEST(Scene, PatchingAfterAnEditSharesTheLayersItDidNotReplace) {
    auto before = std::make_shared<Scene>();
    before->add(pointsLayer("incidents", {{1, 1}, {2, 2}, {3, 3}}));
    before->add(pointsLayer("graffiti", {{5, 5}}));
    Scene fresh;
    fresh.add(pointsLayer("graffiti", {{5, 5}, {6, 6}}));
    const SceneSnapshot after = replaceSceneLayers(*before, std::move(fresh), {"graffiti"});

    ASSERT_EQ(after->layers.size(), 2u);
    EXPECT_EQ(after->find("incidents"), before->find("incidents"));  // shared, not copied
    EXPECT_NE(after->find("graffiti"), before->find("graffiti"));
    EXPECT_EQ(after->find("graffiti")->featureCount(), 2u);
    EXPECT_EQ(before->find("graffiti")->featureCount(), 1u);
    EXPECT_EQ(after->find("incidents")->revision, before->find("incidents")->revision);
    EXPECT_EQ(after->extent().maxX, 6);
}

// A layer with several geometry kinds is several scene layers of one name: replacing the name replaces all.
TEST(Scene, ReplacingANameReplacesEveryPartOfIt) {
    Scene old;
    old.add(pointsLayer("pois", {{1, 1}}));
    SceneLayer lines;
    lines.name = "pois";
    lines.kind = GeometryKind::Line;
    lines.beginFeature(9, "");
    lines.beginPart();
    lines.beginRing();
    lines.addCoord(0, 0);
    lines.addCoord(4, 4);
    old.add(lines);
    old.add(pointsLayer("roads", {{7, 7}}));
    const SceneSnapshot patched = replaceSceneLayers(old, Scene{}, {"pois"});
    ASSERT_EQ(patched->layers.size(), 1u);
    EXPECT_EQ(patched->layers[0]->name, "roads");
}

}  // namespace
}  // namespace lb::render
