// engine_bench — times the query engine and the hot-spot analyses in process, side by side with the same
// questions asked in SpatiaLite SQL (spatial index) on the same project file. Prints a Markdown table
// (median of --repeat runs, milliseconds). The external peers (QGIS heatmap, R spdep::localG) are run by
// bench/engine_bench.sh, which calls this program too.
//   engine_bench PROJECT [--repeat 5]

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "analysis/gistar.hpp"
#include "analysis/grid_spec.hpp"
#include "analysis/kde.hpp"
#include "bench_timing.hpp"
#include "core/parallel.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluator.hpp"
#include "engine/feature_table.hpp"
#include "engine/query_parse.hpp"
#include "project/session.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace {

using namespace lb;

using bench::median;
using bench::millis;

std::int64_t sqlCount(store::ProjectStore& s, const std::string& sql) {
    store::Statement st(s.db(), sql);
    std::int64_t total = 0;
    while (st.step()) total += st.columnInt(st.columnCount() - 1);
    return total;
}

void row(const std::string& task, double ours, const std::string& peer, double theirs, const std::string& check) {
    if (theirs > 0) {
        fmt::print("| {:<46} | {:>10.2f} | {:<22} | {:>10.2f} | {:>7.1f}× | {} |\n", task, ours, peer, theirs,
                   theirs / ours, check);
    } else {
        fmt::print("| {:<46} | {:>10.2f} | {:<22} | {:>10} | {:>8} | {} |\n", task, ours, peer, "–", "–", check);
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the query engine and hot-spot analyses against SpatiaLite SQL"};
    std::string path;
    int repeat = 5;
    app.add_option("PROJECT", path, "Project file (e.g. from lagebild demo --incidents 1000000)")->required();
    app.add_option("--repeat", repeat, "Runs per measurement (median)")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rows appear as they are measured

    auto session = project::Session::open(path, project::Session::Access::ReadOnly);
    store::ProjectStore* store = &session->store();  // the SpatiaLite peer runs its SQL on the same connection
    engine::Dataset& dataset = session->dataset();
    const double loadMs = millis([&] {
        dataset.table("incidents");
        dataset.table("districts", {"name", "population"});
        dataset.table("pois", {"amenity"});
    });
    const std::size_t n = dataset.table("incidents")->size();
    fmt::print("incidents: {}, worker threads: {}, load from the project file: {:.0f} ms (once per session)\n\n", n,
               core::workerCount(), loadMs);
    fmt::print("| task | Lagebild ms | peer | peer ms | speed-up | result check |\n|---|---:|---|---:|---:|---|\n");

    // Count by districts.
    engine::Query byDistricts;
    byDistricts.countBy = engine::parseGroupBy("districts");
    std::int64_t oursInZones = 0;
    const double tZones = median(repeat, [&] {
        const auto r = engine::runQuery(dataset, byDistricts);
        oursInZones = 0;
        for (const auto& g : r.groups) oursInZones += g.count;
    });
    std::int64_t sqlInZones = 0;
    const double tZonesSql = median(std::min(repeat, 3), [&] {
        sqlInZones = sqlCount(*store,
                              "SELECT d.id, (SELECT count(*) FROM incidents i WHERE ST_Within(i.geometry, d.geometry) "
                              "AND i.rowid IN (SELECT rowid FROM SpatialIndex WHERE f_table_name = 'incidents' AND "
                              "search_frame = d.geometry)) FROM districts d");
    });
    row("count by districts", tZones, "SpatiaLite SQL", tZonesSql, fmt::format("{} = {}", oursInZones, sqlInZones));

    // Within 150 m of schools.
    engine::Query nearSchools;
    nearSchools.within = engine::WithinDistance{150, engine::parseLayerRef("pois:amenity=school", "--of")};
    std::size_t oursNear = 0;
    const double tNear = median(repeat, [&] { oursNear = engine::runQuery(dataset, nearSchools).count(); });
    std::int64_t sqlNear = 0;
    // Driven from the schools (few) into the incidents' R*Tree: the fastest form we found for SpatiaLite.
    const double tNearSql = median(std::min(repeat, 3), [&] {
        sqlNear =
            sqlCount(*store,
                     "SELECT count(DISTINCT i.id) FROM pois p CROSS JOIN incidents i ON i.rowid IN (SELECT rowid FROM "
                     "SpatialIndex WHERE f_table_name = 'incidents' AND search_frame = "
                     "BuildCircleMbr(ST_X(p.geometry), ST_Y(p.geometry), 150)) AND ST_Distance(i.geometry, "
                     "p.geometry) <= 150 WHERE p.amenity = 'school'");
    });
    row("within 150 m of schools", tNear, "SpatiaLite SQL", tNearSql, fmt::format("{} = {}", oursNear, sqlNear));

    // KDE, radius 200 m, cell 10 m over the whole town.
    const auto held = dataset.table("incidents");
    const auto& incidents = *held;
    std::vector<double> xs(n), ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = incidents.geometry().pointX(i);
        ys[i] = incidents.geometry().pointY(i);
    }
    analysis::KdeOptions kde;
    kde.radius = 200;
    kde.cell = 10;
    const auto grid = analysis::kdeGrid(xs, ys, kde);
    const double tExact = median(std::min(repeat, 3), [&] { analysis::kernelDensity(xs, ys, kde); });
    kde.mode = analysis::KdeMode::Fast;
    const double tFast = median(repeat, [&] { analysis::kernelDensity(xs, ys, kde); });
    const std::string gridText = fmt::format("{}×{} cells", grid.columns, grid.rows);
    row("KDE quartic r=200 m cell=10 m, exact", tExact, "QGIS: engine_bench.sh", 0, gridText);
    row("KDE quartic r=200 m cell=10 m, fast (binned)", tFast, "(target < 50 ms at 100k)", 0, gridText);

    // Gi* on a 100 m grid with a 300 m band: counting into cells + neighbours + z, p, bins.
    std::size_t cells = 0;
    const double tGi = median(repeat, [&] {
        core::BBox box;
        for (std::size_t i = 0; i < n; ++i) box.add(xs[i], ys[i]);
        const auto g = analysis::GridSpec::fromExtent(analysis::snapOutward(box, 100), 100);
        std::vector<double> counts(g.size(), 0.0), cx(g.size()), cy(g.size());
        for (std::size_t i = 0; i < n; ++i) {
            const auto c = static_cast<std::size_t>((xs[i] - g.originX) / 100);
            const auto r = static_cast<std::size_t>((g.originY - ys[i]) / 100);
            counts[std::min(r, g.rows - 1) * g.columns + std::min(c, g.columns - 1)] += 1;
        }
        for (std::size_t r = 0; r < g.rows; ++r) {
            for (std::size_t c = 0; c < g.columns; ++c) {
                cx[r * g.columns + c] = g.centerX(c);
                cy[r * g.columns + c] = g.centerY(r);
            }
        }
        analysis::giStar(cx, cy, counts, {300, false});
        cells = g.size();
    });
    row("Gi* grid 100 m, band 300 m (count + Gi*)", tGi, "R spdep: engine_bench.sh", 0, fmt::format("{} cells", cells));
    return oursInZones == sqlInZones && static_cast<std::int64_t>(oursNear) == sqlNear ? 0 : 1;
}
