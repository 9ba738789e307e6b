#include "cli/commands/animate_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

#include "cli/map_loading.hpp"
#include "cli/progress_display.hpp"
#include "core/error.hpp"
#include "engine/query_parse.hpp"
#include "io/atomic_output.hpp"
#include "io/video_encoder.hpp"
#include "project/density_overlay.hpp"
#include "project/public_gate.hpp"
#include "project/session.hpp"
#include "project/time_animation.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/gl/offscreen_context.hpp"
#include "render/gl/render_target.hpp"
#include "render/glyph_atlas.hpp"

namespace lb::cli {
namespace {

io::VideoEncoder::Format formatOf(const std::string& out) {
    std::string ext = std::filesystem::path(out).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".mp4") return io::VideoEncoder::Format::Mp4;
    if (ext == ".gif") return io::VideoEncoder::Format::Gif;
    throw core::UsageError("--out " + out + ": expected a .mp4 or .gif file");
}

}  // namespace

void AnimateCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--out", m_out, "Output video (.mp4: H.264; .gif)")->required();
    app.add_option("--from", m_from, "First day (inclusive; default: the first incident's time)");
    app.add_option("--to", m_to, "Last day (the whole day) or date-time (exclusive; default: the last incident)");
    app.add_option("--step", m_step, "One frame per month or week")->capture_default_str();
    app.add_option("--size", m_size, "Frame size in pixels, WIDTHxHEIGHT (even for MP4)")->capture_default_str();
    app.add_option("--fps", m_fps, "Frames per second")->capture_default_str();
    app.add_option("--bbox", m_bbox, "Map extent minx,miny,maxx,maxy in the project CRS (default: all data)");
    app.add_option("--layers", m_layers, "Comma-separated layers to draw (default: the style's layers)");
    app.add_option("--language", m_language, "Caption and legend language: de or en")->capture_default_str();
    app.add_flag("--public", m_public, "Public video: no raw incidents or other sensitive layers");
    app.add_option("--k", m_k, "With --public: the fewest incidents a shown heat-map cell needs (at least 5)")
        ->capture_default_str();
    app.add_flag("--json", m_json, "Print {\"frames\", \"from\", \"to\", \"out\", \"seconds\"} as JSON");
}

void AnimateCommand::setup() {
    const auto request = makeRequest(m_size, m_bbox, m_layers, m_public, m_k);  // validates --size, --bbox, --layers
    const auto format = formatOf(m_out);
    if (format == io::VideoEncoder::Format::Mp4 && (request.width % 2 != 0 || request.height % 2 != 0)) {
        throw core::UsageError("--size " + m_size + ": an MP4 video needs an even width and height");
    }
    if (!project::timeStepFromName(m_step)) throw core::UsageError("--step " + m_step + ": expected month or week");
    if (!(m_fps >= 0.1 && m_fps <= 60)) throw core::UsageError("--fps: expected 0.1 to 60");
    if (m_language != "de" && m_language != "en") throw core::UsageError("--language: expected de or en");
    std::optional<core::Timestamp> from, to;
    if (!m_from.empty()) from = engine::parseFromTime(m_from, "--from");
    if (!m_to.empty()) to = engine::parseToTime(m_to, "--to");
    if (from && to && *to <= *from)
        throw core::UsageError("--from " + m_from + " --to " + m_to + ": the period is empty");
}

int AnimateCommand::run() {
    const auto started = std::chrono::steady_clock::now();
    const auto request = makeRequest(m_size, m_bbox, m_layers, m_public, m_k);
    const auto format = formatOf(m_out);
    const auto step = *project::timeStepFromName(m_step);
    io::AtomicOutput output(m_out);  // checks the folder before any work
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    std::optional<core::Timestamp> from, to;
    if (!m_from.empty()) from = engine::parseFromTime(m_from, "--from");
    if (!m_to.empty()) to = engine::parseToTime(m_to, "--to");
    if (!from || !to) {
        const auto range = project::timeRange(session->dataset());
        if (!range) throw core::InputError(m_project + ": no incident has a time; give --from and --to");
        if (!from) from = range->first;
        if (!to) to = range->second;
        if (*to <= *from) throw core::UsageError("--from/--to: the period is empty");
    }
    const auto windows = project::timeWindows(*from, *to, step, m_language);

    ProgressDisplay display;
    core::Progress& progress = display.progress();
    // Scene, options and heat maps come from the request's gate: public (--public [--k N]) or internal.
    const project::OutputGate gate = request.gate();
    LoadedMap map = loadMap(*session, request, "", false);
    render::RenderOptions options = *map.options;
    options.language = m_language;
    options.legendScale = 1.25f;
    // The frames show the heat map; raw incident points (the whole period's) only when asked for by --layers.
    if (request.layers.empty()) options.layers["incidents"].visible = false;
    const auto heat = project::heatmapFrames(session->dataset(), engine::Query{}, windows,
                                             project::heatmapKdeDefaults(), gate, progress);

    render::gl::OffscreenContext context;
    render::gl::RenderTarget target(request.width, request.height, 4);
    render::gl::MapRenderer renderer(*map.scene, std::move(map.style), render::GlyphAtlas::defaultFontFile());
    const auto view = render::MapView::fit(map.extent, request.width, request.height, 1, request.bbox ? 0 : 0.03);
    io::VideoEncoder encoder(output.tempPath(), format, request.width, request.height, m_fps);
    progress.beginStage("frames", windows.size());
    for (std::size_t i = 0; i < windows.size(); ++i) {
        progress.checkCancelled();
        renderer.setHeatmap(i < heat.size() ? heat[i] : nullptr);
        options.caption = windows[i].label;
        const auto released = gate.renderOptions(options);
        renderer.render(view, released.value(), target);
        encoder.addFrame(target.readPixels());
        progress.step();
    }
    progress.finishStage();
    encoder.finish();
    output.commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (m_json) {
        nlohmann::json out{{"frames", encoder.frames()},
                           {"from", core::formatBerlin(windows.empty() ? *from : windows.front().from)},
                           {"to", core::formatBerlin(windows.empty() ? *to : windows.back().to)},
                           {"out", m_out},
                           {"seconds", seconds}};
        fmt::print("{}\n", out.dump());
    } else {
        fmt::print("{}: {} frames ({} to {})\n", m_out, encoder.frames(), windows.empty() ? "" : windows.front().label,
                   windows.empty() ? "" : windows.back().label);
    }
    return 0;
}

}  // namespace lb::cli
