#include "ui/layout.hpp"

#include <algorithm>

namespace lb::ui {

float defaultLeftDockWidth(float windowWidth, float scale) {
    return std::clamp(windowWidth * 0.16f, 200 * scale, 300 * scale);
}

float defaultRightDockWidth(float windowWidth, float scale) {
    return std::clamp(windowWidth * 0.185f, 250 * scale, 420 * scale);
}

float defaultBottomDockHeight(float centreHeight, float scale) {
    return std::max(kMinBottomHeight * scale, centreHeight * 0.38f);
}

Layout computeLayout(const LayoutInput& in) {
    const float s = in.scale;
    const Rect& vp = in.viewport;
    const float top = vp.y + in.menuHeight;
    const float bottom = std::max(top, vp.y + vp.h - in.statusHeight);
    const float height = bottom - top;

    Layout out;
    out.scale = s;
    out.framebufferScale = in.framebufferScale;
    out.leftCollapsed = in.leftOpen && in.docks.leftCollapsed;
    out.rightCollapsed = in.rightOpen && in.docks.rightCollapsed;

    const float splitter = kSplitterWidth * s;
    const float minDock = kMinDockWidth * s;
    // Width of each side as drawn: 0 closed, the strip when collapsed, else the dock plus its splitter.
    auto wanted = [&](bool open, bool collapsed, float stored, float fallback) {
        if (!open) return 0.0f;
        if (collapsed) return kCollapsedDockWidth * s;
        return std::max(minDock, stored > 0 ? stored * s : fallback);
    };
    float left = wanted(in.leftOpen, out.leftCollapsed, in.docks.leftWidth, defaultLeftDockWidth(vp.w, s));
    float right = wanted(in.rightOpen, out.rightCollapsed, in.docks.rightWidth, defaultRightDockWidth(vp.w, s));
    const bool leftDocked = in.leftOpen && !out.leftCollapsed;
    const bool rightDocked = in.rightOpen && !out.rightCollapsed;
    const float splitters = (leftDocked ? splitter : 0) + (rightDocked ? splitter : 0);

    // The map's minimum width for kMinMapShare of the window; the open docks give way (proportionally,
    // never below their minimum) when the user's widths would leave less.
    if (height > 0 && vp.w > 0) {
        const float mapMin = kMinMapShare * vp.w * vp.h / height;
        const float available = vp.w - mapMin - splitters;
        const float flexible = (leftDocked ? left - minDock : 0) + (rightDocked ? right - minDock : 0);
        const float fixed = left + right - flexible;
        if (left + right > available && flexible > 0) {
            const float keep = std::clamp((available - fixed) / flexible, 0.0f, 1.0f);
            if (leftDocked) left = minDock + (left - minDock) * keep;
            if (rightDocked) right = minDock + (right - minDock) * keep;
        }
    }

    const float leftSplit = leftDocked ? splitter : 0;
    const float rightSplit = rightDocked ? splitter : 0;
    out.left = {vp.x, top, left, height};
    out.leftSplitter = {vp.x + left, top, leftSplit, leftDocked ? height : 0};
    out.right = {vp.x + vp.w - right, top, right, height};
    out.rightSplitter = {out.right.x - rightSplit, top, rightSplit, rightDocked ? height : 0};
    const float centreX = vp.x + left + leftSplit;
    out.centre = {centreX, top, std::max(1.0f, out.rightSplitter.x - centreX), std::max(1.0f, height)};
    if (in.bottomOpen && height > 0) {
        const float wantedHeight =
            in.docks.bottomHeight > 0 ? in.docks.bottomHeight * s : defaultBottomDockHeight(height, s);
        const float most = std::max(0.0f, height * (1 - kMinMapHeightShare) - splitter);
        const float table = std::min(std::max(wantedHeight, kMinBottomHeight * s), most);
        out.bottom = {centreX, top + height - table, out.centre.w, table};
        out.bottomSplitter = {centreX, out.bottom.y - splitter, out.centre.w, splitter};
        out.centre.h = std::max(1.0f, out.bottomSplitter.y - top);
    }
    out.status = {vp.x, bottom, vp.w, in.statusHeight};
    return out;
}

float mapShare(const Layout& layout, const Rect& viewport) {
    const float total = viewport.area();
    return total > 0 ? layout.centre.area() / total : 0;
}

}  // namespace lb::ui
