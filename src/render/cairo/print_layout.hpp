#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bbox.hpp"
#include "render/cairo/map_painter.hpp"

namespace lb::render::cairo {

// ISO 216 paper sizes of the print layouts.
enum class Paper { A4, A3, A2, A1, A0 };
enum class PrintFormat { Pdf, Svg };

// "A4" … "A0" (case-insensitive); nullopt otherwise.
std::optional<Paper> paperFromName(std::string_view name);
const char* paperName(Paper paper);
// Width and height in PostScript points (1/72 inch); portrait unless `landscape`.
std::pair<double, double> paperSizePoints(Paper paper, bool landscape);
// "ETRS89 / UTM Zone 33N (EPSG:25833)" for the usual German project CRSs, else "EPSG:N".
std::string crsNote(int srid);

// What the page shows besides the map.
struct PrintSettings {
    Paper paper = Paper::A4;
    bool landscape = false;
    std::string title;
    std::string subtitle;
    std::string date;                // as printed ("04.12.2026"); "" = none
    std::optional<core::BBox> area;  // the map frame's content (default: the scene's extent with a margin)
    std::string sources;             // the data sources line ("" = OpenStreetMap only)
    std::optional<int> publicK;      // a public print: "Öffentliche Fassung (k = N)"
    std::string language = "de";     // furniture texts: de or en
};

// What a print came out as.
struct PrintResult {
    double widthPoints = 0, heightPoints = 0;
    double scaleDenominator = 0;  // the map frame's true scale 1:N
};

// Lays out and paints one page into cr (units: points, origin top-left): title, subtitle and date, the map frame
// at a true "round" scale, legend, scale bar, north arrow, an overview map of the whole scene with the frame as
// a rectangle, the CRS note, the OpenStreetMap attribution and the data sources line.
PrintResult paintPrintPage(cairo_t* cr, const MapPicture& picture, const PrintSettings& settings);

// The page painted into an RGBA image (8 bits per channel, straight alpha, rows top down) whose long side is
// `longSide` pixels: the GUI's preview.
struct PrintPreview {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    PrintResult result;
};
PrintPreview paintPrintPreview(const MapPicture& picture, const PrintSettings& settings, int longSide);

// Writes the page as a PDF or SVG file at `file` (written in place: callers that must not leave a half file
// write a temporary path and rename it, project/print.hpp). Throws core::ProcessingError when Cairo fails.
PrintResult writePrint(const std::filesystem::path& file, PrintFormat format, const MapPicture& picture,
                       const PrintSettings& settings);

}  // namespace lb::render::cairo
