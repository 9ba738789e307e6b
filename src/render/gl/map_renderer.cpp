// Section index: [upload] [frame] [layers] [labels] [furniture and legend] [highlight]
#include "render/gl/map_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "render/gl/gl_objects.hpp"
#include "render/gl/gpu_layer.hpp"
#include "render/gl/heatmap_layer.hpp"
#include "render/glyph_atlas.hpp"
#include "render/label_placer.hpp"
#include "render/map_layout.hpp"
#include "render/pick.hpp"

namespace lb::render::gl {
namespace {

constexpr int kTextFloats = 13;  // pos 2, uv 2, color 4, halo 4, size 1

struct OverlayVertex {
    float x, y, r, g, b, a;
};

void pushQuad(std::vector<OverlayVertex>& out, float x0, float y0, float x1, float y1, const Color& c) {
    const OverlayVertex v[6] = {{x0, y0, c.r, c.g, c.b, c.a}, {x1, y0, c.r, c.g, c.b, c.a},
                                {x1, y1, c.r, c.g, c.b, c.a}, {x0, y0, c.r, c.g, c.b, c.a},
                                {x1, y1, c.r, c.g, c.b, c.a}, {x0, y1, c.r, c.g, c.b, c.a}};
    out.insert(out.end(), std::begin(v), std::end(v));
}

void pushTriangle(std::vector<OverlayVertex>& out, std::array<float, 6> p, const Color& c) {
    for (int i = 0; i < 3; ++i) out.push_back({p[2 * i], p[2 * i + 1], c.r, c.g, c.b, c.a});
}

constexpr std::size_t kSymbolShapes = 6;  // SymbolShape's values

// One symbol program per shape: the shape is a compile-time constant, so no fragment evaluates the
// distance functions of the other shapes (a software rasteriser would run every branch under a mask).
std::array<Program, kSymbolShapes> makeSymbolPrograms() {
    std::array<Program, kSymbolShapes> programs;
    for (std::size_t i = 0; i < kSymbolShapes; ++i) {
        programs[i] = Program("symbol", "#define SYMBOL_SHAPE " + std::to_string(i) + "\n");
    }
    return programs;
}

}  // namespace

// [upload]
struct MapRenderer::Impl {
    SceneSnapshot scene;
    Style style;
    std::shared_ptr<const GlyphAtlas> atlasHolder;
    const GlyphAtlas& atlas;
    std::array<double, 2> origin{0, 0};
    std::vector<GpuLayer> layers;
    Program fillProgram{"fill"}, lineProgram{"line"}, textProgram{"text"}, overlayProgram{"overlay"};
    std::array<Program, kSymbolShapes> symbolPrograms = makeSymbolPrograms();
    const Program* symbolProgram = nullptr;  // the one useSymbol() chose last
    std::unique_ptr<HeatmapLayer> heatmap;   // made on the first setHeatmap()
    std::shared_ptr<const ClassifiedOverlay> classified;
    std::optional<GpuLayer> classifiedGpu;  // uploaded relative to `origin`
    Texture atlasTexture;
    VertexArray textVao, overlayVao, scratchVao;
    Buffer textVbo, overlayVbo, scratchVbo;
    FrameStats stats;
    UploadStats lastUpload;
    // per frame
    MapView view;
    RenderOptions const* options = nullptr;

    Impl(SceneSnapshot s, Style st, std::shared_ptr<const GlyphAtlas> glyphs)
        : scene(std::move(s)), style(std::move(st)), atlasHolder(std::move(glyphs)), atlas(*atlasHolder) {
        atlasTexture = makeTexture();
        glBindTexture(GL_TEXTURE_2D, atlasTexture.get());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.width(), atlas.height(), 0, GL_RED, GL_UNSIGNED_BYTE,
                     atlas.pixels().data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

        textVao = makeVertexArray();
        textVbo = makeBuffer();
        glBindVertexArray(textVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, textVbo.get());
        const GLsizei stride = kTextFloats * sizeof(float);
        const int sizes[5] = {2, 2, 4, 4, 1};
        std::size_t offset = 0;
        for (GLuint i = 0; i < 5; ++i) {
            glEnableVertexAttribArray(i);
            glVertexAttribPointer(i, sizes[i], GL_FLOAT, GL_FALSE, stride,
                                  reinterpret_cast<const void*>(offset * sizeof(float)));
            offset += static_cast<std::size_t>(sizes[i]);
        }
        overlayVao = makeVertexArray();
        overlayVbo = makeBuffer();
        glBindVertexArray(overlayVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, overlayVbo.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex),
                              reinterpret_cast<const void*>(2 * sizeof(float)));
        scratchVao = makeVertexArray();
        scratchVbo = makeBuffer();
        glBindVertexArray(0);
        upload();
    }

