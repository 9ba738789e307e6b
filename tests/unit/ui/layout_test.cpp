#include <gtest/gtest.h>

#include "ui/layout.hpp"

namespace lb::ui {
namespace {

// The workstation's bars at content scale 1: the 15 px font with ImGui's default frame padding (3 px)
// gives a 21 px menu bar; the status bar is a text line (15 px) plus 8 px.
constexpr float kMenu = 21;
constexpr float kStatus = 23;

LayoutInput window(float w, float h) {
    LayoutInput in;
    in.viewport = {0, 0, w, h};
    in.menuHeight = kMenu;
    in.statusHeight = kStatus;
    return in;
}

void expectTiled(const Layout& l, const Rect& vp) {
    // Left dock, splitter, map, splitter, right dock fill the width without gaps or overlap.
    EXPECT_FLOAT_EQ(l.left.x, vp.x);
    EXPECT_FLOAT_EQ(l.leftSplitter.x, l.left.x + l.left.w);
    EXPECT_FLOAT_EQ(l.centre.x, l.leftSplitter.x + l.leftSplitter.w);
    EXPECT_FLOAT_EQ(l.rightSplitter.x, l.centre.x + l.centre.w);
    EXPECT_FLOAT_EQ(l.right.x, l.rightSplitter.x + l.rightSplitter.w);
    EXPECT_FLOAT_EQ(l.right.x + l.right.w, vp.x + vp.w);
    EXPECT_FLOAT_EQ(l.centre.y, vp.y + kMenu);
    EXPECT_FLOAT_EQ(l.centre.h, vp.h - kMenu - kStatus);
    EXPECT_FLOAT_EQ(l.status.y, l.centre.y + l.centre.h);
}

TEST(Layout, LaptopDefaultLayoutIsAtLeastSixtyPercentMap) {
    // Default: layers on the left, the right dock showing Objektinformationen or, with the query panel
    // open, Abfrage in the same dock: both are this layout.
    const auto in = window(1366, 768);
    const Layout l = computeLayout(in);
    expectTiled(l, in.viewport);
    EXPECT_GE(mapShare(l, in.viewport), kMinMapShare);
    EXPECT_GE(l.left.w, kMinDockWidth);
    EXPECT_GE(l.right.w, kMinDockWidth);
    EXPECT_GT(l.right.w, l.left.w);  // the query form needs the wider side
}

TEST(Layout, FullHdDefaultLayoutIsAtLeastSixtyPercentMap) {
    const auto in = window(1920, 1080);
    const Layout l = computeLayout(in);
    expectTiled(l, in.viewport);
    EXPECT_GE(mapShare(l, in.viewport), kMinMapShare);
    EXPECT_GT(l.right.w, computeLayout(window(1366, 768)).right.w);  // more room, wider docks
}

TEST(Layout, WideDocksGiveWayToTheMap) {
    auto in = window(1366, 768);
    in.docks.leftWidth = 500;
    in.docks.rightWidth = 700;
    const Layout l = computeLayout(in);
    expectTiled(l, in.viewport);
    EXPECT_NEAR(mapShare(l, in.viewport), kMinMapShare, 1e-3);
    // Both gave way in proportion to what they had above the minimum.
    EXPECT_NEAR((l.left.w - kMinDockWidth) / (l.right.w - kMinDockWidth), (500 - kMinDockWidth) / (700 - kMinDockWidth),
                1e-3);
}

TEST(Layout, ChosenWidthsAreKeptWhereTheyFit) {
    auto in = window(1920, 1080);
    in.docks.leftWidth = 250;
    in.docks.rightWidth = 450;
    const Layout l = computeLayout(in);
    EXPECT_FLOAT_EQ(l.left.w, 250);
    EXPECT_FLOAT_EQ(l.right.w, 450);
    in.docks.rightWidth = 20;  // below the minimum
    EXPECT_FLOAT_EQ(computeLayout(in).right.w, kMinDockWidth);
}

TEST(Layout, CollapsedAndClosedDocks) {
    auto in = window(1366, 768);
    in.docks.rightCollapsed = true;
    Layout l = computeLayout(in);
    expectTiled(l, in.viewport);
    EXPECT_TRUE(l.rightCollapsed);
    EXPECT_FLOAT_EQ(l.right.w, kCollapsedDockWidth);
    EXPECT_FLOAT_EQ(l.rightSplitter.w, 0);
    EXPECT_GT(mapShare(l, in.viewport), mapShare(computeLayout(window(1366, 768)), in.viewport));

    in.leftOpen = false;
    in.rightOpen = false;
    l = computeLayout(in);
    EXPECT_FLOAT_EQ(l.centre.x, 0);
    EXPECT_FLOAT_EQ(l.centre.w, 1366);
    EXPECT_FALSE(l.rightCollapsed);  // nothing to collapse
}

TEST(Layout, ScaleMultipliesStoredWidths) {
    auto in = window(3840, 2160);
    in.scale = 2;
    in.docks.leftWidth = 250;
    const Layout l = computeLayout(in);
    EXPECT_FLOAT_EQ(l.left.w, 500);
    EXPECT_FLOAT_EQ(l.leftSplitter.w, 2 * kSplitterWidth);
    EXPECT_FLOAT_EQ(l.right.w, defaultRightDockWidth(3840, 2));
}

}  // namespace
}  // namespace lb::ui

namespace lb::ui {
namespace {

TEST(Layout, AttributeTableSitsUnderTheMapAndLeavesItMostOfTheColumn) {
    auto in = window(1366, 768);
    const Layout closed = computeLayout(in);
    EXPECT_FLOAT_EQ(closed.bottom.h, 0);
    EXPECT_FLOAT_EQ(closed.bottomSplitter.h, 0);

    in.bottomOpen = true;
    const Layout open = computeLayout(in);
    const float column = closed.centre.h;
    // Same column as the map, the map above the splitter, the table down to the status bar.
    EXPECT_FLOAT_EQ(open.bottom.x, closed.centre.x);
    EXPECT_FLOAT_EQ(open.bottom.w, closed.centre.w);
    EXPECT_FLOAT_EQ(open.centre.w, closed.centre.w);
    EXPECT_FLOAT_EQ(open.bottomSplitter.y, open.centre.y + open.centre.h);
    EXPECT_FLOAT_EQ(open.bottom.y, open.bottomSplitter.y + open.bottomSplitter.h);
    EXPECT_FLOAT_EQ(open.bottom.y + open.bottom.h, open.status.y);
    EXPECT_NEAR(open.bottom.h, defaultBottomDockHeight(column, 1), 0.01);
    EXPECT_GE(open.bottom.h, kMinBottomHeight);
    // A user's height is kept; one too tall gives way so the map keeps 40 % of the column.
    in.docks.bottomHeight = 300;
    EXPECT_FLOAT_EQ(computeLayout(in).bottom.h, 300);
    in.docks.bottomHeight = 3000;
    const Layout tall = computeLayout(in);
    EXPECT_GE(tall.centre.h, kMinMapHeightShare * column - 0.01f);
    in.docks.bottomHeight = 10;
    EXPECT_FLOAT_EQ(computeLayout(in).bottom.h, kMinBottomHeight);
    // HiDPI: stored heights are unscaled.
    in.docks.bottomHeight = 200;
    in.scale = 2;
    in.viewport = {0, 0, 2732, 1536};
    EXPECT_FLOAT_EQ(computeLayout(in).bottom.h, 400);
}

}  // namespace
}  // namespace lb::ui
