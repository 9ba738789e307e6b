#include "render/glyph_atlas.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "support/test_support.hpp"

namespace lb::render {
namespace {

// One atlas for the whole suite: building it renders a few hundred SDF glyphs.
class GlyphAtlasTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_atlas = std::make_unique<GlyphAtlas>(GlyphAtlas::defaultFontFile()); }
    static void TearDownTestSuite() { s_atlas.reset(); }
    static const GlyphAtlas& atlas() { return *s_atlas; }

    // The SDF pixels of a glyph's box, row 0 on top.
    struct Box {
        int width = 0, height = 0;
        std::vector<std::uint8_t> pixels;
        std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
    };
    static Box box(char32_t codePoint) {
        const Glyph& glyph = atlas().glyph(codePoint);
        const int x0 = static_cast<int>(glyph.u0 * static_cast<float>(atlas().width()) + 0.5f);
        const int y0 = static_cast<int>(glyph.v0 * static_cast<float>(atlas().height()) + 0.5f);
        Box result;
        result.width = static_cast<int>(glyph.width);
        result.height = static_cast<int>(glyph.height);
        for (int y = 0; y < result.height; ++y)
            for (int x = 0; x < result.width; ++x)
                result.pixels.push_back(atlas().pixels()[static_cast<std::size_t>(y0 + y) * atlas().width() + x0 + x]);
        return result;
    }

    // Connected parts of a glyph's inside (SDF > 128), each as its pixel bounds.
    struct Part {
        int x0, y0, x1, y1, count;
    };
    static std::vector<Part> parts(const Box& b) {
        std::vector<int> label(b.pixels.size(), -1);
        std::vector<Part> result;
        for (int y = 0; y < b.height; ++y) {
            for (int x = 0; x < b.width; ++x) {
                if (b.at(x, y) <= 128 || label[static_cast<std::size_t>(y) * b.width + x] >= 0) continue;
                Part part{x, y, x, y, 0};
                std::vector<std::pair<int, int>> stack{{x, y}};
                label[static_cast<std::size_t>(y) * b.width + x] = static_cast<int>(result.size());
                while (!stack.empty()) {
                    auto [px, py] = stack.back();
                    stack.pop_back();
                    ++part.count;
                    part = {std::min(part.x0, px), std::min(part.y0, py), std::max(part.x1, px), std::max(part.y1, py),
                            part.count};
                    for (auto [dx, dy] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                        const int nx = px + dx, ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= b.width || ny >= b.height) continue;
                        auto& l = label[static_cast<std::size_t>(ny) * b.width + nx];
                        if (l >= 0 || b.at(nx, ny) <= 128) continue;
                        l = static_cast<int>(result.size());
                        stack.push_back({nx, ny});
                    }
                }
                result.push_back(part);
            }
        }
        return result;
    }

    static std::unique_ptr<GlyphAtlas> s_atlas;
};
std::unique_ptr<GlyphAtlas> GlyphAtlasTest::s_atlas;

TEST(DecodeUtf8Test, DecodesGermanTextAndSymbols) {
    EXPECT_EQ(decodeUtf8("Straße"), std::u32string(U"Straße"));
    EXPECT_EQ(decodeUtf8("Ärger über Öl"), std::u32string(U"Ärger über Öl"));
    EXPECT_EQ(decodeUtf8("€ „x“ – …"), std::u32string(U"€ „x“ – …"));
    EXPECT_EQ(decodeUtf8("\xF0\x9F\x98\x80"), std::u32string(1, char32_t{0x1F600}));
    EXPECT_TRUE(decodeUtf8("").empty());
}

TEST(DecodeUtf8Test, MalformedSequencesBecomeReplacementCharacters) {
    const char32_t r = 0xFFFD;
    EXPECT_EQ(decodeUtf8("a\xFF"
                         "b"),
              (std::u32string{U'a', r, U'b'}));
    EXPECT_EQ(decodeUtf8("\xC3"), std::u32string(1, r));  // truncated at the end
    EXPECT_EQ(decodeUtf8("\xC3"
                         "A"),
              (std::u32string{r, U'A'}));  // continuation missing
    EXPECT_EQ(decodeUtf8("\x80"
                         "x"),
              (std::u32string{r, U'x'}));                         // stray continuation byte
    EXPECT_EQ(decodeUtf8("\xC0\xAF"), (std::u32string{r, r}));    // overlong lead byte
    EXPECT_EQ(decodeUtf8("\xE0\x80\xAF"), std::u32string(1, r));  // overlong three-byte form
    EXPECT_EQ(decodeUtf8("\xED\xA0\x80"), std::u32string(1, r));  // UTF-16 surrogate
}

