#include "ui/scene_patch.hpp"

#include <algorithm>
#include <memory>

namespace lb::ui {

render::SceneSnapshot replaceSceneLayers(const render::Scene& old, render::Scene fresh,
                                         const std::vector<std::string>& names) {
    auto scene = std::make_shared<render::Scene>();
    scene->srid = old.srid;
    for (const auto& layer : old.layers) {
        if (std::find(names.begin(), names.end(), layer.name) == names.end()) scene->layers.push_back(layer);
    }
    for (auto& layer : fresh.layers) scene->layers.push_back(std::move(layer));
    return scene;
}

bool sceneHasFeature(const render::Scene& scene, const render::FeatureRef& ref) {
    for (const auto& layer : scene.layers) {
        if (layer.name == ref.layer && std::find(layer.fid.begin(), layer.fid.end(), ref.fid) != layer.fid.end())
            return true;
    }
    return false;
}

}  // namespace lb::ui