    // Uploads the scene's layers, keeping the GPU buffers of every layer whose revision is already on the GPU
    // (an edit replaces one layer of the snapshot; the others are copies with their revision). Buffers hold
    // coordinates relative to the origin, so when the origin moves everything is uploaded again.
    void upload() {
        std::vector<GpuLayer> previous = std::move(layers);
        layers.clear();
        const core::BBox extent = scene->extent();
        const std::array<double, 2> newOrigin =
            extent.empty() ? std::array<double, 2>{0, 0}
                           : std::array<double, 2>{std::round(0.5 * (extent.minX + extent.maxX)),
                                                   std::round(0.5 * (extent.minY + extent.maxY))};
        const bool keep = newOrigin == origin;  // nothing to keep on the first upload: `previous` is empty
        origin = newOrigin;
        lastUpload = {};
        for (const auto& snapshot : scene->layers) {
            const SceneLayer& layer = *snapshot;
            const LayerStyle* layerStyle = style.find(layer.name);
            if (!layerStyle) continue;
            auto reusable = std::find_if(previous.begin(), previous.end(), [&](const GpuLayer& gpu) {
                return keep && layer.revision != 0 && gpu.revision == layer.revision;
            });
            if (reusable != previous.end()) {
                reusable->layer = &layer;  // the same content, in the new snapshot
                layers.push_back(std::move(*reusable));
                previous.erase(reusable);
                ++lastUpload.kept;
            } else {
                layers.push_back(uploadLayer(layer, *layerStyle, origin));
                ++lastUpload.uploaded;
            }
        }
        uploadClassified();
    }

    void uploadClassified() {
        classifiedGpu.reset();
        if (classified) classifiedGpu = uploadLayer(classified->layer, classified->style, origin);
    }

    // [frame]
    void setCommonUniforms(const Program& program) { useWithView(program, view, origin); }

    bool heatmapShown() const { return heatmap && heatmap->overlay() && options->heatmap; }
    bool classifiedShown() const {
        return classifiedGpu && options->classifiedOverlay && options->classifiedOpacity > 0;
    }
    // The analysis overlays between the base map and the thematic layers.
    void drawAnalysisOverlays() {
        if (heatmapShown()) heatmap->draw(view, origin, options->heatmapOpacity);
        if (classifiedShown()) drawLayerWith(*classifiedGpu, options->classifiedOpacity);
    }

    void render(const MapView& v, const RenderOptions& opts, RenderTarget* target) {
        view = v;
        options = &opts;
        stats = {};
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glDisable(GL_SCISSOR_TEST);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glClearColor(style.background.r, style.background.g, style.background.b, style.background.a);
        glClear(GL_COLOR_BUFFER_BIT);

        bool overlaysDrawn = false;
        for (const auto& name : drawingOrder(style, opts)) {
            const LayerStyle* layerStyle = style.find(name);
            if (!overlaysDrawn && layerStyle && layerStyle->thematic) {
                drawAnalysisOverlays();
                overlaysDrawn = true;
            }
            for (auto kind : {GeometryKind::Polygon, GeometryKind::Line, GeometryKind::Point}) {
                for (auto& gpu : layers) {
                    if (gpu.layer->name != name || gpu.layer->kind != kind) continue;
                    if (target && kind == GeometryKind::Point && gpu.layer->featureCount() >= kDensePointLayer) {
                        target->continueSingleSampled();
                    }
                    drawLayer(gpu);
                }
            }
        }
        if (!overlaysDrawn) drawAnalysisOverlays();
        if (opts.highlightSet) drawHighlightSet(*opts.highlightSet);
        if (opts.highlight) drawHighlight(*opts.highlight);

        LabelPlacer placer(atlas, view.width, view.height);
        const MapLayout layout =
            layoutMap(layoutInput(), [this](std::string_view utf8, float size) { return atlas.measure(utf8, size); });
        for (const LayoutRect& r : layout.reserved) placer.block(r.x0, r.y0, r.x1, r.y1);
        if (opts.labels) placeLabels(placer);

        std::vector<PlacedGlyph> layoutText;
        for (const TextRun& run : layout.texts) placeRun(layoutText, run);
        drawOverlay(overlayVertices(layout.legendShapes));
        drawLegendSamples(layout.samples);
        drawOverlay(overlayVertices(layout.furnitureShapes));
        drawText(placer.glyphs());
        drawText(layoutText);
        glBindVertexArray(0);
        glUseProgram(0);
    }

