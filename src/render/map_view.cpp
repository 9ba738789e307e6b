#include "render/map_view.hpp"

#include <algorithm>
#include <cmath>

namespace lb::render {
namespace {
constexpr double kOgcPixelMetres = 0.00028;  // OGC SLD/SE standardized rendering pixel
}

core::BBox MapView::bounds() const {
    core::BBox box;
    const double halfW = 0.5 * width * metresPerPixel;
    const double halfH = 0.5 * height * metresPerPixel;
    box.add(centerX - halfW, centerY - halfH);
    box.add(centerX + halfW, centerY + halfH);
    return box;
}

std::array<double, 2> MapView::toScreen(double x, double y) const {
    return {(x - centerX) / metresPerPixel + 0.5 * width, 0.5 * height - (y - centerY) / metresPerPixel};
}

std::array<double, 2> MapView::toWorld(double sx, double sy) const {
    return {centerX + (sx - 0.5 * width) * metresPerPixel, centerY + (0.5 * height - sy) * metresPerPixel};
}

std::array<double, 4> MapView::imageRectOf(const MapView& rendered) const {
    const double halfWidth = 0.5 * rendered.width * rendered.metresPerPixel;
    const double halfHeight = 0.5 * rendered.height * rendered.metresPerPixel;
    const auto topLeft = toScreen(rendered.centerX - halfWidth, rendered.centerY + halfHeight);
    const auto bottomRight = toScreen(rendered.centerX + halfWidth, rendered.centerY - halfHeight);
    return {topLeft[0], topLeft[1], bottomRight[0], bottomRight[1]};
}

double MapView::scaleDenominator() const {
    return metresPerPixel * pixelRatio / kOgcPixelMetres;
}

void MapView::setScaleDenominator(double denominator) {
    metresPerPixel = denominator * kOgcPixelMetres / std::max(pixelRatio, 1e-9);
}

MapView MapView::fit(const core::BBox& box, int width, int height, double pixelRatio, double marginFraction) {
    MapView view;
    view.width = std::max(width, 1);
    view.height = std::max(height, 1);
    view.pixelRatio = pixelRatio;
    if (box.empty()) return view;
    view.centerX = 0.5 * (box.minX + box.maxX);
    view.centerY = 0.5 * (box.minY + box.maxY);
    const double grow = 1 + 2 * marginFraction;
    const double mpp = std::max(box.width() * grow / view.width, box.height() * grow / view.height);
    view.metresPerPixel = mpp > 0 ? mpp : 1;
    return view;
}

void MapView::zoomAround(double factor, double sx, double sy) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const auto anchor = toWorld(sx, sy);
    metresPerPixel = std::clamp(metresPerPixel / factor, 0.005, 5000.0);
    const auto moved = toWorld(sx, sy);
    centerX += anchor[0] - moved[0];
    centerY += anchor[1] - moved[1];
}

void MapView::panPixels(double dx, double dy) {
    centerX -= dx * metresPerPixel;
    centerY += dy * metresPerPixel;
}

}  // namespace lb::render
