#include "render/label_placer.hpp"

#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lb::render {
namespace {

using Line = std::vector<std::array<float, 2>>;

const Color kInk{0.1f, 0.1f, 0.1f, 1};
const Color kHalo{1, 1, 1, 0.9f};

class LabelPlacerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_atlas = std::make_unique<GlyphAtlas>(GlyphAtlas::defaultFontFile()); }
    static void TearDownTestSuite() { s_atlas.reset(); }
    static const GlyphAtlas& atlas() { return *s_atlas; }

    // The code points of a label that produce a quad (spaces produce none).
    static std::u32string inked(std::string_view utf8) {
        std::u32string result;
        for (char32_t c : decodeUtf8(utf8))
            if (atlas().glyph(c).width > 0) result.push_back(c);
        return result;
    }
    static float angleOf(const PlacedGlyph& g) {
        return std::atan2(g.corners[1][1] - g.corners[0][1], g.corners[1][0] - g.corners[0][0]);
    }
    static std::array<float, 2> centreOf(const PlacedGlyph& g) {
        return {(g.corners[0][0] + g.corners[2][0]) / 2, (g.corners[0][1] + g.corners[2][1]) / 2};
    }
    // Asserts that the glyphs spell `text` in order (by their atlas boxes).
    static void expectSpells(const std::vector<PlacedGlyph>& glyphs, std::size_t first, std::string_view text) {
        const std::u32string letters = inked(text);
        ASSERT_LE(first + letters.size(), glyphs.size());
        for (std::size_t i = 0; i < letters.size(); ++i) {
            EXPECT_EQ(glyphs[first + i].u0, atlas().glyph(letters[i]).u0) << "glyph " << i;
            EXPECT_EQ(glyphs[first + i].v0, atlas().glyph(letters[i]).v0) << "glyph " << i;
        }
    }
    // Horizontal, upright (top above bottom) and advancing left to right on the screen.
    static void expectHorizontalLeftToRight(const std::vector<PlacedGlyph>& glyphs) {
        ASSERT_FALSE(glyphs.empty());
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const PlacedGlyph& g = glyphs[i];
            EXPECT_NEAR(g.corners[0][1], g.corners[1][1], 1e-3) << "top edge horizontal, glyph " << i;
            EXPECT_GT(g.corners[1][0], g.corners[0][0]) << "top-right right of top-left, glyph " << i;
            EXPECT_GT(g.corners[3][1], g.corners[0][1]) << "bottom below top (not upside down), glyph " << i;
            if (i > 0) {
                EXPECT_GT(g.corners[0][0], glyphs[i - 1].corners[0][0]) << "left to right, glyph " << i;
            }
        }
    }

    static std::unique_ptr<GlyphAtlas> s_atlas;
};
std::unique_ptr<GlyphAtlas> LabelPlacerTest::s_atlas;

TEST_F(LabelPlacerTest, StraightHorizontalLineGivesHorizontalTextInReadingOrder) {
    LabelPlacer placer(atlas(), 800, 600);
    ASSERT_EQ(placer.placeAlongLine("Hauptstraße", Line{{100, 300}, {700, 300}}, 16, kInk, kHalo, 2000), 1);
    ASSERT_EQ(placer.glyphs().size(), inked("Hauptstraße").size());
    expectHorizontalLeftToRight(placer.glyphs());
    expectSpells(placer.glyphs(), 0, "Hauptstraße");
    // The line runs through the text: 'H' spans it, and the label is centred on the line.
    const PlacedGlyph& h = placer.glyphs().front();
    EXPECT_LT(h.corners[0][1], 300);
    EXPECT_GT(h.corners[3][1], 300);
    const float middle = (placer.glyphs().front().corners[0][0] + placer.glyphs().back().corners[1][0]) / 2;
    EXPECT_NEAR(middle, 400, 10);
    for (const PlacedGlyph& g : placer.glyphs()) {
        EXPECT_EQ(g.size, 16);
        EXPECT_EQ(g.color, kInk);
        EXPECT_EQ(g.halo, kHalo);
    }
}

TEST_F(LabelPlacerTest, GlyphBoxesScaleWithTheTextSize) {
    LabelPlacer placer(atlas(), 800, 600);
    ASSERT_EQ(placer.placeAlongLine("W", Line{{100, 300}, {700, 300}}, 24, kInk, kHalo, 2000), 1);
    const PlacedGlyph& w = placer.glyphs().at(0);
    const Glyph& glyph = atlas().glyph(U'W');
    const float scale = 24.0f / static_cast<float>(atlas().baseSize());
    EXPECT_NEAR(w.corners[1][0] - w.corners[0][0], glyph.width * scale, 1e-3);
    EXPECT_NEAR(w.corners[3][1] - w.corners[0][1], glyph.height * scale, 1e-3);
}

