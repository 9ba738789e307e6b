#include "render/class_batches.hpp"

#include <algorithm>
#include <cmath>

#include "geo/planar.hpp"

namespace lb::render {
namespace {

double ringArea(const SceneLayer& layer, std::uint32_t ring) {
    const std::uint32_t begin = layer.ringCoords[ring], end = layer.ringCoords[ring + 1];
    const double* xy = layer.xy.data() + 2 * std::size_t{begin};
    return geo::planar::signedRingArea(end - begin, [xy](std::size_t i) {
        return std::pair{xy[2 * i], xy[2 * i + 1]};
    });
}

}  // namespace

std::vector<StyleBatch> styleBatches(const SceneLayer& layer, const LayerStyle& style) {
    std::vector<std::vector<std::uint32_t>> byClass(layer.classNames.size());
    for (std::uint32_t f = 0; f < layer.featureCount(); ++f) byClass[layer.classIndex[f]].push_back(f);
    std::vector<StyleBatch> batches;
    for (std::uint16_t c = 0; c < layer.classNames.size(); ++c) {
        const ClassStyle* cls = style.classStyle(layer.classNames[c]);
        if (!cls || byClass[c].empty()) continue;
        batches.push_back({c, cls, std::move(byClass[c])});
    }
    std::stable_sort(batches.begin(), batches.end(), [&](const StyleBatch& a, const StyleBatch& b) {
        if (a.style->order != b.style->order) return a.style->order < b.style->order;
        return (a.style - style.classes.data()) < (b.style - style.classes.data());
    });
    return batches;
}

double featureArea(const SceneLayer& layer, std::size_t f) {
    double area = 0;
    for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
        for (std::uint32_t r = layer.partRings[p]; r < layer.partRings[p + 1]; ++r) {
            const double a = std::abs(ringArea(layer, r));
            area += r == layer.partRings[p] ? a : -a;
        }
    }
    return std::max(area, 0.0);
}

std::array<double, 2> labelAnchor(const SceneLayer& layer, std::size_t f) {
    double bestArea = -1;
    std::array<double, 2> anchor{0, 0};
    for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
        const std::uint32_t ring = layer.partRings[p];
        const std::uint32_t begin = layer.ringCoords[ring], end = layer.ringCoords[ring + 1];
        double a = 0, cx = 0, cy = 0;
        for (std::uint32_t i = begin, j = end - 1; i < end; j = i++) {
            const double cross = layer.xy[2 * j] * layer.xy[2 * i + 1] - layer.xy[2 * i] * layer.xy[2 * j + 1];
            a += cross;
            cx += (layer.xy[2 * j] + layer.xy[2 * i]) * cross;
            cy += (layer.xy[2 * j + 1] + layer.xy[2 * i + 1]) * cross;
        }
        if (std::abs(a) > bestArea && a != 0) {
            bestArea = std::abs(a);
            anchor = {cx / (3 * a), cy / (3 * a)};
        }
    }
    return anchor;
}

}  // namespace lb::render
