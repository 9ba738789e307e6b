// Section index: [geometry helpers] [polyline walking] [LabelPlacer: collision grid] [point and area labels]
// [labels along lines]
#include "render/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace lb::render {
namespace {

// [geometry helpers] ----------------------------------------------------------------------------------------

using Point = std::array<float, 2>;

constexpr float kMaxBendDegrees = 30;        // largest angle between adjacent glyphs along a line
constexpr float kMinUprightCosine = -0.17f;  // no glyph may lean further than ~100 degrees from upright

float padFor(float size) {
    return 1.0f + 0.1f * size;
}  // room for the halo between labels

// The advances of a text's glyphs at `size` pixels; kerning is added to the left glyph of each pair.
std::vector<float> advances(const GlyphAtlas& atlas, const std::u32string& text, float size) {
    const float scale = size / static_cast<float>(atlas.baseSize());
    std::vector<float> result(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        float advance = atlas.glyph(text[i]).advance;
        if (i + 1 < text.size()) advance += atlas.kerning(text[i], text[i + 1]);
        result[i] = std::max(0.0f, advance * scale);
    }
    return result;
}

bool isBlank(const std::u32string& text) {
    return std::all_of(text.begin(), text.end(), [](char32_t c) { return c == U' ' || c == U'\t' || c == 0xA0; });
}

// A glyph set on a baseline: pen position `origin`, writing direction `dir` (unit), `up` perpendicular.
PlacedGlyph orientedGlyph(char32_t codePoint, const Glyph& glyph, Point origin, Point dir, float scale, float size,
                          const Color& color, const Color& halo) {
    const Point up{dir[1], -dir[0]};  // y runs down the screen
    const float x0 = glyph.left * scale, x1 = (glyph.left + glyph.width) * scale;
    const float yTop = glyph.top * scale, yBottom = (glyph.top - glyph.height) * scale;
    auto corner = [&](float lx, float ly) -> Point {
        return {origin[0] + dir[0] * lx + up[0] * ly, origin[1] + dir[1] * lx + up[1] * ly};
    };
    PlacedGlyph placed{};
    placed.corners[0] = corner(x0, yTop);
    placed.corners[1] = corner(x1, yTop);
    placed.corners[2] = corner(x1, yBottom);
    placed.corners[3] = corner(x0, yBottom);
    placed.u0 = glyph.u0;
    placed.v0 = glyph.v0;
    placed.u1 = glyph.u1;
    placed.v1 = glyph.v1;
    placed.size = size;
    placed.color = color;
    placed.halo = halo;
    placed.codePoint = codePoint;
    placed.pen = origin;
    placed.dir = dir;
    return placed;
}

// The axis-aligned bounds of a glyph's advance box (advance wide, descender to ascender high).
std::array<float, 4> advanceBounds(Point origin, Point dir, float advance, float ascender, float descender) {
    const Point up{dir[1], -dir[0]};
    std::array<float, 4> box{1e30f, 1e30f, -1e30f, -1e30f};
    for (float lx : {0.0f, advance}) {
        for (float ly : {descender, ascender}) {
            const float x = origin[0] + dir[0] * lx + up[0] * ly;
            const float y = origin[1] + dir[1] * lx + up[1] * ly;
            box = {std::min(box[0], x), std::min(box[1], y), std::max(box[2], x), std::max(box[3], y)};
        }
    }
    return box;
}

// [polyline walking] ----------------------------------------------------------------------------------------

// A polyline with cumulative arc lengths, walked forwards or backwards.
class Path {
public:
    Path(const std::vector<Point>& line, bool reversed) {
        for (std::size_t k = 0; k < line.size(); ++k) {
            const Point& p = line[reversed ? line.size() - 1 - k : k];
            if (!std::isfinite(p[0]) || !std::isfinite(p[1])) continue;
            if (!m_points.empty()) {
                const float length = std::hypot(p[0] - m_points.back()[0], p[1] - m_points.back()[1]);
                if (length < 1e-3f) continue;
                m_arc.push_back(m_arc.back() + length);
            } else {
                m_arc.push_back(0);
            }
            m_points.push_back(p);
        }
    }

    float length() const { return m_arc.empty() ? 0.0f : m_arc.back(); }

