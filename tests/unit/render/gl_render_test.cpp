// Draws with the real renderer into an offscreen EGL context (Mesa llvmpipe on CI machines).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <tuple>

#include "render/gl/map_renderer.hpp"
#include "render/gl/offscreen_context.hpp"
#include "render/gl/render_target.hpp"
#include "render/glyph_atlas.hpp"

using namespace lb::render;

namespace {

Style plainStyle() {
    return Style::parse(R"({"background":"#ffffff","layers":[
        {"layer":"districts","classes":[{"fill":"#0000ff"}]},
        {"layer":"roads","classes":[{"line":"#00ff00","lineWidth":6}]},
        {"layer":"incidents","classes":[{"size":9,"symbolFill":"#ff0000"}]}]})",
                        "plain.json");
}

// An incidents layer of single points (fid 1, 2, …).
SceneLayer incidentPoints(std::initializer_list<std::pair<double, double>> points) {
    SceneLayer layer;
    layer.name = "incidents";
    layer.kind = GeometryKind::Point;
    std::int64_t fid = 0;
    for (auto [x, y] : points) {
        layer.beginFeature(++fid, "");
        layer.beginPart();
        layer.beginRing();
        layer.addCoord(x, y);
    }
    return layer;
}

// The map without labels, legend and furniture.
RenderOptions mapOnly() {
    RenderOptions options;
    options.furniture = options.legend = options.labels = false;
    return options;
}

struct Centroid {
    double x = 0, y = 0;
    int count = 0;
};

// Coverage-weighted centroid of pixels that are "more red than anything else".
Centroid redCentroid(const std::vector<std::uint8_t>& rgba, int width, int height) {
    Centroid c;
    double weight = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const auto* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
            const double w = (255.0 - p[1]) / 255.0;  // white → 0, red → 1
            if (w <= 0.01 || p[0] < 200) continue;
            c.x += w * (x + 0.5);
            c.y += w * (y + 0.5);
            weight += w;
            ++c.count;
        }
    }
    if (weight > 0) {
        c.x /= weight;
        c.y /= weight;
    }
    return c;
}

// 100 × 100 px over the square 0..100 m, 1 m per pixel: pixel (x, y) shows the metre (x, 100 − y).
MapView metreGridView() {
    MapView view;
    view.width = view.height = 100;
    view.centerX = view.centerY = 50;
    view.metresPerPixel = 1;
    return view;
}

class GlRender : public ::testing::Test {
protected:
    void SetUp() override {
        try {
            m_context = std::make_unique<gl::OffscreenContext>();
        } catch (const std::exception& e) {
            FAIL() << "no offscreen OpenGL context (Mesa EGL expected): " << e.what();
        }
    }
    std::unique_ptr<gl::OffscreenContext> m_context;
};

}  // namespace

TEST_F(GlRender, NoJitterAtUtmCoordinatesWhenPanningBySubpixels) {
    // A point far from the data's origin at UTM northings, drawn at 2 mm per pixel: float32 alone would
    // quantise 5.6 million to 0.5 m = 250 pixels.
    auto scene = std::make_shared<Scene>();
    // A second point 3 km away makes the origin (scene centre) differ from the view.
    scene->add(incidentPoints({{327048.945, 5632637.495}, {330048.0, 5635637.0}}));
    gl::MapRenderer renderer(scene, plainStyle(), GlyphAtlas::defaultFontFile());
    gl::RenderTarget target(64, 64);
    RenderOptions options = mapOnly();
    std::vector<double> xs;
    for (int step = 0; step < 5; ++step) {
        MapView view;
        view.width = view.height = 64;
        view.metresPerPixel = 0.002;
        view.centerX = 327048.945 + step * 0.3 * 0.002;  // pan by 0.3 px per step
        view.centerY = 5632637.495;
        target.bind();
        renderer.render(view, options);
        const auto c = redCentroid(target.readPixels(), 64, 64);
        ASSERT_GT(c.count, 20);
        xs.push_back(c.x);
        EXPECT_NEAR(c.y, 32.0, 0.05);
    }
    for (std::size_t i = 0; i < xs.size(); ++i) {
        EXPECT_NEAR(xs[i], 32.0 - 0.3 * static_cast<double>(i), 0.06) << "step " << i;
    }
}

