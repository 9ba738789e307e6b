#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "project/map_request.hpp"

namespace lb::project {
namespace {

std::vector<std::string> allLayers() {
    std::vector<std::string> names;
    for (const auto& info : core::kLayers) names.emplace_back(info.name);
    return names;
}

TEST(MapRequest, PublicGateHidesEverySensitiveLayerAndTheHighlights) {
    // The GUI's options as a user left them: everything visible, a feature selected, query matches shown.
    render::RenderOptions options;
    for (const auto& name : allLayers()) options.layers[name] = render::LayerState{true, 0.8f};
    options.highlight = render::FeatureRef{"incidents", 3};
    options.highlightSet = std::make_shared<render::FeatureSet>(render::FeatureSet{"incidents", {1, 2}});
    const auto released = OutputGate::forPublic().renderOptions(options);
    for (const auto& info : core::kLayers) {
        EXPECT_EQ(released->layers.at(std::string(info.name)).visible, !info.sensitive) << info.name;
        EXPECT_EQ(OutputGate::forPublic().layerAllowed(info.name), !info.sensitive) << info.name;
    }
    for (const char* internal : {"incidents", "routes", "visits", "observations", "audit_log", "observation_photos"})
        EXPECT_FALSE(OutputGate::forPublic().layerAllowed(std::string_view(internal)));
    EXPECT_FALSE(released->highlight.has_value());
    EXPECT_FALSE(released->highlightSet);
    EXPECT_TRUE(released->heatmap);  // aggregates stay
}

TEST(MapRequest, RenderPublicUsesTheSameGate) {
    MapRequest request;
    request.publicMode = true;
    request.layers = {"roads", "incidents", "graffiti", "routes"};
    const auto options = *renderOptionsFor(request, allLayers());
    EXPECT_TRUE(options.layers.at("roads").visible);
    EXPECT_TRUE(options.layers.at("graffiti").visible);
    EXPECT_FALSE(options.layers.at("incidents").visible);
    EXPECT_FALSE(options.layers.at("routes").visible);
    EXPECT_FALSE(options.layers.at("buildings").visible);  // not asked for
    const auto loaded = layersToLoad(request);
    EXPECT_EQ(loaded, (std::vector<std::string>{"roads", "graffiti"}));
    // Without --layers: every non-sensitive layer keeps the style's default (no entry), sensitive ones off.
    request.layers.clear();
    const auto all = *renderOptionsFor(request, allLayers());
    EXPECT_FALSE(all.layers.contains("roads"));
    EXPECT_FALSE(all.layers.at("observations").visible);
}

}  // namespace
}  // namespace lb::project
