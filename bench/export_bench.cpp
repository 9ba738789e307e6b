// export_bench — times `lagebild export`'s public path on a project (issue 11): the incidents read and
// aggregated through the public gate (incidents_grid, incidents_districts), the GeoPackage written, and
// the same grid counted by SpatiaLite SQL on the project file as the in-process peer. Median of --repeat
// runs, milliseconds. bench/export_bench.sh adds the wall time of the real command and ogr2ogr's export of
// the raw incidents layer.
//   export_bench PROJECT [--repeat 3] [--cell 250] [--k 5]

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "bench_timing.hpp"
#include "project/layer_export.hpp"
#include "render/style.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

int main(int argc, char** argv) {
    using namespace lb;
    CLI::App app{"Times the public export of the incidents"};
    std::string path;
    int repeat = 3, k = 5;
    double cell = 250;
    app.add_option("PROJECT", path)->required();
    app.add_option("--repeat", repeat);
    app.add_option("--cell", cell);
    app.add_option("--k", k);
    CLI11_PARSE(app, argc, argv);

    const auto out = std::filesystem::temp_directory_path() / "lagebild-export-bench.gpkg";
    std::unique_ptr<store::ProjectStore> store;
    const double open =
        bench::millis([&] { store = store::ProjectStore::open(path, store::ProjectStore::Access::ReadOnly); });
    const auto gate = project::OutputGate::forPublic(k);
    project::ExportOptions options;
    options.layers = {"incidents"};
    options.cell = cell;
    const auto style = render::Style::load(render::defaultStylePath());
    std::vector<project::Released<io::OutputTable>> tables;
    const std::clock_t cpuStart = std::clock();
    const double aggregate = bench::median(repeat, [&] { tables = project::exportTables(*store, gate, options); });
    const double aggregateCpu =
        1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC / std::max(1, repeat);
    const double write = bench::median(repeat, [&] { project::writeExport(out, tables, options, style); });
    std::int64_t sqlCells = 0;
    const double sql = bench::median(repeat, [&] {
        store::Statement st(store->db(), "SELECT floor(ST_X(geometry) / " + std::to_string(cell) +
                                             "), floor(ST_Y(geometry) / " + std::to_string(cell) +
                                             "), count(*) FROM incidents GROUP BY 1, 2");
        sqlCells = 0;
        while (st.step()) ++sqlCells;
    });
    std::filesystem::remove(out);
    fmt::print("incidents: {}  cells shown: {}  districts: {}  (k = {}, cell {} m)\n",
               store->count(core::LayerId::Incidents), tables[0]->rows.size(),
               tables.size() > 1 ? tables[1]->rows.size() : 0, k, cell);
    fmt::print("| step | ms |\n|---|---:|\n");
    fmt::print("| open the project | {:.1f} |\n", open);
    fmt::print("| read + aggregate through the public gate (grid + districts) | {:.1f} (CPU {:.1f}) |\n", aggregate,
               aggregateCpu);
    fmt::print("| write the GeoPackage (2 layers + layer_styles) | {:.1f} |\n", write);
    fmt::print("| peer: SpatiaLite SQL grid count only ({} cells before suppression) | {:.1f} |\n", sqlCells, sql);
    return 0;
}
