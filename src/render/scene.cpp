#include "render/scene.hpp"

#include <algorithm>
#include <atomic>

namespace lb::render {

std::uint64_t nextSceneLayerRevision() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

core::BBox SceneLayer::featureBounds(std::size_t feature) const {
    core::BBox box;
    const std::uint32_t firstRing = partRings[featureParts[feature]];
    const std::uint32_t endRing = partRings[featureParts[feature + 1]];
    for (std::uint32_t c = ringCoords[firstRing]; c < ringCoords[endRing]; ++c) box.add(xy[2 * c], xy[2 * c + 1]);
    return box;
}

std::uint16_t SceneLayer::classId(std::string_view className) {
    for (std::size_t i = 0; i < classNames.size(); ++i) {
        if (classNames[i] == className) return static_cast<std::uint16_t>(i);
    }
    classNames.emplace_back(className);
    return static_cast<std::uint16_t>(classNames.size() - 1);
}

void SceneLayer::beginFeature(std::int64_t id, std::string_view className, std::string_view label) {
    fid.push_back(id);
    classIndex.push_back(classId(className));
    if (!label.empty() && labels.size() < fid.size() - 1) labels.resize(fid.size() - 1);
    if (!labels.empty() || !label.empty()) labels.emplace_back(label);
    featureParts.push_back(featureParts.back());
}

void SceneLayer::beginPart() {
    partRings.push_back(partRings.back());
    ++featureParts.back();
}

void SceneLayer::beginRing() {
    ringCoords.push_back(ringCoords.back());
    ++partRings.back();
}

void SceneLayer::addCoord(double x, double y) {
    xy.push_back(x);
    xy.push_back(y);
    ++ringCoords.back();
    extent.add(x, y);
}

const SceneLayer* Scene::find(std::string_view name) const {
    for (const auto& layer : layers) {
        if (layer->name == name) return layer.get();
    }
    return nullptr;
}

core::BBox Scene::extent() const {
    core::BBox box;
    for (const auto& layer : layers) box.add(layer->extent);
    return box;
}

SceneSnapshot replaceSceneLayers(const Scene& old, Scene fresh, const std::vector<std::string>& names) {
    auto scene = std::make_shared<Scene>();
    scene->srid = old.srid;
    for (const auto& layer : old.layers) {
        if (std::find(names.begin(), names.end(), layer->name) == names.end()) scene->layers.push_back(layer);
    }
    for (auto& layer : fresh.layers) scene->layers.push_back(std::move(layer));
    return scene;
}

}  // namespace lb::render
