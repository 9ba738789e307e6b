#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild repair PROJECT [--drop-tables] [--dry-run]`: removes schema objects Lagebild did not create
// (triggers, views, indexes; unknown tables with --drop-tables), after listing them, so that the project
// can be opened for writing again. Our tables and their rows stay as they are.
class RepairCommand : public Command {
public:
    const char* name() const override { return "repair"; }
    const char* description() const override {
        return "List and remove triggers, views and other schema objects Lagebild did not create";
    }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project;
    bool m_dropTables = false;
    bool m_dryRun = false;
    bool m_json = false;
};

}  // namespace lb::cli
