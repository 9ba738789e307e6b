#pragma once

#include <string>

namespace lb::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float area() const { return w * h; }
};

// The docks' persisted state (part of the user settings): widths in unscaled logical pixels (multiplied
// by the content scale when laid out; 0 = the default for the window width), collapsed flags and the
// right dock's front tab.
struct DockState {
    float leftWidth = 0;
    float rightWidth = 0;
    bool leftCollapsed = false;
    bool rightCollapsed = false;
    std::string rightTab;
    float bottomHeight = 0;  // the attribute table under the map (0 = the default)
    bool operator==(const DockState&) const = default;
};

// What the layout depends on: the window (main viewport), the heights of the menu and status bars, the
// content scale, which docks have something to show, and the user's dock state.
struct LayoutInput {
    Rect viewport;
    float menuHeight = 0;
    float statusHeight = 0;
    float scale = 1;
    float framebufferScale = 1;
    bool leftOpen = true;     // the layer panel is open
    bool rightOpen = true;    // the right dock has at least one tab
    bool bottomOpen = false;  // the attribute table is open
    DockState docks;
};

// Where the docked panels sit this frame (logical pixels), computed by the Shell from the window size and
// which panels are open: layers on the left, the map in the middle, the tabbed right dock (query, heatmap,
// Gi*, feature form, field mode, feature information), the attribute table under the map when it is open,
// status bar at the bottom. A collapsed dock is a
// narrow strip with the button that opens it again; an open dock has a splitter between it and the map.
struct Layout {
    float scale = 1;             // content scale (HiDPI)
    float framebufferScale = 1;  // physical pixels per logical pixel of the framebuffer
    Rect left;
    Rect leftSplitter;  // empty when the left dock is closed or collapsed
    Rect centre;        // the map canvas
    Rect rightSplitter;
    Rect right;
    Rect bottomSplitter;  // between the map and the attribute table; empty when the table is closed
    Rect bottom;          // the attribute table, under the map in the centre column
    Rect status;
    bool leftCollapsed = false;
    bool rightCollapsed = false;
};

// The map keeps at least this share of the window's area whenever the window is large enough for both
// docks at their minimum width (issue 18: a 1366×768 laptop shows at least 60 % map).
inline constexpr float kMinMapShare = 0.6f;
// Unscaled widths: the narrowest an open dock may be, the collapsed strip, the splitter.
inline constexpr float kMinDockWidth = 180;
inline constexpr float kCollapsedDockWidth = 24;
inline constexpr float kSplitterWidth = 5;

// The attribute table's height: at least this (unscaled), and the map keeps at least this share of the
// centre column's height above it.
inline constexpr float kMinBottomHeight = 120;
inline constexpr float kMinMapHeightShare = 0.4f;

// The dock widths for a window width when the user has not chosen any (logical pixels, scaled).
float defaultLeftDockWidth(float windowWidth, float scale);
float defaultRightDockWidth(float windowWidth, float scale);
float defaultBottomDockHeight(float centreHeight, float scale);

// The layout of one frame. Pure: no ImGui, unit-tested (tests/unit/ui/layout_test.cpp).
Layout computeLayout(const LayoutInput& input);

// The share of the viewport's area the map canvas covers (0..1).
float mapShare(const Layout& layout, const Rect& viewport);

}  // namespace lb::ui
