#pragma once

#include <string>

#include "cli/command.hpp"
#include "edit/field_package.hpp"

namespace lb::cli {

// `lagebild field-export PROJECT --out FILE [--bbox ...] [--layers ...] [--no-basemap]`: writes a field
// package (edit/field_package.hpp) for a streetworker's laptop.
class FieldExportCommand : public Command {
public:
    const char* name() const override { return "field-export"; }
    const char* description() const override {
        return "Write a field package (a project subset to take along offline)";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project;
    std::string m_out;
    std::string m_bbox;
    std::string m_layers;
    bool m_noBaseMap = false;
    bool m_json = false;
    edit::FieldExportOptions m_options;  // from the flags, by setup()
};

}  // namespace lb::cli
