#include "cli/commands/render_command.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>

#include "cli/map_loading.hpp"
#include "core/error.hpp"
#include "project/session.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/gl/offscreen_context.hpp"
#include "render/gl/render_target.hpp"
#include "render/glyph_atlas.hpp"
#include "render/png_image.hpp"

namespace lb::cli {

void RenderCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--out", m_out, "Output image (.png)")->required();
    app.add_option("--size", m_size, "Image size in pixels, WIDTHxHEIGHT")->capture_default_str();
    app.add_option("--bbox", m_bbox, "Map extent minx,miny,maxx,maxy in the project CRS (default: all data)");
    app.add_option("--layers", m_layers, "Comma-separated layers to draw (default: the style's layers)");
    app.add_option("--style", m_style, "Map style (JSON, see assets/styles/default.json)");
    app.add_flag(
        "--public", m_public,
        "Public picture: no incidents, routes, visits or observations; heat map only where k incidents add up");
    app.add_option("--k", m_k, "Public mode: the fewest incidents a shown cell may stand for (at least 5)")
        ->capture_default_str();
    app.add_option("--language", m_language, "Legend and attribution language: de or en")->capture_default_str();
    app.add_flag("--no-labels", m_noLabels, "Leave out street and place labels");
    app.add_flag("--no-legend", m_noLegend, "Leave out the legend");
    app.add_flag("--no-furniture", m_noFurniture, "Leave out scale bar, north arrow and attribution");
    app.add_option("--samples", m_samples, "Multisampling (1 = off, 4 = smooth polygon edges)")->capture_default_str();
    app.add_flag("--heatmap", m_heatmap,
                 "Draw the incident density (KDE, quartic, 200 m radius, 10 m cells) under the thematic layers");
}

void RenderCommand::setup() {
    makeRequest(m_size, m_bbox, m_layers, m_public, m_k);  // validates
    const std::string ext = std::filesystem::path(m_out).extension().string();
    if (ext == ".pdf") {
        throw core::UsageError("--out " + m_out + ": PDF print layouts are not available yet; write a .png");
    }
    if (ext != ".png" && ext != ".PNG") throw core::UsageError("--out " + m_out + ": expected a .png file");
    if (m_language != "de" && m_language != "en") throw core::UsageError("--language: expected de or en");
    if (m_samples < 1 || m_samples > 16) throw core::UsageError("--samples: expected 1 to 16");
}

int RenderCommand::run() {
    auto request = makeRequest(m_size, m_bbox, m_layers, m_public, m_k);
    request.labels = !m_noLabels;
    request.legend = !m_noLegend;
    request.furniture = !m_noFurniture;
    request.language = m_language;
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    LoadedMap map = loadMap(*session, request, m_style, m_heatmap);
    render::gl::OffscreenContext context;
    render::gl::RenderTarget target(request.width, request.height, m_samples);
    render::gl::MapRenderer renderer(*map.scene, std::move(map.style), render::GlyphAtlas::defaultFontFile());
    if (*map.heatmap) renderer.setHeatmap(*map.heatmap);
    const auto view = render::MapView::fit(map.extent, request.width, request.height, 1, request.bbox ? 0 : 0.03);
    renderer.render(view, *map.options, target);
    render::Image image{request.width, request.height, target.readPixels()};
    render::writePng(m_out, image);
    return 0;
}

}  // namespace lb::cli
