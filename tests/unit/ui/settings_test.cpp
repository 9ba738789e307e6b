#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/test_support.hpp"
#include "ui/settings.hpp"

namespace lb::ui {
namespace {

Settings sample() {
    Settings s;
    s.language = "en";
    s.noteProjectOpened("/data/a.sqlite");
    s.noteProjectOpened("/data/b.sqlite");
    s.views["/data/b.sqlite"] = SavedView{327049.5, 5632637.25, 2.5};
    s.layers["incidents"] = SavedLayer{false, 0.4f};
    s.layers["roads"] = SavedLayer{true, 1.0f};
    s.layerOrder = {"landuse", "roads", "incidents"};
    s.panels["layers"] = true;
    s.panels["info"] = false;
    s.labels = false;
    s.window = WindowPlacement{10, 20, 1280, 800, true};
    s.docks = DockState{230, 410.5f, false, true, "hotspots", 260};
    return s;
}

TEST(Settings, RoundTripThroughFile) {
    test::TempDir dir;
    const auto file = dir / "lagebild" / "settings.json";
    const Settings original = sample();
    ASSERT_FALSE(saveSettings(file, original).has_value());
    ASSERT_TRUE(std::filesystem::exists(file));
    const auto loaded = loadSettings(file);
    EXPECT_FALSE(loaded.warning.has_value());
    EXPECT_EQ(loaded.settings, original);
    EXPECT_EQ(loaded.settings.lastProject, "/data/b.sqlite");
    ASSERT_EQ(loaded.settings.recentProjects.size(), 2u);
    EXPECT_EQ(loaded.settings.recentProjects[0], "/data/b.sqlite");
    EXPECT_EQ(loaded.settings.docks.rightWidth, 410.5f);  // the layout per user (issue 18)
    EXPECT_TRUE(loaded.settings.docks.rightCollapsed);
    EXPECT_EQ(loaded.settings.docks.rightTab, "hotspots");
    EXPECT_EQ(loaded.settings.docks.bottomHeight, 260.0f);  // the attribute table under the map
    // No temporary file is left behind by the atomic write.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(file.parent_path())) ++files;
    EXPECT_EQ(files, 1);
}

TEST(Settings, MissingFileGivesDefaultsWithoutWarning) {
    test::TempDir dir;
    const auto loaded = loadSettings(dir / "nothing.json");
    EXPECT_FALSE(loaded.warning.has_value());
    EXPECT_EQ(loaded.settings, Settings{});
    EXPECT_EQ(loaded.settings.language, "de");
}

TEST(Settings, CorruptFileIsIgnoredWithAWarning) {
    test::TempDir dir;
    const auto file = dir / "settings.json";
    for (const std::string content : {"{ this is not json", "[1, 2, 3]", "{\"language\": 42}", "",
                                      "{\"views\": {\"/p\": {\"center_x\": \"north\"}}}"}) {
        test::writeFile(file, content);
        LoadedSettings loaded;
        ASSERT_NO_THROW(loaded = loadSettings(file)) << content;
        EXPECT_TRUE(loaded.warning.has_value()) << content;
        EXPECT_EQ(loaded.settings, Settings{}) << content;
    }
}

TEST(Settings, UnknownKeysAndMissingKeysAreTolerated) {
    const Settings s = settingsFromJson(R"({"language": "en", "future_option": [1, 2], "window": {"width": 900}})");
    EXPECT_EQ(s.language, "en");
    EXPECT_EQ(s.window.width, 900);
    EXPECT_EQ(s.window.height, Settings{}.window.height);
    EXPECT_TRUE(s.recentProjects.empty());
}

TEST(Settings, RecentProjectsAreDeduplicatedAndCapped) {
    Settings s;
    for (int i = 0; i < 15; ++i) s.noteProjectOpened("/p/" + std::to_string(i) + ".sqlite");
    s.noteProjectOpened("/p/3.sqlite");
    ASSERT_EQ(s.recentProjects.size(), Settings::kMaxRecent);
    EXPECT_EQ(s.recentProjects.front(), "/p/3.sqlite");
    EXPECT_EQ(s.recentProjects[1], "/p/14.sqlite");
    EXPECT_EQ(std::count(s.recentProjects.begin(), s.recentProjects.end(), "/p/3.sqlite"), 1);
    EXPECT_EQ(s.lastProject, "/p/3.sqlite");
}

TEST(Settings, DefaultConfigDirFollowsXdg) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(defaultConfigDir(), std::filesystem::path("/tmp/xdg-test/lagebild"));
    if (old) {
        setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    } else {
        unsetenv("XDG_CONFIG_HOME");
    }
}

}  // namespace
}  // namespace lb::ui
