#include <gtest/gtest.h>

#include "core/error.hpp"
#include "geo/wkb.hpp"
#include "project/gistar_overlay.hpp"

namespace lb::project {
namespace {

io::OutputTable cells(std::initializer_list<std::int64_t> bins) {
    io::OutputTable table;
    table.fields = {{"count", io::FieldType::Real}, {"gi_bin", io::FieldType::Integer}};
    double x = 1000;
    for (std::int64_t bin : bins) {
        table.rows.push_back({1.0, bin});
        table.geometries.push_back(geo::polygonWkb({{{x, 2000}, {x + 100, 2000}, {x + 100, 2100}, {x, 2100}}}));
        x += 100;
    }
    return table;
}

TEST(GiStarOverlay, SignificantCellsKeepTheirSquareAndGetTheirBinsColour) {
    const GiStarOverlay result = toGiStarOverlay(cells({3, 0, -2, 1}));
    EXPECT_EQ(result.units, 4u);
    EXPECT_EQ(result.hot, 2u);
    EXPECT_EQ(result.cold, 1u);
    const render::SceneLayer& layer = result.overlay->layer;
    EXPECT_EQ(layer.kind, render::GeometryKind::Polygon);
    ASSERT_EQ(layer.featureCount(), 3u);  // the not significant cell is left out
    EXPECT_EQ(layer.fid, (std::vector<std::int64_t>{0, 2, 3}));

    auto fillOf = [&](std::size_t feature) {
        const render::ClassStyle* cls = result.overlay->style.classStyle(layer.classNames[layer.classIndex[feature]]);
        EXPECT_NE(cls, nullptr);
        return cls && cls->fill ? *cls->fill : render::Color{0, 0, 0, 0};
    };
    EXPECT_EQ(fillOf(0), *render::Color::parse("#d62f27"));  // hot 99 %
    EXPECT_EQ(fillOf(1), *render::Color::parse("#5b8dc4"));  // cold 95 %
    EXPECT_EQ(fillOf(2), *render::Color::parse("#fab984"));  // hot 90 %

    // The cold cell (third in the table) is the square 1200..1300 × 2000..2100, one closed ring.
    const std::uint32_t part = layer.featureParts[1];
    ASSERT_EQ(layer.partRings[part + 1] - layer.partRings[part], 1u);
    const std::uint32_t ring = layer.partRings[part];
    const std::vector<double> ringXy(layer.xy.begin() + 2 * layer.ringCoords[ring],
                                     layer.xy.begin() + 2 * layer.ringCoords[ring + 1]);
    EXPECT_EQ(ringXy, (std::vector<double>{1200, 2000, 1300, 2000, 1300, 2100, 1200, 2100, 1200, 2000}));
    EXPECT_DOUBLE_EQ(layer.extent.minX, 1000);
    EXPECT_DOUBLE_EQ(layer.extent.maxX, 1400);
}

TEST(GiStarOverlay, NotSignificantHasNoFillAndNoLegendAndEveryOtherBinHasBoth) {
    const render::LayerStyle style = render::giStarOverlayStyle();
    ASSERT_NE(style.classStyle("0"), nullptr);
    EXPECT_FALSE(style.classStyle("0")->fill);
    EXPECT_TRUE(style.classStyle("0")->legend.empty());
    for (const char* bin : {"3", "2", "1", "-1", "-2", "-3"}) {
        const render::ClassStyle* cls = style.classStyle(bin);
        ASSERT_NE(cls, nullptr) << bin;
        EXPECT_TRUE(cls->fill) << bin;
        EXPECT_NE(cls->legend, cls->legendEn) << bin;
    }
    EXPECT_EQ(style.classStyle("-3")->legendEn, "Cold Spot - 99% Confidence");
}

TEST(GiStarOverlay, RefusesATableWithoutBins) {
    io::OutputTable table = cells({1});
    table.fields[1].name = "z";
    EXPECT_THROW(toGiStarOverlay(table), core::UsageError);
}

}  // namespace
}  // namespace lb::project
