#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/glyph_atlas.hpp"
#include "render/style.hpp"

namespace lb::render {

// One glyph quad ready to draw, in screen pixels (origin top-left, y down).
struct PlacedGlyph {
    std::array<float, 2> corners[4];  // top-left, top-right, bottom-right, bottom-left of the glyph box
    float u0, v0, u1, v1;             // atlas coordinates: (u0, v0) at corners[0], (u1, v1) at corners[2]
    float size;                       // text size in pixels (for the SDF smoothing)
    Color color;
    Color halo;
    // For vector backends (Cairo), which draw the font's glyph instead of the atlas quad: the code point,
    // the pen position on the baseline and the writing direction (unit vector, screen pixels).
    char32_t codePoint = 0;
    std::array<float, 2> pen{0, 0};
    std::array<float, 2> dir{1, 0};
};

// Places labels without overlaps, first come first served (callers sort by priority): street names
// along their line (following bends gently, never upside down, repeated at most every `repeatPixels`),
// point labels beside their symbol (trying right, left, above, below). Everything in screen pixels.
class LabelPlacer {
public:
    LabelPlacer(const GlyphAtlas& atlas, int width, int height);

    // `line` is the street in screen pixels. Returns the number of copies placed (0 when it does not fit
    // or collides everywhere).
    int placeAlongLine(std::string_view utf8, const std::vector<std::array<float, 2>>& line, float size,
                       const Color& color, const Color& halo, float repeatPixels = 400);
    // A label beside a point symbol of radius `offset` pixels. Returns whether it was placed.
    bool placeBesidePoint(std::string_view utf8, float x, float y, float offset, float size, const Color& color,
                          const Color& halo);
    // A label centred on a point (area and district names). Returns whether it was placed.
    bool placeCentered(std::string_view utf8, float x, float y, float size, const Color& color, const Color& halo);
    // Reserves a screen rectangle (legend, symbols) so that no label covers it.
    void block(float x0, float y0, float x1, float y1);

    const std::vector<PlacedGlyph>& glyphs() const { return m_glyphs; }
    void clear();

private:
    using Box = std::array<float, 4>;  // x0, y0, x1, y1 in screen pixels

    // Whether every box lies on the screen and, grown by `pad`, overlaps nothing placed or blocked.
    bool fits(const std::vector<Box>& boxes, float pad) const;
    void reserve(const Box& box);
    // A horizontal label whose advance box starts at (x0, top); placed when it fits.
    bool placeHorizontal(const std::u32string& text, float x0, float top, float size, const Color& color,
                         const Color& halo);

    const GlyphAtlas& m_atlas;
    int m_width, m_height;
    std::vector<PlacedGlyph> m_glyphs;
    // Collision index: a uniform grid over the screen whose cells list the boxes touching them. Each placed
    // glyph contributes the axis-aligned bounds of its oriented box; block() adds its rectangle.
    static constexpr float kCellSize = 64;
    int m_columns = 0, m_rows = 0;
    std::vector<std::vector<std::uint32_t>> m_cells;
    std::vector<Box> m_boxes;
};

}  // namespace lb::render
