#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lb::render {

// Metrics of one glyph in the atlas, in atlas pixels at the atlas's base size.
struct Glyph {
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;  // texture coordinates (0..1) of the glyph box, padding included
    float left = 0;                        // from pen position to the left edge of the box
    float top = 0;                         // from baseline up to the top edge of the box
    float width = 0;                       // box size
    float height = 0;
    float advance = 0;  // pen advance
};

// A signed-distance-field glyph atlas made with FreeType from a TrueType font (DejaVu Sans from
// fonts-dejavu-core by default): single channel, 0.5 = glyph edge, so one atlas serves every text size
// and the shader draws crisp text with a halo. Covers ASCII, Latin-1 (ä ö ü ß Ä Ö Ü é …), Latin
// Extended-A, €, „ “ – ≤ ≥ and a few symbols; other code points map to '?'.
class GlyphAtlas {
public:
    // Throws core::ProcessingError when the font cannot be loaded.
    explicit GlyphAtlas(const std::filesystem::path& fontFile, int baseSize = 32);
    ~GlyphAtlas();
    GlyphAtlas(const GlyphAtlas&) = delete;
    GlyphAtlas& operator=(const GlyphAtlas&) = delete;

    int baseSize() const { return m_baseSize; }
    float spread() const { return m_spread; }  // SDF spread in atlas pixels
    float ascender() const { return m_ascender; }
    float descender() const { return m_descender; }  // negative
    int width() const { return m_width; }
    int height() const { return m_height; }
    const std::vector<std::uint8_t>& pixels() const { return m_pixels; }  // width*height, row 0 on top
    // The glyph of a code point; code points the atlas lacks get the glyph of '?', tab and newline a space.
    const Glyph& glyph(char32_t codePoint) const;
    // Whether the atlas has a glyph of its own for the code point (no '?' fallback).
    bool hasGlyph(char32_t codePoint) const;
    float kerning(char32_t left, char32_t right) const;  // in atlas pixels
    // Advance width of a UTF-8 string at `size` pixels.
    float measure(std::string_view utf8, float size) const;

    // The system font the app uses: DejaVu Sans from fonts-dejavu-core, LAGEBILD_FONT if set.
    static std::filesystem::path defaultFontFile();

private:
    char32_t resolve(char32_t codePoint) const;  // the code point whose glyph is drawn

    struct Face;
    std::unique_ptr<Face> m_face;
    int m_baseSize;
    float m_spread = 6;
    float m_ascender = 0, m_descender = 0;
    int m_width = 0, m_height = 0;
    std::vector<std::uint8_t> m_pixels;
    std::unordered_map<char32_t, Glyph> m_glyphs;
    std::unordered_map<std::uint64_t, float> m_kerning;  // (left << 32 | right) -> atlas pixels, non-zero only
};

// Decodes UTF-8; malformed sequences become U+FFFD.
std::u32string decodeUtf8(std::string_view utf8);

}  // namespace lb::render
