// Section index: [shapes] [furniture] [legend]
#include "render/map_layout.hpp"

#include <algorithm>
#include <cmath>

#include "render/map_furniture.hpp"
#include "render/raster_overlay.hpp"

namespace lb::render {
namespace {

// [shapes]
constexpr Color kLegendInk{0.15f, 0.15f, 0.15f, 1};
constexpr Color kNoHalo{1, 1, 1, 0};

void pushRect(std::vector<LayoutShape>& out, float x0, float y0, float x1, float y1, const Color& c) {
    out.push_back({LayoutShape::Kind::Rectangle, {x0, y0, x1, y1, 0, 0}, c});
}

void pushTriangle(std::vector<LayoutShape>& out, std::array<float, 6> p, const Color& c) {
    out.push_back({LayoutShape::Kind::Triangle, p, c});
}

// Scales the layout's logical pixels to physical ones, as float like the drawing code.
struct Metrics {
    explicit Metrics(const MapLayoutInput& in)
        : pr(static_cast<float>(in.pixelRatio)), w(static_cast<float>(in.width)), h(static_cast<float>(in.height)) {}
    float pr, w, h;
};

// [furniture]
void layoutScaleBar(const MapLayoutInput& in, const TextMeasure& measure, MapLayout& out) {
    const Metrics m(in);
    const float pr = m.pr;
    const Color ink{0.2f, 0.2f, 0.2f, 1}, white{1, 1, 1, 0.85f}, halo{1, 1, 1, 0.9f};
    const float size = 11 * pr;
    const ScaleBar bar = niceScaleBar(in.metresPerPixel, std::min(160.0 * pr, m.w * 0.3));
    if (!(bar.pixels > 0)) return;
    const float x0 = 12 * pr, y1 = m.h - 12 * pr, barH = 5 * pr;
    const float length = static_cast<float>(bar.pixels);
    const float labelW = measure(bar.label, size);
    const LayoutRect box{x0 - 4 * pr, y1 - barH - size - 10 * pr, x0 + std::max(length, labelW) + 4 * pr, y1 + 4 * pr};
    pushRect(out.furnitureShapes, box.x0, box.y0, box.x1, box.y1, white);
    // Alternating halves: the left one filled, the right one white with a frame.
    const float half = length / 2;
    pushRect(out.furnitureShapes, x0, y1 - barH, x0 + half, y1, ink);
    pushRect(out.furnitureShapes, x0 + half, y1 - barH, x0 + length, y1, Color{1, 1, 1, 1});
    pushRect(out.furnitureShapes, x0 + half, y1 - barH, x0 + length, y1 - barH + pr, ink);
    pushRect(out.furnitureShapes, x0 + half, y1 - pr, x0 + length, y1, ink);
    pushRect(out.furnitureShapes, x0 + length - pr, y1 - barH, x0 + length, y1, ink);
    out.texts.push_back({bar.label, x0, y1 - barH - 4 * pr, size, ink, halo});
    out.reserved.push_back(box);  // the whole box: the label may be wider than the bar
}

// The project CRS is a map projection with north up, so the arrow always points up.
void layoutNorthArrow(const MapLayoutInput& in, const TextMeasure& measure, MapLayout& out) {
    const Metrics m(in);
    const float pr = m.pr;
    const Color ink{0.2f, 0.2f, 0.2f, 1}, white{1, 1, 1, 0.85f}, halo{1, 1, 1, 0.9f};
    const float size = 11 * pr;
    const float cx = m.w - 24 * pr, top = 14 * pr;
    const LayoutRect box{cx - 14 * pr, top - 6 * pr, cx + 14 * pr, top + 42 * pr};
    pushRect(out.furnitureShapes, box.x0, box.y0, box.x1, box.y1, white);
    pushTriangle(out.furnitureShapes, {cx, top, cx - 8 * pr, top + 22 * pr, cx, top + 17 * pr}, ink);
    pushTriangle(out.furnitureShapes, {cx, top, cx, top + 17 * pr, cx + 8 * pr, top + 22 * pr},
                 Color{0.55f, 0.55f, 0.55f, 1});
    out.texts.push_back({"N", cx - measure("N", size) / 2, top + 36 * pr, size, ink, halo});
    out.reserved.push_back(box);
}

void layoutAttribution(const MapLayoutInput& in, const TextMeasure& measure, MapLayout& out) {
    const Metrics m(in);
    const float pr = m.pr;
    const Color ink{0.2f, 0.2f, 0.2f, 1}, white{1, 1, 1, 0.85f};
    const std::string attribution = osmAttribution(in.language);
    const float aw = measure(attribution, 10 * pr);
    const LayoutRect box{m.w - aw - 10 * pr, m.h - 18 * pr, m.w, m.h};
    pushRect(out.furnitureShapes, box.x0, box.y0, box.x1, box.y1, white);
    out.texts.push_back({attribution, m.w - aw - 5 * pr, m.h - 5 * pr, 10 * pr, ink, kNoHalo});
    out.reserved.push_back(box);
}

// [legend]
struct LegendRow {
    const ClassStyle* style;
    GeometryKind kind;
    std::string label;
};

const std::string& legendLabel(const ClassStyle& cls, const std::string& language) {
    return language == "en" ? cls.legendEn : cls.legend;
}

// The overlay's classes first (each labelled one), then the layers' classes with a label not seen before.
std::vector<LegendRow> legendRows(const MapLayoutInput& in) {
    std::vector<LegendRow> rows;
    for (const ClassStyle* cls : in.overlayClasses) {
        const std::string& label = legendLabel(*cls, in.language);
        if (!label.empty()) rows.push_back({cls, GeometryKind::Polygon, label});
    }
    const std::size_t overlayRows = rows.size();
    for (const LegendClass& entry : in.classes) {
        const std::string& label = legendLabel(*entry.style, in.language);
        if (label.empty()) continue;
        const bool seen = std::any_of(rows.begin() + static_cast<std::ptrdiff_t>(overlayRows), rows.end(),
                                      [&](const LegendRow& r) { return r.label == label; });
        if (!seen) rows.push_back({entry.style, entry.kind, label});
    }
    return rows;
}

// The stroke a line or polygon row's sample is drawn with (points draw their symbol instead).
void setSampleStroke(LegendSample& sample, const MapLayoutInput& in) {
    const ClassStyle& cls = *sample.style;
    const float pr = static_cast<float>(in.pixelRatio);
    if (sample.kind == GeometryKind::Point) return;
    sample.halfLength = 8 * pr;
    if (sample.kind == GeometryKind::Line) {
        sample.stroke = cls.line;
        // The class's drawn width (MapRenderer: max(width, widthMetres / metresPerPixel)), at most 6 pixels.
        const float drawn = std::max(static_cast<float>(cls.lineWidth * in.pixelRatio),
                                     static_cast<float>(cls.lineWidthMetres / in.metresPerPixel));
        sample.strokeWidth = std::min(drawn, 6 * pr);
    } else {
        sample.stroke = cls.outline ? cls.outline : cls.line;
        sample.strokeWidth = std::max(cls.outlineWidth, 1.0f) * pr;
    }
}

// Title, colour bar and its end values: three legend rows from (x, top).
void layoutHeatLegend(const HeatLegend& heat, const std::string& title, const MapLayoutInput& in,
                      const TextMeasure& measure, float x, float top, float barW, float rowH, float size,
                      MapLayout& out) {
    out.texts.push_back({title, x, top + 0.5f * rowH + 0.35f * size, size, kLegendInk, kNoHalo});
    const float barTop = top + rowH + 0.25f * rowH, barBottom = top + 2 * rowH - 0.1f * rowH;
    constexpr int kSteps = 32;
    for (int i = 0; i < kSteps; ++i) {
        const float t = (static_cast<float>(i) + 0.5f) / kSteps;
        const float left = x + barW * static_cast<float>(i) / kSteps;
        const float right = x + barW * static_cast<float>(i + 1) / kSteps;
        pushRect(out.legendShapes, left, barTop, right, barBottom, heatRamp(t).withAlpha(heat.opacity));
    }
    const std::string maxText = "\u2265 " + formatInteger(std::llround(heat.maxValue), in.language);
    const float labelY = top + 2.5f * rowH + 0.35f * size;
    out.texts.push_back({"0", x, labelY, size, kLegendInk, kNoHalo});
    out.texts.push_back({maxText, x + barW - measure(maxText, size), labelY, size, kLegendInk, kNoHalo});
}

void layoutLegend(const MapLayoutInput& in, const TextMeasure& measure, MapLayout& out) {
    const float pr = static_cast<float>(in.pixelRatio) * std::max(in.legendScale, 0.5f);
    const float size = 11 * pr, rowH = 17 * pr;
    const std::vector<LegendRow> rows = legendRows(in);
    const bool heat = in.heat.has_value();
    if (rows.empty() && !heat) return;
    float textW = 0;
    for (const auto& row : rows) textW = std::max(textW, measure(row.label, size));
    const std::string heatTitle = !heat ? std::string() : in.language == "en" ? in.heat->titleEn : in.heat->title;
    const float barW = 130 * pr;
    if (heat) textW = std::max({textW, measure(heatTitle, size) - 20 * pr, barW - 20 * pr});
    const int heatRows = heat ? 3 : 0;
    const float x0 = 10 * pr, y0 = 10 * pr;
    const float boxW = 30 * pr + textW + 10 * pr;
    const float boxH = rowH * static_cast<float>(rows.size() + heatRows) + 10 * pr;
    const LayoutRect box{x0, y0, x0 + boxW, y0 + boxH};
    pushRect(out.legendShapes, box.x0, box.y0, box.x1, box.y1, Color{1, 1, 1, in.legendScale > 1 ? 1.0f : 0.88f});
    out.reserved.push_back(box);
    out.legendBox = box;
    if (heat) layoutHeatLegend(*in.heat, heatTitle, in, measure, x0 + 10 * pr, y0 + 5 * pr, barW, rowH, size, out);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float cy = y0 + 5 * pr + rowH * (static_cast<float>(i + heatRows) + 0.5f);
        const float sx = x0 + 15 * pr;
        if (rows[i].kind == GeometryKind::Polygon && rows[i].style->fill) {
            pushRect(out.legendShapes, sx - 8 * pr, cy - 5 * pr, sx + 8 * pr, cy + 5 * pr, *rows[i].style->fill);
        }
        LegendSample sample;
        sample.style = rows[i].style;
        sample.kind = rows[i].kind;
        sample.x = sx;
        sample.y = cy;
        setSampleStroke(sample, in);
        out.samples.push_back(sample);
        out.texts.push_back({rows[i].label, x0 + 28 * pr, cy + 0.35f * size, size, kLegendInk, kNoHalo});
    }
}

// The caption: one line of large dark text on an opaque white box at the top centre (left of the north arrow
// when the frame is narrow).
void layoutCaption(const MapLayoutInput& in, const TextMeasure& measure, MapLayout& out) {
    const Metrics m(in);
    const float pr = m.pr * std::max(in.legendScale, 1.0f);
    const float size = 20 * pr, pad = 8 * pr;
    const float textW = measure(in.caption, size);
    const float x0 = std::max(m.w / 2 - textW / 2 - pad, 0.0f), y0 = 10 * m.pr;
    const LayoutRect box{x0, y0, x0 + textW + 2 * pad, y0 + size + 2 * pad};
    pushRect(out.furnitureShapes, box.x0, box.y0, box.x1, box.y1, Color{1, 1, 1, 1});
    pushRect(out.furnitureShapes, box.x0, box.y1 - 2 * m.pr, box.x1, box.y1, Color{0.15f, 0.15f, 0.15f, 1});
    out.texts.push_back({in.caption, x0 + pad, y0 + pad + 0.8f * size, size, Color{0.05f, 0.05f, 0.05f, 1}, kNoHalo});
    out.reserved.push_back(box);
    out.captionBox = box;
}

}  // namespace

MapLayout layoutMap(const MapLayoutInput& input, const TextMeasure& measure) {
    MapLayout layout;
    if (input.furniture) {
        layoutScaleBar(input, measure, layout);
        layoutNorthArrow(input, measure, layout);
        layoutAttribution(input, measure, layout);
    }
    if (input.legend) layoutLegend(input, measure, layout);
    if (!input.caption.empty()) layoutCaption(input, measure, layout);
    return layout;
}

}  // namespace lb::render
