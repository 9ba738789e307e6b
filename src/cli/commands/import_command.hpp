#pragma once

#include <string>

#include "cli/command.hpp"
#include "io/import_mapping.hpp"

namespace lb::cli {

class ImportCommand : public Command {
public:
    const char* name() const override { return "import"; }
    const char* description() const override { return "Import a thematic layer from CSV, GeoJSON or GeoPackage"; }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project;
    std::string m_layer;
    std::string m_file;
    io::ImportMapping m_mapping;
    bool m_strict = false;
    bool m_allowDuplicates = false;
    bool m_forceLocation = false;
    bool m_json = false;
    std::string m_matchReport;  // --match-report FILE.csv (with --address)
};

}  // namespace lb::cli
