#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/help_document.hpp"

namespace lb::app {

// The command line of lagebild-gui (also what `lagebild gui` passes on).
struct AppOptions {
    std::string project;            // empty: the last project from the settings, else the start screen
    std::string screenshot;         // --screenshot FILE.png: save the first complete frame with the map, then exit
    bool printStartupTime = false;  // --print-startup-time
    std::optional<std::pair<int, int>> size;  // --size WxH (logical pixels)
    std::string language;                     // --language de|en; empty: from the settings
    // --click X,Y: once the map is shown, a left click at these window pixels (tests picking end to end)
    std::optional<std::pair<int, int>> click;
    std::string queryJson;  // --query-json FILE: the query builder starts with this query (engine JSON form)
    bool heatmap = false;   // --heatmap: the density heatmap on from the start
    bool gistar = false;    // --gistar: the Gi* hot-spot overlay (100 m grid) on from the start
    // --field-mark KIND: start in field mode with that button chosen (treffpunkt, graffiti, muell, spritzen,
    // beleuchtung, angstraum, sonstiges); with --click the click marks the place (GUI smoke test)
    std::optional<int> fieldMark;
    bool fieldMode = false;  // --field-mode: start in field mode
    // --select LAYER:ID: once the map is shown, select that feature (info panel; thematic layers: the form)
    std::optional<std::pair<std::string, long long>> select;
    bool edit = false;  // --edit: with --select, open the selected feature's form (as Bearbeiten / E)
    // --script FILE: drive the GUI through ImGui's input from the script (app/script_driver.hpp), then exit;
    // --soak SECONDS [--seed N]: random clicks, drags, keys and menu entries instead.
    std::string script;
    double soakSeconds = 0;
    unsigned seed = 1;
    // --open-help first-steps|manual[:SECTION]: Hilfe open on that page (and section id) from the start
    std::string openHelp;
    // --present: start in presentation mode (full screen unless --size, public mode on) with the project's saved
    // views, or with the slides of --slides FILE.json
    bool present = false;
    std::string slides;
};

// --open-help's value: a help page and an optional section id; nullopt for an unknown page.
struct HelpTarget {
    ui::HelpPage page = ui::HelpPage::FirstSteps;
    std::string section;
};
std::optional<HelpTarget> helpTarget(const std::string& value);

// Parses argv; on --help or a usage error prints to stdout/stderr and returns the exit code to use.
struct ParseResult {
    AppOptions options;
    std::optional<int> exitCode;
};
ParseResult parseOptions(int argc, char** argv);

}  // namespace lb::app
