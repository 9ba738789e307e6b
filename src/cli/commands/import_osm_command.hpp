#pragma once

#include <string>

#include "cli/command.hpp"

namespace lb::cli {

class ImportOsmCommand : public Command {
public:
    const char* name() const override { return "import-osm"; }
    const char* description() const override {
        return "Import the OSM base map (.osm, .osm.pbf, .osm.bz2); replaces the base-map layers";
    }
    void addOptions(CLI::App& app) override;
    int run() override;

private:
    std::string m_project;
    std::string m_file;
    std::string m_bbox, m_bboxWgs84, m_boundary;
    bool m_json = false;
};

}  // namespace lb::cli
