#include "ui/camera.hpp"

#include <algorithm>

namespace lb::ui {

void Camera::setCanvas(int width, int height, double pixelRatio) {
    width = std::max(width, 1);
    height = std::max(height, 1);
    if (width == m_view.width && height == m_view.height && pixelRatio == m_view.pixelRatio && !m_fitPending) return;
    m_view.width = width;
    m_view.height = height;
    m_view.pixelRatio = pixelRatio;
    m_canvasKnown = true;
    if (m_fitPending) fitAll(m_pendingExtent);
}

void Camera::fitAll(const core::BBox& extent) {
    if (extent.empty()) return;
    const auto fitted = render::MapView::fit(extent, m_view.width, m_view.height, m_view.pixelRatio);
    m_view.centerX = fitted.centerX;
    m_view.centerY = fitted.centerY;
    m_view.metresPerPixel = fitted.metresPerPixel;
    m_haveView = true;
    m_fitPending = !m_canvasKnown;
    m_pendingExtent = extent;
    changed();
}

void Camera::fit(const core::BBox& box) {
    const auto fitted = render::MapView::fit(box, m_view.width, m_view.height, m_view.pixelRatio);
    m_view.centerX = fitted.centerX;
    m_view.centerY = fitted.centerY;
    m_view.metresPerPixel = fitted.metresPerPixel;
    m_fitPending = false;
    changed();
}

void Camera::zoomToExtent(const core::BBox& box) {
    if (box.empty()) return;
    core::BBox grown = box;
    const double margin = std::max({60.0, 0.05 * box.width(), 0.05 * box.height()});
    grown.add(box.minX - margin, box.minY - margin);
    grown.add(box.maxX + margin, box.maxY + margin);
    fit(grown);
}

void Camera::zoomAround(double factor, double sx, double sy) {
    if (!m_haveView) return;
    const double target = m_view.metresPerPixel / factor;
    if (target < 0.02 * m_view.pixelRatio || target > 2000) return;
    m_view.zoomAround(factor, sx, sy);
    m_fitPending = false;
    changed();
}

void Camera::zoomCentre(double factor) {
    zoomAround(factor, m_view.width / 2.0, m_view.height / 2.0);
}

void Camera::panPixels(double dx, double dy) {
    if (!m_haveView) return;
    m_view.panPixels(dx, dy);
    m_fitPending = false;
    changed();
}

void Camera::restore(double centerX, double centerY, double metresPerPixel) {
    m_view.centerX = centerX;
    m_view.centerY = centerY;
    m_view.metresPerPixel = metresPerPixel;
    m_haveView = true;
    m_fitPending = false;
}

void Camera::reset() {
    m_haveView = false;
    m_canvasKnown = false;
    m_fitPending = false;
}

void Camera::changed() {
    if (m_changed) m_changed(m_view);
}

}  // namespace lb::ui
