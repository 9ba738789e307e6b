// attribute_table_bench — times the attribute table's model (issue 18) on a layer of a project: reading it,
// sorting by each column, filtering, searching, selecting, copying; side by side with what a table backed by
// SQL would run for the same step (SpatiaLite: ORDER BY / WHERE LIKE on the project file). Prints a Markdown
// table (median of --repeat runs, milliseconds) and the memory the table takes.
//   attribute_table_bench PROJECT [--layer incidents] [--repeat 3]
// The frame times of the real GUI scrolling and sorting the same table: bench/attribute_table_gui.sh.

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <vector>

#include "bench_timing.hpp"
#include "core/layer.hpp"
#include "project/attribute_table.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "ui/attribute_table_model.hpp"

namespace {

using namespace lb;

using bench::median;
using bench::millis;

// Resident memory of this process in MiB (Linux /proc/self/statm).
double residentMiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

std::int64_t sqlRows(store::ProjectStore& store, const std::string& sql) {
    store::Statement st(store.db(), sql);
    std::int64_t n = 0;
    while (st.step()) ++n;
    return n;
}

void row(const std::string& task, double ours, const std::string& peer, double theirs, const std::string& check) {
    if (theirs > 0) {
        fmt::print("| {:<40} | {:>9.1f} | {:<34} | {:>9.1f} | {} |\n", task, ours, peer, theirs, check);
    } else {
        fmt::print("| {:<40} | {:>9.1f} | {:<34} | {:>9} | {} |\n", task, ours, peer, "–", check);
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the attribute table's model on a project layer"};
    std::string path, layerName = "incidents";
    int repeat = 3;
    app.add_option("PROJECT", path, "Project file (e.g. from lagebild demo --incidents 1000000)")->required();
    app.add_option("--layer", layerName, "Layer")->capture_default_str();
    app.add_option("--repeat", repeat, "Runs per measurement (median)")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const auto layer = core::layerFromName(layerName);
    if (!layer) {
        std::fprintf(stderr, "unknown layer %s\n", layerName.c_str());
        return 2;
    }

    auto store = store::ProjectStore::open(path, store::ProjectStore::Access::ReadOnly);
    const double before = residentMiB();
    std::shared_ptr<const project::AttributeTable> table;
    const double readMs = millis(
        [&] { table = std::make_shared<const project::AttributeTable>(project::readAttributeTable(*store, *layer)); });
    const double memory = residentMiB() - before;
    ui::AttributeTableModel model;
    model.setTable(table);
    fmt::print("layer {}: {} rows, {} columns; read {:.0f} ms, {:.0f} MiB resident for the table\n\n", layerName,
               table->rows(), table->columns.size(), readMs, memory);
    fmt::print(
        "| step | Lagebild ms | SQL peer (SpatiaLite, same file) | peer ms | check |\n|---|---:|---|---:|---|\n");
    const double sqlRead = median(1, [&] { sqlRows(*store, "SELECT * FROM " + layerName); });
    row("read the layer into the table", readMs, "SELECT * (rows stepped only)", sqlRead, "");

    for (std::size_t c = 1; c < model.columnCount(); ++c) {
        const std::string name = model.columnName(c);
        const double asc = median(repeat, [&] { model.sortBy(static_cast<int>(c), false); });
        const auto first = model.visible().empty() ? std::string() : std::string(model.stored(c, model.visible()[0]));
        const double desc = median(repeat, [&] { model.sortBy(static_cast<int>(c), true); });
        const double sql = median(1, [&] {
            sqlRows(*store, "SELECT id FROM " + layerName + " ORDER BY " + store::quoteIdentifier(name) + ", id");
        });
        row("sort by " + name + " (asc / desc max)", std::max(asc, desc), "SELECT id … ORDER BY " + name, sql,
            "first: " + first.substr(0, 24));
    }
    model.sortBy(-1, false);

    auto filterRow = [&](std::size_t column, const std::string& text, const std::string& sqlWhere) {
        double ms = median(repeat, [&] {
            model.setFilter(column, "");
            model.setFilter(column, text);
        });
        const std::size_t shown = model.visible().size();
        std::int64_t sqlCount = 0;
        const double sql =
            median(1, [&] { sqlCount = sqlRows(*store, "SELECT id FROM " + layerName + " WHERE " + sqlWhere); });
        row("filter " + model.columnName(column) + " '" + text + "'", ms, "WHERE " + sqlWhere, sql,
            fmt::format("{} rows (SQL {})", shown, sqlCount));
        model.setFilter(column, "");
    };
    if (auto c = table->columnIndex("category")) filterRow(*c + 1, "graffiti", "category LIKE '%graffiti%'");
    if (auto c = table->columnIndex("weight")) filterRow(*c + 1, "> 1,5", "weight > 1.5");
    if (auto c = table->columnIndex("name")) filterRow(*c + 1, "bahnhof", "name LIKE '%bahnhof%'");
    if (auto c = table->columnIndex("time")) filterRow(*c + 1, "2026-03", "time LIKE '%2026-03%'");

    const double search = median(repeat, [&] {
        model.setSearch("");
        model.setSearch("ruhest");
    });
    row("search all columns 'ruhest'", search, "", 0, fmt::format("{} rows", model.visible().size()));
    model.setSearch("");

    const double selectAll = median(repeat, [&] {
        model.clearSelection();
        model.selectAllVisible();
    });
    core::BBox bounds;
    const double boundsMs = median(repeat, [&] { bounds = model.selectionBounds(); });
    row("select all rows", selectAll, "", 0, fmt::format("{} selected", model.selectedCount()));
    row("bounds of the selection (zoom)", boundsMs, "", 0,
        fmt::format("{:.0f} × {:.0f} m", bounds.width(), bounds.height()));
    std::vector<std::uint32_t> some;
    for (std::uint32_t r = 0; r < table->rows() && some.size() < 10000; r += 7) some.push_back(r);
    std::size_t bytes = 0;
    const double copy =
        median(repeat, [&] { bytes = project::selectionText(*table, some, project::OutputGate::internal()).size(); });
    row("copy 10,000 selected rows (TSV)", copy, "", 0, fmt::format("{} KiB", bytes / 1024));
    return 0;
}
