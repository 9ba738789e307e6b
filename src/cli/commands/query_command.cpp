#include "cli/commands/query_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/output_file.hpp"
#include "core/error.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"
#include "engine/query_json.hpp"
#include "engine/query_parse.hpp"
#include "engine/where_check.hpp"
#include "project/query_export.hpp"
#include "project/session.hpp"

namespace lb::cli {
namespace {

nlohmann::json groupJson(const engine::Group& g) {
    nlohmann::json out{{"key", g.key}, {"count", g.count}};
    if (g.zoneId) out["zone_id"] = *g.zoneId;
    if (g.population) out["population"] = *g.population;
    if (g.ratePerThousand) out["rate_per_1000"] = *g.ratePerThousand;
    if (g.cell) out["cell"] = {g.cell->minX, g.cell->minY, g.cell->maxX, g.cell->maxY};
    return out;
}

}  // namespace

void QueryCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    m_filters.add(app);
    app.add_option("--count-by", m_countBy,
                   "Group counts by a polygon LAYER, hour, weekday, month, category, grid:SIZE, hour-weekday or "
                   "month-category");
    app.add_option("--format", m_format, "table, csv, json or gpkg")->capture_default_str();
    app.add_option("--out", m_out, "Write to FILE instead of stdout (needed for gpkg)");
    app.add_flag("--ids", m_ids, "List the ids of the matching features (table/json)");
    app.add_flag("--json", m_json, "Same as --format json");
}

void QueryCommand::setup() {
    if (m_json) m_format = "json";
    if (m_format != "table" && m_format != "csv" && m_format != "json" && m_format != "gpkg") {
        throw core::UsageError("--format \"" + m_format + "\": use table, csv, json or gpkg");
    }
    if (m_format == "gpkg" && m_out.empty()) throw core::UsageError("--format gpkg needs --out FILE.gpkg");
    m_query = m_filters.build();
    if (!m_countBy.empty()) m_query.countBy = engine::parseGroupBy(m_countBy);
    const auto kind = m_query.countBy.kind;
    if (m_format == "gpkg" && kind != engine::GroupKind::None && kind != engine::GroupKind::Zones &&
        kind != engine::GroupKind::Grid) {
        throw core::UsageError("--format gpkg writes features, zones or grid cells; use csv or json for --count-by " +
                               m_countBy);
    }
}

int QueryCommand::run() {
    if (!m_out.empty()) checkOutputFile(m_out);
    auto session = project::Session::open(m_project, project::Session::Access::ReadOnly);
    engine::Dataset& dataset = session->dataset();
    // A --where value no feature has: told on stderr with the closest values (a label is read as its id).
    for (const auto& note : engine::checkWhereValues(dataset, m_query)) std::cerr << note << '\n';
    const engine::QueryResult result = engine::runQuery(dataset, m_query);
    const bool grouped = m_query.countBy.kind != engine::GroupKind::None;
    const std::string& crs = session->crs();

    if (m_format == "gpkg") {
        io::writeGeoPackage(m_out, grouped ? project::groupsTable(result, m_query.countBy, crs, &dataset)
                                           : project::featuresTable(result, crs));
        return 0;
    }
    std::ostringstream text;
    if (m_format == "csv") {
        io::writeCsv(
            text, grouped ? project::groupsTable(result, m_query.countBy, crs) : project::featuresTable(result, crs));
    } else if (m_format == "json") {
        nlohmann::json out;
        out["count"] = result.count();
        if (grouped) {
            out["groups"] = nlohmann::json::array();
            for (const auto& g : result.groups) out["groups"].push_back(groupJson(g));
        }
        if (!result.matrix.empty()) {
            out["matrix"] = {{"rows", {"mo", "di", "mi", "do", "fr", "sa", "so"}}, {"values", result.matrix}};
        }
        if (m_ids) {
            out["ids"] = nlohmann::json::array();
            for (std::uint32_t row : result.rows) out["ids"].push_back(result.table->id(row));
        }
        out["query"] = engine::toJson(m_query);
        text << out.dump(2) << '\n';
    } else {
        text << fmt::format("{} features of {} match\n", result.count(), m_query.layer);
        if (grouped) {
            text << '\n';
            for (const auto& g : result.groups) {
                text << fmt::format("{:<28} {:>9}", g.key, g.count);
                if (g.ratePerThousand) text << fmt::format("  {:>8.2f} per 1,000 inhabitants", *g.ratePerThousand);
                text << '\n';
            }
        }
        if (m_ids) {
            for (std::uint32_t row : result.rows) text << result.table->id(row) << '\n';
        }
    }
    if (m_out.empty()) {
        std::cout << text.str();
    } else {
        writeTextFile(m_out, text.str());
    }
    return 0;
}

}  // namespace lb::cli