TEST_F(GlRender, PolygonHolesStayEmptyAndLinesHaveTheirWidth) {
    auto scene = std::make_shared<Scene>();
    SceneLayer area;
    area.name = "districts";
    area.kind = GeometryKind::Polygon;
    area.beginFeature(1, "");
    area.beginPart();
    area.beginRing();
    for (auto [x, y] : {std::pair{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}})
        area.addCoord(x + 500000, y + 5600000);
    area.beginRing();
    for (auto [x, y] : {std::pair{30, 30}, {70, 30}, {70, 70}, {30, 70}, {30, 30}})
        area.addCoord(x + 500000, y + 5600000);
    scene->add(area);
    SceneLayer road;
    road.name = "roads";
    road.kind = GeometryKind::Line;
    road.beginFeature(2, "");
    road.beginPart();
    road.beginRing();
    road.addCoord(500000 - 50, 5600000 + 120);
    road.addCoord(500000 + 150, 5600000 + 120);
    scene->add(road);
    gl::MapRenderer renderer(scene, plainStyle(), GlyphAtlas::defaultFontFile());
    gl::RenderTarget target(200, 200);
    RenderOptions options = mapOnly();
    MapView view;
    view.width = view.height = 200;
    view.metresPerPixel = 1;
    view.centerX = 500050;
    view.centerY = 5600050;
    target.bind();
    renderer.render(view, options);
    const auto px = target.readPixels();
    auto at = [&](double x, double y) {
        const auto s = view.toScreen(x + 500000, y + 5600000);
        const auto* p = &px[(static_cast<std::size_t>(s[1]) * 200 + static_cast<std::size_t>(s[0])) * 4];
        return std::array<int, 3>{p[0], p[1], p[2]};
    };
    EXPECT_EQ(at(10, 10), (std::array<int, 3>{0, 0, 255}));      // shell
    EXPECT_EQ(at(50, 50), (std::array<int, 3>{255, 255, 255}));  // hole
    EXPECT_EQ(at(90, 60), (std::array<int, 3>{0, 0, 255}));
    EXPECT_EQ(at(10, 120), (std::array<int, 3>{0, 255, 0}));      // on the road
    EXPECT_EQ(at(10, 122), (std::array<int, 3>{0, 255, 0}));      // 2 m off the centre line: inside the 6 px width
    EXPECT_EQ(at(10, 125), (std::array<int, 3>{255, 255, 255}));  // 5 m off: outside
    // the road is 6 px wide: count green pixels in one column
    const int column = 100;
    int green = 0;
    for (int y = 0; y < 200; ++y) {
        const auto* p = &px[(static_cast<std::size_t>(y) * 200 + column) * 4];
        if (p[1] > 128 && p[0] < 128 && p[2] < 128) ++green;
    }
    EXPECT_EQ(green, 6);
}

TEST_F(GlRender, HiddenLayersAreNotDrawnAndOpacityBlends) {
    auto scene = std::make_shared<Scene>();
    SceneLayer area;
    area.name = "districts";
    area.kind = GeometryKind::Polygon;
    area.beginFeature(1, "");
    area.beginPart();
    area.beginRing();
    for (auto [x, y] : {std::pair{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}) area.addCoord(x, y);
    scene->add(area);
    gl::MapRenderer renderer(scene, plainStyle(), GlyphAtlas::defaultFontFile());
    gl::RenderTarget target(50, 50);
    RenderOptions options = mapOnly();
    const auto view = MapView::fit(scene->extent(), 50, 50);
    options.layers["districts"] = {true, 0.5f};
    target.bind();
    renderer.render(view, options);
    auto px = target.readPixels();
    const auto* centre = &px[(25 * 50 + 25) * 4];
    EXPECT_NEAR(centre[0], 128, 2);
    EXPECT_NEAR(centre[2], 255, 1);
    options.layers["districts"] = {false, 1};
    target.bind();
    renderer.render(view, options);
    px = target.readPixels();
    centre = &px[(25 * 50 + 25) * 4];
    EXPECT_EQ(centre[0], 255);
    EXPECT_EQ(centre[1], 255);
}

namespace {

// 200,000 incidents in a few tight hotspots over a sparse background, as in a town at district scale.
std::shared_ptr<Scene> denseIncidents() {
    auto scene = std::make_shared<Scene>();
    SceneLayer points;
    points.name = "incidents";
    points.kind = GeometryKind::Point;
    std::uint64_t state = 12345;
    auto next = [&state] {  // xorshift: deterministic on every platform
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<double>(state % 1000000) / 1000000.0;
    };
    for (std::int64_t i = 0; i < 200000; ++i) {
        const bool hot = i % 4 != 0;
        const double cx = 200 + 300 * static_cast<double>(i % 3), cy = 300;
        const double r = hot ? 20 * std::sqrt(next()) : 0, a = 6.2832 * next();
        points.beginFeature(i + 1, "");
        points.beginPart();
        points.beginRing();
        points.addCoord(hot ? cx + r * std::cos(a) : 1000 * next(), hot ? cy + r * std::sin(a) : 600 * next());
    }
    scene->add(std::move(points));
    return scene;
}

Style translucentSymbols() {
    return Style::parse(R"({"background":"#ffffff","layers":[
        {"layer":"incidents","classes":[{"size":5,"symbolFill":"#c0202080"}]}]})",
                        "translucent.json");
}

