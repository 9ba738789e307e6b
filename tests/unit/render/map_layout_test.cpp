// The furniture and legend layout without a backend: a fixed-width text measure stands in for the font.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "render/map_layout.hpp"

using lb::render::ClassStyle;
using lb::render::Color;
using lb::render::GeometryKind;
using lb::render::HeatLegend;
using lb::render::LayoutRect;
using lb::render::LayoutShape;
using lb::render::MapLayout;
using lb::render::MapLayoutInput;
using lb::render::TextRun;

namespace {

// 0.5 × size per code point, so that widths in the tests are easy to compute.
float fixedMeasure(std::string_view utf8, float size) {
    const auto codePoints = std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xc0) != 0x80; });
    return 0.5f * size * static_cast<float>(codePoints);
}

MapLayout layout(const MapLayoutInput& in) {
    return lb::render::layoutMap(in, fixedMeasure);
}

ClassStyle labelled(std::string de, std::string en) {
    ClassStyle cls;
    cls.legend = std::move(de);
    cls.legendEn = std::move(en);
    return cls;
}

MapLayoutInput legendOnly(int width = 800, int height = 600, double pixelRatio = 1) {
    MapLayoutInput in;
    in.width = width;
    in.height = height;
    in.pixelRatio = pixelRatio;
    in.furniture = false;
    return in;
}

MapLayoutInput furnitureOnly(int width, int height, double pixelRatio, double metresPerPixel = 1) {
    MapLayoutInput in;
    in.width = width;
    in.height = height;
    in.pixelRatio = pixelRatio;
    in.metresPerPixel = metresPerPixel;
    in.legend = false;
    return in;
}

std::vector<std::string> texts(const MapLayout& l) {
    std::vector<std::string> out;
    for (const TextRun& run : l.texts) out.push_back(run.text);
    return out;
}

bool covers(const LayoutRect& outer, const LayoutRect& inner) {
    return outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1;
}

bool reservedCovers(const MapLayout& l, const LayoutRect& box) {
    return std::any_of(l.reserved.begin(), l.reserved.end(), [&](const LayoutRect& r) { return covers(r, box); });
}

// The first shape of each furniture item is its background box: scale bar, north arrow, attribution.
std::vector<LayoutRect> furnitureBoxes(const MapLayout& l) {
    std::vector<LayoutRect> boxes;
    for (const LayoutShape& s : l.furnitureShapes) {
        if (s.kind == LayoutShape::Kind::Rectangle && s.color == Color{1, 1, 1, 0.85f}) boxes.push_back(s.rect());
    }
    return boxes;
}

}  // namespace

TEST(MapLayout, LegendRowsFollowTheInputOrderWithoutDuplicateLabels) {
    const std::vector<ClassStyle> cls = {labelled("Gewalt", "Violence"), labelled("Graffiti", "Graffiti"),
                                         labelled("", ""), labelled("Gewalt", "Violence"), labelled("Wege", "Paths")};
    MapLayoutInput in = legendOnly();
    in.classes = {{&cls[0], GeometryKind::Point},
                  {&cls[1], GeometryKind::Point},
                  {&cls[2], GeometryKind::Point},    // no label: no row
                  {&cls[3], GeometryKind::Polygon},  // the same label again: no second row
                  {&cls[4], GeometryKind::Line}};
    const MapLayout l = layout(in);
    EXPECT_EQ(texts(l), (std::vector<std::string>{"Gewalt", "Graffiti", "Wege"}));
    ASSERT_EQ(l.samples.size(), 3u);
    EXPECT_EQ(l.samples[0].style, &cls[0]);
    EXPECT_EQ(l.samples[1].style, &cls[1]);
    EXPECT_EQ(l.samples[2].style, &cls[4]);
    EXPECT_EQ(l.samples[2].kind, GeometryKind::Line);
    // rows 17 px apart, from 10 px box top + 5 px padding
    EXPECT_FLOAT_EQ(l.samples[0].y, 10 + 5 + 17 * 0.5f);
    EXPECT_FLOAT_EQ(l.samples[2].y, 10 + 5 + 17 * 2.5f);
    ASSERT_TRUE(l.legendBox);
    EXPECT_FLOAT_EQ(l.legendBox->y1 - l.legendBox->y0, 3 * 17 + 10);

    in.language = "en";
    EXPECT_EQ(texts(layout(in)), (std::vector<std::string>{"Violence", "Graffiti", "Paths"}));
}

