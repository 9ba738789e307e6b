#include "app/app_options.hpp"

#include <CLI/CLI.hpp>

#include <sstream>

#include "core/error.hpp"
#include "edit/field_mark.hpp"
#include "project/map_request.hpp"

namespace lb::app {

std::optional<HelpTarget> helpTarget(const std::string& value) {
    const auto colon = value.find(':');
    const std::string page = value.substr(0, colon);
    HelpTarget target;
    if (colon != std::string::npos) target.section = value.substr(colon + 1);
    if (page == "first-steps") {
        target.page = ui::HelpPage::FirstSteps;
    } else if (page == "manual") {
        target.page = ui::HelpPage::Manual;
    } else {
        return std::nullopt;
    }
    return target;
}

ParseResult parseOptions(int argc, char** argv) {
    ParseResult result;
    AppOptions& o = result.options;
    CLI::App cli("Lagebild workstation: the map viewer and editor", "lagebild-gui");
    std::string size;
    std::string click;
    std::string fieldMark;
    std::string select;
    cli.add_option("PROJECT", o.project, "Project file to open (default: the last one)");
    cli.add_option("--screenshot", o.screenshot,
                   "Save the first complete frame with the map as PNG (the whole window) and exit");
    cli.add_flag("--print-startup-time", o.printStartupTime,
                 "Print the time from process start to the first complete frame with the map to stderr, then exit");
    cli.add_option("--size", size, "Window size in pixels, WIDTHxHEIGHT");
    cli.add_option("--click", click, "After loading, click at window pixel X,Y (before --screenshot)");
    cli.add_option("--select", select,
                   "After loading, select feature ID of LAYER (LAYER:ID, e.g. observations:1; before --screenshot)");
    cli.add_option("--query-json", o.queryJson, "Open the query panel with the query in FILE (JSON, as saved queries)")
        ->check(CLI::ExistingFile);
    cli.add_flag("--heatmap", o.heatmap, "Show the density heatmap of the query's incidents");
    cli.add_flag("--gistar", o.gistar, "Show the Getis-Ord Gi* hot and cold spots of the query's incidents");
    cli.add_flag("--field-mode", o.fieldMode, "Start in field mode (the big buttons for streetworkers)");
    cli.add_option("--field-mark", fieldMark,
                   "Start in field mode with this button chosen: treffpunkt, graffiti, muell, spritzen, beleuchtung, "
                   "angstraum, sonstiges (with --click: mark the clicked place)");
    cli.add_flag("--edit", o.edit,
                 "With --select: open the feature's attribute form (a selection alone only shows it)");
    cli.add_option("--script", o.script, "Drive the GUI from this script (tests; see app/script_driver.hpp), then exit")
        ->check(CLI::ExistingFile);
    cli.add_option("--soak", o.soakSeconds, "Random input for this many seconds (crash soak test), then exit");
    cli.add_option("--seed", o.seed, "Seed of --soak's random input");
    cli.add_option("--open-help", o.openHelp,
                   "Open the help on a page: first-steps or manual, optionally with a section, e.g. manual:kde");
    cli.add_flag("--present", o.present,
                 "Start the presentation: full screen (a window with --size), public mode, the saved views as slides");
    cli.add_option("--slides", o.slides, "With --present: the slides of this file (JSON) instead of the saved views")
        ->check(CLI::ExistingFile);
    cli.add_option("--language", o.language, "UI language: de or en (default: from the settings, else de)")
        ->check(CLI::IsMember({"de", "en"}));
    try {
        cli.parse(argc, argv);
        if (!size.empty()) o.size = project::parseSize(size, "--size");
        if (!click.empty()) {
            int x = -1, y = -1;
            char comma = 0;
            std::istringstream in(click);
            if (!(in >> x >> comma >> y) || comma != ',' || x < 0 || y < 0) {
                throw CLI::ValidationError("--click: expected X,Y in window pixels");
            }
            o.click = std::make_pair(x, y);
        }
        if (!select.empty()) {
            const auto colon = select.rfind(':');
            long long id = 0;
            std::istringstream in(colon == std::string::npos ? std::string() : select.substr(colon + 1));
            if (colon == 0 || colon == std::string::npos || !(in >> id) || !in.eof() || id < 0) {
                throw CLI::ValidationError("--select: expected LAYER:ID, e.g. observations:1");
            }
            o.select = std::make_pair(select.substr(0, colon), id);
        }
        if (!fieldMark.empty()) {
            for (std::size_t i = 0; i < edit::kFieldMarks.size(); ++i) {
                if (edit::kFieldMarks[i].id == fieldMark) o.fieldMark = static_cast<int>(i);
            }
            if (!o.fieldMark) throw CLI::ValidationError("--field-mark: unknown button " + fieldMark);
            o.fieldMode = true;
        }
        if (!o.openHelp.empty() && !helpTarget(o.openHelp))
            throw CLI::ValidationError("--open-help: expected first-steps or manual, optionally :SECTION");
        if (!o.screenshot.empty() && o.screenshot.size() < 5)
            throw CLI::ValidationError("--screenshot: expected FILE.png");
    } catch (const CLI::ParseError& e) {
        result.exitCode = cli.exit(e) == 0 ? 0 : 2;
    } catch (const core::Error& e) {
        std::fprintf(stderr, "lagebild-gui: %s\n", e.what());
        result.exitCode = 2;
    }
    return result;
}

}  // namespace lb::app
