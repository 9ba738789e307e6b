// Section index: [helpers] [layers] [symbols] [overlays] [labels] [legend] [api]
#include "render/cairo/map_painter.hpp"

#include <cairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "render/class_batches.hpp"
#include "render/glyph_atlas.hpp"
#include "render/label_placer.hpp"
#include "render/map_layout.hpp"
#include "render/pick.hpp"

namespace lb::render::cairo {
namespace {

// [helpers]
void setColor(cairo_t* cr, const Color& c) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

std::string encodeUtf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

void selectFont(cairo_t* cr, float size) {
    cairo_select_font_face(cr, kFontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

bool intersects(const core::BBox& a, const core::BBox& b) {
    return !(a.maxX < b.minX || a.minX > b.maxX || a.maxY < b.minY || a.minY > b.maxY);
}

std::shared_ptr<const GlyphAtlas> atlasOf(const MapPicture& picture) {
    if (picture.atlas) return picture.atlas;
    return std::make_shared<const GlyphAtlas>(GlyphAtlas::defaultFontFile());
}

// One paint of one map view: the GL renderer's frame, as Cairo paths in view pixels.
class Painter {
public:
    Painter(cairo_t* cr, const MapPicture& picture, const MapView& view)
        : m_cr(cr), m_picture(picture), m_style(*picture.style), m_options(picture.options), m_view(view) {
        m_bounds = view.bounds();
    }

    void paint() {
        setColor(m_cr, m_style.background);
        cairo_paint(m_cr);
        cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_ROUND);
        bool overlaysDrawn = false;
        for (const auto& name : drawingOrder(m_style, m_options)) {
            const LayerStyle* layerStyle = m_style.find(name);
            if (!layerStyle) continue;
            if (!overlaysDrawn && layerStyle->thematic) {
                drawOverlays();
                overlaysDrawn = true;
            }
            float opacity = 1;
            if (!layerVisible(*layerStyle, opacity)) continue;
            for (auto kind : {GeometryKind::Polygon, GeometryKind::Line, GeometryKind::Point}) {
                for (const auto& layer : m_picture.scene->layers) {
                    if (layer->name != name || layer->kind != kind) continue;
                    drawLayer(*layer, *layerStyle, opacity);
                }
            }
        }
        if (!overlaysDrawn) drawOverlays();
        if (m_options.labels) drawLabels();
    }

private:
    bool layerVisible(const LayerStyle& ls, float& opacity) const {
        const LayerState state = m_options.state(ls.layer, ls.visibleByDefault);
        opacity = state.opacity;
        if (!state.visible || state.opacity <= 0) return false;
        return !(ls.maxScale > 0 && m_view.scaleDenominator() > ls.maxScale);
    }

    bool classVisible(const ClassStyle& cls) const {
        return !(cls.maxScale > 0 && m_view.scaleDenominator() > cls.maxScale);
    }

    float lineWidthPixels(const ClassStyle& cls) const {
        return std::max(static_cast<float>(cls.lineWidth * m_view.pixelRatio),
                        static_cast<float>(cls.lineWidthMetres / m_view.metresPerPixel));
    }

    // Whether feature f reaches into the view grown by `reach` metres.
    bool featureInView(const SceneLayer& layer, std::size_t f, double reach) const {
        core::BBox box = m_bounds;
        box.add(box.minX - reach, box.minY - reach);
        box.add(box.maxX + reach, box.maxY + reach);
        return intersects(layer.featureBounds(f), box);
    }

    // [layers]
    // Appends the rings of feature f to the current path (polygons closed, lines open).
    void appendFeature(const SceneLayer& layer, std::size_t f, bool close) {
        for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
            for (std::uint32_t r = layer.partRings[p]; r < layer.partRings[p + 1]; ++r) {
                const std::uint32_t begin = layer.ringCoords[r], end = layer.ringCoords[r + 1];
                if (end - begin < 2) continue;
                for (std::uint32_t c = begin; c < end; ++c) {
                    const auto s = m_view.toScreen(layer.xy[2 * c], layer.xy[2 * c + 1]);
                    if (c == begin) {
                        cairo_move_to(m_cr, s[0], s[1]);
                    } else {
                        cairo_line_to(m_cr, s[0], s[1]);
                    }
                }
                if (close) cairo_close_path(m_cr);
            }
        }
    }

    void setDash(float dash) {
        if (dash > 0) {
            const double d = dash * m_view.pixelRatio;
            cairo_set_dash(m_cr, &d, 1, 0);
        } else {
            cairo_set_dash(m_cr, nullptr, 0, 0);
        }
    }

    void drawLayer(const SceneLayer& layer, const LayerStyle& ls, float opacity) {
        const auto batches = styleBatches(layer, ls);
        drawBatches(layer, ls, batches, opacity);
    }

    void drawBatches(const SceneLayer& layer, const LayerStyle& ls, const std::vector<StyleBatch>& batches,
                     float opacity) {
        const float pr = static_cast<float>(m_view.pixelRatio);
        if (layer.kind == GeometryKind::Polygon) {
            const double minArea = ls.minAreaPixels * m_view.metresPerPixel * m_view.metresPerPixel;
            for (const StyleBatch& batch : batches) {
                const ClassStyle& cls = *batch.style;
                if (!classVisible(cls)) continue;
                const std::optional<Color> outline = cls.outline ? cls.outline : (cls.fill ? std::nullopt : cls.line);
                if (!cls.fill && !outline) continue;
                cairo_new_path(m_cr);
                for (const auto f : batch.features) {
                    if (!featureInView(layer, f, 0)) continue;
                    if (minArea > 0 && featureArea(layer, f) < minArea) continue;
                    appendFeature(layer, f, true);
                }
                if (cls.fill) {
                    setColor(m_cr, cls.fill->withAlpha(opacity));
                    cairo_set_fill_rule(m_cr, CAIRO_FILL_RULE_EVEN_ODD);
                    cairo_fill_preserve(m_cr);
                }
                if (outline) {
                    const float width = cls.outline ? cls.outlineWidth * pr : lineWidthPixels(cls);
                    if (width > 0) {
                        setColor(m_cr, outline->withAlpha(opacity));
                        cairo_set_line_width(m_cr, width);
                        setDash(cls.dash);
                        cairo_stroke_preserve(m_cr);
                    }
                }
                cairo_new_path(m_cr);
            }
        } else if (layer.kind == GeometryKind::Line) {
            for (int pass = 0; pass < 2; ++pass) {  // casings of every class first, then the lines
                for (const StyleBatch& batch : batches) {
                    const ClassStyle& cls = *batch.style;
                    if (!cls.line || !classVisible(cls)) continue;
                    if (pass == 0 && !(cls.casing && cls.casingWidth > 0)) continue;
                    const float width = lineWidthPixels(cls);
                    const double reach = (width + cls.casingWidth * pr) * m_view.metresPerPixel;
                    cairo_new_path(m_cr);
                    for (const auto f : batch.features) {
                        if (featureInView(layer, f, reach)) appendFeature(layer, f, false);
                    }
                    if (pass == 0) {
                        setColor(m_cr, cls.casing->withAlpha(opacity));
                        cairo_set_line_width(m_cr, width + 2 * cls.casingWidth * pr);
                    } else {
                        setColor(m_cr, cls.line->withAlpha(opacity));
                        cairo_set_line_width(m_cr, width);
                    }
                    setDash(cls.dash);
                    cairo_stroke(m_cr);
                }
            }
            setDash(0);
        } else {
            drawPoints(layer, ls, batches, opacity);
        }
    }

    // [symbols]
    // Dense point layers shrink at overview scales so that clusters stay readable (as in the GL renderer).
    float symbolGrowth(const LayerStyle& ls) const {
        const double scale = m_view.scaleDenominator();
        if (ls.shrinkAboveScale <= 0 || scale <= ls.shrinkAboveScale) return 1.0f;
        return static_cast<float>(std::max(0.5, std::sqrt(ls.shrinkAboveScale / scale)));
    }

    // Level of detail: of the points falling into one grid cell of `pointLodPixels` view pixels only the first
    // is drawn (the GL renderer draws one representative per sub-pixel cell the same way).
    void drawPoints(const SceneLayer& layer, const LayerStyle& ls, const std::vector<StyleBatch>& batches,
                    float opacity) {
        const float grow = symbolGrowth(ls);
        const double cell = m_options.pointLodPixels;
        for (const StyleBatch& batch : batches) {
            const ClassStyle& cls = *batch.style;
            if (!classVisible(cls)) continue;
            const double diameter = cls.size * m_view.pixelRatio * grow;
            const double reach = (0.5 * diameter + 2 + cls.symbolStrokeWidth) * m_view.metresPerPixel;
            std::unordered_set<std::uint64_t> taken;
            cairo_new_path(m_cr);
            for (const auto f : batch.features) {
                for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
                    const std::uint32_t c = layer.ringCoords[layer.partRings[p]];
                    const double wx = layer.xy[2 * c], wy = layer.xy[2 * c + 1];
                    if (wx < m_bounds.minX - reach || wx > m_bounds.maxX + reach || wy < m_bounds.minY - reach ||
                        wy > m_bounds.maxY + reach) {
                        continue;
                    }
                    const auto s = m_view.toScreen(wx, wy);
                    if (cell > 0) {
                        const auto ix = static_cast<std::uint64_t>(std::llround(s[0] / cell) + (1 << 30));
                        const auto iy = static_cast<std::uint64_t>(std::llround(s[1] / cell) + (1 << 30));
                        if (!taken.insert(ix << 32 | iy).second) continue;
                    }
                    appendSymbol(cls.shape, s[0], s[1], diameter);
                }
            }
            fillAndStrokeSymbols(cls, opacity);
        }
    }

