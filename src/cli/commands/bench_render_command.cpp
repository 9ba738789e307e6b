#include "cli/commands/bench_render_command.hpp"

#include <epoxy/gl.h>
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "cli/map_loading.hpp"
#include "core/error.hpp"
#include "project/session.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/gl/offscreen_context.hpp"
#include "render/gl/render_target.hpp"
#include "render/glyph_atlas.hpp"

namespace lb::cli {

void BenchRenderCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--size", m_size, "Frame size in pixels, WIDTHxHEIGHT")->capture_default_str();
    app.add_option("--frames", m_frames, "Number of frames")->capture_default_str();
    app.add_option("--bbox", m_bbox, "Start extent minx,miny,maxx,maxy (default: all data)");
    app.add_option("--layers", m_layers, "Comma-separated layers to draw (default: the style's layers)");
    app.add_option("--samples", m_samples, "Multisampling as in the GUI (1 = off)")->capture_default_str();
    app.add_flag("--static", m_static,
                 "Render every frame at the start view (the whole extent or --bbox), for comparison with "
                 "renderers timed on one view");
    app.add_option("--lod-pixels", m_lodPixels,
                   "Point level of detail: largest grid cell, in pixels, that one symbol may stand for (0 = off)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 4.0));
    app.add_option("--style", m_style, "Map style (JSON, see assets/styles/default.json)");
    app.add_flag("--json", m_json, "Print one JSON document");
    app.add_option("--edit-layer", m_editLayer,
                   "Time what the GUI does after an edit to this layer, --frames times: read the layer again, "
                   "patch the scene, upload what changed and draw the next frame");
    app.add_flag("--full-upload", m_fullUpload, "With --edit-layer: upload every layer again after each edit");
}

void BenchRenderCommand::setup() {
    makeRequest(m_size, m_bbox, m_layers, false);
    if (m_frames < 1 || m_frames > 100000) throw core::UsageError("--frames: expected 1 to 100000");
    if (!m_editLayer.empty()) project::parseLayerList(m_editLayer, "--edit-layer");
    if (m_fullUpload && m_editLayer.empty()) throw core::UsageError("--full-upload goes with --edit-layer");
}

namespace {

double medianOf(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double p95Of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * v.size())) - 1)];
}

}  // namespace

// The GUI's path after a confirmed edit of one layer: that layer is read from the project again, the scene
// snapshot is patched (the other layers shared, revisions and all), the renderer uploads what changed and
// draws the next frame. Timed from the start of the read to the finished frame (glReadPixels waits).
int BenchRenderCommand::runEdits(const project::MapRequest& request) {
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
    };
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    LoadedMap map = loadMap(*session, request, m_style);
    render::gl::OffscreenContext context;
    render::gl::RenderTarget target(request.width, request.height, m_samples);
    const render::Style style = map.style;
    render::gl::MapRenderer renderer(*map.scene, std::move(map.style), render::GlyphAtlas::defaultFontFile());
    // A benchmark shows no data to anyone: it times frames of the released options with its own level of detail.
    render::RenderOptions options = *map.options;
    options.pointLodPixels = m_lodPixels;
    const auto view = render::MapView::fit(map.extent, request.width, request.height);
    render::SceneSnapshot current = *map.scene;
    std::vector<double> total, read, patch, upload, frame;
    std::size_t uploaded = 0, kept = 0;
    for (int i = 0; i < m_frames; ++i) {
        const auto t0 = Clock::now();
        render::Scene fresh = session->loadScene(style, {m_editLayer});
        const auto t1 = Clock::now();
        render::SceneSnapshot next = render::replaceSceneLayers(*current, std::move(fresh), {m_editLayer});
        const auto t2 = Clock::now();
        if (m_fullUpload) {  // as if every layer had changed; the copy for that is not part of the timing
            auto unstamped = std::make_shared<render::Scene>(*next);
            for (auto& layer : unstamped->layers) {
                auto copy = std::make_shared<render::SceneLayer>(*layer);
                copy->revision = 0;
                layer = std::move(copy);
            }
            next = unstamped;
        }
        current = next;
        const auto t2b = Clock::now();
        renderer.setScene(current);
        const auto t3 = Clock::now();
        renderer.render(view, options, target);
        std::uint8_t pixel[4];
        glReadPixels(request.width / 2, request.height / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);  // waits
        const auto t4 = Clock::now();
        total.push_back(ms(t0, t2) + ms(t2b, t4));
        read.push_back(ms(t0, t1));
        patch.push_back(ms(t1, t2));
        upload.push_back(ms(t2b, t3));
        frame.push_back(ms(t3, t4));
        uploaded = renderer.lastUpload().uploaded;
        kept = renderer.lastUpload().kept;
    }
    std::size_t features = 0;
    for (const auto& layer : current->layers) features += layer->featureCount();
    if (m_json) {
        nlohmann::json out;
        out["frames"] = m_frames;
        out["median_ms"] = medianOf(total);
        out["p95_ms"] = p95Of(total);
        out["renderer"] = context.renderer();
        out["edit_layer"] = m_editLayer;
        out["features"] = features;
        out["read_median_ms"] = medianOf(read);
        out["patch_median_ms"] = medianOf(patch);
        out["upload_median_ms"] = medianOf(upload);
        out["frame_median_ms"] = medianOf(frame);
        out["layers_uploaded"] = uploaded;
        out["layers_kept"] = kept;
        fmt::print("{}\n", out.dump(2));
    } else {
        fmt::print(
            "edits:    {} of {} ({} features in the scene{})\n"
            "edit → frame: median {:.1f} ms, p95 {:.1f} ms\n"
            "  read the layer {:.1f} ms, patch the scene {:.1f} ms, upload {:.1f} ms ({} layers uploaded, {} kept), "
            "frame {:.1f} ms\nrenderer: {}\n",
            m_frames, m_editLayer, features, m_fullUpload ? ", every layer uploaded" : "", medianOf(total),
            p95Of(total), medianOf(read), medianOf(patch), medianOf(upload), uploaded, kept, medianOf(frame),
            context.renderer());
    }
    return 0;
}

