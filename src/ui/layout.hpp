#pragma once

namespace lb::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

// Where the docked panels sit this frame (logical pixels), computed by the Shell from the window size and
// which panels are open: layers on the left, the map in the middle, feature info on the right, status
// bar at the bottom.
struct Layout {
    float scale = 1;             // content scale (HiDPI)
    float framebufferScale = 1;  // physical pixels per logical pixel of the framebuffer
    Rect left;
    Rect centre;
    Rect right;
    Rect status;
};

}  // namespace lb::ui
