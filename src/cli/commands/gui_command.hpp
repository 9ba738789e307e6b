#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild gui [PROJECT]`: starts the workstation program lagebild-gui (installed next to lagebild) with
// the same flags. The CLI itself never links GLFW or ImGui (STYLE.md §1); this command only finds and
// replaces itself with the GUI process, so exit status and signals are the GUI's own.
class GuiCommand : public Command {
public:
    const char* name() const override { return "gui"; }
    const char* description() const override { return "Open the workstation map viewer (lagebild-gui)"; }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project;
    std::string m_screenshot;
    std::string m_size;
    std::string m_click;
    std::string m_language;
    bool m_printStartupTime = false;
};

// Where lagebild-gui lives relative to the running lagebild: the same folder (installed) or the build
// tree's ../app folder. Empty when neither exists.
std::string findGuiExecutable();

}  // namespace lb::cli