struct ImageDifference {
    double meanAbs = 0;
    int max = 0;
};

ImageDifference compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    ImageDifference d;
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const int diff = std::abs(static_cast<int>(a[i]) - static_cast<int>(b[i]));
        sum += diff;
        d.max = std::max(d.max, diff);
    }
    d.meanAbs = sum / static_cast<double>(a.size());
    return d;
}

}  // namespace

TEST_F(GlRender, PointLevelOfDetailDrawsFewerSymbolsForTheSamePicture) {
    const auto scene = denseIncidents();
    gl::MapRenderer renderer(scene, translucentSymbols(), GlyphAtlas::defaultFontFile());
    gl::RenderTarget target(500, 300);
    RenderOptions options = mapOnly();
    const auto view = MapView::fit(scene->extent(), 500, 300);  // ~2 m per pixel: hotspots overlap heavily

    options.pointLodPixels = 0;
    renderer.render(view, options, target);
    const auto exact = target.readPixels();
    EXPECT_EQ(renderer.lastFrame().symbolsDrawn, 200000u);

    options.pointLodPixels = 0.25;
    renderer.render(view, options, target);
    const auto thinned = target.readPixels();
    EXPECT_EQ(renderer.lastFrame().featuresDrawn, 200000u);
    EXPECT_LT(renderer.lastFrame().symbolsDrawn, 200000u * 7 / 10);

    const auto d = compare(exact, thinned);
    std::printf("level of detail: %zu symbols for 200000 points, mean |diff| %.3f, max %d\n",
                renderer.lastFrame().symbolsDrawn, d.meanAbs, d.max);
    EXPECT_LT(d.meanAbs, 0.05) << "max " << d.max;
    EXPECT_LE(d.max, 16);

    // Without the weights the hotspots would be far lighter: the comparison above can fail.
    options.pointLodPixels = 4;
    renderer.render(view, options, target);
    const auto coarse = compare(exact, target.readPixels());
    EXPECT_GT(coarse.meanAbs, d.meanAbs);
}

TEST_F(GlRender, ZoomedInViewsDrawOnlyTheVisibleTiles) {
    const auto scene = denseIncidents();
    gl::MapRenderer renderer(scene, translucentSymbols(), GlyphAtlas::defaultFontFile());
    gl::RenderTarget target(200, 200);
    RenderOptions options = mapOnly();
    MapView view;
    view.width = view.height = 200;
    view.metresPerPixel = 0.25;
    view.centerX = 500;  // 50 m × 50 m of the sparse background between two hotspots
    view.centerY = 120;
    renderer.render(view, options, target);
    const auto culled = target.readPixels();
    EXPECT_LT(renderer.lastFrame().symbolsDrawn, 200000u / 20);
    EXPECT_GT(renderer.lastFrame().symbolsDrawn, 100u);
    options.pointLodPixels = 0;
    renderer.render(view, options, target);
    const auto d = compare(culled, target.readPixels());
    EXPECT_LT(d.meanAbs, 0.5);
}

