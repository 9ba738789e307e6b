#include "ui/camera_flight.hpp"

#include <algorithm>
#include <cmath>

namespace lb::ui {

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * t * (t * (t * 6 - 15) + 10);
}

CameraFlight::CameraFlight(FlightView from, FlightView to) : m_from(from), m_to(to) {
    const double w0 = std::max(from.width, 1e-9), w1 = std::max(to.width, 1e-9);
    m_from.width = w0;
    m_to.width = w1;
    m_u1 = std::hypot(to.x - from.x, to.y - from.y);
    constexpr double rho = kRho, rho2 = rho * rho, rho4 = rho2 * rho2;
    if (m_u1 < 1e-6 * std::max(w0, w1)) {
        m_zoomOnly = true;
        m_zoomSign = w1 < w0 ? -1 : 1;
        m_length = std::abs(std::log(w1 / w0)) / rho;
        return;
    }
    const double b0 = (w1 * w1 - w0 * w0 + rho4 * m_u1 * m_u1) / (2 * w0 * rho2 * m_u1);
    const double b1 = (w1 * w1 - w0 * w0 - rho4 * m_u1 * m_u1) / (2 * w1 * rho2 * m_u1);
    m_r0 = std::log(-b0 + std::sqrt(b0 * b0 + 1));
    const double r1 = std::log(-b1 + std::sqrt(b1 * b1 + 1));
    m_length = (r1 - m_r0) / rho;
}

FlightView CameraFlight::atPath(double s) const {
    constexpr double rho = kRho, rho2 = rho * rho;
    s = std::clamp(s, 0.0, m_length);
    if (m_zoomOnly) {
        const double w = m_from.width * std::exp(m_zoomSign * rho * s);
        const double f = m_length > 0 ? s / m_length : 1;
        return {m_from.x + (m_to.x - m_from.x) * f, m_from.y + (m_to.y - m_from.y) * f, w};
    }
    const double w0 = m_from.width;
    const double u = w0 / rho2 * std::cosh(m_r0) * std::tanh(rho * s + m_r0) - w0 / rho2 * std::sinh(m_r0);
    const double w = w0 * std::cosh(m_r0) / std::cosh(rho * s + m_r0);
    const double f = u / m_u1;
    return {m_from.x + (m_to.x - m_from.x) * f, m_from.y + (m_to.y - m_from.y) * f, w};
}

FlightView CameraFlight::at(double t) const {
    if (t >= 1) return m_to;  // exactly the target, whatever rounding did on the way
    if (t <= 0) return m_from;
    return atPath(easeInOut(t) * m_length);
}

}  // namespace lb::ui
