#include "cli/commands/present_command.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "cli/commands/gui_command.hpp"
#include "core/error.hpp"
#include "project/saved_views.hpp"

namespace lb::cli {

void PresentCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--slides", m_slides, "Slides file (JSON; default: the project's saved views)");
    app.add_option("--size", m_size, "A window of this size instead of full screen, WIDTHxHEIGHT");
    app.add_option("--language", m_language, "UI language: de or en")->check(CLI::IsMember({"de", "en"}));
    app.add_option("--script", m_script, "Drive the GUI from this script (tests), then exit");
}

int PresentCommand::run() {
    if (!std::filesystem::exists(m_project)) throw core::InputError(m_project + ": no such project file");
    if (!m_slides.empty()) project::readSlidesFile(m_slides);  // refuses a bad file with its reason (exit 2)
    const std::string gui = findGuiExecutable();
    if (gui.empty()) {
        throw core::Error("lagebild-gui was not found next to lagebild",
                          "build the target lagebild-gui or install both programs into one folder");
    }
    std::vector<std::string> args{gui, m_project, "--present"};
    auto forward = [&args](const char* flag, const std::string& value) {
        if (value.empty()) return;
        args.emplace_back(flag);
        args.push_back(value);
    };
    forward("--slides", m_slides);
    forward("--size", m_size);
    forward("--language", m_language);
    forward("--script", m_script);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(gui.c_str(), argv.data());
    throw core::Error("cannot start " + gui + ": " + std::strerror(errno));
}

}  // namespace lb::cli
