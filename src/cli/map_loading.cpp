#include "cli/map_loading.hpp"

#include "core/bbox_parse.hpp"
#include "project/density_overlay.hpp"
#include "project/session.hpp"

namespace lb::cli {

project::MapRequest makeRequest(const std::string& size, const std::string& bbox, const std::string& layers,
                                bool publicMode) {
    project::MapRequest request;
    std::tie(request.width, request.height) = project::parseSize(size, "--size");
    if (!bbox.empty()) request.bbox = core::parseBBox(bbox, "--bbox");
    if (!layers.empty()) request.layers = project::parseLayerList(layers, "--layers");
    request.publicMode = publicMode;
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
    LoadedMap map;
    map.style = render::Style::load(styleFile.empty() ? render::defaultStylePath() : std::filesystem::path(styleFile));
    map.scene = std::make_shared<render::Scene>(session.loadScene(map.style, project::layersToLoad(request)));
    map.options = project::renderOptionsFor(request, styleLayerNames(map.style));
    map.extent = request.bbox ? *request.bbox : map.scene->extent();
    if (heatmap) {
        map.heatmap = project::densityOverlay(session.dataset(), engine::Query{}, project::heatmapKdeDefaults());
    }
    return map;
}

}  // namespace lb::cli
