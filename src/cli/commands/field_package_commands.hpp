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

// `lagebild field-merge PROJECT PACKAGE [--json]`: merges a field package back; conflicts are kept in the
// project's field_conflicts table and listed, never overwritten.
class FieldMergeCommand : public Command {
public:
    const char* name() const override { return "field-merge"; }
    const char* description() const override {
        return "Merge a field package back into its project (conflicts are listed, not overwritten)";
    }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project;
    std::string m_package;
    bool m_json = false;
};

}  // namespace lb::cli
