#pragma once

#include <string>
#include <vector>

#include "cli/command.hpp"

namespace lb::cli {

// `lagebild export PROJECT --out FILE.gpkg|.geojson|.csv [--layer L] [--public [--k N] [--cell M]]
//  [--csv german|international] [--language de|en] [--style FILE] [--json]`
//
// A .gpkg holds every layer (default: all with features) and their QGIS styles; a .geojson or .csv holds
// one layer, so an export to them that would write several needs --layer. --public writes the base map,
// graffiti, measures and districts without personal columns, and the incidents only as counts per grid
// cell (incidents_grid) and district (incidents_districts), none under k.
class ExportCommand : public Command {
public:
    const char* name() const override { return "export"; }
    const char* description() const override {
        return "Export layers to GeoPackage (with QGIS styles), GeoJSON or CSV; --public: aggregates only";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project, m_out, m_csv = "german", m_language = "de", m_style;
    std::vector<std::string> m_layers;
    bool m_public = false;
    bool m_json = false;
    int m_k = 5;
    double m_cell = 250;
    bool m_kGiven = false;
};

}  // namespace lb::cli
