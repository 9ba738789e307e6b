#pragma once

#include <cstdint>
#include <string>

#include "cli/command.hpp"

namespace lb::cli {

class DemoCommand : public Command {
public:
    const char* name() const override { return "demo"; }
    const char* description() const override {
        return "Create the fictitious demo town \"Musterstadt\" (OSM base map and all thematic layers)";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project;
    std::uint64_t m_seed = 1;
    std::size_t m_incidents = 20000;
    bool m_force = false;
    bool m_json = false;
};

}  // namespace lb::cli
