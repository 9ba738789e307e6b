// The workstation's public mode (Ansicht → Öffentlicher Modus) under Xvfb: the switch is one gate for the
// map — incidents can no longer be seen or picked, the heat map is computed again by the public rules.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"

namespace lb::ui {
namespace {

TEST(GuiPublicMode, TheSwitchTakesIncidentsOffTheMapAndOutOfReach) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "2000"}).exitCode, 0);
    const auto internalPng = dir / "internal.png", publicPng = dir / "public.png";
    std::string script = "wait_ready\nexpect public off\n";
    // Internal: an incident can be picked.
    script += "click_feature incidents\nframes 3\nexpect selection incidents\nkey escape\nframes 2\n";
    script += "show_heatmap\nframes 3\nclick @heatmap.show\nframes 3\nwait_idle\nexpect heatmap on\n";
    script += "screenshot " + internalPng.string() + "\n";
    script += "click @menu.view\nframes 3\nclick @menu.public_mode\nframes 3\nwait_idle\nframes 3\nexpect public on\n";
    script += "expect selection none\nexpect heatmap on\nscreenshot " + publicPng.string() + "\n";
    // Public: the same click finds no incident (at most the district the incident lies in).
    script += "click_feature incidents\nframes 3\nprint public_click\nkey escape\nframes 2\n";
    script += "click @menu.view\nframes 3\nclick @menu.public_mode\nframes 3\nwait_idle\nexpect public off\n";
    script += "click_feature incidents\nframes 3\nexpect selection incidents\nprint done\n";
    test::writeFile(dir / "public.txt", script);
    const auto run =
        guitest::runGui(dir, {project.string(), "--size", "1280x800", "--script", (dir / "public.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << "\n" << run.out;
    EXPECT_NE(run.out.find("\"label\":\"done\""), std::string::npos) << run.out;
    bool printed = false;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("\"label\":\"public_click\"") == std::string::npos) continue;
        printed = true;
        EXPECT_NE(nlohmann::json::parse(line).at("selection"), "incidents") << line;
    }
    EXPECT_TRUE(printed) << run.out;
    const render::Image a = render::readPng(internalPng), b = render::readPng(publicPng);
    ASSERT_EQ(a.width, b.width);
    std::size_t different = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        different += a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1];
    EXPECT_GT(different, 1000u) << "the public map shows less than the internal one";
}

}  // namespace
}  // namespace lb::ui