    // The segment index containing arc length s (clamped).
    std::size_t segment(float s) const {
        auto it = std::upper_bound(m_arc.begin(), m_arc.end(), s);
        const auto index = static_cast<std::size_t>(std::max<std::ptrdiff_t>(1, it - m_arc.begin()));
        return std::min(index, m_points.size() - 1) - 1;
    }

    Point at(float s) const {
        const std::size_t i = segment(s);
        const float span = m_arc[i + 1] - m_arc[i];
        const float t = std::clamp((s - m_arc[i]) / span, 0.0f, 1.0f);
        return {m_points[i][0] + (m_points[i + 1][0] - m_points[i][0]) * t,
                m_points[i][1] + (m_points[i + 1][1] - m_points[i][1]) * t};
    }

    // The largest distance of the vertices strictly between arc lengths s0 and s1 from the chord a-b.
    float deviation(float s0, float s1, Point a, Point b) const {
        const float dx = b[0] - a[0], dy = b[1] - a[1];
        const float chord = std::hypot(dx, dy);
        float worst = 0;
        for (std::size_t i = segment(s0) + 1; i < m_points.size() && m_arc[i] < s1; ++i) {
            const float px = m_points[i][0] - a[0], py = m_points[i][1] - a[1];
            worst = std::max(worst, chord > 0 ? std::abs(px * dy - py * dx) / chord : std::hypot(px, py));
        }
        return worst;
    }

private:
    std::vector<Point> m_points;
    std::vector<float> m_arc;
};

struct GlyphPose {
    Point origin;  // pen position on the line (before the baseline shift)
    Point dir;
};

// Lays the glyphs along `path` from arc length `start`; nullopt when a bend is too sharp or text would lean
// upside down.
std::optional<std::vector<GlyphPose>> poseAlong(const Path& path, float start, const std::vector<float>& advances,
                                                float size) {
    std::vector<GlyphPose> poses;
    poses.reserve(advances.size());
    const float maxBend = kMaxBendDegrees * std::numbers::pi_v<float> / 180.0f;
    const float maxDeviation = std::max(1.0f, 0.25f * size);
    float pen = start;
    float previousAngle = 0;
    for (std::size_t i = 0; i < advances.size(); ++i) {
        const float advance = std::max(advances[i], 0.05f * size);  // a direction even for zero-width glyphs
        const Point a = path.at(pen);
        const Point b = path.at(pen + advance);
        const float chord = std::hypot(b[0] - a[0], b[1] - a[1]);
        if (chord < 0.6f * advance) return std::nullopt;  // the line doubles back under this glyph
        if (path.deviation(pen, pen + advance, a, b) > maxDeviation) return std::nullopt;
        const Point dir{(b[0] - a[0]) / chord, (b[1] - a[1]) / chord};
        if (dir[0] < kMinUprightCosine) return std::nullopt;
        const float angle = std::atan2(dir[1], dir[0]);
        if (i > 0) {
            float bend = std::abs(angle - previousAngle);
            if (bend > std::numbers::pi_v<float>) bend = 2 * std::numbers::pi_v<float> - bend;
            if (bend > maxBend) return std::nullopt;
        }
        previousAngle = angle;
        poses.push_back({a, dir});
        pen += advances[i];
    }
    return poses;
}

}  // namespace

// [LabelPlacer: collision grid] -----------------------------------------------------------------------------

LabelPlacer::LabelPlacer(const GlyphAtlas& atlas, int width, int height)
    : m_atlas(atlas), m_width(width), m_height(height) {
    m_columns = std::max(1, static_cast<int>(std::ceil(static_cast<float>(std::max(width, 1)) / kCellSize)));
    m_rows = std::max(1, static_cast<int>(std::ceil(static_cast<float>(std::max(height, 1)) / kCellSize)));
    m_cells.resize(static_cast<std::size_t>(m_columns) * m_rows);
}

void LabelPlacer::clear() {
    m_glyphs.clear();
    m_boxes.clear();
    for (auto& cell : m_cells) cell.clear();
}

