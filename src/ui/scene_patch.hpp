#pragma once

#include <string>
#include <vector>

#include "render/render_options.hpp"
#include "render/scene.hpp"

namespace lb::ui {

// A new scene snapshot: `old` with every layer named in `names` replaced by the layers of `fresh` (a
// scene loaded for just those names). The renderer diffs snapshots; the old one stays valid for whoever
// holds it.
render::SceneSnapshot replaceSceneLayers(const render::Scene& old, render::Scene fresh,
                                         const std::vector<std::string>& names);

// Whether the scene still draws the feature.
bool sceneHasFeature(const render::Scene& scene, const render::FeatureRef& ref);

}  // namespace lb::ui
