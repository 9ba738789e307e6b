// Section index: [FreeType RAII] [coverage] [shelf packing] [GlyphAtlas] [UTF-8]
#include "render/glyph_atlas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H

#include "core/error.hpp"

namespace lb::render {

// [FreeType RAII] -------------------------------------------------------------------------------------------

namespace {

std::string freeTypeMessage(FT_Error error) {
    const char* text = FT_Error_String(error);  // null unless FreeType was built with error strings
    return text ? std::string(text) : "FreeType error " + std::to_string(error);
}

struct LibraryDeleter {
    void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FaceDeleter {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};

}  // namespace

struct GlyphAtlas::Face {
    std::unique_ptr<FT_LibraryRec_, LibraryDeleter> library;
    std::unique_ptr<FT_FaceRec_, FaceDeleter> face;  // declared after library: destroyed first
};

// [coverage] ------------------------------------------------------------------------------------------------

namespace {

constexpr char32_t kFallback = U'?';
constexpr char32_t kReplacement = 0xFFFD;

std::vector<char32_t> coverage() {
    std::vector<char32_t> codePoints;
    for (char32_t c = 0x20; c <= 0x7E; ++c) codePoints.push_back(c);    // ASCII
    for (char32_t c = 0xA0; c <= 0xFF; ++c) codePoints.push_back(c);    // Latin-1 supplement
    for (char32_t c = 0x100; c <= 0x17F; ++c) codePoints.push_back(c);  // Latin Extended-A
    // € „ “ ” ‚ ‘ ’ – — … • ‹ › − → ← ≤ ≥ and the replacement character
    for (char32_t c :
         {U'\u20AC', U'\u201E', U'\u201C', U'\u201D', U'\u201A', U'\u2018', U'\u2019', U'\u2013', U'\u2014', U'\u2026',
          U'\u2022', U'\u2039', U'\u203A', U'\u2212', U'\u2192', U'\u2190', U'\u2264', U'\u2265', kReplacement})
        codePoints.push_back(c);
    return codePoints;
}

// One rendered glyph before packing.
struct Bitmap {
    char32_t codePoint = 0;
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
    Glyph glyph;
    int x = 0, y = 0;  // position in the atlas
};

// [shelf packing] -------------------------------------------------------------------------------------------

int nextPowerOfTwo(int value) {
    int result = 1;
    while (result < value) result *= 2;
    return result;
}

// Packs the bitmaps tallest first into shelves of an atlas `width` wide; returns the used height.
int packShelves(std::vector<Bitmap*>& order, int width, int gap) {
    std::sort(order.begin(), order.end(), [](const Bitmap* a, const Bitmap* b) {
        return a->height != b->height ? a->height > b->height : a->codePoint < b->codePoint;
    });
    int x = gap, y = gap, shelfHeight = 0;
    for (Bitmap* bitmap : order) {
        if (bitmap->width == 0 || bitmap->height == 0) continue;
        if (x + bitmap->width + gap > width) {
            y += shelfHeight + gap;
            x = gap;
            shelfHeight = 0;
        }
        bitmap->x = x;
        bitmap->y = y;
        x += bitmap->width + gap;
        shelfHeight = std::max(shelfHeight, bitmap->height);
    }
    return y + shelfHeight + gap;
}

std::uint64_t pairKey(char32_t left, char32_t right) {
    return (static_cast<std::uint64_t>(left) << 32) | static_cast<std::uint64_t>(right);
}

}  // namespace

// [GlyphAtlas] ----------------------------------------------------------------------------------------------

GlyphAtlas::GlyphAtlas(const std::filesystem::path& fontFile, int baseSize)
    : m_face(std::make_unique<Face>()), m_baseSize(baseSize) {
    if (baseSize < 4 || baseSize > 256)
        throw core::UsageError("glyph atlas base size " + std::to_string(baseSize) + " is outside 4..256 pixels");
    const std::string hint = "install the Debian package fonts-dejavu-core or point LAGEBILD_FONT at a TrueType font";
    if (!std::filesystem::is_regular_file(fontFile))
        throw core::ProcessingError("font file " + fontFile.string() + " not found", hint);

    FT_Library library = nullptr;
    if (FT_Error error = FT_Init_FreeType(&library))
        throw core::ProcessingError("cannot start FreeType for font file " + fontFile.string() + ": " +
                                    freeTypeMessage(error));
    m_face->library.reset(library);
    FT_Face face = nullptr;
    if (FT_Error error = FT_New_Face(library, fontFile.c_str(), 0, &face))
        throw core::ProcessingError("cannot load font file " + fontFile.string() + ": " + freeTypeMessage(error), hint);
    m_face->face.reset(face);
    if (!FT_IS_SCALABLE(face))
        throw core::ProcessingError("font file " + fontFile.string() + " has no scalable outlines", hint);
    if (FT_Error error = FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(baseSize)))
        throw core::ProcessingError("cannot scale font file " + fontFile.string() + ": " + freeTypeMessage(error));

