#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild purge PROJECT --older-than DAYS`: the audit log's retention period. Audit rows older than DAYS
// keep who, when, what kind of change, which feature and which fields, but lose the old and new values.
class PurgeCommand : public Command {
public:
    const char* name() const override { return "purge"; }
    const char* description() const override {
        return "Remove the old and new values of audit-log rows older than a retention period";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project;
    int m_days = -1;
    bool m_json = false;
};

}  // namespace lb::cli
