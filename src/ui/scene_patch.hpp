#pragma once

#include <string>
#include <vector>

#include "render/render_options.hpp"
#include "render/scene.hpp"

namespace lb::ui {

// (The snapshot after an edit is render::replaceSceneLayers, shared with bench-render's edit timing.)

// Whether the scene still draws the feature.
bool sceneHasFeature(const render::Scene& scene, const render::FeatureRef& ref);

}  // namespace lb::ui
