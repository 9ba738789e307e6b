#include "cli/commands/render_command.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/map_loading.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "project/print.hpp"
#include "project/session.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/gl/offscreen_context.hpp"
#include "render/gl/render_target.hpp"
#include "render/glyph_atlas.hpp"
#include "render/png_image.hpp"

namespace lb::cli {

void RenderCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--out", m_out, "Output file: .png (image), .pdf or .svg (vector print layout)")->required();
    app.add_option("--paper", m_paper, "Print paper size: A4, A3, A2, A1 or A0 (.pdf/.svg)")->capture_default_str();
    app.add_flag("--landscape", m_landscape, "Print in landscape orientation (.pdf/.svg)");
    app.add_option("--title", m_title, "Print title (.pdf/.svg)");
    app.add_option("--subtitle", m_subtitle, "Print subtitle (.pdf/.svg)");
    app.add_option("--date", m_date,
                   "The date printed on the layout, as given (default: today, DD.MM.YYYY; \"none\": no date)");
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
    const bool print = project::printFormatOf(m_out).has_value();
    if (!print && ext != ".png" && ext != ".PNG") {
        throw core::UsageError("--out " + m_out + ": expected a .png, .pdf or .svg file");
    }
    if (!render::cairo::paperFromName(m_paper)) {
        throw core::UsageError("--paper " + m_paper + ": unknown paper size; expected A4, A3, A2, A1 or A0");
    }
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
    if (project::printFormatOf(m_out)) return writePrint(map, request.bbox.has_value());
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

namespace {

// Today's date in Berlin as printed on a map ("04.12.2026").
std::string todayInBerlin() {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const core::CivilTime t = core::civilFromUnix(now + core::berlinOffsetSeconds(now));
    char text[16];
    std::snprintf(text, sizeof(text), "%02d.%02d.%04d", t.day, t.month, t.year);
    return text;
}

}  // namespace

int RenderCommand::writePrint(LoadedMap& map, bool exactArea) {
    render::cairo::PrintSettings settings;
    settings.paper = *render::cairo::paperFromName(m_paper);
    settings.landscape = m_landscape;
    settings.title = m_title.empty() ? "Lagebild" : m_title;
    settings.subtitle = m_subtitle;
    settings.date = m_date.empty() ? todayInBerlin() : m_date == "none" ? std::string() : m_date;
    settings.language = m_language;
    core::BBox area = map.extent;
    if (!exactArea && !area.empty()) {
        const double grow = 0.03 * std::max(area.width(), area.height());
        area.add(area.minX - grow, area.minY - grow);
        area.add(area.maxX + grow, area.maxY + grow);
    }
    if (!area.empty()) settings.area = area;
    const std::string project = std::filesystem::path(m_project).filename().string();
    settings.sources = m_language == "en" ? "OpenStreetMap (base map); thematic data: " + project
                                          : "OpenStreetMap (Basiskarte); Fachdaten: " + project;
    project::PrintInput input;
    input.style = &map.style;
    input.scene = &map.scene;
    input.options = &map.options;
    input.heatmap = &map.heatmap;
    project::writePrintLayout(m_out, input, settings, m_k);
    return 0;
}

}  // namespace lb::cli