    void fillAndStrokeSymbols(const ClassStyle& cls, float opacity) {
        const Color fill = (cls.symbolFill ? *cls.symbolFill : Color{0.5f, 0.5f, 0.5f, 1}).withAlpha(opacity);
        setColor(m_cr, fill);
        cairo_set_fill_rule(m_cr, CAIRO_FILL_RULE_WINDING);
        cairo_fill_preserve(m_cr);
        if (cls.symbolStroke && cls.symbolStrokeWidth > 0) {
            setColor(m_cr, cls.symbolStroke->withAlpha(opacity));
            cairo_set_line_width(m_cr, cls.symbolStrokeWidth * m_view.pixelRatio);
            cairo_set_dash(m_cr, nullptr, 0, 0);
            cairo_stroke_preserve(m_cr);
        }
        cairo_new_path(m_cr);
    }

public:
    // A symbol of `diameter` centred on (x, y), appended to the current path.
    static void appendSymbolTo(cairo_t* cr, SymbolShape shape, double x, double y, double diameter) {
        const double r = 0.5 * diameter;
        switch (shape) {
            case SymbolShape::Circle:
                cairo_new_sub_path(cr);
                cairo_arc(cr, x, y, r, 0, 2 * M_PI);
                cairo_close_path(cr);
                break;
            case SymbolShape::Square:
                cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, 1.7 * r, 1.7 * r);
                break;
            case SymbolShape::Triangle:
                cairo_move_to(cr, x, y - r);
                cairo_line_to(cr, x + 0.866 * r, y + 0.5 * r);
                cairo_line_to(cr, x - 0.866 * r, y + 0.5 * r);
                cairo_close_path(cr);
                break;
            case SymbolShape::Diamond:
                cairo_move_to(cr, x, y - r);
                cairo_line_to(cr, x + r, y);
                cairo_line_to(cr, x, y + r);
                cairo_line_to(cr, x - r, y);
                cairo_close_path(cr);
                break;
            case SymbolShape::Star:
                for (int i = 0; i < 10; ++i) {
                    const double a = -M_PI / 2 + i * M_PI / 5;
                    const double rr = i % 2 == 0 ? r : 0.45 * r;
                    if (i == 0) {
                        cairo_move_to(cr, x + rr * std::cos(a), y + rr * std::sin(a));
                    } else {
                        cairo_line_to(cr, x + rr * std::cos(a), y + rr * std::sin(a));
                    }
                }
                cairo_close_path(cr);
                break;
            case SymbolShape::Cross: {
                const double w = 0.3 * r;
                cairo_move_to(cr, x - w, y - r);
                cairo_line_to(cr, x + w, y - r);
                cairo_line_to(cr, x + w, y - w);
                cairo_line_to(cr, x + r, y - w);
                cairo_line_to(cr, x + r, y + w);
                cairo_line_to(cr, x + w, y + w);
                cairo_line_to(cr, x + w, y + r);
                cairo_line_to(cr, x - w, y + r);
                cairo_line_to(cr, x - w, y + w);
                cairo_line_to(cr, x - r, y + w);
                cairo_line_to(cr, x - r, y - w);
                cairo_line_to(cr, x - w, y - w);
                cairo_close_path(cr);
                break;
            }
        }
    }

private:
    void appendSymbol(SymbolShape shape, double x, double y, double diameter) {
        appendSymbolTo(m_cr, shape, x, y, diameter);
    }