TEST_F(GlRender, DensePointLayersAreDrawnAfterTheMultisampleResolve) {
    const auto scene = denseIncidents();
    gl::MapRenderer renderer(scene, translucentSymbols(), GlyphAtlas::defaultFontFile());
    RenderOptions options = mapOnly();
    const auto view = MapView::fit(scene->extent(), 300, 200);
    gl::RenderTarget single(300, 200, 1), multi(300, 200, 4);
    renderer.render(view, options, single);
    renderer.render(view, options, multi);
    // Symbols antialias themselves: with and without multisampling they look the same, and reading the
    // multisampled target twice does not resolve it again over the symbols.
    const auto d = compare(single.readPixels(), multi.readPixels());
    EXPECT_LT(d.meanAbs, 0.2);
    EXPECT_LE(d.max, 8);
    const auto again = multi.readPixels();
    EXPECT_EQ(compare(again, single.readPixels()).max, d.max);
}

TEST_F(GlRender, HeatmapLiesUnderThematicLayersWithItsRampColours) {
    auto scene = std::make_shared<Scene>();
    // One point in the hot cell (upper left), a second one fixes the extent to 0..100.
    scene->add(incidentPoints({{25, 75}, {100, 0}}));

    auto overlay = std::make_shared<RasterOverlay>();
    overlay->originX = 0;
    overlay->originY = 100;
    overlay->cell = 50;
    overlay->columns = overlay->rows = 2;
    overlay->values = {10, 5, 0, 0};  // top row: hot, half; bottom row: nothing
    overlay->maxValue = 10;
    overlay->legend = overlay->legendEn = "density";

    const Style style = Style::parse(R"({"background":"#ffffff","layers":[
        {"layer":"incidents","thematic":true,"classes":[{"size":9,"symbolFill":"#ff0000"}]}]})",
                                     "heat.json");
    gl::MapRenderer renderer(scene, style, GlyphAtlas::defaultFontFile());
    renderer.setHeatmap(overlay);
    gl::RenderTarget target(100, 100);
    RenderOptions options = mapOnly();
    options.heatmapOpacity = 1;
    MapView view = metreGridView();
    renderer.render(view, options, target);
    const auto px = target.readPixels();
    auto at = [&](int x, int y) { return &px[(static_cast<std::size_t>(y) * 100 + x) * 4]; };

    const Color hot = heatRamp(1.0f);  // opaque dark red
    EXPECT_NEAR(at(10, 10)[0], hot.r * 255, 3);
    EXPECT_NEAR(at(10, 10)[1], hot.g * 255, 3);
    EXPECT_NEAR(at(10, 10)[2], hot.b * 255, 3);
    // Bottom half: no density, the white background shows.
    EXPECT_EQ(at(30, 80)[0], 255);
    EXPECT_EQ(at(30, 80)[1], 255);
    EXPECT_EQ(at(30, 80)[2], 255);
    // The incident symbol (pure red, 9 px) is drawn on top of the heatmap.
    EXPECT_GT(at(25, 25)[0], 240);
    EXPECT_LT(at(25, 25)[1], 20);
    EXPECT_LT(at(25, 25)[2], 20);
    // Switched off in the options: background again.
    options.heatmap = false;
    renderer.render(view, options, target);
    EXPECT_EQ(target.readPixels()[(10 * 100 + 10) * 4 + 1], 255);
}

TEST_F(GlRender, HighlightSetRingsExactlyTheListedPoints) {
    // Three points in a row; the set names the first and the last.
    auto scene = std::make_shared<Scene>();
    SceneLayer points;
    points.name = "incidents";
    points.kind = GeometryKind::Point;
    for (std::int64_t fid : {1, 2, 3}) {
        points.beginFeature(fid, "");
        points.beginPart();
        points.beginRing();
        points.addCoord(20.0 + 30.0 * static_cast<double>(fid - 1), 50);
    }
    scene->add(points);
    Style style = Style::parse(R"({"background":"#ffffff","highlight":"#0000ff","layers":[
        {"layer":"incidents","classes":[{"size":4,"symbolFill":"#ff0000"}]}]})",
                               "set.json");
    gl::MapRenderer renderer(scene, style, GlyphAtlas::defaultFontFile());
    gl::RenderTarget target(100, 100);
    MapView view = metreGridView();
    RenderOptions options = mapOnly();
    auto blueNear = [&](const std::vector<std::uint8_t>& px, int cx) {
        int blue = 0;  // ring pixels: blue clearly above red and green
        for (int y = 38; y < 62; ++y) {
            for (int x = cx - 12; x < cx + 12; ++x) {
                const auto* p = &px[(static_cast<std::size_t>(y) * 100 + x) * 4];
                if (p[2] > 150 && p[0] < 120 && p[1] < 120) ++blue;
            }
        }
        return blue;
    };
    renderer.render(view, options, target);
    const auto plain = target.readPixels();
    EXPECT_EQ(blueNear(plain, 20) + blueNear(plain, 50) + blueNear(plain, 80), 0);

    auto set = std::make_shared<FeatureSet>();
    set->layer = "incidents";
    set->fids = {1, 3};
    options.highlightSet = set;
    renderer.render(view, options, target);
    const auto lit = target.readPixels();
    EXPECT_GT(blueNear(lit, 20), 10);
    EXPECT_EQ(blueNear(lit, 50), 0);
    EXPECT_GT(blueNear(lit, 80), 10);
}