    // [layers]
    bool layerVisible(const LayerStyle& ls, float& opacity) const {
        const LayerState state = options->state(ls.layer, ls.visibleByDefault);
        opacity = state.opacity;
        if (!state.visible || state.opacity <= 0) return false;
        return !(ls.maxScale > 0 && view.scaleDenominator() > ls.maxScale);
    }

    bool classVisible(const ClassStyle& cls) const {
        return !(cls.maxScale > 0 && view.scaleDenominator() > cls.maxScale);
    }

    void drawSegments(GpuLayer& gpu, GLint first, GLsizei count, const Color& color, float halfWidth, float dash) {
        if (count <= 0) return;
        glBindVertexArray(gpu.segmentVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, gpu.segmentVbo.get());
        const GLsizei stride = kSegmentFloats * sizeof(float);
        const std::size_t base = static_cast<std::size_t>(first) * stride;
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(base));
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(base + 8));
        glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(base + 16));
        glUniform4f(lineProgram.uniform("u_color"), color.r, color.g, color.b, color.a);
        glUniform1f(lineProgram.uniform("u_halfWidth"), halfWidth);
        glUniform1f(lineProgram.uniform("u_dash"), dash);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
        ++stats.drawCalls;
    }

    float lineWidthPixels(const ClassStyle& cls) const {
        return std::max(static_cast<float>(cls.lineWidth * view.pixelRatio),
                        static_cast<float>(cls.lineWidthMetres / view.metresPerPixel));
    }

    void drawLayer(GpuLayer& gpu) {
        float opacity = 1;
        if (!layerVisible(*gpu.style, opacity)) return;
        drawLayerWith(gpu, opacity);
    }

    void drawLayerWith(GpuLayer& gpu, float opacity) {
        const float pr = static_cast<float>(view.pixelRatio);
        const double minArea = gpu.style->minAreaPixels * view.metresPerPixel * view.metresPerPixel;
        if (gpu.layer->kind == GeometryKind::Polygon) {
            setCommonUniforms(fillProgram);
            glBindVertexArray(gpu.fillVao.get());
            for (auto& batch : gpu.batches) {
                if (!batch.style->fill || !classVisible(*batch.style)) continue;
                const std::size_t n = batch.visibleCount(minArea);
                stats.featuresDrawn += n;
                if (n == 0) continue;
                const Color c = batch.style->fill->withAlpha(opacity);
                glUniform4f(fillProgram.uniform("u_color"), c.r, c.g, c.b, c.a);
                glDrawArrays(GL_TRIANGLES, batch.firstVertex, static_cast<GLsizei>(batch.vertexEnd[n - 1]));
                ++stats.drawCalls;
            }
            setCommonUniforms(lineProgram);
            for (auto& batch : gpu.batches) {
                const ClassStyle& cls = *batch.style;
                if (!classVisible(cls)) continue;
                const std::optional<Color> outline = cls.outline ? cls.outline : (cls.fill ? std::nullopt : cls.line);
                if (!outline) continue;
                const float width = cls.outline ? cls.outlineWidth * pr : lineWidthPixels(cls);
                const std::size_t n = batch.visibleCount(minArea);
                if (n == 0) continue;
                drawSegments(gpu, batch.firstSegment, static_cast<GLsizei>(batch.segmentEnd[n - 1]),
                             outline->withAlpha(opacity), 0.5f * width, cls.dash * pr);
            }
        } else if (gpu.layer->kind == GeometryKind::Line) {
            setCommonUniforms(lineProgram);
            for (int pass = 0; pass < 2; ++pass) {  // casings of every class first, then the lines
                for (auto& batch : gpu.batches) {
                    const ClassStyle& cls = *batch.style;
                    if (!cls.line || !classVisible(cls) || batch.segmentEnd.empty()) continue;
                    const float width = lineWidthPixels(cls);
                    const GLsizei count = static_cast<GLsizei>(batch.segmentEnd.back());
                    if (pass == 0) {
                        if (cls.casing && cls.casingWidth > 0) {
                            drawSegments(gpu, batch.firstSegment, count, cls.casing->withAlpha(opacity),
                                         0.5f * width + cls.casingWidth * pr, cls.dash * pr);
                        }
                    } else {
                        stats.featuresDrawn += batch.features.size();
                        drawSegments(gpu, batch.firstSegment, count, cls.line->withAlpha(opacity), 0.5f * width,
                                     cls.dash * pr);
                    }
                }
            }
        } else {
            drawPoints(gpu, opacity);
        }
    }

    // Binds a layer's point buffer texture for symbol.vert.glsl.
    void bindPointTexture(const GpuLayer& gpu) {
        glBindVertexArray(gpu.pointVao.get());
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_BUFFER, gpu.pointTexture.get());
        glUniform1i(symbolProgram->uniform("u_points"), 0);
        glUniform1i(symbolProgram->uniform("u_single"), 0);
    }

    // One symbol at map position (x, y) relative to the origin, with the uniforms already set.
    void drawSingleSymbol(float x, float y) {
        glBindVertexArray(scratchVao.get());
        glUniform1i(symbolProgram->uniform("u_single"), 1);
        glUniform2f(symbolProgram->uniform("u_point"), x, y);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glUniform1i(symbolProgram->uniform("u_single"), 0);
    }

    // Symbols of the visible tiles, from the level of detail that fits the scale (point_lod.hpp).
    void drawPoints(const GpuLayer& gpu, float opacity) {
        const float grow = symbolGrowth(*gpu.style);
        const double maxCell = options->pointLodPixels * view.metresPerPixel;
        for (const auto& batch : gpu.batches) {
            const ClassStyle& cls = *batch.style;
            if (!classVisible(cls) || batch.pointCount == 0) continue;
            useSymbol(cls, opacity, grow);
            bindPointTexture(gpu);
            const PointLevel& level = levelFor(batch.pointLevels, maxCell);
            // Grow the view by the symbol's reach so that symbols centred just outside still show.
            const double reach =
                (0.5 * cls.size * view.pixelRatio * grow + 2 + cls.symbolStrokeWidth) * view.metresPerPixel;
            core::BBox box = view.bounds();
            box.add(box.minX - reach, box.minY - reach);
            box.add(box.maxX + reach, box.maxY + reach);
            for (const PointRange& range : visibleRanges(level, gpu.pointGrid, box)) {
                const std::size_t first = static_cast<std::size_t>(batch.firstPoint) + level.first + range.offset;
                glDrawArrays(GL_TRIANGLES, static_cast<GLint>(3 * first), static_cast<GLsizei>(3 * range.count));
                stats.featuresDrawn += range.points;
                stats.symbolsDrawn += range.count;
                ++stats.drawCalls;
            }
        }
    }

    // Dense point layers shrink at overview scales so that clusters stay readable.
    float symbolGrowth(const LayerStyle& ls) const {
        const double scale = view.scaleDenominator();
        if (ls.shrinkAboveScale <= 0 || scale <= ls.shrinkAboveScale) return 1.0f;
        return static_cast<float>(std::max(0.5, std::sqrt(ls.shrinkAboveScale / scale)));
    }

    // Makes the program of the class's shape current with all its uniforms.
    void useSymbol(const ClassStyle& cls, float opacity, float grow) {
        symbolProgram = &symbolPrograms.at(static_cast<std::size_t>(cls.shape));
        setCommonUniforms(*symbolProgram);
        const Program& program = *symbolProgram;
        const float pr = static_cast<float>(view.pixelRatio);
        const Color fillColor = (cls.symbolFill ? *cls.symbolFill : Color{0.5f, 0.5f, 0.5f, 1}).withAlpha(opacity);
        const Color strokeColor = (cls.symbolStroke ? *cls.symbolStroke : fillColor).withAlpha(opacity);
        glUniform1f(program.uniform("u_size"), cls.size * pr * grow);
        glUniform4f(program.uniform("u_fill"), fillColor.r, fillColor.g, fillColor.b, fillColor.a);
        glUniform4f(program.uniform("u_stroke"), strokeColor.r, strokeColor.g, strokeColor.b, strokeColor.a);
        glUniform1f(program.uniform("u_strokeWidth"), cls.symbolStroke ? cls.symbolStrokeWidth * pr : 0.0f);
    }

    // [labels]
    void placeLabels(LabelPlacer& placer) {
        std::vector<const GpuLayer*> labelled;
        for (const auto& gpu : layers) {
            if (!gpu.style->label.enabled || gpu.layer->labels.empty()) continue;
            float opacity = 1;
            if (!layerVisible(*gpu.style, opacity)) continue;
            if (gpu.style->label.maxScale > 0 && view.scaleDenominator() > gpu.style->label.maxScale) continue;
            labelled.push_back(&gpu);
        }
        std::stable_sort(labelled.begin(), labelled.end(), [](const GpuLayer* a, const GpuLayer* b) {
            return a->style->label.priority > b->style->label.priority;
        });
        const core::BBox bounds = view.bounds();
        const float pr = static_cast<float>(view.pixelRatio);
        for (const GpuLayer* gpu : labelled) {
            const SceneLayer& layer = *gpu->layer;
            const LabelStyle& ls = gpu->style->label;
            const float size = ls.size * pr;
            for (const auto& batch : gpu->batches) {
                if (!classVisible(*batch.style)) continue;
                for (const auto f : batch.features) {
                    const std::string& text = layer.labels[f];
                    if (text.empty()) continue;
                    const core::BBox box = layer.featureBounds(f);
                    if (box.maxX < bounds.minX || box.minX > bounds.maxX || box.maxY < bounds.minY ||
                        box.minY > bounds.maxY) {
                        continue;
                    }
                    if (layer.kind == GeometryKind::Line && ls.alongLines) {
                        for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
                            const std::uint32_t r = layer.partRings[p];
                            std::vector<std::array<float, 2>> screen;
                            for (std::uint32_t c = layer.ringCoords[r]; c < layer.ringCoords[r + 1]; ++c) {
                                const auto s = view.toScreen(layer.xy[2 * c], layer.xy[2 * c + 1]);
                                screen.push_back({static_cast<float>(s[0]), static_cast<float>(s[1])});
                            }
                            placer.placeAlongLine(text, screen, size, ls.color, ls.halo, 350 * pr);
                        }
                    } else if (layer.kind == GeometryKind::Polygon) {
                        // Only areas large enough on screen to carry their name.
                        if (box.width() / view.metresPerPixel < atlas.measure(text, size) * 0.6) continue;
                        const auto anchor = gpu->labelAnchors[f];
                        const auto s = view.toScreen(anchor[0], anchor[1]);
                        placer.placeCentered(text, static_cast<float>(s[0]), static_cast<float>(s[1]), size, ls.color,
                                             ls.halo);
                    } else if (layer.kind == GeometryKind::Point) {
                        const std::uint32_t c = layer.ringCoords[layer.partRings[layer.featureParts[f]]];
                        const auto s = view.toScreen(layer.xy[2 * c], layer.xy[2 * c + 1]);
                        placer.placeBesidePoint(text, static_cast<float>(s[0]), static_cast<float>(s[1]),
                                                0.5f * batch.style->size * pr + 2 * pr, size, ls.color, ls.halo);
                    } else {
                        const std::uint32_t c = layer.ringCoords[layer.partRings[layer.featureParts[f]]];
                        const auto s = view.toScreen(layer.xy[2 * c], layer.xy[2 * c + 1]);
                        placer.placeBesidePoint(text, static_cast<float>(s[0]), static_cast<float>(s[1]), 4 * pr, size,
                                                ls.color, ls.halo);
                    }
                }
            }
        }
    }

    // [furniture and legend]
    // What map_layout.hpp needs of this frame: the thematic classes of the visible layers (top layer first, in
    // class drawing order), the classified overlay's classes and the heatmap's legend.
    MapLayoutInput layoutInput() const {
        MapLayoutInput in;
        in.width = view.width;
        in.height = view.height;
        in.pixelRatio = view.pixelRatio;
        in.metresPerPixel = view.metresPerPixel;
        in.language = options->language;
        in.furniture = options->furniture;
        in.legend = options->legend;
        in.legendScale = options->legendScale;
        in.caption = options->caption;
        if (!in.legend) return in;
        auto order = drawingOrder(style, *options);
        std::reverse(order.begin(), order.end());  // top layers first
        for (const auto& name : order) {
            for (const auto& gpu : layers) {
                if (gpu.layer->name != name || !gpu.style->thematic) continue;
                float opacity = 1;
                if (!layerVisible(*gpu.style, opacity)) continue;
                for (const auto& batch : gpu.batches) in.classes.push_back({batch.style, gpu.layer->kind});
            }
        }
        if (classifiedShown()) {
            for (const auto& batch : classifiedGpu->batches) in.overlayClasses.push_back(batch.style);
        }
        if (heatmapShown()) {
            const RasterOverlay& overlay = *heatmap->overlay();
            in.heat = HeatLegend{overlay.legend, overlay.legendEn, overlay.maxValue, options->heatmapOpacity};
        }
        return in;
    }

    // The layout's rectangles and triangles as overlay triangles, in their order.
    static std::vector<OverlayVertex> overlayVertices(const std::vector<LayoutShape>& shapes) {
        std::vector<OverlayVertex> out;
        for (const auto& shape : shapes) {
            const auto& p = shape.points;
            if (shape.kind == LayoutShape::Kind::Rectangle) {
                pushQuad(out, p[0], p[1], p[2], p[3], shape.color);
            } else {
                pushTriangle(out, p, shape.color);
            }
        }
        return out;
    }

    // The glyphs of a text run of the map layout, from its pen start (x, baseline).
    void placeRun(std::vector<PlacedGlyph>& out, const TextRun& run) const {
        const float scale = run.size / static_cast<float>(atlas.baseSize());
        float pen = run.x;
        char32_t previous = 0;
        for (const char32_t cp : decodeUtf8(run.text)) {
            if (previous) pen += atlas.kerning(previous, cp) * scale;
            const Glyph& g = atlas.glyph(cp);
            const float x0 = pen + g.left * scale, y0 = run.baseline - g.top * scale;
            const float x1 = x0 + g.width * scale, y1 = y0 + g.height * scale;
            PlacedGlyph placed{
                {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, g.u0, g.v0, g.u1, g.v1, run.size, run.color, run.halo};
            out.push_back(placed);
            pen += g.advance * scale;
            previous = cp;
        }
    }

    void drawLegendSamples(const std::vector<LegendSample>& samples) {
        for (const auto& s : samples) {
            const auto world = view.toWorld(s.x, s.y);
            const float lx = static_cast<float>(world[0] - origin[0]), ly = static_cast<float>(world[1] - origin[1]);
            if (s.kind == GeometryKind::Point) {
                useSymbol(*s.style, 1, 1);
                drawSingleSymbol(lx, ly);
            } else {
                if (!s.stroke) continue;
                const float half = static_cast<float>(s.halfLength * view.metresPerPixel);
                setCommonUniforms(lineProgram);
                const float data[5] = {lx - half, ly, lx + half, ly, 0};
                streamSegment(data, sizeof(data));
                glUniform4f(lineProgram.uniform("u_color"), s.stroke->r, s.stroke->g, s.stroke->b, s.stroke->a);
                glUniform1f(lineProgram.uniform("u_halfWidth"), 0.5f * s.strokeWidth);
                glUniform1f(lineProgram.uniform("u_dash"), 0);
                glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 1);
            }
            ++stats.drawCalls;
        }
    }

    // Uploads a tiny instance buffer of one line segment (kSegmentFloats floats).
    void streamSegment(const float* data, std::size_t bytes) {
        glBindVertexArray(scratchVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, scratchVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STREAM_DRAW);
        const GLsizei stride = kSegmentFloats * sizeof(float);
        for (GLuint i = 0; i < 3; ++i) {
            glEnableVertexAttribArray(i);
            glVertexAttribDivisor(i, 1);
        }
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(8));
        glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(16));
    }

    void drawOverlay(const std::vector<OverlayVertex>& vertices) {
        if (vertices.empty()) return;
        setCommonUniforms(overlayProgram);
        glBindVertexArray(overlayVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, overlayVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(OverlayVertex)), vertices.data(),
                     GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices.size()));
        ++stats.drawCalls;
    }

    void drawText(const std::vector<PlacedGlyph>& glyphs) {
        if (glyphs.empty()) return;
        std::vector<float> data;
        data.reserve(glyphs.size() * 6 * kTextFloats);
        for (const auto& g : glyphs) {
            const float uv[4][2] = {{g.u0, g.v0}, {g.u1, g.v0}, {g.u1, g.v1}, {g.u0, g.v1}};
            for (const int corner : {0, 1, 2, 0, 2, 3}) {
                data.insert(data.end(),
                            {g.corners[corner][0], g.corners[corner][1], uv[corner][0], uv[corner][1], g.color.r,
                             g.color.g, g.color.b, g.color.a, g.halo.r, g.halo.g, g.halo.b, g.halo.a, g.size});
            }
        }
        setCommonUniforms(textProgram);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, atlasTexture.get());
        glUniform1i(textProgram.uniform("u_atlas"), 0);
        glUniform1f(textProgram.uniform("u_spread"), atlas.spread());
        glUniform1f(textProgram.uniform("u_baseSize"), static_cast<float>(atlas.baseSize()));
        glBindVertexArray(textVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, textVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(),
                     GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(glyphs.size() * 6));
        stats.labels += glyphs.size();
        ++stats.drawCalls;
    }

    // [highlight]
    void drawHighlight(const FeatureRef& ref) {
        for (auto& gpu : layers) {
            if (gpu.layer->name != ref.layer) continue;
            const auto& fids = gpu.layer->fid;
            const auto it = std::find(fids.begin(), fids.end(), ref.fid);
            if (it == fids.end()) continue;
            const auto f = static_cast<std::uint32_t>(it - fids.begin());
            for (auto& batch : gpu.batches) {
                const auto pos = std::find(batch.features.begin(), batch.features.end(), f);
                if (pos == batch.features.end()) continue;
                const std::size_t i = static_cast<std::size_t>(pos - batch.features.begin());
                if (gpu.layer->kind == GeometryKind::Point) {
                    // Every part of a multipoint: each is one instance of level 0.
                    std::vector<GLint> firsts;
                    for (std::size_t k = i; k < batch.features.size(); ++k) {
                        if (batch.features[k] == f) firsts.push_back(static_cast<GLint>(3 * (batch.firstPoint + k)));
                    }
                    drawPointRings(gpu, batch, firsts, std::vector<GLsizei>(firsts.size(), 3));
                } else {
                    drawShapeHighlight(gpu, batch, i);
                }
                return;
            }
        }
    }

    // Every feature of the set (query results): points as rings in one multi-draw per batch, lines and
    // polygons one by one.
    void drawHighlightSet(const FeatureSet& set) {
        for (auto& gpu : layers) {
            if (gpu.layer->name != set.layer) continue;
            const auto& fids = gpu.layer->fid;
            for (auto& batch : gpu.batches) {
                std::vector<GLint> firsts;
                std::vector<GLsizei> counts;
                for (std::size_t k = 0; k < batch.features.size(); ++k) {
                    if (!set.contains(fids[batch.features[k]])) continue;
                    if (gpu.layer->kind != GeometryKind::Point) {
                        drawShapeHighlight(gpu, batch, k);
                        continue;
                    }
                    const auto first = static_cast<GLint>(3 * (batch.firstPoint + k));
                    if (!firsts.empty() && firsts.back() + counts.back() == first) {
                        counts.back() += 3;  // consecutive instances: one range
                    } else {
                        firsts.push_back(first);
                        counts.push_back(3);
                    }
                }
                if (!firsts.empty()) drawPointRings(gpu, batch, firsts, counts);
            }
        }
    }

    // The highlight fill (polygons) and outline (lines, polygon rings) of feature i of a batch.
    void drawShapeHighlight(GpuLayer& gpu, const ClassBatch& batch, std::size_t i) {
        const float pr = static_cast<float>(view.pixelRatio);
        const Color hl = style.highlight;
        if (gpu.layer->kind == GeometryKind::Polygon) {
            const GLint v0 = i == 0 ? 0 : static_cast<GLint>(batch.vertexEnd[i - 1]);
            setCommonUniforms(fillProgram);
            glBindVertexArray(gpu.fillVao.get());
            glUniform4f(fillProgram.uniform("u_color"), hl.r, hl.g, hl.b, 0.35f);
            glDrawArrays(GL_TRIANGLES, batch.firstVertex + v0, static_cast<GLsizei>(batch.vertexEnd[i]) - v0);
        }
        const GLint s0 = i == 0 ? 0 : static_cast<GLint>(batch.segmentEnd[i - 1]);
        setCommonUniforms(lineProgram);
        const float width = gpu.layer->kind == GeometryKind::Line ? lineWidthPixels(*batch.style) : 0;
        drawSegments(gpu, batch.firstSegment + s0, static_cast<GLsizei>(batch.segmentEnd[i]) - s0, hl,
                     0.5f * width + 2.5f * pr, 0);
    }

    // Highlight rings around the point instances in the vertex ranges (3 vertices per instance).
    void drawPointRings(GpuLayer& gpu, const ClassBatch& batch, const std::vector<GLint>& firsts,
                        const std::vector<GLsizei>& counts) {
        const Color hl = style.highlight;
        ClassStyle ring = *batch.style;
        ring.symbolFill = Color{hl.r, hl.g, hl.b, 0.25f};
        ring.symbolStroke = hl;
        ring.symbolStrokeWidth = 2.5f;
        ring.shape = SymbolShape::Circle;
        ring.size = std::max(ring.size * 2.2f, 16.0f);
        useSymbol(ring, 1, 1);
        bindPointTexture(gpu);
        glMultiDrawArrays(GL_TRIANGLES, firsts.data(), counts.data(), static_cast<GLsizei>(firsts.size()));
        ++stats.drawCalls;
    }
};