    // [overlays]
    void drawOverlays() {
        if (m_picture.heatmap && m_options.heatmap) drawHeatmap(*m_picture.heatmap);
        if (m_picture.hotspots && m_options.classifiedOverlay && m_options.classifiedOpacity > 0) {
            const ClassifiedOverlay& overlay = *m_picture.hotspots;
            drawBatches(overlay.layer, overlay.style, styleBatches(overlay.layer, overlay.style),
                        m_options.classifiedOpacity);
        }
    }

    // The density grid as an image, one image pixel per cell, scaled onto the map and filtered linearly.
    void drawHeatmap(const RasterOverlay& o) {
        if (o.maxValue <= 0 || m_options.heatmapOpacity <= 0 || o.columns <= 0 || o.rows <= 0) return;
        cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, o.columns, o.rows);
        cairo_surface_flush(image);
        unsigned char* data = cairo_image_surface_get_data(image);
        const int stride = cairo_image_surface_get_stride(image);
        for (int row = 0; row < o.rows; ++row) {
            auto* line = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(row) * stride);
            for (int col = 0; col < o.columns; ++col) {
                const float v = o.values[static_cast<std::size_t>(row) * o.columns + col];
                const Color c = heatRamp(v / o.maxValue);
                const auto a = static_cast<std::uint32_t>(std::lround(std::clamp(c.a, 0.0f, 1.0f) * 255));
                auto channel = [&](float value) {
                    return static_cast<std::uint32_t>(std::lround(std::clamp(value, 0.0f, 1.0f) * a));
                };
                line[col] = a << 24 | channel(c.r) << 16 | channel(c.g) << 8 | channel(c.b);
            }
        }
        cairo_surface_mark_dirty(image);
        cairo_save(m_cr);
        const auto topLeft = m_view.toScreen(o.originX, o.originY);
        cairo_translate(m_cr, topLeft[0], topLeft[1]);
        cairo_scale(m_cr, o.cell / m_view.metresPerPixel, o.cell / m_view.metresPerPixel);
        cairo_set_source_surface(m_cr, image, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(m_cr), CAIRO_FILTER_BILINEAR);
        cairo_rectangle(m_cr, 0, 0, o.columns, o.rows);
        cairo_clip(m_cr);
        cairo_paint_with_alpha(m_cr, m_options.heatmapOpacity);
        cairo_restore(m_cr);
        cairo_surface_destroy(image);
    }

    // [labels]
    // Placed like the GL renderer's labels (the same placer with the same atlas metrics), drawn as text.
    void drawLabels() {
        const auto atlas = atlasOf(m_picture);
        LabelPlacer placer(*atlas, m_view.width, m_view.height);
        struct Labelled {
            const SceneLayer* layer;
            const LayerStyle* style;
        };
        std::vector<Labelled> labelled;
        for (const auto& layer : m_picture.scene->layers) {
            const LayerStyle* ls = m_style.find(layer->name);
            if (!ls || !ls->label.enabled || layer->labels.empty()) continue;
            float opacity = 1;
            if (!layerVisible(*ls, opacity)) continue;
            if (ls->label.maxScale > 0 && m_view.scaleDenominator() > ls->label.maxScale) continue;
            labelled.push_back({layer.get(), ls});
        }
        std::stable_sort(labelled.begin(), labelled.end(), [](const Labelled& a, const Labelled& b) {
            return a.style->label.priority > b.style->label.priority;
        });
        const float pr = static_cast<float>(m_view.pixelRatio);
        for (const Labelled& item : labelled) {
            const SceneLayer& layer = *item.layer;
            const LabelStyle& ls = item.style->label;
            const float size = ls.size * pr;
            for (const StyleBatch& batch : styleBatches(layer, *item.style)) {
                if (!classVisible(*batch.style)) continue;
                std::vector<std::uint32_t> features = batch.features;
                if (layer.kind == GeometryKind::Polygon) {  // the GL buffers' order: largest first
                    std::vector<double> areas(layer.featureCount());
                    for (auto f : features) areas[f] = featureArea(layer, f);
                    std::stable_sort(features.begin(), features.end(),
                                     [&](std::uint32_t a, std::uint32_t b) { return areas[a] > areas[b]; });
                }
                for (const auto f : features) placeLabel(placer, *atlas, layer, ls, *batch.style, f, size, pr);
            }
        }
        drawGlyphs(m_cr, placer.glyphs());
    }

    void placeLabel(LabelPlacer& placer, const GlyphAtlas& atlas, const SceneLayer& layer, const LabelStyle& ls,
                    const ClassStyle& cls, std::uint32_t f, float size, float pr) {
        const std::string& text = layer.labels[f];
        if (text.empty()) return;
        const core::BBox box = layer.featureBounds(f);
        if (!intersects(box, m_bounds)) return;
        if (layer.kind == GeometryKind::Line && ls.alongLines) {
            for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
                const std::uint32_t r = layer.partRings[p];
                std::vector<std::array<float, 2>> screen;
                for (std::uint32_t c = layer.ringCoords[r]; c < layer.ringCoords[r + 1]; ++c) {
                    const auto s = m_view.toScreen(layer.xy[2 * c], layer.xy[2 * c + 1]);
                    screen.push_back({static_cast<float>(s[0]), static_cast<float>(s[1])});
                }
                placer.placeAlongLine(text, screen, size, ls.color, ls.halo, 350 * pr);
            }
        } else if (layer.kind == GeometryKind::Polygon) {
            if (box.width() / m_view.metresPerPixel < atlas.measure(text, size) * 0.6) return;
            const auto anchor = labelAnchor(layer, f);
            const auto s = m_view.toScreen(anchor[0], anchor[1]);
            placer.placeCentered(text, static_cast<float>(s[0]), static_cast<float>(s[1]), size, ls.color, ls.halo);
        } else {
            const std::uint32_t c = layer.ringCoords[layer.partRings[layer.featureParts[f]]];
            const auto s = m_view.toScreen(layer.xy[2 * c], layer.xy[2 * c + 1]);
            const float offset = layer.kind == GeometryKind::Point ? 0.5f * cls.size * pr + 2 * pr : 4 * pr;
            placer.placeBesidePoint(text, static_cast<float>(s[0]), static_cast<float>(s[1]), offset, size, ls.color,
                                    ls.halo);
        }
    }

