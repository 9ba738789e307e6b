#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild sql PROJECT "SELECT ..." [--json|--csv] [--timeout S]`: read-only SpatiaLite SQL for experts.
// A query past its time limit (default 60 s), 512 MB of SQLite memory or 256 MB of result is cancelled:
// exit 1 (kExitFailure) with "Abfrage abgebrochen: Zeitlimit …" (or Speicherlimit/Ergebnis), nothing changed.
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
    int m_timeoutSeconds = 60;
};

}  // namespace lb::cli
