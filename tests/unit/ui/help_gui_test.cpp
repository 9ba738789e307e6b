// Hilfe → Handbuch / Erste Schritte in the real lagebild-gui on a private Xvfb display: the help window
// opens from the command line (--open-help) over the map, in German and in English.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gui_test_support.hpp"
#include "render/png_image.hpp"
#include "support/test_support.hpp"
#include "xvfb_display.hpp"

namespace lb::ui {
namespace {

using guitest::near;
using guitest::pixel;
using guitest::Rgb;
using guitest::runGui;

// The middle of the window, where the map canvas is unless the help window covers it.
struct Centre {
    double windowBackground = 0;  // share of ImGui's window background #f7f7f6
    double mapBackground = 0;     // share of the map style's background #f3f0ea
    long text = 0;                // dark pixels (text)
    std::vector<bool> dark;       // the dark pixels, to compare two pictures
};

Centre centre(const render::Image& image) {
    Centre c;
    long total = 0, window = 0, map = 0;
    for (int y = image.height * 25 / 100; y < image.height * 80 / 100; ++y) {
        for (int x = image.width * 35 / 100; x < image.width * 72 / 100; ++x) {
            const Rgb p = pixel(image, x, y);
            ++total;
            if (near(p, {0xf7, 0xf7, 0xf6}, 2)) ++window;
            if (near(p, {0xf3, 0xf0, 0xea}, 2)) ++map;
            const bool dark = p.r + p.g + p.b < 3 * 110;
            c.dark.push_back(dark);
            if (dark) ++c.text;
        }
    }
    c.windowBackground = static_cast<double>(window) / total;
    c.mapBackground = static_cast<double>(map) / total;
    return c;
}

class HelpGui : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>();
        const auto demo = test::runLagebild({"demo", (*s_dir / "demo.sqlite").string(), "--incidents", "300"});
        ASSERT_EQ(demo.exitCode, 0) << demo.err;
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    static render::Image screenshot(const std::vector<std::string>& extra, const std::string& name) {
        const auto shot = *s_dir / name;
        std::vector<std::string> args{(*s_dir / "demo.sqlite").string(), "--screenshot", shot.string(), "--size",
                                      "1280x800"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto run = runGui(*s_dir, args);
        EXPECT_EQ(run.exitCode, 0) << run.err;
        EXPECT_TRUE(std::filesystem::exists(shot)) << run.err;
        if (!std::filesystem::exists(shot)) return {};
        return render::readPng(shot);
    }

    static std::unique_ptr<test::TempDir> s_dir;  // one demo project for the suite
};

std::unique_ptr<test::TempDir> HelpGui::s_dir;

TEST_F(HelpGui, OpenHelpShowsTheManualOverTheMapInGermanAndEnglish) {
    const auto map = centre(screenshot({"--language", "de"}, "map.png"));
    const auto manualDe = centre(screenshot({"--language", "de", "--open-help", "manual:kde"}, "manual-de.png"));
    const auto manualEn = centre(screenshot({"--language", "en", "--open-help", "manual:kde"}, "manual-en.png"));
    const auto firstEn = centre(screenshot({"--language", "en", "--open-help", "first-steps"}, "first-en.png"));
    ASSERT_FALSE(map.dark.empty());
    ASSERT_EQ(manualDe.dark.size(), map.dark.size());
    ASSERT_EQ(manualEn.dark.size(), map.dark.size());
    ASSERT_EQ(firstEn.dark.size(), map.dark.size());

    // Without help the middle is map; with it, a window full of text covers it.
    EXPECT_GT(map.mapBackground, 0.1);
    for (const auto* help : {&manualDe, &manualEn, &firstEn}) {
        EXPECT_LT(help->mapBackground, 0.02);
        EXPECT_GT(help->windowBackground, 0.5);
        EXPECT_GT(help->text, 3000);
    }
    // The languages and the pages show different text.
    auto differing = [](const Centre& a, const Centre& b) {
        long n = 0;
        for (std::size_t i = 0; i < a.dark.size(); ++i) n += a.dark[i] != b.dark[i];
        return n;
    };
    EXPECT_GT(differing(manualDe, manualEn), 2000);
    EXPECT_GT(differing(manualEn, firstEn), 2000);
}

TEST_F(HelpGui, UnknownHelpPageIsAUsageError) {
    const auto run = runGui(*s_dir, {"--open-help", "handbuch"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("--open-help"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace lb::ui
