#include "project/map_request.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "core/layer.hpp"

namespace lb::project {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

}  // namespace

std::pair<int, int> parseSize(const std::string& text, const std::string& flag) {
    const auto x = text.find_first_of("xX");
    int w = 0, h = 0;
    if (x != std::string::npos) {
        const auto r1 = std::from_chars(text.data(), text.data() + x, w);
        const auto r2 = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
        if (r1.ec == std::errc{} && r1.ptr == text.data() + x && r2.ec == std::errc{} &&
            r2.ptr == text.data() + text.size() && w >= 16 && h >= 16 && w <= 16384 && h <= 16384) {
            return {w, h};
        }
    }
    throw core::UsageError(flag + " \"" + text + "\": expected WIDTHxHEIGHT in pixels, e.g. 1920x1080 (16 to 16384)");
}

std::vector<std::string> parseLayerList(const std::string& text, const std::string& flag) {
    std::vector<std::string> layers;
    for (const auto& name : split(text, ',')) {
        if (!core::layerFromName(name)) {
            throw core::UsageError(flag + ": unknown layer \"" + name +
                                   "\" (layers: " + std::string(core::layerNamesList(core::LayerKind::BaseMap)) + " " +
                                   std::string(core::layerNamesList(core::LayerKind::Thematic)) + ")");
        }
        if (std::find(layers.begin(), layers.end(), name) == layers.end()) layers.push_back(name);
    }
    return layers;
}

Released<render::RenderOptions> renderOptionsFor(const MapRequest& request,
                                                 const std::vector<std::string>& styleLayers) {
    render::RenderOptions options;
    for (const auto& layer : styleLayers) {
        const bool asked = request.layers.empty() ||
                           std::find(request.layers.begin(), request.layers.end(), layer) != request.layers.end();
        if (!request.layers.empty()) options.layers[layer] = render::LayerState{asked, 1};
    }
    options.labels = request.labels;
    options.legend = request.legend;
    options.furniture = request.furniture;
    options.language = request.language;
    return request.gate().renderOptions(std::move(options));
}

std::vector<std::string> layersToLoad(const MapRequest& request) {
    std::vector<std::string> layers;
    if (request.layers.empty()) {
        for (const auto& info : core::kLayers) layers.emplace_back(info.name);
    } else {
        layers = request.layers;
    }
    const OutputGate gate = request.gate();
    std::erase_if(layers, [&gate](const std::string& layer) { return !gate.layerAllowed(layer); });
    return layers;
}

}  // namespace lb::project
