#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render {

// The map furniture (scale bar, north arrow, attribution) and the legend (thematic classes, the classified
// overlay's classes, the heatmap's colour bar) laid out once for every backend: a plain value of shapes,
// text runs and symbol samples in screen pixels (origin top-left, y down). The GL renderer turns it into
// its vertex buffers; the Cairo export backend draws the same value. Nothing here knows a graphics API.

// Advance width of a UTF-8 string at `size` pixels, in the backend's font (GL: GlyphAtlas::measure).
using TextMeasure = std::function<float(std::string_view utf8, float size)>;

// An axis-aligned rectangle in screen pixels.
struct LayoutRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool operator==(const LayoutRect&) const = default;
};

// A filled rectangle or triangle.
struct LayoutShape {
    enum class Kind { Rectangle, Triangle };
    Kind kind = Kind::Rectangle;
    // Rectangle: x0, y0, x1, y1 (the last two unused); triangle: three corners x, y.
    std::array<float, 6> points{};
    Color color;

    LayoutRect rect() const { return {points[0], points[1], points[2], points[3]}; }  // rectangles only
};

// One horizontal line of text: the pen starts at (x, baseline).
struct TextRun {
    std::string text;  // UTF-8
    float x = 0;
    float baseline = 0;
    float size = 0;  // pixels
    Color color;
    Color halo;  // alpha 0 = no halo
};

// A legend row's symbol, drawn by the backend with its own symbol code: for points the class's symbol at its
// size (times the pixel ratio) and full opacity centred on (x, y); for lines and polygon outlines a solid
// horizontal stroke from x - halfLength to x + halfLength (a polygon's fill swatch is in legendShapes).
struct LegendSample {
    const ClassStyle* style = nullptr;  // points into the input's classes
    GeometryKind kind = GeometryKind::Point;
    float x = 0, y = 0;           // centre, screen pixels
    float halfLength = 0;         // lines and polygons: half the stroke's length
    float strokeWidth = 0;        // lines and polygons: the stroke's width in pixels
    std::optional<Color> stroke;  // lines and polygons: nullopt = no stroke
};

// One class that may get a legend row: the class style of a visible thematic layer and the layer's kind.
struct LegendClass {
    const ClassStyle* style = nullptr;
    GeometryKind kind = GeometryKind::Point;
};

// The heatmap's legend: title, colour bar from 0 to `maxValue`, drawn at the heatmap's opacity.
struct HeatLegend {
    std::string title;    // German
    std::string titleEn;  // English
    double maxValue = 0;
    float opacity = 1;
};

struct MapLayoutInput {
    int width = 0, height = 0;  // physical pixels
    double pixelRatio = 1;
    double metresPerPixel = 1;
    std::string language = "de";
    bool furniture = true;  // scale bar, north arrow, attribution
    bool legend = true;
    float legendScale = 1;  // the legend's size factor (presentations); above 1 its box is opaque
    std::string caption;    // a large text at the top centre (animation date, slide title); "" = none
    // The classes of the visible thematic layers, top layer first, within a layer in class drawing order.
    // Rows are de-duplicated by their label; classes without a label get none.
    std::vector<LegendClass> classes;
    // The classified overlay's classes (drawn as polygons) when it is shown; listed above the layers' rows.
    std::vector<const ClassStyle*> overlayClasses;
    std::optional<HeatLegend> heat;  // set when the heatmap is shown
};

// The laid-out furniture and legend. Backends draw in this order: `legendShapes`, `samples`,
// `furnitureShapes`, (the map labels), `texts`; and keep map labels out of `reserved`.
struct MapLayout {
    std::vector<LayoutShape> legendShapes;     // legend box, heat colour bar, polygon swatches
    std::vector<LegendSample> samples;         // one per legend row, over the legend shapes
    std::vector<LayoutShape> furnitureShapes;  // scale bar, north arrow, attribution boxes
    std::vector<TextRun> texts;                // furniture texts, then legend texts
    std::vector<LayoutRect> reserved;          // screen rectangles no map label may cover
    std::optional<LayoutRect> legendBox;       // the legend's background, when there is a legend
    std::optional<LayoutRect> captionBox;      // the caption's background, when there is a caption
};

// Lays out the furniture (when `input.furniture`) and the legend (when `input.legend` and it has rows).
MapLayout layoutMap(const MapLayoutInput& input, const TextMeasure& measure);

}  // namespace lb::render