public:
    // Glyphs as text: halos first (outlines of all glyphs of one halo colour and size, stroked once), then the
    // glyphs themselves as real text, each at its pen position and writing direction.
    static void drawGlyphs(cairo_t* cr, const std::vector<PlacedGlyph>& glyphs) {
        if (glyphs.empty()) return;
        cairo_save(cr);
        cairo_select_font_face(cr, kFontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        auto placeGlyph = [&](const PlacedGlyph& g) {
            cairo_matrix_t font;
            cairo_matrix_init(&font, g.size * g.dir[0], g.size * g.dir[1], -g.size * g.dir[1], g.size * g.dir[0], 0, 0);
            cairo_set_font_matrix(cr, &font);
            cairo_move_to(cr, g.pen[0], g.pen[1]);
        };
        // halos
        std::size_t i = 0;
        while (i < glyphs.size()) {
            const PlacedGlyph& first = glyphs[i];
            std::size_t j = i;
            cairo_new_path(cr);
            for (; j < glyphs.size() && glyphs[j].halo == first.halo && glyphs[j].size == first.size; ++j) {
                if (glyphs[j].halo.a <= 0) continue;
                placeGlyph(glyphs[j]);
                cairo_text_path(cr, encodeUtf8(glyphs[j].codePoint).c_str());
            }
            if (first.halo.a > 0) {
                setColor(cr, first.halo);
                cairo_set_line_width(cr, std::max(1.0f, 0.25f * first.size));
                cairo_stroke(cr);
            }
            cairo_new_path(cr);
            i = j;
        }
        // glyphs
        std::optional<Color> current;
        for (const PlacedGlyph& g : glyphs) {
            if (!current || !(*current == g.color)) {
                setColor(cr, g.color);
                current = g.color;
            }
            placeGlyph(g);
            cairo_show_text(cr, encodeUtf8(g.codePoint).c_str());
        }
        cairo_restore(cr);
    }

private:
    cairo_t* m_cr;
    const MapPicture& m_picture;
    const Style& m_style;
    const RenderOptions& m_options;
    const MapView& m_view;
    core::BBox m_bounds;
};