TEST_F(GlRender, ClassifiedOverlayFillsHotAndColdCellsAndLeavesTheRestClear) {
    // Three 50 m cells over a base polygon-free map: hot 99 % (upper left), cold 95 % (upper right), not
    // significant (lower left); the lower right has no cell.
    auto scene = std::make_shared<Scene>();
    SceneLayer corners;
    corners.name = "incidents";
    corners.kind = GeometryKind::Point;
    for (auto [id, x, y] : {std::tuple{1, 0.0, 0.0}, std::tuple{2, 100.0, 100.0}}) {
        corners.beginFeature(id, "");
        corners.beginPart();
        corners.beginRing();
        corners.addCoord(x, y);
    }
    scene->add(corners);

    auto overlay = std::make_shared<ClassifiedOverlay>();
    overlay->style = giStarOverlayStyle();
    overlay->layer.name = "gistar";
    overlay->layer.kind = GeometryKind::Polygon;
    int id = 0;
    for (auto [cls, x, y] : {std::tuple{"3", 0.0, 50.0}, std::tuple{"-2", 50.0, 50.0}, std::tuple{"0", 0.0, 0.0}}) {
        overlay->layer.beginFeature(++id, cls);
        overlay->layer.beginPart();
        overlay->layer.beginRing();
        for (auto [dx, dy] : {std::pair{0, 0}, {50, 0}, {50, 50}, {0, 50}, {0, 0}}) {
            overlay->layer.addCoord(x + dx, y + dy);
        }
    }

    const Style style = Style::parse(R"({"background":"#ffffff","layers":[
        {"layer":"incidents","thematic":true,"classes":[{"size":1,"symbolFill":"#00000000"}]}]})",
                                     "gistar.json");
    gl::MapRenderer renderer(scene, style, GlyphAtlas::defaultFontFile());
    renderer.setClassifiedOverlay(overlay);
    gl::RenderTarget target(100, 100);
    RenderOptions options = mapOnly();
    options.classifiedOpacity = 1;
    MapView view = metreGridView();
    renderer.render(view, options, target);
    auto px = target.readPixels();
    auto at = [&](int x, int y) { return &px[(static_cast<std::size_t>(y) * 100 + x) * 4]; };

    // Hot 99 %: #d62f27.
    EXPECT_NEAR(at(25, 25)[0], 0xd6, 2);
    EXPECT_NEAR(at(25, 25)[1], 0x2f, 2);
    EXPECT_NEAR(at(25, 25)[2], 0x27, 2);
    // Cold 95 %: #5b8dc4.
    EXPECT_NEAR(at(75, 25)[0], 0x5b, 2);
    EXPECT_NEAR(at(75, 25)[1], 0x8d, 2);
    EXPECT_NEAR(at(75, 25)[2], 0xc4, 2);
    // Not significant, and no cell at all: the white background.
    for (auto [x, y] : {std::pair{25, 75}, std::pair{75, 75}}) {
        EXPECT_EQ(at(x, y)[0], 255) << x << "," << y;
        EXPECT_EQ(at(x, y)[1], 255) << x << "," << y;
        EXPECT_EQ(at(x, y)[2], 255) << x << "," << y;
    }
    // Half opacity blends the hot red with white.
    options.classifiedOpacity = 0.5f;
    renderer.render(view, options, target);
    px = target.readPixels();
    EXPECT_NEAR(at(25, 25)[1], (0x2f + 255) / 2, 3);
    // Switched off: background; removed: background.
    options.classifiedOpacity = 1;
    options.classifiedOverlay = false;
    renderer.render(view, options, target);
    EXPECT_EQ(target.readPixels()[(25 * 100 + 25) * 4 + 1], 255);
    options.classifiedOverlay = true;
    renderer.setClassifiedOverlay(nullptr);
    renderer.render(view, options, target);
    EXPECT_EQ(target.readPixels()[(25 * 100 + 25) * 4 + 1], 255);
    // The legend lists the classes present with their colours, also when no cell is in view.
    renderer.setClassifiedOverlay(overlay);
    options.legend = true;
    view.centerX = 1000;
    renderer.render(view, options, target);
    px = target.readPixels();
    bool legendSample = false;
    for (int y = 0; y < 60 && !legendSample; ++y) {
        for (int x = 0; x < 50 && !legendSample; ++x) {
            legendSample = std::abs(at(x, y)[0] - 0xd6) <= 3 && std::abs(at(x, y)[1] - 0x2f) <= 3;
        }
    }
    EXPECT_TRUE(legendSample);
}