TEST(MapLayout, OverlayClassesComeFirstAsPolygonsWithTheirFill) {
    std::vector<ClassStyle> cls = {labelled("Gewalt", "Violence"), labelled("Hot Spot 99 %", "Hot spot 99%"),
                                   labelled("", "")};
    cls[1].fill = Color{0.84f, 0.18f, 0.15f, 1};
    cls[2].fill = Color{0, 0, 0, 1};  // "not significant": drawn, but no legend row
    MapLayoutInput in = legendOnly();
    in.classes = {{&cls[0], GeometryKind::Point}};
    in.overlayClasses = {&cls[1], &cls[2]};
    const MapLayout l = layout(in);
    EXPECT_EQ(texts(l), (std::vector<std::string>{"Hot Spot 99 %", "Gewalt"}));
    ASSERT_EQ(l.samples.size(), 2u);
    EXPECT_EQ(l.samples[0].kind, GeometryKind::Polygon);
    // the legend box, then the overlay row's swatch (points get none)
    ASSERT_EQ(l.legendShapes.size(), 2u);
    EXPECT_EQ(l.legendShapes[1].color, *cls[1].fill);
    const LayoutRect swatch = l.legendShapes[1].rect();
    EXPECT_FLOAT_EQ(0.5f * (swatch.y0 + swatch.y1), l.samples[0].y);
    EXPECT_FLOAT_EQ(swatch.x1 - swatch.x0, 16);
}

TEST(MapLayout, NoRowsAndNoHeatmapMeansNoLegend) {
    const std::vector<ClassStyle> cls = {labelled("", "")};
    MapLayoutInput in = legendOnly();
    in.classes = {{&cls[0], GeometryKind::Point}};
    const MapLayout l = layout(in);
    EXPECT_FALSE(l.legendBox);
    EXPECT_TRUE(l.legendShapes.empty());
    EXPECT_TRUE(l.texts.empty());
    EXPECT_TRUE(l.reserved.empty());

    const std::vector<ClassStyle> shown = {labelled("Gewalt", "Violence")};
    in.classes = {{&shown[0], GeometryKind::Point}};
    in.legend = false;
    EXPECT_FALSE(layout(in).legendBox);
}

TEST(MapLayout, HeatLegendTakesThreeRowsAboveTheClasses) {
    const std::vector<ClassStyle> cls = {labelled("Gewalt", "Violence")};
    MapLayoutInput in = legendOnly(800, 600, 2);
    in.classes = {{&cls[0], GeometryKind::Point}};
    in.heat = HeatLegend{"Vorfalldichte je km²", "Incident density per km²", 1234.6, 0.5f};
    const MapLayout l = layout(in);
    // title, the bar's end values, then the class rows
    EXPECT_EQ(texts(l), (std::vector<std::string>{"Vorfalldichte je km²", "0", "\u2265 1.235", "Gewalt"}));
    const float pr = 2, rowH = 17 * pr;
    ASSERT_TRUE(l.legendBox);
    EXPECT_FLOAT_EQ(l.legendBox->y1 - l.legendBox->y0, 4 * rowH + 10 * pr);
    ASSERT_EQ(l.samples.size(), 1u);
    EXPECT_FLOAT_EQ(l.samples[0].y, 10 * pr + 5 * pr + rowH * 3.5f);
    // the box, then 32 steps of the ramp at the heatmap's opacity, 130 logical pixels wide in all
    ASSERT_EQ(l.legendShapes.size(), 33u);
    const LayoutRect first = l.legendShapes[1].rect(), last = l.legendShapes[32].rect();
    EXPECT_FLOAT_EQ(first.x0, 20 * pr);
    EXPECT_FLOAT_EQ(last.x1 - first.x0, 130 * pr);
    EXPECT_LT(l.legendShapes[32].color.a, 0.51f);
    EXPECT_GT(l.legendShapes[32].color.a, 0.49f);
    // the maximum ends flush with the bar's right end
    EXPECT_FLOAT_EQ(l.texts[2].x + fixedMeasure(l.texts[2].text, l.texts[2].size), last.x1);
    EXPECT_TRUE(covers(*l.legendBox, last));

    in.language = "en";
    EXPECT_EQ(texts(layout(in))[2], "\u2265 1,235");
}