TEST_F(LabelPlacerTest, RightToLeftLineStillReadsLeftToRight) {
    LabelPlacer placer(atlas(), 800, 600);
    ASSERT_EQ(placer.placeAlongLine("Hauptstraße", Line{{700, 300}, {400, 300}, {100, 300}}, 16, kInk, kHalo, 2000), 1);
    expectHorizontalLeftToRight(placer.glyphs());
    expectSpells(placer.glyphs(), 0, "Hauptstraße");
}

TEST_F(LabelPlacerTest, DiagonalLinesAreFollowedUprightInBothDirections) {
    for (const Line& line : {Line{{100, 500}, {600, 100}}, Line{{600, 100}, {100, 500}}}) {
        LabelPlacer placer(atlas(), 800, 600);
        ASSERT_EQ(placer.placeAlongLine("Am Markt", line, 16, kInk, kHalo, 2000), 1);
        expectSpells(placer.glyphs(), 0, "Am Markt");
        const float expected = std::atan2(-400.0f, 500.0f);  // rising to the right
        for (const PlacedGlyph& g : placer.glyphs()) EXPECT_NEAR(angleOf(g), expected, 1e-3);
    }
}

TEST_F(LabelPlacerTest, VerticalLineReadsBottomToTop) {
    LabelPlacer placer(atlas(), 800, 600);
    ASSERT_EQ(placer.placeAlongLine("Ring", Line{{400, 100}, {400, 500}}, 16, kInk, kHalo), 1);
    expectSpells(placer.glyphs(), 0, "Ring");
    for (const PlacedGlyph& g : placer.glyphs()) EXPECT_NEAR(angleOf(g), -std::numbers::pi_v<float> / 2, 1e-3);
    EXPECT_GT(centreOf(placer.glyphs().front())[1], centreOf(placer.glyphs().back())[1]);
}

TEST_F(LabelPlacerTest, GentleCurveIsFollowedGlyphByGlyph) {
    Line arc;  // a wide arc bulging upwards, radius 500
    for (int k = 0; k <= 60; ++k) {
        const float t = std::numbers::pi_v<float> * (0.25f + 0.5f * static_cast<float>(k) / 60.0f);
        arc.push_back({400 - 500 * std::cos(t), 650 - 500 * std::sin(t)});
    }
    LabelPlacer placer(atlas(), 800, 600);
    ASSERT_EQ(placer.placeAlongLine("Bahnhofstraße", arc, 16, kInk, kHalo, 2000), 1);
    const auto& glyphs = placer.glyphs();
    expectSpells(glyphs, 0, "Bahnhofstraße");
    // Rising on the left, falling on the right, turning a little from glyph to glyph.
    EXPECT_LT(angleOf(glyphs.front()), -0.02f);
    EXPECT_GT(angleOf(glyphs.back()), 0.02f);
    for (std::size_t i = 1; i < glyphs.size(); ++i) {
        EXPECT_GT(angleOf(glyphs[i]), angleOf(glyphs[i - 1]) - 1e-4);
        EXPECT_LT(angleOf(glyphs[i]) - angleOf(glyphs[i - 1]), 0.2f);
        EXPECT_GT(centreOf(glyphs[i])[0], centreOf(glyphs[i - 1])[0]);
    }
}

TEST_F(LabelPlacerTest, SharpZigZagIsNotLabelled) {
    Line zigzag;
    for (int k = 0; k <= 24; ++k) zigzag.push_back({100 + 25.0f * k, k % 2 ? 275.0f : 300.0f});
    LabelPlacer placer(atlas(), 800, 600);
    EXPECT_EQ(placer.placeAlongLine("Zickzackweg", zigzag, 14, kInk, kHalo), 0);
    EXPECT_TRUE(placer.glyphs().empty());
    // The same line with a straight stretch long enough is labelled there.
    zigzag.push_back({1000, 300});
    LabelPlacer wide(atlas(), 1100, 600);
    ASSERT_EQ(wide.placeAlongLine("Zickzackweg", zigzag, 14, kInk, kHalo), 1);
    for (const PlacedGlyph& g : wide.glyphs()) EXPECT_GT(g.corners[0][0], 700);
}

