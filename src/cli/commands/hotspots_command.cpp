#include "cli/commands/hotspots_command.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>

#include "cli/output_file.hpp"
#include "core/bbox_parse.hpp"
#include "core/error.hpp"
#include "engine/dataset.hpp"
#include "engine/query_parse.hpp"
#include "io/raster_writer.hpp"
#include "io/table_writer.hpp"
#include "project/hotspots.hpp"
#include "project/session.hpp"

namespace lb::cli {
namespace {

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

void HotspotsCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("--method", m_method, "kde or gistar")->required();
    m_filters.add(app);
    app.add_option("--out", m_out, "Output: .tif for kde, .gpkg or .csv for gistar");
    app.add_option("--kernel", m_kernel, "KDE kernel: quartic or gaussian")->capture_default_str();
    app.add_option("--radius", m_radius, "KDE radius (quartic) or bandwidth σ (gaussian) in metres")
        ->capture_default_str();
    app.add_option("--cell", m_cell, "Cell size in metres (KDE default 10; Gi* grid)");
    app.add_option("--extent", m_extent, "Grid extent minx,miny,maxx,maxy; the origin is its upper-left corner");
    app.add_option("--mode", m_mode, "KDE: exact, or fast (binned, error ≤ 2·(cell/radius)² of the kernel peak)")
        ->capture_default_str();
    app.add_option("--zones", m_zones, "Gi* on the zones of a polygon layer instead of a grid");
    app.add_option("--value", m_value, "Gi* on zones: a numeric zone attribute instead of incident counts");
    app.add_option("--distance", m_distance, "Gi*: distance band in metres between centroids");
    app.add_flag("--fdr", m_fdr, "Gi*: false discovery rate correction of the confidence levels");
    app.add_option("--compare-from", m_compareFrom, "Gi* hot-spot change: baseline period start");
    app.add_option("--compare-to", m_compareTo, "Gi* hot-spot change: baseline period end");
}

void HotspotsCommand::setup() {
    if (m_out.empty()) throw core::UsageError("--out FILE is missing", "kde writes .tif, gistar .gpkg or .csv");
    const engine::Query query = m_filters.build();
    const std::string ext = extensionOf(m_out);
    if (m_method == "kde") {
        if (ext != ".tif" && ext != ".tiff") throw core::UsageError("--out " + m_out + ": kde writes a GeoTIFF (.tif)");
        if (m_kernel != "quartic" && m_kernel != "gaussian") {
            throw core::UsageError("--kernel \"" + m_kernel + "\": use quartic or gaussian");
        }
        if (m_mode != "exact" && m_mode != "fast")
            throw core::UsageError("--mode \"" + m_mode + "\": use exact or fast");
        if (!(m_radius > 0)) throw core::UsageError("--radius must be a positive number of metres");
        if (m_cell == 0) m_cell = 10;
        if (!(m_cell > 0)) throw core::UsageError("--cell must be a positive number of metres");
        m_kde.kernel = m_kernel == "quartic" ? analysis::Kernel::Quartic : analysis::Kernel::Gaussian;
        m_kde.mode = m_mode == "exact" ? analysis::KdeMode::Exact : analysis::KdeMode::Fast;
        m_kde.radius = m_radius;
        m_kde.cell = m_cell;
        if (!m_extent.empty()) m_kde.extent = core::parseBBox(m_extent, "--extent");
        m_gi.query = query;
    } else if (m_method == "gistar") {
        if (ext != ".gpkg" && ext != ".csv") {
            throw core::UsageError("--out " + m_out + ": gistar writes a GeoPackage (.gpkg) or CSV (.csv)");
        }
        if (!(m_distance > 0)) throw core::UsageError("gistar needs --distance M (the distance band in metres)");
        if (m_zones.empty() == !(m_cell > 0)) throw core::UsageError("gistar needs either --cell M or --zones LAYER");
        if (!m_value.empty() && m_zones.empty()) throw core::UsageError("--value goes with --zones");
        if (m_compareFrom.empty() != m_compareTo.empty()) {
            throw core::UsageError("--compare-from and --compare-to go together");
        }
        m_gi.query = query;
        m_gi.cell = m_cell;
        m_gi.zones = m_zones;
        m_gi.valueAttribute = m_value;
        m_gi.options = {m_distance, m_fdr};
        if (!m_extent.empty()) m_gi.extent = core::parseBBox(m_extent, "--extent");
        if (!m_compareFrom.empty()) {
            m_gi.compareFrom = engine::parseFromTime(m_compareFrom, "--compare-from");
            m_gi.compareTo = engine::parseToTime(m_compareTo, "--compare-to");
        }
    } else {
        throw core::UsageError("--method \"" + m_method + "\": use kde or gistar");
    }
}

int HotspotsCommand::run() {
    checkOutputFile(m_out);
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    engine::Dataset& dataset = session->dataset();
    const std::string& crs = session->crs();
    if (m_method == "kde") {
        io::writeGeoTiff(m_out, project::kdeRaster(dataset, m_gi.query, m_kde, crs));
        return 0;
    }
    const io::OutputTable table = project::giStarTable(dataset, m_gi, crs);
    if (extensionOf(m_out) == ".csv") {
        io::writeCsvFile(m_out, table);
    } else {
        io::writeGeoPackage(m_out, table);
    }
    return 0;
}

}  // namespace lb::cli
