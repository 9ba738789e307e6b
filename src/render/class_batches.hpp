#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render {

// The features of one class value of a layer with the class's style. Both backends group a layer this way
// (the GL renderer's buffers, the Cairo painter's paths), so they draw and list classes in the same order.
struct StyleBatch {
    std::uint16_t classIndex = 0;
    const ClassStyle* style = nullptr;    // points into the layer style's classes
    std::vector<std::uint32_t> features;  // scene feature indices, ascending
};

// The layer's features grouped by class value; classes without a style (not drawn) and without features are
// left out. Sorted by drawing order: ClassStyle::order, then the order of the classes in the style.
std::vector<StyleBatch> styleBatches(const SceneLayer& layer, const LayerStyle& style);

// The area of a polygon feature in m² (holes subtracted).
double featureArea(const SceneLayer& layer, std::size_t feature);

// Area-weighted centroid of the largest part's shell; good enough to anchor an area label.
std::array<double, 2> labelAnchor(const SceneLayer& layer, std::size_t feature);

}  // namespace lb::render
