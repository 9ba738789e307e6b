#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "render/style.hpp"

namespace lb::project {

// QGIS styles (QML, the XML of a .qml file and of a GeoPackage's layer_styles.styleQML) made from
// Lagebild's own style, so that QGIS draws an exported layer as Lagebild does (issue 11).

// Which kinds of geometry a table holds (WKB types; multi types count as their single kind).
struct GeometryKinds {
    bool points = false;
    bool lines = false;
    bool polygons = false;
    int count() const { return int(points) + int(lines) + int(polygons); }
};
GeometryKinds geometryKinds(std::span<const core::Wkb> geometries);

// The layer's style as QML: a categorized renderer ("categorizedSymbol") on the class column — or, for
// several class columns, the expression of their first non-empty value — with a category per class of the
// style (the "*" class as QGIS's catch-all category, value ""), the class's colours, widths, dashes and
// symbol shape, the legend label in the language (German unless `english`), and the layer's labels.
// A table of several geometry kinds (measures: points, lines and areas) gets a rule-based renderer with one
// group per kind instead, since a QGIS symbol draws one kind only.
std::string layerQml(const render::LayerStyle& style, GeometryKinds kinds, bool english);

// Counts per cell or zone (public aggregates): a graduated renderer ("graduatedSymbol") on `attribute`
// with up to five quantile classes of `values` (suppressed values left out), yellow to red fills.
std::string graduatedQml(const std::string& attribute, std::vector<std::int64_t> values, bool english);

}  // namespace lb::project
