#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild present PROJECT [--slides FILE.json]`: the workstation (lagebild-gui, as `lagebild gui`) in
// presentation mode: full screen, public mode on, the project's saved views (or the file's slides) as slides.
// A slides file that cannot be used is refused here, before the window opens (exit 2).
class PresentCommand : public Command {
public:
    const char* name() const override { return "present"; }
    const char* description() const override { return "Present the saved views full screen (public mode)"; }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project, m_slides, m_size, m_language, m_script;
};

}  // namespace lb::cli
