#pragma once

#include <string>

#include "cli/command.hpp"
#include "cli/query_options.hpp"

namespace lb::cli {

// `lagebild query PROJECT --layer L [filters] [--count-by G] [--format table|csv|json|gpkg] [--out FILE]`
class QueryCommand : public Command {
public:
    const char* name() const override { return "query"; }
    const char* description() const override {
        return "Filter a layer (attributes, time, hours, weekdays, inside/within other layers, bbox) and count";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project, m_countBy, m_format = "table", m_out;
    bool m_ids = false;
    bool m_json = false;
    QueryOptions m_filters;
    engine::Query m_query;
};

}  // namespace lb::cli
