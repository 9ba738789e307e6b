#include "ui/layer_options.hpp"

#include <gtest/gtest.h>

namespace lb::ui {
namespace {

render::Style threeLayers() {
    return render::Style::parse(R"({"layers":[
        {"layer":"districts","classes":[{"fill":"#eeeeee"}]},
        {"layer":"roads","classes":[{"line":"#ffffff","lineWidth":4}]},
        {"layer":"incidents","classes":[{"size":10,"symbolFill":"#ff0000"}]}]})",
                                "layers.json");
}

// Every choice lands in the render options and in the settings, and tells its owner.
TEST(LayerOptions, ChoicesReachTheMapAndTheSettings) {
    const render::Style style = threeLayers();
    render::RenderOptions options;
    Settings settings;
    LayerOptions layers(options, style, settings);
    int changes = 0;
    layers.setChangedHook([&] { ++changes; });
    EXPECT_EQ(layers.order(), (std::vector<std::string>{"districts", "roads", "incidents"}));
    layers.setVisible("roads", false);
    layers.setOpacity("incidents", 1.7f);
    EXPECT_FALSE(options.layers.at("roads").visible);
    EXPECT_FALSE(settings.layers.at("roads").visible);
    EXPECT_FLOAT_EQ(layers.state("incidents").opacity, 1.0f) << "clamped";
    layers.move("incidents", +1);  // already on top: nothing moves
    EXPECT_EQ(layers.order().back(), "incidents");
    layers.move("districts", +1);
    EXPECT_EQ(layers.order(), (std::vector<std::string>{"roads", "districts", "incidents"}));
    EXPECT_EQ(settings.layerOrder, layers.order());
    layers.setLabels(false);
    layers.setLegend(false);
    EXPECT_FALSE(options.labels);
    EXPECT_FALSE(settings.legend);
    EXPECT_EQ(changes, 5) << "a move that moves nothing is no change";
    EXPECT_EQ(layers.color("incidents"), render::Color::parse("#ff0000"));
    EXPECT_EQ(layers.color("buildings"), std::nullopt);
}

// A saved order is taken only when it names exactly the style's layers (a newer style has others).
TEST(LayerOptions, ASavedOrderOfOtherLayersIsNotTaken) {
    const render::Style style = threeLayers();
    render::RenderOptions options;
    Settings settings;
    settings.layers["roads"] = SavedLayer{false, 0.5f};
    settings.layerOrder = {"incidents", "roads", "districts"};
    LayerOptions layers(options, style, settings);
    layers.applySaved();
    EXPECT_EQ(layers.order(), (std::vector<std::string>{"incidents", "roads", "districts"}));
    EXPECT_FALSE(layers.state("roads").visible);
    settings.layerOrder = {"incidents", "roads", "buildings"};
    layers.applySaved();
    EXPECT_EQ(layers.order(), (std::vector<std::string>{"districts", "roads", "incidents"}));
}

}  // namespace
}  // namespace lb::ui