TEST_F(GlyphAtlasTest, HasASingleChannelAtlasWithFontMetrics) {
    EXPECT_EQ(atlas().baseSize(), 32);
    EXPECT_GT(atlas().width(), 0);
    EXPECT_GT(atlas().height(), 0);
    EXPECT_EQ(atlas().pixels().size(), static_cast<std::size_t>(atlas().width()) * atlas().height());
    EXPECT_GT(atlas().ascender(), 20);
    EXPECT_LT(atlas().descender(), -3);
    EXPECT_GT(atlas().spread(), 0);
}

TEST_F(GlyphAtlasTest, GlyphBoxesMatchTheirTextureCoordinates) {
    for (char32_t c : std::u32string(U"AaßÄ€„?")) {
        const Glyph& g = atlas().glyph(c);
        ASSERT_GT(g.width, 0) << static_cast<unsigned>(c);
        EXPECT_NEAR((g.u1 - g.u0) * static_cast<float>(atlas().width()), g.width, 1e-3);
        EXPECT_NEAR((g.v1 - g.v0) * static_cast<float>(atlas().height()), g.height, 1e-3);
        EXPECT_GE(g.u0, 0);
        EXPECT_LE(g.u1, 1);
        EXPECT_GE(g.v0, 0);
        EXPECT_LE(g.v1, 1);
        EXPECT_GT(g.advance, 0);
    }
    const Glyph& space = atlas().glyph(U' ');
    EXPECT_GT(space.advance, 5);
    EXPECT_EQ(space.width, 0);
}

TEST_F(GlyphAtlasTest, DistanceFieldIsInsideAbove128AndFadesOutAtThePadding) {
    const Box l = box(U'l');
    // Middle row: the stem is inside, the padding on both sides is outside.
    const int row = l.height / 2;
    EXPECT_LT(l.at(0, row), 40);
    EXPECT_LT(l.at(l.width - 1, row), 40);
    int brightest = 0;
    for (int x = 0; x < l.width; ++x) brightest = std::max<int>(brightest, l.at(x, row));
    EXPECT_GT(brightest, 140);
    EXPECT_EQ(parts(l).size(), 1u);
}

TEST_F(GlyphAtlasTest, UmlautHasTwoDotsAboveTheBody) {
    EXPECT_EQ(parts(box(U'a')).size(), 1u);
    for (char32_t c : {U'ä', U'ö', U'ü', U'Ä'}) {
        std::vector<Part> found = parts(box(c));
        ASSERT_EQ(found.size(), 3u) << "U+" << std::hex << static_cast<unsigned>(c);
        std::sort(found.begin(), found.end(), [](const Part& a, const Part& b) { return a.count > b.count; });
        const Part& body = found[0];
        const Part& dot1 = found[1].x0 < found[2].x0 ? found[1] : found[2];
        const Part& dot2 = found[1].x0 < found[2].x0 ? found[2] : found[1];
        EXPECT_LT(dot1.y1, body.y0) << "dots lie above the body (row 0 on top)";
        EXPECT_LT(dot2.y1, body.y0);
        EXPECT_LT(dot1.x1, dot2.x0) << "two dots side by side";
        EXPECT_NEAR(dot1.y0, dot2.y0, 1);
        EXPECT_NEAR(dot1.count, dot2.count, 0.3 * dot1.count);
        EXPECT_GE(dot1.x0, body.x0 - 1);
        EXPECT_LE(dot2.x1, body.x1 + 1);
    }
}

