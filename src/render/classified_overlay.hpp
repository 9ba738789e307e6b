#pragma once

#include <string>

#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render {

// Polygons drawn over the map by class, as an analysis result: the Getis-Ord Gi* hot and cold spots of a
// grid or a zone layer. `layer` holds the polygons (project CRS) with their class index into
// `layer.classNames`; `style` gives each class its fill and legend labels (a class without a fill is not
// drawn and a class without a label has no legend row). The renderer triangulates it once per overlay and
// draws it like the heatmap: above the base map, below the thematic layers.
struct ClassifiedOverlay {
    SceneLayer layer;
    LayerStyle style;
};

// The Gi* bin classes as in ArcGIS's Hot Spot Analysis: class values "3" … "-3" (the gi_bin), a diverging
// red–blue palette (hot 99 % #d62f27, 95 % #ed7551, 90 % #fab984; cold 90 % #9fc3dc, 95 % #5b8dc4,
// 99 % #4575b5), "0" (not significant) without fill or legend row.
LayerStyle giStarOverlayStyle();

}  // namespace lb::render
