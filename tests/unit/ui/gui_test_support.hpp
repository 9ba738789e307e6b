#pragma once

// What the GUI tests share: running the real lagebild-gui on the private Xvfb display, and reading pixels of
// its screenshots.
#include <cstdlib>
#include <string>
#include <vector>

#include "render/png_image.hpp"
#include "support/test_support.hpp"
#include "xvfb_display.hpp"

namespace lb::ui::guitest {

struct Rgb {
    int r, g, b;
};

inline Rgb pixel(const render::Image& image, int x, int y) {
    const auto* p = image.rgba.data() + (static_cast<std::size_t>(y) * image.width + x) * 4;
    return {p[0], p[1], p[2]};
}

inline bool near(Rgb a, Rgb b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

// The GUI with its own settings folder under `dir` (nothing of the developer's settings leaks in).
inline test::RunResult runGui(const test::TempDir& dir, const std::vector<std::string>& guiArgs) {
    std::vector<std::string> args{"XDG_CONFIG_HOME=" + (dir / "config").string(),
                                  "DISPLAY=" + test::XvfbDisplay::instance().display(), LAGEBILD_GUI_BINARY};
    args.insert(args.end(), guiArgs.begin(), guiArgs.end());
    return test::runProgram("env", args);
}

}  // namespace lb::ui::guitest
