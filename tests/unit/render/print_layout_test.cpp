// The print layout's pure parts: paper names and sizes, the CRS note, and a page painted into an image whose
// map frame is at a round scale that holds the asked-for area.
#include <gtest/gtest.h>

#include <cmath>

#include "render/cairo/print_layout.hpp"

using namespace lb::render;
using namespace lb::render::cairo;

TEST(PrintLayout, PaperNamesAndSizes) {
    EXPECT_EQ(paperFromName("A4"), Paper::A4);
    EXPECT_EQ(paperFromName("a0"), Paper::A0);
    EXPECT_FALSE(paperFromName("B5").has_value());
    EXPECT_FALSE(paperFromName("").has_value());
    const auto [w4, h4] = paperSizePoints(Paper::A4, false);
    EXPECT_NEAR(w4, 595.276, 0.01);
    EXPECT_NEAR(h4, 841.890, 0.01);
    const auto [w0, h0] = paperSizePoints(Paper::A0, true);
    EXPECT_NEAR(w0, 3370.39, 0.01);
    EXPECT_NEAR(h0, 2383.94, 0.01);
    EXPECT_STREQ(paperName(Paper::A2), "A2");
}

TEST(PrintLayout, CrsNote) {
    EXPECT_EQ(crsNote(25833), "ETRS89 / UTM Zone 33N (EPSG:25833)");
    EXPECT_EQ(crsNote(25832), "ETRS89 / UTM Zone 32N (EPSG:25832)");
    EXPECT_EQ(crsNote(12345), "EPSG:12345");
}

TEST(PrintLayout, TheMapFrameIsAtARoundScaleHoldingTheArea) {
    auto scene = std::make_shared<Scene>();
    SceneLayer roads;
    roads.name = "roads";
    roads.kind = GeometryKind::Line;
    roads.beginFeature(1, "");
    roads.beginPart();
    roads.beginRing();
    roads.addCoord(0, 0);
    roads.addCoord(2000, 1500);
    roads.extent.add(0, 0);
    roads.extent.add(2000, 1500);
    scene->add(std::move(roads));
    const Style style = Style::parse(R"({"layers":[{"layer":"roads","classes":[{"line":"#ff0000"}]}]})", "s.json");
    MapPicture picture;
    picture.scene = scene;
    picture.style = &style;
    PrintSettings settings;
    settings.title = "Test";
    lb::core::BBox area;
    area.add(0, 0);
    area.add(2000, 1500);
    settings.area = area;
    for (const bool landscape : {false, true}) {
        settings.landscape = landscape;
        const PrintPreview preview = paintPrintPreview(picture, settings, 400);
        EXPECT_EQ(std::max(preview.width, preview.height), 400);
        EXPECT_EQ(preview.width < preview.height, !landscape);
        const double n = preview.result.scaleDenominator;
        // two significant figures, and the 2 km wide area fits a frame narrower than the sheet
        const double decade = std::pow(10.0, std::floor(std::log10(n)));
        EXPECT_NEAR(std::round(n / decade * 10), n / decade * 10, 1e-9) << n;
        EXPECT_GT(n, 2000 / (preview.result.widthPoints * 0.0254 / 72));
        EXPECT_EQ(preview.rgba.size(), static_cast<std::size_t>(preview.width) * preview.height * 4);
        EXPECT_EQ(preview.rgba[3], 255);  // an opaque page
    }
    settings.paper = Paper::A0;
    settings.landscape = false;
    const PrintPreview a0 = paintPrintPreview(picture, settings, 400);
    settings.paper = Paper::A4;
    const PrintPreview a4 = paintPrintPreview(picture, settings, 400);
    EXPECT_LT(a0.result.scaleDenominator, a4.result.scaleDenominator);  // the bigger sheet, the larger scale
}
