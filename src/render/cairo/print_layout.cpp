// Section index: [paper] [text] [layout] [furniture] [page] [files]
#include "render/cairo/print_layout.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "render/map_furniture.hpp"

namespace lb::render::cairo {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kMetresPerPoint = 0.0254 / 72.0;
// A view pixel of the map frame: the OGC standard pixel (0.28 mm) on every sheet, so the view's scale
// denominator is the printed scale and the style's scale-dependent visibility (street names from 1:12.000)
// and its widths and sizes print as a screen would show them at that scale.
constexpr double kPixelMm = 0.28;

// [paper]
struct PaperMm {
    double width, height;  // portrait
};
PaperMm paperMm(Paper paper) {
    switch (paper) {
        case Paper::A4:
            return {210, 297};
        case Paper::A3:
            return {297, 420};
        case Paper::A2:
            return {420, 594};
        case Paper::A1:
            return {594, 841};
        case Paper::A0:
            return {841, 1189};
    }
    return {210, 297};
}

// [text]
void setRgb(cairo_t* cr, double r, double g, double b) {
    cairo_set_source_rgb(cr, r, g, b);
}

void font(cairo_t* cr, double size, bool bold = false) {
    cairo_select_font_face(cr, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

double textWidth(cairo_t* cr, const std::string& text) {
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    return extents.x_advance;
}

// One line of text with its left end at (x, baseline); shrunk to fit `maxWidth` (0 = any width).
void showText(cairo_t* cr, const std::string& text, double x, double baseline, double size, bool bold = false,
              double maxWidth = 0) {
    if (text.empty()) return;
    font(cr, size, bold);
    if (maxWidth > 0) {
        const double width = textWidth(cr, text);
        if (width > maxWidth) font(cr, size * maxWidth / width, bold);
    }
    cairo_move_to(cr, x, baseline);
    cairo_show_text(cr, text.c_str());
}

void showTextRight(cairo_t* cr, const std::string& text, double right, double baseline, double size) {
    if (text.empty()) return;
    font(cr, size);
    cairo_move_to(cr, right - textWidth(cr, text), baseline);
    cairo_show_text(cr, text.c_str());
}

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
};

void strokeRect(cairo_t* cr, const Rect& r, double width) {
    cairo_new_path(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
}

// [layout]
// The smallest "round" denominator (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8 × 10^n) not below `minimum`: two
// significant figures, as formatScale prints them.
double roundScale(double minimum) {
    static constexpr std::array<double, 11> kSteps{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8};
    if (!(minimum > 1)) return 1;
    double decade = std::pow(10.0, std::floor(std::log10(minimum)));
    for (int guard = 0; guard < 3; ++guard, decade *= 10) {
        for (double step : kSteps) {
            if (step * decade >= minimum * (1 - 1e-9)) return step * decade;
        }
    }
    return minimum;
}

// The map frame's view: `area` centred at the round scale that fits it into the frame.
MapView frameView(const Rect& frame, const core::BBox& area, double pixelPoints, double& denominator) {
    const double frameWidthM = frame.w * kMetresPerPoint, frameHeightM = frame.h * kMetresPerPoint;
    const double needed = std::max(area.width() / frameWidthM, area.height() / frameHeightM);
    denominator = roundScale(std::max(needed, 100.0));
    MapView view;
    view.pixelRatio = 1;
    view.width = std::max(1, static_cast<int>(std::ceil(frame.w / pixelPoints)));
    view.height = std::max(1, static_cast<int>(std::ceil(frame.h / pixelPoints)));
    view.metresPerPixel = denominator * pixelPoints * kMetresPerPoint;
    view.centerX = 0.5 * (area.minX + area.maxX);
    view.centerY = 0.5 * (area.minY + area.maxY);
    return view;
}

// [furniture]
void paintScaleBar(cairo_t* cr, double x, double y, double maxWidth, double denominator, double f,
                   const std::string& language) {
    const double metresPerPoint = denominator * kMetresPerPoint;
    const ScaleBar bar = niceScaleBar(metresPerPoint, maxWidth);
    if (bar.pixels <= 0) return;
    const double h = 4 * f;
    for (int i = 0; i < 4; ++i) {
        cairo_new_path(cr);
        cairo_rectangle(cr, x + i * bar.pixels / 4, y, bar.pixels / 4, h);
        if (i % 2 == 0) {
            setRgb(cr, 0.15, 0.15, 0.15);
        } else {
            setRgb(cr, 1, 1, 1);
        }
        cairo_fill(cr);
    }
    setRgb(cr, 0.15, 0.15, 0.15);
    strokeRect(cr, {x, y, bar.pixels, h}, 0.5 * f);
    showText(cr, "0", x, y + h + 8 * f, 7 * f);
    font(cr, 7 * f);
    const double labelWidth = textWidth(cr, bar.label);
    showText(cr, bar.label, x + bar.pixels - 0.5 * labelWidth, y + h + 8 * f, 7 * f);
    (void)language;
}

void paintNorthArrow(cairo_t* cr, double cx, double top, double f) {
    const double h = 22 * f, w = 9 * f;
    setRgb(cr, 0.15, 0.15, 0.15);
    cairo_new_path(cr);
    cairo_move_to(cr, cx, top + 9 * f);
    cairo_line_to(cr, cx + 0.5 * w, top + 9 * f + h);
    cairo_line_to(cr, cx, top + 9 * f + 0.75 * h);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_new_path(cr);
    cairo_move_to(cr, cx, top + 9 * f);
    cairo_line_to(cr, cx - 0.5 * w, top + 9 * f + h);
    cairo_line_to(cr, cx, top + 9 * f + 0.75 * h);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.6 * f);
    cairo_stroke(cr);
    font(cr, 9 * f, true);
    cairo_move_to(cr, cx - 0.5 * textWidth(cr, "N"), top + 8 * f);
    cairo_show_text(cr, "N");
}

// The whole scene small, without labels or overlays, with the map frame's ground area as a red rectangle.
void paintOverview(cairo_t* cr, const MapPicture& picture, const Rect& box, const MapView& frame, double f) {
    MapPicture overview = picture;
    overview.options.labels = false;
    overview.options.heatmap = false;
    overview.options.classifiedOverlay = false;
    overview.heatmap = nullptr;
    overview.hotspots = nullptr;
    core::BBox town = picture.scene->extent();
    town.add(frame.bounds().minX, frame.bounds().minY);
    town.add(frame.bounds().maxX, frame.bounds().maxY);
    const double px = 0.5 * f;  // points per overview pixel
    const int w = std::max(1, static_cast<int>(box.w / px)), h = std::max(1, static_cast<int>(box.h / px));
    const MapView view = MapView::fit(town, w, h, 1, 0.04);
    cairo_save(cr);
    cairo_translate(cr, box.x, box.y);
    cairo_scale(cr, px, px);
    paintMap(cr, overview, view, 0, 0);
    const core::BBox b = frame.bounds();
    const auto a = view.toScreen(b.minX, b.maxY), c = view.toScreen(b.maxX, b.minY);
    cairo_new_path(cr);
    cairo_rectangle(cr, a[0], a[1], c[0] - a[0], c[1] - a[1]);
    cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
    cairo_set_line_width(cr, 2.5);
    cairo_stroke(cr);
    cairo_restore(cr);
    setRgb(cr, 0.4, 0.4, 0.4);
    strokeRect(cr, box, 0.5 * f);
}

}  // namespace

std::optional<Paper> paperFromName(std::string_view name) {
    std::string upper(name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (Paper p : {Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0}) {
        if (upper == paperName(p)) return p;
    }
    return std::nullopt;
}

const char* paperName(Paper paper) {
    switch (paper) {
        case Paper::A4:
            return "A4";
        case Paper::A3:
            return "A3";
        case Paper::A2:
            return "A2";
        case Paper::A1:
            return "A1";
        case Paper::A0:
            return "A0";
    }
    return "A4";
}

std::pair<double, double> paperSizePoints(Paper paper, bool landscape) {
    const PaperMm mm = paperMm(paper);
    const double w = mm.width * kPointsPerMm, h = mm.height * kPointsPerMm;
    return landscape ? std::pair{h, w} : std::pair{w, h};
}

std::string crsNote(int srid) {
    switch (srid) {
        case 25832:
            return "ETRS89 / UTM Zone 32N (EPSG:25832)";
        case 25833:
            return "ETRS89 / UTM Zone 33N (EPSG:25833)";
        case 4326:
            return "WGS 84 (EPSG:4326)";
        case 3857:
            return "WGS 84 / Pseudo-Mercator (EPSG:3857)";
        case 31468:
            return "DHDN / 3-degree Gauss-Kruger zone 4 (EPSG:31468)";
        case 31469:
            return "DHDN / 3-degree Gauss-Kruger zone 5 (EPSG:31469)";
        default:
            return "EPSG:" + std::to_string(srid);
    }
}

// [page]
PrintResult paintPrintPage(cairo_t* cr, const MapPicture& picture, const PrintSettings& settings) {
    const bool en = settings.language == "en";
    const auto [pageW, pageH] = paperSizePoints(settings.paper, settings.landscape);
    const double f = std::sqrt(pageW * pageH / (595.2756 * 841.8898));  // 1 on A4, 4 on A0
    const double g = std::sqrt(f);
    PrintResult result{pageW, pageH, 0};

    setRgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const double margin = 10 * kPointsPerMm * g;
    const Rect content{margin, margin, pageW - 2 * margin, pageH - 2 * margin};

    // header: title, subtitle; date on the right
    setRgb(cr, 0.1, 0.1, 0.1);
    const double titleSize = 18 * f;
    showText(cr, settings.title, content.x, content.y + titleSize, titleSize, true, content.w * 0.8);
    double headerBottom = content.y + titleSize * 1.35;
    if (!settings.subtitle.empty()) {
        setRgb(cr, 0.3, 0.3, 0.3);
        showText(cr, settings.subtitle, content.x, headerBottom + 10 * f, 10 * f, false, content.w * 0.8);
        headerBottom += 14 * f;
    }
    setRgb(cr, 0.3, 0.3, 0.3);
    showTextRight(cr, settings.date, content.x + content.w, content.y + titleSize, 9 * f);
    headerBottom += 6 * f;

    // the map frame and the panel beside it (landscape) or below it (portrait)
    const double gap = 6 * f;
    const Rect body{content.x, headerBottom, content.w, content.y + content.h - headerBottom};
    Rect frame, panel;
    if (settings.landscape) {
        const double panelW = body.w * 0.26;
        frame = {body.x, body.y, body.w - panelW - gap, body.h};
        panel = {frame.x + frame.w + gap, body.y, panelW, body.h};
    } else {
        const double panelH = body.h * 0.24;
        frame = {body.x, body.y, body.w, body.h - panelH - gap};
        panel = {body.x, frame.y + frame.h + gap, body.w, panelH};
    }
    core::BBox area;
    if (settings.area) {
        area = *settings.area;
    } else {
        area = picture.scene->extent();
        const double grow = 0.03 * std::max(area.width(), area.height());
        area.add(area.minX - grow, area.minY - grow);
        area.add(area.maxX + grow, area.maxY + grow);
    }
    if (area.empty() || !(area.width() > 0) || !(area.height() > 0)) {
        const double cx = area.empty() ? 0 : 0.5 * (area.minX + area.maxX);
        const double cy = area.empty() ? 0 : 0.5 * (area.minY + area.maxY);
        area = core::BBox{};
        area.add(cx - 500, cy - 500);
        area.add(cx + 500, cy + 500);
    }
    const double pixelPoints = kPixelMm * kPointsPerMm;
    const MapView view = frameView(frame, area, pixelPoints, result.scaleDenominator);
    MapPicture mapPicture = picture;
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    cairo_clip(cr);
    cairo_translate(cr, frame.x, frame.y);
    cairo_scale(cr, pixelPoints, pixelPoints);
    paintMap(cr, mapPicture, view, 0, 0);
    cairo_restore(cr);
    setRgb(cr, 0.2, 0.2, 0.2);
    strokeRect(cr, frame, 0.8 * f);

    // panel: legend | overview | notes (portrait: side by side; landscape: stacked)
    Rect legendBox, overviewBox, notesBox;
    if (settings.landscape) {
        const double overviewH = std::min(panel.w, panel.h * 0.3);
        const double notesH = panel.h * 0.27;
        notesBox = {panel.x, panel.y + panel.h - notesH, panel.w, notesH};
        overviewBox = {panel.x, notesBox.y - gap - overviewH, panel.w, overviewH};
        legendBox = {panel.x, panel.y, panel.w, overviewBox.y - gap - panel.y};
    } else {
        const double overviewW = std::min(panel.h, panel.w * 0.3);
        const double notesW = panel.w * 0.36;
        legendBox = {panel.x, panel.y, panel.w - overviewW - notesW - 2 * gap, panel.h};
        overviewBox = {legendBox.x + legendBox.w + gap, panel.y, overviewW, panel.h};
        notesBox = {overviewBox.x + overviewBox.w + gap, panel.y, notesW, panel.h};
    }
    const auto [legendW, legendH] = legendSize(cr, picture, 1);
    if (legendW > 0 && legendH > 0) {
        const double scale = std::min({0.8 * f, legendBox.w / legendW, legendBox.h / legendH});
        paintLegend(cr, picture, legendBox.x, legendBox.y, scale);
    }
    paintOverview(cr, picture, overviewBox, view, f);

    // notes: scale, scale bar, north arrow, CRS, attribution, sources, public note
    const double lineH = 10 * f;
    const double textW = notesBox.w - 20 * f;  // the north arrow sits at the right
    double y = notesBox.y + 10 * f;
    setRgb(cr, 0.1, 0.1, 0.1);
    showText(cr, (en ? "Scale " : "Ma\xc3\x9fstab ") + formatScale(result.scaleDenominator, settings.language),
             notesBox.x, y, 10 * f, true, textW);
    paintNorthArrow(cr, notesBox.x + notesBox.w - 8 * f, notesBox.y, f);
    y += 6 * f;
    paintScaleBar(cr, notesBox.x, y, std::min(textW, 160 * f), result.scaleDenominator, f, settings.language);
    y += 4 * f + 8 * f + lineH + 2 * f;
    setRgb(cr, 0.25, 0.25, 0.25);
    std::vector<std::string> lines;
    lines.push_back(crsNote(picture.scene->srid));
    lines.push_back(osmAttribution(settings.language));
    lines.push_back((en ? "Data sources: " : "Datenquellen: ") +
                    (settings.sources.empty()
                         ? std::string(en ? "OpenStreetMap (base map)" : "OpenStreetMap (Basiskarte)")
                         : settings.sources));
    for (const std::string& line : lines) {
        if (y > notesBox.y + notesBox.h) break;
        showText(cr, line, notesBox.x, y, 7 * f, false, notesBox.w);
        y += 0.9 * lineH;
    }
    if (settings.publicK) {
        setRgb(cr, 0.6, 0.1, 0.1);
        const std::string note = en ? "Public version (k = " + std::to_string(*settings.publicK) + ")"
                                    : "\xc3\x96"
                                      "ffentliche Fassung (k = " +
                                          std::to_string(*settings.publicK) + ")";
        showText(cr, note, notesBox.x, y + 2 * f, 9 * f, true, notesBox.w);
    }
    return result;
}

PrintPreview paintPrintPreview(const MapPicture& picture, const PrintSettings& settings, int longSide) {
    const auto [w, h] = paperSizePoints(settings.paper, settings.landscape);
    const double scale = longSide / std::max(w, h);
    PrintPreview preview;
    preview.width = std::max(1, static_cast<int>(w * scale));
    preview.height = std::max(1, static_cast<int>(h * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, preview.width, preview.height);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    try {
        preview.result = paintPrintPage(cr, picture, settings);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    preview.rgba.resize(static_cast<std::size_t>(preview.width) * preview.height * 4);
    for (int y = 0; y < preview.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < preview.width; ++x) {
            const std::uint32_t p = row[x];  // premultiplied ARGB; the page is opaque white underneath
            std::uint8_t* out = &preview.rgba[(static_cast<std::size_t>(y) * preview.width + x) * 4];
            out[0] = static_cast<std::uint8_t>(p >> 16);
            out[1] = static_cast<std::uint8_t>(p >> 8);
            out[2] = static_cast<std::uint8_t>(p);
            out[3] = static_cast<std::uint8_t>(p >> 24);
        }
    }
    cairo_surface_destroy(surface);
    return preview;
}

// [files]
PrintResult writePrint(const std::filesystem::path& file, PrintFormat format, const MapPicture& picture,
                       const PrintSettings& settings) {
    const auto [w, h] = paperSizePoints(settings.paper, settings.landscape);
    cairo_surface_t* surface = nullptr;
    if (format == PrintFormat::Pdf) {
        surface = cairo_pdf_surface_create(file.c_str(), w, h);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, settings.title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Lagebild");
    } else {
        surface = cairo_svg_surface_create(file.c_str(), w, h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    }
    cairo_t* cr = cairo_create(surface);
    PrintResult result;
    try {
        result = paintPrintPage(cr, picture, settings);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_show_page(cr);
    const cairo_status_t drawStatus = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (drawStatus != CAIRO_STATUS_SUCCESS || status != CAIRO_STATUS_SUCCESS) {
        throw core::ProcessingError(file.string() + ": could not write the print: " +
                                    cairo_status_to_string(drawStatus != CAIRO_STATUS_SUCCESS ? drawStatus : status));
    }
    return result;
}

}  // namespace lb::render::cairo