// [legend]
// The layout input of the picture's legend: the visible thematic layers' classes (top layer first, in class
// drawing order), the hot-spot classes and the heat map's colour bar, as the GL renderer collects them.
MapLayoutInput legendInput(const MapPicture& picture) {
    MapLayoutInput in;
    in.width = 100000;
    in.height = 100000;
    in.pixelRatio = 1;
    in.language = picture.options.language;
    in.furniture = false;
    in.legend = true;
    const Style& style = *picture.style;
    auto order = drawingOrder(style, picture.options);
    std::reverse(order.begin(), order.end());
    for (const auto& name : order) {
        const LayerStyle* ls = style.find(name);
        if (!ls || !ls->thematic) continue;
        const LayerState state = picture.options.state(ls->layer, ls->visibleByDefault);
        if (!state.visible || state.opacity <= 0) continue;
        for (const auto& layer : picture.scene->layers) {
            if (layer->name != name) continue;
            for (const StyleBatch& batch : styleBatches(*layer, *ls)) in.classes.push_back({batch.style, layer->kind});
        }
    }
    const RenderOptions& o = picture.options;
    if (picture.hotspots && o.classifiedOverlay && o.classifiedOpacity > 0) {
        for (const StyleBatch& batch : styleBatches(picture.hotspots->layer, picture.hotspots->style)) {
            in.overlayClasses.push_back(batch.style);
        }
    }
    if (picture.heatmap && o.heatmap) {
        in.heat =
            HeatLegend{picture.heatmap->legend, picture.heatmap->legendEn, picture.heatmap->maxValue, o.heatmapOpacity};
    }
    return in;
}

