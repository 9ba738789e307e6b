// The Cairo map painter on the demo town: pixels of known features on an image surface, paths in SVG.
#include <gtest/gtest.h>

#include <cairo-svg.h>
#include <cairo.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/progress.hpp"
#include "project/demo.hpp"
#include "project/session.hpp"
#include "render/cairo/map_painter.hpp"
#include "render/glyph_atlas.hpp"
#include "support/test_support.hpp"

using namespace lb;
using namespace lb::render;

namespace {

class MapPainterTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        const auto path = *s_dir / "demo.sqlite";
        project::createDemo(path, {1, 300}, core::Progress::none());
        s_style = new Style(Style::load(defaultStylePath()));
        auto session = project::Session::open(path, project::Session::Access::ReadOnly);
        s_scene = new SceneSnapshot(std::make_shared<const Scene>(session->loadScene(*s_style)));
    }
    static void TearDownTestSuite() {
        delete s_scene;
        delete s_style;
        delete s_dir;
    }
    static cairo::MapPicture picture(bool labels) {
        cairo::MapPicture p;
        p.scene = *s_scene;
        p.style = s_style;
        p.options.labels = labels;
        p.atlas = std::make_shared<const GlyphAtlas>(GlyphAtlas::defaultFontFile());
        return p;
    }
    static test::TempDir* s_dir;
    static Style* s_style;
    static SceneSnapshot* s_scene;
};
test::TempDir* MapPainterTest::s_dir = nullptr;
Style* MapPainterTest::s_style = nullptr;
SceneSnapshot* MapPainterTest::s_scene = nullptr;

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

// Road colour where a road is: the middle of segments of the demo's roads show their class's line colour
// (other roads cross some of them, so most, not all).
TEST_F(MapPainterTest, RoadPixelsHaveTheRoadColour) {
    const Scene& scene = **s_scene;
    const SceneLayer* roads = scene.find("roads");
    ASSERT_NE(roads, nullptr);
    ASSERT_GT(roads->featureCount(), 20u);
    const LayerStyle* roadStyle = s_style->find("roads");
    ASSERT_NE(roadStyle, nullptr);
    const core::BBox extent = roads->extent;
    const MapView view = MapView::fit(extent, 2400, 2400);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, view.width, view.height);
    cairo_t* cr = cairo_create(surface);
    cairo::MapPicture p = picture(false);
    p.options.layers["buildings"] = LayerState{false, 1};  // nothing above the roads of the base map
    for (const char* layer :
         {"incidents", "graffiti", "routes", "visits", "measures", "observations", "pois", "districts", "railways"}) {
        p.options.layers[layer] = LayerState{false, 1};
    }
    cairo::paintMap(cr, p, view, 0, 0);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    int checked = 0, matching = 0;
    for (std::size_t f = 0; f < roads->featureCount(); ++f) {
        const ClassStyle* cls = roadStyle->classStyle(roads->classNames[roads->classIndex[f]]);
        if (!cls || !cls->line || cls->dash > 0) continue;
        const float width = std::max(cls->lineWidth, static_cast<float>(cls->lineWidthMetres / view.metresPerPixel));
        if (width < 2 || (cls->maxScale > 0 && view.scaleDenominator() > cls->maxScale)) continue;
        const std::uint32_t c = roads->ringCoords[roads->partRings[roads->featureParts[f]]];
        if (roads->ringCoords[roads->partRings[roads->featureParts[f]] + 1] < c + 2) continue;
        const double mx = 0.5 * (roads->xy[2 * c] + roads->xy[2 * c + 2]);
        const double my = 0.5 * (roads->xy[2 * c + 1] + roads->xy[2 * c + 3]);
        const auto s = view.toScreen(mx, my);
        const int x = static_cast<int>(s[0]), y = static_cast<int>(s[1]);
        if (x < 0 || y < 0 || x >= view.width || y >= view.height) continue;
        const auto pixel = *reinterpret_cast<const std::uint32_t*>(data + y * stride + 4 * x);
        const float r = ((pixel >> 16) & 0xFF) / 255.0f, g = ((pixel >> 8) & 0xFF) / 255.0f,
                    b = (pixel & 0xFF) / 255.0f;
        ++checked;
        if (std::abs(r - cls->line->r) < 0.08 && std::abs(g - cls->line->g) < 0.08 && std::abs(b - cls->line->b) < 0.08)
            ++matching;
    }
    if (const char* out = std::getenv("LAGEBILD_PAINTER_PNG")) cairo_surface_write_to_png(surface, out);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    ASSERT_GT(checked, 10);
    EXPECT_GT(matching, checked * 7 / 10) << matching << " of " << checked;
}

// The background where nothing is drawn, inside the clip only.
TEST_F(MapPainterTest, PaintsClippedToTheViewWithItsBackground) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 300, 300);
    cairo_t* cr = cairo_create(surface);
    MapView view = MapView::fit((*s_scene)->extent(), 100, 100);
    view.centerX += 1e6;  // far from the town: only the background
    cairo::paintMap(cr, picture(true), view, 50, 60);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    auto at = [&](int x, int y) { return *reinterpret_cast<const std::uint32_t*>(data + y * stride + 4 * x); };
    EXPECT_EQ(at(10, 10) >> 24, 0u);  // outside: untouched
    EXPECT_EQ(at(200, 200) >> 24, 0u);
    const std::uint32_t inside = at(100, 100);
    EXPECT_EQ(inside >> 24, 255u);
    EXPECT_NEAR(((inside >> 16) & 0xFF) / 255.0, s_style->background.r, 0.01);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

// Vector output: the SVG holds paths (one per style class and pass, not one per feature) and the legend
// has rows for the thematic layers.
TEST_F(MapPainterTest, SvgHasPathsAndLegend) {
    std::string svg;
    cairo_surface_t* surface = cairo_svg_surface_create_for_stream(appendToString, &svg, 800, 800);
    cairo_t* cr = cairo_create(surface);
    const cairo::MapPicture p = picture(true);
    const MapView view = MapView::fit((*s_scene)->extent(), 800, 800);
    cairo::paintMap(cr, p, view, 0, 0);
    const auto [w, h] = cairo::legendSize(cr, p, 1);
    EXPECT_GT(w, 20);
    EXPECT_GT(h, 20);
    cairo::paintLegend(cr, p, 10, 10, 1);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    EXPECT_GT(countOf(svg, "<path"), 20u);
    EXPECT_LT(countOf(svg, "<path"), 20000u);
}
