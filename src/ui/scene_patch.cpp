#include "ui/scene_patch.hpp"

#include <algorithm>
#include <memory>

namespace lb::ui {

bool sceneHasFeature(const render::Scene& scene, const render::FeatureRef& ref) {
    for (const auto& layer : scene.layers) {
        if (layer->name == ref.layer && std::find(layer->fid.begin(), layer->fid.end(), ref.fid) != layer->fid.end())
            return true;
    }
    return false;
}

}  // namespace lb::ui