MapLayout legendLayout(cairo_t* cr, const MapPicture& picture) {
    cairo_save(cr);
    const auto measure = [cr](std::string_view utf8, float size) {
        selectFont(cr, size);
        cairo_text_extents_t extents;
        const std::string text(utf8);
        cairo_text_extents(cr, text.c_str(), &extents);
        return static_cast<float>(extents.x_advance);
    };
    MapLayout layout = layoutMap(legendInput(picture), measure);
    cairo_restore(cr);
    return layout;
}

void paintShapes(cairo_t* cr, const std::vector<LayoutShape>& shapes) {
    for (const auto& shape : shapes) {
        const auto& p = shape.points;
        cairo_new_path(cr);
        if (shape.kind == LayoutShape::Kind::Rectangle) {
            cairo_rectangle(cr, p[0], p[1], p[2] - p[0], p[3] - p[1]);
        } else {
            cairo_move_to(cr, p[0], p[1]);
            cairo_line_to(cr, p[2], p[3]);
            cairo_line_to(cr, p[4], p[5]);
            cairo_close_path(cr);
        }
        setColor(cr, shape.color);
        cairo_fill(cr);
    }
}

void paintSamples(cairo_t* cr, const std::vector<LegendSample>& samples) {
    for (const auto& s : samples) {
        cairo_new_path(cr);
        if (s.kind == GeometryKind::Point) {
            const ClassStyle& cls = *s.style;
            Painter::appendSymbolTo(cr, cls.shape, s.x, s.y, cls.size);
            setColor(cr, cls.symbolFill ? *cls.symbolFill : Color{0.5f, 0.5f, 0.5f, 1});
            cairo_fill_preserve(cr);
            if (cls.symbolStroke && cls.symbolStrokeWidth > 0) {
                setColor(cr, *cls.symbolStroke);
                cairo_set_line_width(cr, cls.symbolStrokeWidth);
                cairo_stroke_preserve(cr);
            }
        } else if (s.stroke) {
            cairo_move_to(cr, s.x - s.halfLength, s.y);
            cairo_line_to(cr, s.x + s.halfLength, s.y);
            setColor(cr, *s.stroke);
            cairo_set_line_width(cr, s.strokeWidth);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
    }
}

// Text runs of the layout as text with their halos.
void paintTexts(cairo_t* cr, const std::vector<TextRun>& texts) {
    cairo_save(cr);
    for (const TextRun& run : texts) {
        selectFont(cr, run.size);
        if (run.halo.a > 0) {
            cairo_new_path(cr);
            cairo_move_to(cr, run.x, run.baseline);
            cairo_text_path(cr, run.text.c_str());
            setColor(cr, run.halo);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_set_line_width(cr, std::max(1.0f, 0.25f * run.size));
            cairo_stroke(cr);
        }
        cairo_move_to(cr, run.x, run.baseline);
        setColor(cr, run.color);
        cairo_show_text(cr, run.text.c_str());
    }
    cairo_restore(cr);
}

}  // namespace

