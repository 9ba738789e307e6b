#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild sql PROJECT "SELECT ..." [--json|--csv]`: read-only SpatiaLite SQL for experts.
class SqlCommand : public Command {
public:
    const char* name() const override { return "sql"; }
    const char* description() const override {
        return "Run read-only SpatiaLite SQL on a project; statements that would write are refused";
    }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project, m_sql;
    bool m_json = false, m_csv = false;
};

}  // namespace lb::cli