TEST_F(GlyphAtlasTest, CoversGermanLatinAndTypographicCharacters) {
    for (char32_t c : std::u32string(U"ßäöüÄÖÜéèçñøÅ€„“”‚‘’–—…·łŁőŐšŠžŽčČęąğİşœŒ\uFFFD")) {
        EXPECT_TRUE(atlas().hasGlyph(c)) << "U+" << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_FALSE(atlas().hasGlyph(U'中'));
}

TEST_F(GlyphAtlasTest, SharpSDiffersFromTheFallback) {
    const Glyph& sharp = atlas().glyph(U'ß');
    const Glyph& question = atlas().glyph(U'?');
    EXPECT_NE(sharp.u0, question.u0);
    const Box b = box(U'ß');
    const Box q = box(U'?');
    EXPECT_TRUE(b.width != q.width || b.height != q.height || b.pixels != q.pixels);
    EXPECT_EQ(parts(b).size(), 1u);
    EXPECT_EQ(parts(q).size(), 2u);  // hook and dot
}

TEST_F(GlyphAtlasTest, UncoveredCodePointsFallBackToQuestionMark) {
    const Glyph& question = atlas().glyph(U'?');
    for (char32_t c : {U'中', U'\u0416', char32_t{0x1F600}}) {
        const Glyph& g = atlas().glyph(c);
        EXPECT_EQ(g.u0, question.u0);
        EXPECT_EQ(g.v0, question.v0);
        EXPECT_EQ(g.advance, question.advance);
    }
    EXPECT_EQ(atlas().glyph(U'\t').advance, atlas().glyph(U' ').advance);
}

TEST_F(GlyphAtlasTest, MeasureScalesWithSizeAndCountsEveryCharacter) {
    EXPECT_EQ(atlas().measure("", 20), 0);
    EXPECT_GT(atlas().measure("Straße", 20), atlas().measure("Strase", 20) * 0.9f);
    EXPECT_GT(atlas().measure("Straße", 20), atlas().measure("Straß", 20));
    EXPECT_NEAR(atlas().measure("Lagebild", 40), 2 * atlas().measure("Lagebild", 20), 1e-3);
    EXPECT_LT(atlas().measure("iii", 20), atlas().measure("WWW", 20));
    // One advance per code point, not per byte: "Ä" (two bytes) is about as wide as "A".
    EXPECT_NEAR(atlas().measure("Ä", 20), atlas().measure("A", 20), 0.5);
    const float a = atlas().glyph(U'a').advance * 20 / 32.0f;
    EXPECT_NEAR(atlas().measure("a", 20), a, 1e-4);
    EXPECT_GT(atlas().measure("Straße", 12), 30);
    EXPECT_LT(atlas().measure("Straße", 12), 50);
}

TEST_F(GlyphAtlasTest, KerningPullsAVTogether) {
    EXPECT_LT(atlas().kerning(U'A', U'V'), 0);
    EXPECT_LT(atlas().kerning(U'T', U'o'), 0);
    EXPECT_EQ(atlas().kerning(U'l', U'l'), 0);
    const float separate = atlas().measure("A", 20) + atlas().measure("V", 20);
    EXPECT_LT(atlas().measure("AV", 20), separate - 0.5f);
    EXPECT_NEAR(atlas().measure("AV", 20), separate + atlas().kerning(U'A', U'V') * 20 / 32.0f, 1e-3);
}

TEST_F(GlyphAtlasTest, BaseSizeSetsTheGlyphScale) {
    const GlyphAtlas small(GlyphAtlas::defaultFontFile(), 16);
    EXPECT_EQ(small.baseSize(), 16);
    EXPECT_NEAR(small.glyph(U'W').advance * 2, atlas().glyph(U'W').advance, 1.0);
    EXPECT_NEAR(small.measure("Straße", 20), atlas().measure("Straße", 20), 1.0);
}

TEST(GlyphAtlasErrorTest, MissingFontIsAProcessingErrorNamingTheFile) {
    try {
        GlyphAtlas atlas("/nonexistent/fonts/NoSuchFont.ttf");
        FAIL() << "expected a ProcessingError";
    } catch (const core::ProcessingError& e) {
        EXPECT_NE(std::string(e.what()).find("NoSuchFont.ttf"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("fonts-dejavu-core"), std::string::npos);
    }
}

TEST(GlyphAtlasErrorTest, FileThatIsNoFontIsAProcessingError) {
    test::TempDir dir;
    test::writeFile(dir / "broken.ttf", "this is not a TrueType font");
    try {
        GlyphAtlas atlas(dir / "broken.ttf");
        FAIL() << "expected a ProcessingError";
    } catch (const core::ProcessingError& e) {
        EXPECT_NE(std::string(e.what()).find("broken.ttf"), std::string::npos) << e.what();
    }
}

TEST(GlyphAtlasDefaultFontTest, EnvironmentOverridesTheDefaultFont) {
    const char* previous = std::getenv("LAGEBILD_FONT");
    const std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
    ::unsetenv("LAGEBILD_FONT");
    EXPECT_EQ(GlyphAtlas::defaultFontFile(), "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    ::setenv("LAGEBILD_FONT", "/opt/fonts/Other.ttf", 1);
    EXPECT_EQ(GlyphAtlas::defaultFontFile(), "/opt/fonts/Other.ttf");
    if (saved)
        ::setenv("LAGEBILD_FONT", saved->c_str(), 1);
    else
        ::unsetenv("LAGEBILD_FONT");
}

}  // namespace
}  // namespace lb::render
