#include "render/pick.hpp"

#include <algorithm>
#include <cmath>

#include "geo/planar.hpp"
namespace lb::render {
namespace {

bool ringContains(const SceneLayer& layer, std::uint32_t ring, double x, double y) {
    const std::uint32_t begin = layer.ringCoords[ring], end = layer.ringCoords[ring + 1];
    const double* xy = layer.xy.data() + 2 * std::size_t{begin};
    return geo::planar::ringContains(
        end - begin,
        [xy](std::size_t i) {
            return std::pair{xy[2 * i], xy[2 * i + 1]};
        },
        x, y);
}

}  // namespace

std::vector<std::string> drawingOrder(const Style& style, const RenderOptions& options) {
    if (!options.order.empty()) return options.order;
    std::vector<std::string> order;
    for (const auto& layer : style.layers) order.push_back(layer.layer);
    return order;
}

std::optional<FeatureRef> pick(const Scene& scene, const Style& style, const MapView& view,
                               const RenderOptions& options, double sx, double sy, double tolerance) {
    const auto world = view.toWorld(sx, sy);
    const double scale = view.scaleDenominator();
    const double pxToM = view.metresPerPixel;
    auto order = drawingOrder(style, options);
    std::reverse(order.begin(), order.end());
    // Points and lines before polygons at the same level so that a symbol on an area wins.
    for (const GeometryKind kind : {GeometryKind::Point, GeometryKind::Line, GeometryKind::Polygon}) {
        for (const auto& name : order) {
            const LayerStyle* layerStyle = style.find(name);
            if (!layerStyle) continue;
            if (!options.state(name, layerStyle->visibleByDefault).visible) continue;
            if (layerStyle->maxScale > 0 && scale > layerStyle->maxScale) continue;
            for (const auto& snapshot : scene.layers) {
                const SceneLayer& layer = *snapshot;
                if (layer.name != name || layer.kind != kind) continue;
                std::optional<FeatureRef> best;
                double bestDistance = 1e300;
                for (std::size_t f = layer.featureCount(); f-- > 0;) {
                    const ClassStyle* cls = layerStyle->classStyle(layer.classNames[layer.classIndex[f]]);
                    if (!cls || (cls->maxScale > 0 && scale > cls->maxScale)) continue;
                    const auto box = layer.featureBounds(f);
                    double reach = tolerance * pxToM;
                    if (kind == GeometryKind::Point) reach += 0.5 * cls->size * view.pixelRatio * pxToM;
                    if (kind == GeometryKind::Line) {
                        reach += 0.5 *
                                 std::max<double>(cls->lineWidth * view.pixelRatio, cls->lineWidthMetres / pxToM) *
                                 pxToM;
                    }
                    if (world[0] < box.minX - reach || world[0] > box.maxX + reach || world[1] < box.minY - reach ||
                        world[1] > box.maxY + reach) {
                        continue;
                    }
                    const std::uint32_t firstPart = layer.featureParts[f], endPart = layer.featureParts[f + 1];
                    for (std::uint32_t p = firstPart; p < endPart; ++p) {
                        const std::uint32_t firstRing = layer.partRings[p], endRing = layer.partRings[p + 1];
                        if (kind == GeometryKind::Polygon) {
                            bool inside = ringContains(layer, firstRing, world[0], world[1]);
                            for (std::uint32_t r = firstRing + 1; inside && r < endRing; ++r) {
                                if (ringContains(layer, r, world[0], world[1])) inside = false;
                            }
                            if (inside) return FeatureRef{layer.name, layer.fid[f]};
                            continue;
                        }
                        for (std::uint32_t r = firstRing; r < endRing; ++r) {
                            const std::uint32_t begin = layer.ringCoords[r], end = layer.ringCoords[r + 1];
                            double d = 1e300;
                            if (end - begin == 1) {
                                d = std::hypot(world[0] - layer.xy[2 * begin], world[1] - layer.xy[2 * begin + 1]);
                            }
                            for (std::uint32_t c = begin; c + 1 < end; ++c) {
                                d = std::min(d, geo::planar::segmentDistance(world[0], world[1], layer.xy[2 * c],
                                                                             layer.xy[2 * c + 1], layer.xy[2 * c + 2],
                                                                             layer.xy[2 * c + 3]));
                            }
                            if (d <= reach && d < bestDistance) {
                                bestDistance = d;
                                best = FeatureRef{layer.name, layer.fid[f]};
                            }
                        }
                    }
                }
                if (best) return best;
            }
        }
    }
    return std::nullopt;
}

}  // namespace lb::render