TEST(MapLayout, LongLabelsWidenTheLegendBox) {
    const std::vector<ClassStyle> cls = {labelled("Kurz", "Short"),
                                         labelled(std::string(60, 'x'), std::string(60, 'x'))};
    MapLayoutInput in = legendOnly();
    in.classes = {{&cls[0], GeometryKind::Point}};
    const float narrow = layout(in).legendBox->x1;
    in.classes.push_back({&cls[1], GeometryKind::Point});
    const MapLayout wide = layout(in);
    // 10 px margin, 30 px for the symbol, the widest label, 10 px padding
    EXPECT_FLOAT_EQ(wide.legendBox->x1, 10 + 30 + fixedMeasure(cls[1].legend, 11) + 10);
    EXPECT_GT(wide.legendBox->x1, narrow + 100);
    EXPECT_TRUE(reservedCovers(wide, *wide.legendBox));
}

TEST(MapLayout, LegendSamplesGetTheirStroke) {
    std::vector<ClassStyle> cls = {labelled("Weg", "Path"), labelled("Breit", "Wide"), labelled("Fläche", "Area")};
    cls[0].line = Color{1, 0, 0, 1};
    cls[0].lineWidth = 2;
    cls[1].line = Color{0, 1, 0, 1};
    cls[1].lineWidthMetres = 40;  // 40 px at 1 m per pixel: capped at 6 logical pixels
    cls[2].fill = Color{0, 0, 1, 1};
    cls[2].outline = Color{0, 0, 0, 1};
    cls[2].outlineWidth = 0.5f;
    MapLayoutInput in = legendOnly(800, 600, 2);
    in.classes = {{&cls[0], GeometryKind::Line}, {&cls[1], GeometryKind::Line}, {&cls[2], GeometryKind::Polygon}};
    const MapLayout l = layout(in);
    ASSERT_EQ(l.samples.size(), 3u);
    EXPECT_FLOAT_EQ(l.samples[0].strokeWidth, 4);
    EXPECT_EQ(l.samples[0].stroke, cls[0].line);
    EXPECT_FLOAT_EQ(l.samples[0].halfLength, 16);
    EXPECT_FLOAT_EQ(l.samples[1].strokeWidth, 12);
    EXPECT_EQ(l.samples[2].stroke, cls[2].outline);
    EXPECT_FLOAT_EQ(l.samples[2].strokeWidth, 2);  // at least one logical pixel
}

TEST(MapLayout, ScaleBarHasARoundLengthInItsBoxBottomLeft) {
    for (const double pr : {1.0, 2.0}) {
        // 160 logical pixels at most: 160 m at 1 m per logical pixel rounds down to 100 m
        const MapLayout l = layout(furnitureOnly(static_cast<int>(800 * pr), static_cast<int>(600 * pr), pr, 1 / pr));
        ASSERT_FALSE(l.texts.empty());
        EXPECT_EQ(l.texts[0].text, "100 m");
        const LayoutRect box = l.furnitureShapes[0].rect();
        const float x0 = 12 * static_cast<float>(pr), bottom = static_cast<float>(600 * pr - 12 * pr);
        EXPECT_FLOAT_EQ(box.x0, x0 - 4 * static_cast<float>(pr));
        EXPECT_FLOAT_EQ(box.y1, bottom + 4 * static_cast<float>(pr));
        // the left half filled, the right half framed: they meet at 50 m and end at 100 m
        const LayoutRect left = l.furnitureShapes[1].rect(), right = l.furnitureShapes[2].rect();
        EXPECT_FLOAT_EQ(left.x0, x0);
        EXPECT_FLOAT_EQ(left.x1, x0 + 50 * static_cast<float>(pr));
        EXPECT_FLOAT_EQ(right.x1, x0 + 100 * static_cast<float>(pr));
        EXPECT_FLOAT_EQ(left.y1, bottom);
        EXPECT_TRUE(covers(box, right));
    }
    // at 3 m per pixel: 480 m at most → 200 m, 66.7 pixels
    const MapLayout coarse = layout(furnitureOnly(800, 600, 1, 3));
    EXPECT_EQ(coarse.texts[0].text, "200 m");
    EXPECT_NEAR(coarse.furnitureShapes[2].rect().x1 - 12, 200.0 / 3, 1e-3);
}