    // The SDF is made from the anti-aliased bitmap ("bsdf" renderer): the outline renderer ("sdf") leaves
    // artefacts where contours overlap (DejaVu's cedillas and ogoneks) and is three times slower.
    FT_Int spread = static_cast<FT_Int>(m_spread);
    FT_Property_Set(library, "bsdf", "spread", &spread);
    FT_Property_Set(library, "sdf", "spread", &spread);
    m_ascender = static_cast<float>(face->size->metrics.ascender) / 64.0f;
    m_descender = static_cast<float>(face->size->metrics.descender) / 64.0f;

    std::vector<Bitmap> bitmaps;
    std::vector<char32_t> codePoints = coverage();
    bitmaps.reserve(codePoints.size());
    std::vector<std::pair<char32_t, FT_UInt>> indices;
    for (char32_t codePoint : codePoints) {
        FT_UInt index = FT_Get_Char_Index(face, codePoint);
        if (index == 0 && codePoint != kFallback) continue;  // not in the font: glyph() falls back to '?'
        if (FT_Error error = FT_Load_Glyph(face, index, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP))
            throw core::ProcessingError("font file " + fontFile.string() + ": cannot load the glyph of U+" +
                                        std::to_string(static_cast<unsigned>(codePoint)) + ": " +
                                        freeTypeMessage(error));
        FT_GlyphSlot slot = face->glyph;
        Bitmap bitmap;
        bitmap.codePoint = codePoint;
        bitmap.glyph.advance = static_cast<float>(slot->advance.x) / 64.0f;
        bool hasOutline = slot->format == FT_GLYPH_FORMAT_OUTLINE && slot->outline.n_contours > 0;
        if (hasOutline && FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0 && slot->bitmap.width > 0 &&
            slot->bitmap.rows > 0 && FT_Render_Glyph(slot, FT_RENDER_MODE_SDF) == 0) {
            const FT_Bitmap& source = slot->bitmap;
            bitmap.width = static_cast<int>(source.width);
            bitmap.height = static_cast<int>(source.rows);
            bitmap.pixels.resize(static_cast<std::size_t>(bitmap.width) * bitmap.height);
            for (int row = 0; row < bitmap.height; ++row)
                std::memcpy(bitmap.pixels.data() + static_cast<std::size_t>(row) * bitmap.width,
                            source.buffer + static_cast<std::ptrdiff_t>(row) * source.pitch, bitmap.width);
            bitmap.glyph.left = static_cast<float>(slot->bitmap_left);
            bitmap.glyph.top = static_cast<float>(slot->bitmap_top);
            bitmap.glyph.width = static_cast<float>(bitmap.width);
            bitmap.glyph.height = static_cast<float>(bitmap.height);
        }
        bitmaps.push_back(std::move(bitmap));
        indices.emplace_back(codePoint, index);
    }

