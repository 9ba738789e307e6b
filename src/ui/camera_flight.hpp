#pragma once

namespace lb::ui {

// A view as the flight sees it: the centre (project CRS) and the visible width in metres.
struct FlightView {
    double x = 0, y = 0;
    double width = 1;  // metres across the canvas
};

// The smooth zoom-and-pan path of van Wijk & Nuij ("Smooth and efficient zooming and panning", InfoVis 2003):
// between two views it zooms out, pans and zooms in so that the perceived speed is constant (rho = √2, their
// recommended trade-off). at(t) follows the path with an ease-in-out over t ∈ [0, 1]. Pure math, no clock.
class CameraFlight {
public:
    static constexpr double kRho = 1.41421356237;

    CameraFlight(FlightView from, FlightView to);
    // The view at time t (0 = from, 1 = to; clamped), eased.
    FlightView at(double t) const;
    // The path's length S in the paper's units (for the duration; 0 for equal views).
    double length() const { return m_length; }
    // The view at path parameter s ∈ [0, length()] (no easing).
    FlightView atPath(double s) const;

private:
    FlightView m_from, m_to;
    double m_u1 = 0;  // distance between the centres
    double m_r0 = 0;
    double m_length = 0;
    bool m_zoomOnly = false;
    double m_zoomSign = 1;
};

// Smooth ease-in-out (cubic Hermite "smootherstep"): 0 → 0, 1 → 1, zero slope at both ends.
double easeInOut(double t);

}  // namespace lb::ui
