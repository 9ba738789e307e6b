#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

class InfoCommand : public Command {
public:
    const char* name() const override { return "info"; }
    const char* description() const override { return "Show layers, feature counts, extents, CRS and schema version"; }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project;
    bool m_json = false;
};

}  // namespace lb::cli
