#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ui/layout.hpp"

namespace lb::ui {

// The last view of a project: map centre (project CRS) and ground resolution.
struct SavedView {
    double centerX = 0;
    double centerY = 0;
    double metresPerPixel = 1;
    bool operator==(const SavedView&) const = default;
};

struct SavedLayer {
    bool visible = true;
    float opacity = 1;
    bool operator==(const SavedLayer&) const = default;
};

struct WindowPlacement {
    int x = -1;  // -1: let the window manager decide
    int y = -1;
    int width = 1600;
    int height = 1000;
    bool maximized = false;
    bool operator==(const WindowPlacement&) const = default;
};

// Persisted view settings of the workstation (STYLE.md §2): plain data, JSON on disk. Not domain data —
// nothing here changes a project.
struct Settings {
    static constexpr std::size_t kMaxRecent = 10;

    std::string language = "de";
    // The name written into every edit (features and audit log); asked for once when empty.
    std::string author;
    std::vector<std::string> recentProjects;  // most recent first, at most kMaxRecent
    std::string lastProject;
    std::map<std::string, SavedView> views;    // by absolute project path
    std::map<std::string, SavedLayer> layers;  // by layer name
    std::vector<std::string> layerOrder;       // drawing order bottom to top; empty = the style's
    std::map<std::string, bool> panels;        // panel id → open
    bool labels = true;
    bool legend = true;
    WindowPlacement window;
    DockState docks;  // dock widths, collapsed docks, the right dock's front tab

    // Puts a project first in the recent list (removing duplicates, keeping kMaxRecent) and makes it the last one.
    void noteProjectOpened(const std::string& path);
    bool operator==(const Settings&) const = default;
};

// $XDG_CONFIG_HOME/lagebild, else ~/.config/lagebild.
std::filesystem::path defaultConfigDir();

struct LoadedSettings {
    Settings settings;
    std::optional<std::string> warning;  // set when the file existed but could not be used
};

// Reads settings.json; a missing file gives defaults, a corrupt or unreadable one defaults plus a warning
// (never an exception). Unknown keys are ignored, missing keys keep their defaults.
LoadedSettings loadSettings(const std::filesystem::path& file);
// Writes atomically (temporary file in the same folder, then rename), creating the folder. Returns an
// error message on failure instead of throwing: losing settings must never take the app down.
std::optional<std::string> saveSettings(const std::filesystem::path& file, const Settings& settings);

std::string settingsToJson(const Settings& settings);
// Throws std::exception (nlohmann::json::exception) on malformed JSON or wrong types.
Settings settingsFromJson(const std::string& json);

}  // namespace lb::ui