bool LabelPlacer::fits(const std::vector<Box>& boxes, float pad) const {
    auto cellOf = [](float value, int count) {
        return std::clamp(static_cast<int>(std::floor(value / kCellSize)), 0, count - 1);
    };
    for (const Box& box : boxes) {
        if (box[0] < 0 || box[1] < 0 || box[2] > static_cast<float>(m_width) || box[3] > static_cast<float>(m_height))
            return false;
        const Box grown{box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad};
        for (int row = cellOf(grown[1], m_rows); row <= cellOf(grown[3], m_rows); ++row) {
            for (int column = cellOf(grown[0], m_columns); column <= cellOf(grown[2], m_columns); ++column) {
                for (std::uint32_t index : m_cells[static_cast<std::size_t>(row) * m_columns + column]) {
                    const Box& other = m_boxes[index];
                    if (grown[0] < other[2] && other[0] < grown[2] && grown[1] < other[3] && other[1] < grown[3])
                        return false;
                }
            }
        }
    }
    return true;
}

void LabelPlacer::reserve(const Box& box) {
    // Boxes wholly off the screen can never collide with a label (labels must lie on the screen).
    if (box[2] < 0 || box[3] < 0 || box[0] > static_cast<float>(m_width) || box[1] > static_cast<float>(m_height))
        return;
    const auto index = static_cast<std::uint32_t>(m_boxes.size());
    m_boxes.push_back(box);
    auto cellOf = [](float value, int count) {
        return std::clamp(static_cast<int>(std::floor(value / kCellSize)), 0, count - 1);
    };
    for (int row = cellOf(box[1], m_rows); row <= cellOf(box[3], m_rows); ++row)
        for (int column = cellOf(box[0], m_columns); column <= cellOf(box[2], m_columns); ++column)
            m_cells[static_cast<std::size_t>(row) * m_columns + column].push_back(index);
}

void LabelPlacer::block(float x0, float y0, float x1, float y1) {
    reserve({std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)});
}

// [point and area labels] -----------------------------------------------------------------------------------

bool LabelPlacer::placeHorizontal(const std::u32string& text, float x0, float top, float size, const Color& color,
                                  const Color& halo) {
    const float scale = size / static_cast<float>(m_atlas.baseSize());
    const std::vector<float> widths = advances(m_atlas, text, size);
    float total = 0;
    for (float w : widths) total += w;
    const float height = (m_atlas.ascender() - m_atlas.descender()) * scale;
    if (!fits({{x0, top, x0 + total, top + height}}, padFor(size))) return false;
    reserve({x0, top, x0 + total, top + height});
    const float baseline = top + m_atlas.ascender() * scale;
    float pen = x0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const Glyph& glyph = m_atlas.glyph(text[i]);
        if (glyph.width > 0 && glyph.height > 0)
            m_glyphs.push_back(orientedGlyph(text[i], glyph, {pen, baseline}, {1, 0}, scale, size, color, halo));
        pen += widths[i];
    }
    return true;
}

bool LabelPlacer::placeBesidePoint(std::string_view utf8, float x, float y, float offset, float size,
                                   const Color& color, const Color& halo) {
    const std::u32string text = decodeUtf8(utf8);
    if (text.empty() || isBlank(text) || size <= 0) return false;
    const float scale = size / static_cast<float>(m_atlas.baseSize());
    const float width = m_atlas.measure(utf8, size);
    const float height = (m_atlas.ascender() - m_atlas.descender()) * scale;
    // Clear of the symbol even with the halo padding, so that a caller may block() the symbol itself.
    const float gap = std::max(0.0f, offset) + padFor(size) + 0.5f;
    const std::array<std::array<float, 2>, 4> candidates{{
        {x + gap, y - height / 2},          // right
        {x - gap - width, y - height / 2},  // left
        {x - width / 2, y - gap - height},  // above
        {x - width / 2, y + gap},           // below
    }};
    for (const auto& [x0, top] : candidates)
        if (placeHorizontal(text, x0, top, size, color, halo)) return true;
    return false;
}

bool LabelPlacer::placeCentered(std::string_view utf8, float x, float y, float size, const Color& color,
                                const Color& halo) {
    const std::u32string text = decodeUtf8(utf8);
    if (text.empty() || isBlank(text) || size <= 0) return false;
    const float scale = size / static_cast<float>(m_atlas.baseSize());
    const float width = m_atlas.measure(utf8, size);
    const float height = (m_atlas.ascender() - m_atlas.descender()) * scale;
    return placeHorizontal(text, x - width / 2, y - height / 2, size, color, halo);
}

