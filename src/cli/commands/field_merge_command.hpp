#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

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