TEST_F(LabelPlacerTest, LineShorterThanTheTextIsNotLabelled) {
    LabelPlacer placer(atlas(), 800, 600);
    EXPECT_EQ(placer.placeAlongLine("Sehr lange Straßenbezeichnung", Line{{100, 300}, {160, 300}}, 16, kInk, kHalo), 0);
    EXPECT_EQ(placer.placeAlongLine("Weg", Line{{100, 300}}, 16, kInk, kHalo), 0);
    EXPECT_EQ(placer.placeAlongLine("", Line{{100, 300}, {700, 300}}, 16, kInk, kHalo), 0);
    EXPECT_TRUE(placer.glyphs().empty());
}

TEST_F(LabelPlacerTest, SecondLabelAtTheSameSpotIsRejected) {
    LabelPlacer placer(atlas(), 800, 600);
    const Line street{{300, 300}, {460, 300}};  // room for one label only
    ASSERT_EQ(placer.placeAlongLine("Hauptstraße", street, 16, kInk, kHalo), 1);
    const std::size_t count = placer.glyphs().size();
    EXPECT_EQ(placer.placeAlongLine("Nebenstraße", street, 16, kInk, kHalo), 0);
    EXPECT_EQ(placer.glyphs().size(), count);
    EXPECT_TRUE(placer.placeCentered("Altstadt", 100, 100, 16, kInk, kHalo));
    EXPECT_FALSE(placer.placeCentered("Altstadt", 100, 100, 16, kInk, kHalo));
    EXPECT_FALSE(placer.placeCentered("Neustadt", 105, 104, 16, kInk, kHalo));
    // A crossing street cannot put its label over the first one, but a parallel street far enough away can.
    EXPECT_EQ(placer.placeAlongLine("Querweg", Line{{400, 260}, {400, 340}}, 16, kInk, kHalo), 0);
    EXPECT_EQ(placer.placeAlongLine("Parallelweg", Line{{200, 340}, {600, 340}}, 16, kInk, kHalo), 1);
}

TEST_F(LabelPlacerTest, PointLabelsTryRightLeftAboveBelow) {
    const float x = 400, y = 300, offset = 6;
    // Every glyph of the label lies in the expected direction; the label is horizontal.
    auto place = [&](LabelPlacer& placer) {
        EXPECT_TRUE(placer.placeBesidePoint("Polizei", x, y, offset, 14, kInk, kHalo));
        expectSpells(placer.glyphs(), 0, "Polizei");
        expectHorizontalLeftToRight(placer.glyphs());
        return placer.glyphs();
    };
    {
        LabelPlacer placer(atlas(), 800, 600);
        const auto glyphs = place(placer);
        for (const PlacedGlyph& g : glyphs) EXPECT_GT(g.corners[0][0], x + offset - 2);  // right
        EXPECT_LT(glyphs.front().corners[0][1], y);  // vertically centred on the symbol
        EXPECT_GT(glyphs.front().corners[3][1], y);
        // The same label again cannot take the right side any more and goes to the left.
        EXPECT_TRUE(placer.placeBesidePoint("Polizei", x, y, offset, 14, kInk, kHalo));
        for (std::size_t i = glyphs.size(); i < placer.glyphs().size(); ++i)
            EXPECT_LT(placer.glyphs()[i].corners[1][0], x - offset + 2);
    }
    {
        LabelPlacer placer(atlas(), 800, 600);
        placer.block(x + 1, 0, 800, 600);
        for (const PlacedGlyph& g : place(placer)) EXPECT_LT(g.corners[1][0], x - offset + 2);  // left
    }
    {
        LabelPlacer placer(atlas(), 800, 600);
        placer.block(0, y - offset, 800, 600);
        const auto glyphs = place(placer);
        for (const PlacedGlyph& g : glyphs) EXPECT_LT(g.corners[3][1], y - offset + 4);  // above
        EXPECT_LT(glyphs.front().corners[0][0], x);                                      // centred over the symbol
        EXPECT_GT(glyphs.back().corners[1][0], x);
    }
    {
        LabelPlacer placer(atlas(), 800, 600);
        placer.block(0, 0, 800, y + offset);
        for (const PlacedGlyph& g : place(placer)) EXPECT_GT(g.corners[0][1], y + offset - 4);  // below
    }
    {
        // The caller may reserve the symbol itself; its label still fits beside it.
        LabelPlacer placer(atlas(), 800, 600);
        placer.block(x - offset, y - offset, x + offset, y + offset);
        for (const PlacedGlyph& g : place(placer)) EXPECT_GT(g.corners[0][0], x + offset - 2);
    }
    {
        LabelPlacer placer(atlas(), 800, 600);
        placer.block(x - 80, y - 40, x + 80, y + 40);  // all four places taken
        EXPECT_FALSE(placer.placeBesidePoint("Polizei", x, y, offset, 14, kInk, kHalo));
        EXPECT_TRUE(placer.glyphs().empty());
    }
}

