// The presentation mode of the real lagebild-gui under Xvfb: slides from a file stepped through with the
// clicker keys, full screen, one screenshot per slide; public mode and its confirmation; slides saved in the
// GUI into the project's views table; the time animation. (Label "gui".)
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "render/png_image.hpp"
#include "support/test_support.hpp"

namespace lb::ui {
namespace {

using guitest::pixel;
using guitest::Rgb;
using guitest::runGui;

// Pixels of the heat ramp's upper half (orange to red) and of the Gi* hot classes: strong red, little blue.
long reddish(const render::Image& image) {
    long n = 0;
    for (int y = 0; y < image.height; y += 2) {
        for (int x = 0; x < image.width; x += 2) {
            const Rgb p = pixel(image, x, y);
            if (p.r > 190 && p.g < 120 && p.b < 110) ++n;
        }
    }
    return n;
}

// LAGEBILD_KEEP_SCREENSHOTS=DIR keeps a copy of the screenshots there (to look at them).
void keep(const std::string& file) {
    const char* dir = std::getenv("LAGEBILD_KEEP_SCREENSHOTS");
    if (!dir || !*dir) return;
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(file, std::filesystem::path(dir) / std::filesystem::path(file).filename(),
                               std::filesystem::copy_options::overwrite_existing);
}

double differing(const render::Image& a, const render::Image& b) {
    long n = 0, total = 0;
    for (int y = 0; y < a.height; y += 2) {
        for (int x = 0; x < a.width; x += 2) {
            ++total;
            if (!guitest::near(pixel(a, x, y), pixel(b, x, y), 8)) ++n;
        }
    }
    return static_cast<double>(n) / static_cast<double>(total);
}

class GuiPresent : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        const auto demo = test::runLagebild({"demo", (*s_dir / "demo.sqlite").string(), "--incidents", "2000"});
        ASSERT_EQ(demo.exitCode, 0) << demo.err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::string project() { return (*s_dir / "demo.sqlite").string(); }
    static test::TempDir* s_dir;
};

test::TempDir* GuiPresent::s_dir = nullptr;

TEST_F(GuiPresent, ClickerKeysStepThroughThreeSlidesFullScreen) {
    test::TempDir dir;
    // A window smaller than the Xvfb screen (1600 × 1000): the screenshots show whether it went full screen.
    std::filesystem::create_directories(dir / "config" / "lagebild");
    test::writeFile(dir / "config" / "lagebild" / "settings.json",
                    R"({"window": {"x": 10, "y": 10, "width": 1000, "height": 700, "maximized": false}})");
    test::writeFile(dir / "slides.json", R"json({"slides": [
        {"name": "Musterstadt", "caption": "Alle Vorfälle 2025", "extent": [325000, 5630900, 329100, 5634400],
         "from": "2025-01-01", "to": "2026-01-01", "overlay": "heatmap"},
        {"name": "Altstadt ohne Auswertung", "extent": [326700, 5632300, 327700, 5633100], "overlay": "none",
         "layers": ["roads", "buildings", "landuse", "water", "districts"]},
        {"name": "Hot Spots (Gi*)", "extent": [325500, 5631200, 328800, 5634000], "overlay": "gistar"}]})json");
    const auto shot = [&](int n) { return (dir / ("slide" + std::to_string(n) + ".png")).string(); };
    test::writeFile(dir / "script.txt",
                    "wait_ready\nexpect presenting on\nexpect public on\nwait_present\n"
                    "expect slide 1\nscreenshot " +
                        shot(1) +
                        "\n"
                        "stats_reset\nkey right\nwait_present\nprint flight\nexpect slide 2\n"
                        "screenshot " +
                        shot(2) +
                        "\n"
                        "key pagedown\nwait_present\nexpect slide 3\nscreenshot " +
                        shot(3) +
                        "\n"
                        "key pagedown\nframes 2\nexpect slide 3\n"  // the last slide stays
                        "key pageup\nwait_present\nexpect slide 2\n"
                        "key space\nwait_present\nexpect slide 3\n"
                        "key left\nkey up\nwait_present\nexpect slide 1\n"
                        // Public mode goes off only through the confirmation.
                        "click @present.public_off\nframes 3\nexpect public on\n"
                        "click @present.public_cancel\nframes 3\nexpect public on\n"
                        "click @present.public_off\nframes 3\nclick @present.public_confirm\n"
                        "frames 3\nexpect public off\nwait_present\n"
                        "key escape\nframes 3\nexpect presenting off\n");
    const auto run = runGui(dir, {project(), "--present", "--slides", (dir / "slides.json").string(), "--script",
                                  (dir / "script.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << run.out;
    const auto flight = nlohmann::json::parse(run.out.substr(0, run.out.find('\n')));
    EXPECT_GE(flight.at("frames").get<int>(), 5) << "the flight between slides is animated over several frames";

    std::printf("flight between slides 1 and 2: %s\n", flight.dump().c_str());
    for (int n = 1; n <= 3; ++n) keep(shot(n));
    const auto s1 = render::readPng(shot(1)), s2 = render::readPng(shot(2)), s3 = render::readPng(shot(3));
    for (const auto* image : {&s1, &s2, &s3}) {
        EXPECT_EQ(image->width, 1600);  // full screen, not the 1000 × 700 window
        EXPECT_EQ(image->height, 1000);
    }
    EXPECT_GT(differing(s1, s2), 0.2);
    EXPECT_GT(differing(s2, s3), 0.2);
    // Slide 1 has the heat map, slide 3 the Gi* hot spots, slide 2 neither.
    EXPECT_GT(reddish(s1), 400);
    EXPECT_GT(reddish(s3), 2000);
    EXPECT_LT(reddish(s2), reddish(s1) / 10);
    // The slide title sits on a dark strip at the bottom left (no menu bar or panels: the map starts at the top).
    long dark = 0;
    for (int y = s1.height - 200; y < s1.height - 40; ++y) {
        for (int x = 10; x < 240; ++x) {
            const Rgb p = pixel(s1, x, y);
            if (p.r + p.g + p.b < 3 * 90) ++dark;
        }
    }
    EXPECT_GT(dark, 5000);
}

TEST_F(GuiPresent, SlidesSavedInTheWorkstationAndTheTimeAnimation) {
    test::TempDir dir;
    const auto copy = dir / "p.sqlite";
    std::filesystem::copy_file(project(), copy);
    const auto shot = (dir / "animation.png").string();
    test::writeFile(dir / "script.txt",
                    "wait_ready\nexpect slides 0\nsave_slide Erste\nwait_present\nexpect slides 1\n"
                    "type -\nframes 3\nsave_slide Zweite\nwait_present\nexpect slides 2\n"
                    "present_start\nwait_present\nexpect slide 1\nexpect public on\n"
                    "present_play\nwait_present\nexpect playing on\nexpect frames 24\n"
                    "frames 20\nscreenshot " +
                        shot +
                        "\n"
                        "present_play\nframes 2\nexpect playing off\n"
                        "present_next\nwait_present\nexpect slide 2\nexpect frames 0\n"
                        "present_stop\nframes 2\nexpect presenting off\nexpect public on\n");
    const auto run = runGui(dir, {copy.string(), "--size", "1280x800", "--script", (dir / "script.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << run.out;
    const auto rows = test::runLagebild({"sql", copy.string(), "SELECT name FROM views ORDER BY sort_order"});
    EXPECT_NE(rows.out.find("Erste"), std::string::npos) << rows.out;
    EXPECT_NE(rows.out.find("Zweite"), std::string::npos) << rows.out;
    keep(shot);
    const auto image = render::readPng(shot);
    EXPECT_EQ(image.width, 1280);   // --size: a window, not full screen
    EXPECT_GT(reddish(image), 50);  // a month's heat map
}

}  // namespace
}  // namespace lb::ui
