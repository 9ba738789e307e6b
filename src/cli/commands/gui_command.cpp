#include "cli/commands/gui_command.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/error.hpp"

namespace lb::cli {

namespace fs = std::filesystem;

void GuiCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file to open (default: the last one)");
    app.add_option("--screenshot", m_screenshot, "Save the first complete frame as PNG and exit");
    app.add_flag("--print-startup-time", m_printStartupTime,
                 "Print the time from start to the first complete frame and exit");
    app.add_option("--size", m_size, "Window size in pixels, WIDTHxHEIGHT");
    app.add_option("--click", m_click, "After loading, click at window pixel X,Y");
    app.add_option("--language", m_language, "UI language: de or en")->check(CLI::IsMember({"de", "en"}));
}

std::string findGuiExecutable() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path dir = self.parent_path();
    for (const fs::path& candidate : {dir / "lagebild-gui", dir.parent_path() / "app" / "lagebild-gui"}) {
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return {};
}

int GuiCommand::run() {
    const std::string gui = findGuiExecutable();
    if (gui.empty()) {
        throw core::Error("lagebild-gui was not found next to lagebild",
                          "build the target lagebild-gui or install both programs into one folder");
    }
    std::vector<std::string> args{gui};
    if (!m_project.empty()) args.push_back(m_project);
    auto forward = [&args](const char* flag, const std::string& value) {
        if (value.empty()) return;
        args.emplace_back(flag);
        args.push_back(value);
    };
    forward("--screenshot", m_screenshot);
    forward("--size", m_size);
    forward("--click", m_click);
    forward("--language", m_language);
    if (m_printStartupTime) args.emplace_back("--print-startup-time");
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(gui.c_str(), argv.data());
    throw core::Error("cannot start " + gui + ": " + std::strerror(errno));
}

}  // namespace lb::cli