TEST_F(LabelPlacerTest, LabelsOutsideTheScreenAreRejected) {
    LabelPlacer placer(atlas(), 800, 600);
    EXPECT_FALSE(placer.placeCentered("Außerhalb", -100, -100, 16, kInk, kHalo));
    EXPECT_FALSE(placer.placeCentered("Am Rand", 5, 300, 16, kInk, kHalo));  // would stick out on the left
    EXPECT_FALSE(placer.placeBesidePoint("Rand", 400, 900, 5, 16, kInk, kHalo));
    EXPECT_EQ(placer.placeAlongLine("Fernweg", Line{{-900, 300}, {-100, 300}}, 16, kInk, kHalo), 0);
    EXPECT_EQ(placer.placeAlongLine("Fernweg", Line{{100, 700}, {700, 700}}, 16, kInk, kHalo), 0);
    EXPECT_TRUE(placer.glyphs().empty());
    // A street leaving the screen gets its label on the visible part.
    ASSERT_EQ(placer.placeAlongLine("Ausfallstraße", Line{{-600, 300}, {300, 300}}, 16, kInk, kHalo), 1);
    for (const PlacedGlyph& g : placer.glyphs()) {
        EXPECT_GE(g.corners[0][0], 0);
        EXPECT_LE(g.corners[1][0], 300);
    }
}

TEST_F(LabelPlacerTest, BlockedAreasAreRespected) {
    LabelPlacer placer(atlas(), 800, 600);
    placer.block(300, 250, 500, 350);
    EXPECT_FALSE(placer.placeCentered("Legende", 400, 300, 16, kInk, kHalo));
    EXPECT_TRUE(placer.placeCentered("Legende", 400, 100, 16, kInk, kHalo));
    EXPECT_EQ(placer.placeAlongLine("Mittelweg", Line{{320, 300}, {480, 300}}, 16, kInk, kHalo), 0);
    // The street is labelled beside the block.
    ASSERT_EQ(placer.placeAlongLine("Mittelweg", Line{{0, 300}, {800, 300}}, 16, kInk, kHalo, 2000), 1);
    for (const PlacedGlyph& g : placer.glyphs()) {
        if (g.corners[0][1] > 200) {
            EXPECT_TRUE(g.corners[1][0] < 300 || g.corners[0][0] > 500);
        }
    }
    // Reversed corners work too.
    placer.block(700, 550, 600, 450);
    EXPECT_FALSE(placer.placeCentered("Ecke", 650, 500, 12, kInk, kHalo));
}

TEST_F(LabelPlacerTest, LongLineRepeatsTheLabelEveryRepeatDistance) {
    const std::string name = "Lange Straße";
    const float size = 14, repeat = 400;
    const float length = atlas().measure(name, size);
    ASSERT_LT(length, 100);
    LabelPlacer placer(atlas(), 2200, 400);
    const int copies = placer.placeAlongLine(name, Line{{50, 200}, {2150, 200}}, size, kInk, kHalo, repeat);
    EXPECT_EQ(copies, 6);  // floor((2100 - length) / 400) + 1
    const std::size_t perCopy = inked(name).size();
    ASSERT_EQ(placer.glyphs().size(), perCopy * static_cast<std::size_t>(copies));
    for (int k = 0; k < copies; ++k) expectSpells(placer.glyphs(), perCopy * k, name);
    for (int k = 1; k < copies; ++k) {
        const float previous = placer.glyphs()[perCopy * (k - 1)].corners[0][0];
        const float current = placer.glyphs()[perCopy * k].corners[0][0];
        EXPECT_GE(current - previous, repeat - 1e-3);
    }
    // A short line gets one copy only.
    LabelPlacer other(atlas(), 2200, 400);
    EXPECT_EQ(other.placeAlongLine(name, Line{{50, 100}, {500, 100}}, size, kInk, kHalo, repeat), 1);
}

TEST_F(LabelPlacerTest, ClearForgetsGlyphsAndBoxes) {
    LabelPlacer placer(atlas(), 800, 600);
    placer.block(0, 0, 800, 600);
    EXPECT_FALSE(placer.placeCentered("Mitte", 400, 300, 16, kInk, kHalo));
    placer.clear();
    EXPECT_TRUE(placer.placeCentered("Mitte", 400, 300, 16, kInk, kHalo));
    EXPECT_FALSE(placer.glyphs().empty());
    placer.clear();
    EXPECT_TRUE(placer.glyphs().empty());
}

}  // namespace
}  // namespace lb::render