TEST(MapLayout, NorthArrowTopRightAndAttributionBottomRight) {
    for (const double pr : {1.0, 2.0}) {
        const int w = static_cast<int>(640 * pr), h = static_cast<int>(480 * pr);
        const float p = static_cast<float>(pr);
        const MapLayout l = layout(furnitureOnly(w, h, pr));
        const std::vector<LayoutRect> boxes = furnitureBoxes(l);
        ASSERT_EQ(boxes.size(), 3u);  // scale bar, north arrow, attribution
        const LayoutRect arrow = boxes[1], attribution = boxes[2];
        EXPECT_FLOAT_EQ(arrow.x1, static_cast<float>(w) - 10 * p);
        EXPECT_FLOAT_EQ(arrow.x1 - arrow.x0, 28 * p);
        EXPECT_FLOAT_EQ(arrow.y0, 8 * p);
        EXPECT_FLOAT_EQ(arrow.y1, 56 * p);
        // the arrow's two halves point up from the box's centre line
        const auto triangles =
            std::count_if(l.furnitureShapes.begin(), l.furnitureShapes.end(),
                          [](const LayoutShape& s) { return s.kind == LayoutShape::Kind::Triangle; });
        EXPECT_EQ(triangles, 2);
        const auto tip = std::find_if(l.furnitureShapes.begin(), l.furnitureShapes.end(),
                                      [](const LayoutShape& s) { return s.kind == LayoutShape::Kind::Triangle; });
        EXPECT_FLOAT_EQ(tip->points[0], 0.5f * (arrow.x0 + arrow.x1));
        EXPECT_FLOAT_EQ(tip->points[1], 14 * p);
        // the attribution in the corner, its text inside the box, 5 pixels from the right edge
        EXPECT_FLOAT_EQ(attribution.x1, static_cast<float>(w));
        EXPECT_FLOAT_EQ(attribution.y1, static_cast<float>(h));
        EXPECT_FLOAT_EQ(attribution.y1 - attribution.y0, 18 * p);
        const TextRun& text = l.texts.back();
        EXPECT_EQ(text.text, "\xc2\xa9 OpenStreetMap-Mitwirkende");
        EXPECT_FLOAT_EQ(text.size, 10 * p);
        EXPECT_FLOAT_EQ(text.x + fixedMeasure(text.text, text.size), static_cast<float>(w) - 5 * p);
        EXPECT_FLOAT_EQ(text.x - attribution.x0, 5 * p);
        // "N" centred under the arrow
        const auto north = std::find_if(l.texts.begin(), l.texts.end(), [](const TextRun& t) { return t.text == "N"; });
        ASSERT_NE(north, l.texts.end());
        EXPECT_FLOAT_EQ(north->x + 0.5f * fixedMeasure("N", north->size), 0.5f * (arrow.x0 + arrow.x1));
    }
    MapLayoutInput en = furnitureOnly(640, 480, 1);
    en.language = "en";
    EXPECT_EQ(layout(en).texts.back().text, "\xc2\xa9 OpenStreetMap contributors");
}

TEST(MapLayout, ReservedRectanglesCoverEveryDrawnBox) {
    const std::vector<ClassStyle> cls = {labelled("Gewalt", "Violence")};
    // A narrow view, so that the scale bar's label is wider than the bar itself.
    for (const double pr : {1.0, 2.0}) {
        MapLayoutInput in = furnitureOnly(static_cast<int>(120 * pr), static_cast<int>(300 * pr), pr, 1.0 / pr);
        in.legend = true;
        in.classes = {{&cls[0], GeometryKind::Point}};
        const MapLayout l = layout(in);
        const std::vector<LayoutRect> boxes = furnitureBoxes(l);
        ASSERT_EQ(boxes.size(), 3u);
        // The bar is shorter than its label here: the box holds the label with 4 logical pixels to spare.
        const TextRun& label = l.texts[0];
        const float labelRight = label.x + fixedMeasure(label.text, label.size);
        EXPECT_GT(labelRight, l.furnitureShapes[2].rect().x1) << "the label is wider than the bar";
        EXPECT_FLOAT_EQ(boxes[0].x1, labelRight + 4 * static_cast<float>(pr));
        for (const LayoutRect& box : boxes) EXPECT_TRUE(reservedCovers(l, box)) << box.x0 << "," << box.y0;
        ASSERT_TRUE(l.legendBox);
        EXPECT_TRUE(reservedCovers(l, *l.legendBox));
    }
}

TEST(MapLayout, FurnitureOffLeavesOnlyTheLegend) {
    const std::vector<ClassStyle> cls = {labelled("Gewalt", "Violence")};
    MapLayoutInput in = legendOnly();
    in.classes = {{&cls[0], GeometryKind::Point}};
    const MapLayout l = layout(in);
    EXPECT_TRUE(l.furnitureShapes.empty());
    EXPECT_EQ(l.reserved.size(), 1u);
    EXPECT_EQ(texts(l), std::vector<std::string>{"Gewalt"});
}
