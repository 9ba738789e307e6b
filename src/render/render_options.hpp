#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lb::render {

struct LayerState {
    bool visible = true;
    float opacity = 1;
};

struct FeatureRef {
    std::string layer;
    std::int64_t fid = 0;
    bool operator==(const FeatureRef&) const = default;
};

// Many features of one layer drawn highlighted (the GUI's query results); fids ascending.
struct FeatureSet {
    std::string layer;
    std::vector<std::int64_t> fids;
    bool contains(std::int64_t fid) const { return std::binary_search(fids.begin(), fids.end(), fid); }
};

// Everything besides the view that decides a frame: the GUI's layer panel state, the CLI's --layers.
struct RenderOptions {
    std::map<std::string, LayerState> layers;  // by layer name; missing = the style's default visibility
    std::vector<std::string> order;            // drawing order bottom to top; empty = the style's order
    bool labels = true;
    bool furniture = true;  // scale bar, north arrow, attribution
    bool legend = true;
    // Presentations and animation frames: the legend (and its texts) this many times its normal size,
    // on an opaque box; and a caption (a date, a slide title) in a large box at the top centre ("" = none).
    float legendScale = 1;
    std::string caption;
    std::string language = "de";
    std::optional<FeatureRef> highlight;
    // Drawn like `highlight`, below it; shared so that copying the options stays cheap.
    std::shared_ptr<const FeatureSet> highlightSet;
    // Dense point layers are drawn from the coarsest level of detail whose grid cells are at most this
    // many physical pixels wide (see point_lod.hpp); 0 draws every point.
    double pointLodPixels = 0.25;
    // The heatmap (MapRenderer::setHeatmap), drawn above the base map and below the thematic layers.
    bool heatmap = true;
    float heatmapOpacity = 0.85f;
    // The classified analysis overlay (MapRenderer::setClassifiedOverlay: Gi* hot spots), drawn above the heatmap.
    bool classifiedOverlay = true;
    float classifiedOpacity = 0.75f;

    // Visible and opacity of a layer after applying defaults.
    LayerState state(const std::string& layer, bool visibleByDefault) const {
        auto it = layers.find(layer);
        if (it != layers.end()) return it->second;
        return LayerState{visibleByDefault, 1};
    }
};

}  // namespace lb::render
