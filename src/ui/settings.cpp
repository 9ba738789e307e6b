#include "ui/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace lb::ui {
namespace {

using nlohmann::json;

template <typename T>
void readIf(const json& object, const char* key, T& target) {
    auto it = object.find(key);
    if (it != object.end() && !it->is_null()) target = it->template get<T>();
}

}  // namespace

void Settings::noteProjectOpened(const std::string& path) {
    recentProjects.erase(std::remove(recentProjects.begin(), recentProjects.end(), path), recentProjects.end());
    recentProjects.insert(recentProjects.begin(), path);
    if (recentProjects.size() > kMaxRecent) recentProjects.resize(kMaxRecent);
    lastProject = path;
}

std::filesystem::path defaultConfigDir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "lagebild";
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::filesystem::path(home) / ".config" / "lagebild";
    }
    return std::filesystem::current_path() / ".lagebild";
}

std::string settingsToJson(const Settings& s) {
    json out;
    out["version"] = 1;
    out["language"] = s.language;
    out["author"] = s.author;
    out["recent_projects"] = s.recentProjects;
    out["last_project"] = s.lastProject;
    json views = json::object();
    for (const auto& [path, view] : s.views) {
        views[path] = {
            {"center_x", view.centerX}, {"center_y", view.centerY}, {"metres_per_pixel", view.metresPerPixel}};
    }
    out["views"] = views;
    json layers = json::object();
    for (const auto& [name, layer] : s.layers) layers[name] = {{"visible", layer.visible}, {"opacity", layer.opacity}};
    out["layers"] = layers;
    out["layer_order"] = s.layerOrder;
    out["panels"] = s.panels;
    out["labels"] = s.labels;
    out["legend"] = s.legend;
    out["window"] = {{"x", s.window.x},
                     {"y", s.window.y},
                     {"width", s.window.width},
                     {"height", s.window.height},
                     {"maximized", s.window.maximized}};
    out["docks"] = {{"left_width", s.docks.leftWidth},         {"right_width", s.docks.rightWidth},
                    {"left_collapsed", s.docks.leftCollapsed}, {"right_collapsed", s.docks.rightCollapsed},
                    {"right_tab", s.docks.rightTab},           {"bottom_height", s.docks.bottomHeight}};
    return out.dump(2) + "\n";
}

Settings settingsFromJson(const std::string& text) {
    const json in = json::parse(text);
    if (!in.is_object()) throw json::type_error::create(302, "settings: top level is not an object", &in);
    Settings s;
    readIf(in, "language", s.language);
    readIf(in, "author", s.author);
    if (s.language != "de" && s.language != "en") s.language = "de";
    readIf(in, "recent_projects", s.recentProjects);
    if (s.recentProjects.size() > Settings::kMaxRecent) s.recentProjects.resize(Settings::kMaxRecent);
    readIf(in, "last_project", s.lastProject);
    if (auto it = in.find("views"); it != in.end() && it->is_object()) {
        for (const auto& [path, view] : it->items()) {
            SavedView v;
            readIf(view, "center_x", v.centerX);
            readIf(view, "center_y", v.centerY);
            readIf(view, "metres_per_pixel", v.metresPerPixel);
            if (v.metresPerPixel > 0) s.views[path] = v;
        }
    }
    if (auto it = in.find("layers"); it != in.end() && it->is_object()) {
        for (const auto& [name, layer] : it->items()) {
            SavedLayer l;
            readIf(layer, "visible", l.visible);
            readIf(layer, "opacity", l.opacity);
            l.opacity = std::clamp(l.opacity, 0.0f, 1.0f);
            s.layers[name] = l;
        }
    }
    readIf(in, "layer_order", s.layerOrder);
    readIf(in, "panels", s.panels);
    readIf(in, "labels", s.labels);
    readIf(in, "legend", s.legend);
    if (auto it = in.find("window"); it != in.end() && it->is_object()) {
        readIf(*it, "x", s.window.x);
        readIf(*it, "y", s.window.y);
        readIf(*it, "width", s.window.width);
        readIf(*it, "height", s.window.height);
        readIf(*it, "maximized", s.window.maximized);
        s.window.width = std::clamp(s.window.width, 320, 16384);
        s.window.height = std::clamp(s.window.height, 240, 16384);
    }
    if (auto it = in.find("docks"); it != in.end() && it->is_object()) {
        readIf(*it, "left_width", s.docks.leftWidth);
        readIf(*it, "right_width", s.docks.rightWidth);
        readIf(*it, "left_collapsed", s.docks.leftCollapsed);
        readIf(*it, "right_collapsed", s.docks.rightCollapsed);
        readIf(*it, "right_tab", s.docks.rightTab);
        readIf(*it, "bottom_height", s.docks.bottomHeight);
        s.docks.bottomHeight = std::clamp(s.docks.bottomHeight, 0.0f, 4000.0f);
        s.docks.leftWidth = std::clamp(s.docks.leftWidth, 0.0f, 4000.0f);
        s.docks.rightWidth = std::clamp(s.docks.rightWidth, 0.0f, 4000.0f);
    }
    return s;
}

LoadedSettings loadSettings(const std::filesystem::path& file) {
    LoadedSettings result;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return result;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        result.warning = file.string() + ": cannot be read; using default settings";
        return result;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        result.settings = settingsFromJson(buffer.str());
    } catch (const std::exception& e) {
        result.warning = file.string() + ": ignored (" + e.what() + "); using default settings";
    }
    return result;
}

std::optional<std::string> saveSettings(const std::filesystem::path& file, const Settings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return file.parent_path().string() + ": " + ec.message();
    const auto temp = file.parent_path() / (file.filename().string() + ".tmp" + std::to_string(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << settingsToJson(settings);
        out.flush();
        if (!out) {
            std::filesystem::remove(temp, ec);
            return temp.string() + ": cannot be written";
        }
    }
    std::filesystem::rename(temp, file, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        return file.string() + ": " + ec.message();
    }
    return std::nullopt;
}

}  // namespace lb::ui