    // Pack into a power-of-two texture roughly square.
    const int gap = 1;
    long long area = 0;
    int widest = 0;
    for (const Bitmap& bitmap : bitmaps) {
        area += static_cast<long long>(bitmap.width + gap) * (bitmap.height + gap);
        widest = std::max(widest, bitmap.width + 2 * gap);
    }
    m_width = std::max({64, widest, nextPowerOfTwo(static_cast<int>(std::ceil(std::sqrt(area * 1.15))))});
    std::vector<Bitmap*> order;
    for (Bitmap& bitmap : bitmaps) order.push_back(&bitmap);
    m_height = nextPowerOfTwo(packShelves(order, m_width, gap));
    m_pixels.assign(static_cast<std::size_t>(m_width) * m_height, 0);
    for (Bitmap& bitmap : bitmaps) {
        for (int row = 0; row < bitmap.height; ++row)
            std::memcpy(m_pixels.data() + static_cast<std::size_t>(bitmap.y + row) * m_width + bitmap.x,
                        bitmap.pixels.data() + static_cast<std::size_t>(row) * bitmap.width, bitmap.width);
        Glyph& glyph = bitmap.glyph;
        glyph.u0 = static_cast<float>(bitmap.x) / m_width;
        glyph.v0 = static_cast<float>(bitmap.y) / m_height;
        glyph.u1 = static_cast<float>(bitmap.x + bitmap.width) / m_width;
        glyph.v1 = static_cast<float>(bitmap.y + bitmap.height) / m_height;
        m_glyphs.emplace(bitmap.codePoint, glyph);
    }

    // Kerning of every covered pair, looked up once so that the atlas is immutable (and thread-safe) later.
    if (FT_HAS_KERNING(face)) {
        for (const auto& [left, leftIndex] : indices) {
            for (const auto& [right, rightIndex] : indices) {
                FT_Vector delta{0, 0};
                if (FT_Get_Kerning(face, leftIndex, rightIndex, FT_KERNING_UNFITTED, &delta) == 0 && delta.x != 0)
                    m_kerning.emplace(pairKey(left, right), static_cast<float>(delta.x) / 64.0f);
            }
        }
    }
}

GlyphAtlas::~GlyphAtlas() = default;

bool GlyphAtlas::hasGlyph(char32_t codePoint) const {
    return m_glyphs.count(codePoint) != 0;
}

char32_t GlyphAtlas::resolve(char32_t codePoint) const {
    if (codePoint == U'\t' || codePoint == U'\n' || codePoint == U'\r') return U' ';
    return m_glyphs.count(codePoint) ? codePoint : kFallback;
}

const Glyph& GlyphAtlas::glyph(char32_t codePoint) const {
    return m_glyphs.at(resolve(codePoint));
}

float GlyphAtlas::kerning(char32_t left, char32_t right) const {
    auto found = m_kerning.find(pairKey(resolve(left), resolve(right)));
    return found == m_kerning.end() ? 0.0f : found->second;
}

float GlyphAtlas::measure(std::string_view utf8, float size) const {
    const std::u32string text = decodeUtf8(utf8);
    float width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        width += glyph(text[i]).advance;
        if (i + 1 < text.size()) width += kerning(text[i], text[i + 1]);
    }
    return width * size / static_cast<float>(m_baseSize);
}

std::filesystem::path GlyphAtlas::defaultFontFile() {
    const char* configured = std::getenv("LAGEBILD_FONT");
    if (configured && *configured) return configured;
    return "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

// [UTF-8] ---------------------------------------------------------------------------------------------------

std::u32string decodeUtf8(std::string_view utf8) {
    std::u32string result;
    result.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        int length = 0;
        char32_t codePoint = 0;
        char32_t minimum = 0;
        if (lead < 0x80) {
            result.push_back(lead);
            ++i;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2, codePoint = lead & 0x1F, minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3, codePoint = lead & 0x0F, minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4, codePoint = lead & 0x07, minimum = 0x10000;
        } else {
            result.push_back(kReplacement);  // stray continuation byte, overlong lead, or beyond U+10FFFF
            ++i;
            continue;
        }
        int taken = 1;
        while (taken < length && i + taken < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[i + taken]);
            if ((next & 0xC0) != 0x80) break;
            codePoint = (codePoint << 6) | (next & 0x3F);
            ++taken;
        }
        if (taken < length || codePoint < minimum || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            result.push_back(kReplacement);  // one replacement for the maximal malformed prefix
        } else {
            result.push_back(codePoint);
        }
        i += static_cast<std::size_t>(taken);
    }
    return result;
}

}  // namespace lb::render
