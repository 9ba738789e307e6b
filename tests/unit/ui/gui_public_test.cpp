// The workstation's public mode (Ansicht → Öffentlicher Modus) under Xvfb: the switch is one gate for the
// map and the result panels — incidents can no longer be seen or picked, the heat map is computed again by the public
// rules.
#include <gtest/gtest.h>

#include <filesystem>
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

// The screen is an output too (a projector at a Sicherheitskonferenz): in public mode the query panel, the
// temporal panel and the heat-map panel print only what the gate released — counts under k suppressed, no
// single suppressed group that the printed total gives away, no raw rows of incidents.
TEST(GuiPublicMode, TheResultPanelsPrintOnlyWhatTheGateReleases) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "400"}).exitCode, 0);
    const auto query = dir / "query.json";
    test::writeFile(query, R"({"layer": "incidents", "count_by": {"kind": "hour"}})");
    const auto shot = dir / "public-query.png";
    std::string script = "wait_ready\nshow_query\nframes 3\nwait_idle\nframes 3\nprint internal\n";
    script += "click @menu.view\nframes 3\nclick @menu.public_mode\nframes 5\nwait_idle\nframes 3\nwait_idle\n";
    script += "expect public on\nprint public\nscreenshot " + shot.string() + "\n";
    test::writeFile(dir / "script.txt", script);
    const auto run = guitest::runGui(dir, {project.string(), "--size", "1400x900", "--query-json", query.string(),
                                           "--script", (dir / "script.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << "\n" << run.out;
    nlohmann::json internal, shown;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("\"label\":\"internal\"") != std::string::npos) internal = nlohmann::json::parse(line);
        if (line.find("\"label\":\"public\"") != std::string::npos) shown = nlohmann::json::parse(line);
    }
    ASSERT_TRUE(internal.contains("shown_groups")) << run.out;
    ASSERT_TRUE(shown.contains("shown_groups")) << run.out;

    // Internal: the numbers as they are, raw rows listed.
    EXPECT_EQ(internal.at("shown_total"), internal.at("count"));
    EXPECT_TRUE(internal.at("rows_shown").get<bool>());
    EXPECT_GT(internal.at("sample_rows").get<int>(), 0);
    const auto& before = internal.at("shown_groups");
    const auto& after = shown.at("shown_groups");
    ASSERT_EQ(before.size(), after.size());
    std::int64_t total = 0, small = 0;
    for (const auto& g : before) {
        total += g[1].get<std::int64_t>();
        small += g[1].get<std::int64_t>() < 5;
    }
    EXPECT_EQ(total, internal.at("count").get<std::int64_t>());
    ASSERT_GT(small, 0) << "the test needs hours with fewer than 5 incidents";

    // Public: no value under 5, every small group suppressed, never exactly one suppressed group (the total
    // would give it away), and the suppressed ones add up to at least 5.
    EXPECT_FALSE(shown.at("rows_shown").get<bool>());
    EXPECT_EQ(shown.at("sample_rows").get<int>(), 0);
    EXPECT_EQ(shown.at("shown_total"), internal.at("count"));  // 400 incidents: the total may be printed
    std::int64_t suppressed = 0, suppressedSum = 0;
    for (std::size_t i = 0; i < after.size(); ++i) {
        const std::int64_t raw = before[i][1].get<std::int64_t>();
        if (after[i][1].is_null()) {
            ++suppressed;
            suppressedSum += raw;
            continue;
        }
        EXPECT_GE(after[i][1].get<std::int64_t>(), 5) << after[i];
        EXPECT_EQ(after[i][1].get<std::int64_t>(), raw);
    }
    EXPECT_GE(suppressed, small);
    EXPECT_NE(suppressed, 1);
    EXPECT_GE(suppressedSum, 5);
    // The hour × weekday matrix: 168 cells of 400 incidents, many under 5, none of them printed.
    std::size_t nulls = 0;
    for (const auto& v : shown.at("shown_hour_weekday")) {
        if (v.is_null()) {
            ++nulls;
        } else {
            EXPECT_GE(v.get<std::int64_t>(), 5);
        }
    }
    EXPECT_GT(nulls, 0u);
    EXPECT_TRUE(std::filesystem::exists(shot));
}

}  // namespace
}  // namespace lb::ui