// [api]
void paintMap(cairo_t* cr, const MapPicture& picture, const MapView& view, double x, double y) {
    if (!picture.scene || !picture.style) return;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_new_path(cr);
    cairo_rectangle(cr, 0, 0, view.width, view.height);
    cairo_clip(cr);
    Painter(cr, picture, view).paint();
    cairo_restore(cr);
}

std::pair<double, double> legendSize(cairo_t* cr, const MapPicture& picture, double scale) {
    if (!picture.scene || !picture.style) return {0, 0};
    const MapLayout layout = legendLayout(cr, picture);
    if (!layout.legendBox) return {0, 0};
    return {scale * (layout.legendBox->x1 - layout.legendBox->x0),
            scale * (layout.legendBox->y1 - layout.legendBox->y0)};
}

void paintLegend(cairo_t* cr, const MapPicture& picture, double x, double y, double scale) {
    if (!picture.scene || !picture.style) return;
    const MapLayout layout = legendLayout(cr, picture);
    if (!layout.legendBox) return;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);  // texts, symbols and swatches alike
    cairo_translate(cr, -layout.legendBox->x0, -layout.legendBox->y0);
    paintShapes(cr, layout.legendShapes);
    paintSamples(cr, layout.samples);
    paintTexts(cr, layout.texts);
    cairo_restore(cr);
}

}  // namespace lb::render::cairo