int BenchRenderCommand::run() {
    const auto request = makeRequest(m_size, m_bbox, m_layers, false);
    if (!m_editLayer.empty()) return runEdits(request);
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    LoadedMap map = loadMap(*session, request, m_style);
    render::gl::OffscreenContext context;
    render::gl::RenderTarget target(request.width, request.height, m_samples);
    render::gl::MapRenderer renderer(*map.scene, std::move(map.style), render::GlyphAtlas::defaultFontFile());
    const auto start = render::MapView::fit(map.extent, request.width, request.height);
    // A benchmark shows no data to anyone: it times frames of the released options with its own level of detail.
    render::RenderOptions options = *map.options;
    options.pointLodPixels = m_lodPixels;

    // The path: from the whole extent zoom in by 8× towards a point off the centre while panning across,
    // then back out, so frames cover overview, district and street scales.
    std::vector<double> times;
    std::vector<double> symbols;
    std::uint64_t checksum = 0;
    for (int i = 0; i < m_frames; ++i) {
        const double t = m_frames == 1 ? 0 : static_cast<double>(i) / (m_frames - 1);
        const double phase = t < 0.5 ? t * 2 : (1 - t) * 2;  // 0 → 1 → 0
        render::MapView view = start;
        if (!m_static) {
            view.metresPerPixel = start.metresPerPixel / std::pow(8.0, phase);
            view.centerX = start.centerX + 0.15 * map.extent.width() * std::sin(6.283 * t);
            view.centerY = start.centerY + 0.1 * map.extent.height() * std::sin(3.1416 * t);
        }
        const auto begin = std::chrono::steady_clock::now();
        renderer.render(view, options, target);
        std::uint8_t pixel[4];
        glReadPixels(request.width / 2, request.height / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);  // waits
        checksum += pixel[0] + pixel[1] + pixel[2];
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
        symbols.push_back(static_cast<double>(renderer.lastFrame().symbolsDrawn));
    }
    const double median = medianOf(times);
    const double p95 = p95Of(times);
    const double symbolsMedian = medianOf(symbols);
    std::size_t features = 0;
    for (const auto& layer : renderer.scene().layers) features += layer->featureCount();
    if (m_json) {
        nlohmann::json out;
        out["frames"] = m_frames;
        out["median_ms"] = median;
        out["p95_ms"] = p95;
        out["renderer"] = context.renderer();
        out["size"] = {request.width, request.height};
        out["features"] = features;
        out["symbols_median"] = symbolsMedian;
        fmt::print("{}\n", out.dump(2));
    } else {
        fmt::print(
            "frames:   {}\nsize:     {}x{}\nfeatures: {}\nsymbols:  {:.0f} per frame (median, after level of detail)\n"
            "median:   {:.2f} ms\np95:      {:.2f} ms\nrenderer: {}\n",
            m_frames, request.width, request.height, features, symbolsMedian, median, p95, context.renderer());
    }
    (void)checksum;
    return 0;
}

}  // namespace lb::cli