MapRenderer::MapRenderer(SceneSnapshot scene, Style style, const std::filesystem::path& fontFile)
    : MapRenderer(std::move(scene), std::move(style), std::make_shared<const GlyphAtlas>(fontFile)) {}

MapRenderer::MapRenderer(SceneSnapshot scene, Style style, std::shared_ptr<const GlyphAtlas> atlas)
    : m_impl(std::make_unique<Impl>(std::move(scene), std::move(style), std::move(atlas))) {}

MapRenderer::~MapRenderer() = default;

void MapRenderer::render(const MapView& view, const RenderOptions& options) {
    m_impl->render(view, options, nullptr);
}

void MapRenderer::render(const MapView& view, const RenderOptions& options, RenderTarget& target) {
    target.bind();
    m_impl->render(view, options, &target);
    target.resolve();
}

void MapRenderer::setHeatmap(std::shared_ptr<const RasterOverlay> overlay) {
    if (!m_impl->heatmap) m_impl->heatmap = std::make_unique<HeatmapLayer>();
    m_impl->heatmap->set(std::move(overlay));
}

void MapRenderer::setClassifiedOverlay(std::shared_ptr<const ClassifiedOverlay> overlay) {
    if (overlay == m_impl->classified) return;
    m_impl->classified = std::move(overlay);
    m_impl->uploadClassified();
}

void MapRenderer::setScene(SceneSnapshot scene) {
    m_impl->scene = std::move(scene);
    m_impl->upload();
}

const Scene& MapRenderer::scene() const {
    return *m_impl->scene;
}
const Style& MapRenderer::style() const {
    return m_impl->style;
}
const FrameStats& MapRenderer::lastFrame() const {
    return m_impl->stats;
}
const UploadStats& MapRenderer::lastUpload() const {
    return m_impl->lastUpload;
}
std::array<double, 2> MapRenderer::origin() const {
    return m_impl->origin;
}

}  // namespace lb::render::gl