// After an edit the scene snapshot has one new layer and shares the others: only the new one is
// uploaded, and the picture is the one a fresh renderer draws of the same scene. When the extent (and so
// the origin of the GPU coordinates) moves, everything is uploaded again.
TEST_F(GlRender, AnEditUploadsOnlyTheLayerThatChanged) {
    SceneLayer area;
    area.name = "districts";
    area.kind = GeometryKind::Polygon;
    area.beginFeature(1, "");
    area.beginPart();
    area.beginRing();
    for (auto [x, y] : {std::pair{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}) area.addCoord(x, y);
    area.revision = nextSceneLayerRevision();
    SceneLayer points = incidentPoints({{20, 20}, {80, 80}});
    points.revision = nextSceneLayerRevision();
    auto before = std::make_shared<Scene>();
    before->add(area);
    before->add(points);
    gl::MapRenderer renderer(before, plainStyle(), GlyphAtlas::defaultFontFile());
    EXPECT_EQ(renderer.lastUpload().uploaded, 2u);
    EXPECT_EQ(renderer.lastUpload().kept, 0u);

    // The edit: a third incident; the districts layer is the same snapshot.
    auto after = std::make_shared<Scene>();
    SceneLayer edited = incidentPoints({{20, 20}, {80, 80}, {50, 30}});
    edited.revision = nextSceneLayerRevision();
    after->layers = {before->layers[0]};
    after->add(edited);
    before.reset();  // the old snapshot may be gone before the renderer sees the new one
    renderer.setScene(after);
    EXPECT_EQ(renderer.lastUpload().uploaded, 1u);
    EXPECT_EQ(renderer.lastUpload().kept, 1u);
    gl::RenderTarget target(100, 100);
    target.bind();
    renderer.render(metreGridView(), mapOnly());
    const auto kept = target.readPixels();
    gl::MapRenderer fresh(after, plainStyle(), GlyphAtlas::defaultFontFile());
    target.bind();
    fresh.render(metreGridView(), mapOnly());
    EXPECT_EQ(kept, target.readPixels());

    // A feature far outside moves the extent's centre: all layers are uploaded again.
    auto moved = std::make_shared<Scene>();
    SceneLayer far = incidentPoints({{20, 20}, {80, 80}, {5000, 5000}});
    far.revision = nextSceneLayerRevision();
    moved->layers = {after->layers[0]};
    moved->add(far);
    renderer.setScene(moved);
    EXPECT_EQ(renderer.lastUpload().uploaded, 2u);
    EXPECT_EQ(renderer.lastUpload().kept, 0u);
    // Unstamped layers (revision 0) are never taken for one another.
    auto unstamped = std::make_shared<Scene>();
    SceneLayer unstampedArea = area;
    unstampedArea.revision = 0;
    unstamped->add(unstampedArea);
    unstamped->add(incidentPoints({{20, 20}}));
    renderer.setScene(unstamped);
    renderer.setScene(unstamped);
    EXPECT_EQ(renderer.lastUpload().kept, 0u);
}
