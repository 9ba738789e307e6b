#pragma once

#include <string>

#include "cli/command.hpp"
#include "cli/query_options.hpp"
#include "project/hotspots.hpp"

namespace lb::cli {

// `lagebild hotspots PROJECT --method kde|gistar [filters as query] --out FILE`
//   KDE:  --kernel quartic|gaussian --radius M --cell M [--extent minx,miny,maxx,maxy] [--mode exact|fast] → .tif
//   Gi*:  --cell M | --zones LAYER [--value ATTR], --distance M [--fdr]
//         [--compare-from DATE --compare-to DATE] → .gpkg or .csv
class HotspotsCommand : public Command {
public:
    const char* name() const override { return "hotspots"; }
    const char* description() const override {
        return "Hot spots: kernel density (GeoTIFF) or Getis-Ord Gi* on a grid or zones (GeoPackage/CSV)";
    }
    void addOptions(CLI::App& app) override;
    void setup() override;
    int run() override;

private:
    std::string m_project, m_method, m_out, m_kernel = "quartic", m_mode = "exact", m_extent, m_zones, m_value;
    std::string m_compareFrom, m_compareTo;
    double m_radius = analysis::kDefaultKdeRadiusMetres, m_cell = 0, m_distance = 0;
    bool m_fdr = false;
    QueryOptions m_filters;
    analysis::KdeOptions m_kde;
    project::GiStarRequest m_gi;
};

}  // namespace lb::cli