// [labels along lines] --------------------------------------------------------------------------------------

int LabelPlacer::placeAlongLine(std::string_view utf8, const std::vector<std::array<float, 2>>& line, float size,
                                const Color& color, const Color& halo, float repeatPixels) {
    const std::u32string text = decodeUtf8(utf8);
    if (text.empty() || isBlank(text) || size <= 0 || line.size() < 2) return 0;
    const Path forward(line, false);
    const Path backward(line, true);
    const float total = forward.length();
    const std::vector<float> widths = advances(m_atlas, text, size);
    float labelLength = 0;
    for (float w : widths) labelLength += w;
    if (labelLength <= 0 || labelLength > total) return 0;

    const float scale = size / static_cast<float>(m_atlas.baseSize());
    const float ascender = m_atlas.ascender() * scale, descender = m_atlas.descender() * scale;
    const float midline = 0.5f * (ascender + descender);  // the line runs through the middle of the text
    const float pad = padFor(size);
    // Copies at least `repeat` apart (centre to centre) and never touching each other.
    const float repeat = std::max(repeatPixels, labelLength + 2 * pad + size);
    const float lowest = 0.5f * labelLength, highest = total - 0.5f * labelLength;
    const int wanted = static_cast<int>(std::floor((total - labelLength) / repeat)) + 1;
    const float firstAnchor = 0.5f * (total - static_cast<float>(wanted - 1) * repeat);
    const float reach = wanted == 1 ? 0.5f * total : 0.5f * repeat;  // how far a copy may slide off its anchor
    const float step = std::max(2.0f, 0.5f * size);

    // Lays out and reserves one copy centred at arc length `centre` of the forward path; nullopt when it does not
    // fit there.
    auto layout = [&](float centre) -> std::optional<std::vector<PlacedGlyph>> {
        const float start = centre - 0.5f * labelLength;
        const Point a = forward.at(start), b = forward.at(start + labelLength);
        const float dx = b[0] - a[0], dy = b[1] - a[1];
        const float span = std::hypot(dx, dy);
        if (span < 0.5f * labelLength) return std::nullopt;  // the stretch folds back on itself
        // Reading direction: left to right; a vertical stretch reads bottom to top.
        const bool upright = std::abs(dx) > 0.02f * span ? dx > 0 : dy < 0;
        const Path& path = upright ? forward : backward;
        auto poses = poseAlong(path, upright ? start : total - start - labelLength, widths, size);
        if (!poses) return std::nullopt;
        std::vector<Box> boxes;
        std::vector<PlacedGlyph> glyphs;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const GlyphPose& pose = (*poses)[i];
            const Point up{pose.dir[1], -pose.dir[0]};
            const Point origin{pose.origin[0] - up[0] * midline, pose.origin[1] - up[1] * midline};
            boxes.push_back(advanceBounds(origin, pose.dir, widths[i], ascender, descender));
            const Glyph& glyph = m_atlas.glyph(text[i]);
            if (glyph.width > 0 && glyph.height > 0)
                glyphs.push_back(orientedGlyph(text[i], glyph, origin, pose.dir, scale, size, color, halo));
        }
        if (!fits(boxes, pad)) return std::nullopt;
        for (const Box& box : boxes) reserve(box);
        return glyphs;
    };

    int placed = 0;
    std::optional<float> previous;
    for (int copy = 0; copy < wanted; ++copy) {
        const float anchor = firstAnchor + static_cast<float>(copy) * repeat;
        for (float offset = 0; offset <= reach; offset += step) {
            bool done = false;
            for (float centre : {anchor + offset, anchor - offset}) {
                if (centre < lowest || centre > highest) continue;
                if (previous && centre - *previous < repeat) continue;
                auto glyphs = layout(centre);
                if (!glyphs) continue;
                m_glyphs.insert(m_glyphs.end(), glyphs->begin(), glyphs->end());
                previous = centre;
                ++placed;
                done = true;
                break;
            }
            if (done) break;
        }
    }
    return placed;
}

}  // namespace lb::render
