#include "cli/map_loading.hpp"

#include "core/bbox_parse.hpp"
#include "project/density_overlay.hpp"
#include "project/hotspots.hpp"
#include "project/session.hpp"

namespace lb::cli {

project::MapRequest makeRequest(const std::string& size, const std::string& bbox, const std::string& layers,
                                bool publicMode, int k) {
    project::MapRequest request;
    std::tie(request.width, request.height) = project::parseSize(size, "--size");
    if (!bbox.empty()) request.bbox = core::parseBBox(bbox, "--bbox");
    if (!layers.empty()) request.layers = project::parseLayerList(layers, "--layers");
    request.publicMode = publicMode;
    request.k = k;
    (void)request.gate();  // validates k
    return request;
}

namespace {

std::vector<std::string> styleLayerNames(const render::Style& style) {
    std::vector<std::string> names;
    for (const auto& layer : style.layers) names.push_back(layer.layer);
    return names;
}

}  // namespace

LoadedMap loadMap(project::Session& session, const project::MapRequest& request, const std::string& styleFile,
                  bool heatmap) {
    const project::OutputGate gate = request.gate();
    render::Style style =
        render::Style::load(styleFile.empty() ? render::defaultStylePath() : std::filesystem::path(styleFile));
    auto scene =
        gate.scene(std::make_shared<const render::Scene>(session.loadScene(style, project::layersToLoad(request))));
    auto options = project::renderOptionsFor(request, styleLayerNames(style));
    project::Locations points;
    if (heatmap) points = project::locationsOf(session.dataset(), engine::Query{});
    auto density = gate.density(points.x, points.y, project::heatmapKdeDefaults());
    const core::BBox extent = request.bbox ? *request.bbox : (*scene)->extent();
    return LoadedMap{std::move(style), std::move(scene), std::move(options), extent, std::move(density)};
}

}  // namespace lb::cli
