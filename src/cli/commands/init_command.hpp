#pragma once

#include <string>

#include "cli/command.hpp"
#include "core/defaults.hpp"

namespace lb::cli {

class InitCommand : public Command {
public:
    const char* name() const override { return "init"; }
    const char* description() const override { return "Create an empty project (SpatiaLite file)"; }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project;
    std::string m_crs{core::kDefaultProjectCrs};
};

}  // namespace lb::cli
