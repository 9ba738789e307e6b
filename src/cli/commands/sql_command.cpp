#include "cli/commands/sql_command.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "core/error.hpp"
#include "io/table_writer.hpp"
#include "store/sql_console.hpp"

namespace lb::cli {
namespace {

nlohmann::json valueJson(const core::Value& v) {
    return std::visit(
        [](const auto& x) -> nlohmann::json {
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>) {
                return nullptr;
            } else {
                return x;
            }
        },
        v);
}

// Display width of UTF-8 text: code points, not bytes (umlauts in district names).
std::size_t displayWidth(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void printTable(const store::SqlResult& result) {
    std::vector<std::size_t> widths;
    for (const auto& c : result.columns) widths.push_back(displayWidth(c));
    for (const auto& row : result.rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(core::toString(row[c])));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) text += " | ";
            text += cells[c] + std::string(widths[c] - std::min(widths[c], displayWidth(cells[c])), ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        fmt::print("{}\n", text);
    };
    line(result.columns);
    std::vector<std::string> rule;
    for (std::size_t w : widths) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& row : result.rows) {
        std::vector<std::string> cells;
        for (const auto& v : row) cells.push_back(core::toString(v));
        line(cells);
    }
}

}  // namespace

void SqlCommand::addOptions(CLI::App& app) {
    app.add_option("PROJECT", m_project, "Project file")->required();
    app.add_option("SQL", m_sql, "SELECT statement(s)")->required();
    app.add_flag("--json", m_json, "Print {\"columns\": [...], \"rows\": [[...]]} (a list for several statements)");
    app.add_flag("--csv", m_csv, "Print CSV");
    app.add_option("--timeout", m_timeoutSeconds,
                   "Cancel the query after this many seconds (exit 1, \"Abfrage abgebrochen: Zeitlimit\")")
        ->check(CLI::Range(1, 86400));
}

int SqlCommand::run() {
    store::SqlLimits limits;
    limits.time = std::chrono::seconds(m_timeoutSeconds);
    limits.processHeapLimit = true;  // this process runs nothing else meanwhile
    std::vector<store::SqlResult> results;
    try {
        results = store::runReadOnlySql(m_project, m_sql, limits);
    } catch (const store::SqlLimitError& e) {
        throw core::ProcessingError(e.what(), e.limit() == store::SqlLimitError::Limit::Time
                                                  ? "narrow the query with WHERE or LIMIT, or allow more --timeout"
                                                  : "narrow the query with WHERE or LIMIT");
    }
    if (m_json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& r : results) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& row : r.rows) {
                nlohmann::json cells = nlohmann::json::array();
                for (const auto& v : row) cells.push_back(valueJson(v));
                rows.push_back(cells);
            }
            all.push_back({{"columns", r.columns}, {"rows", rows}});
        }
        fmt::print("{}\n", (all.size() == 1 ? all[0] : all).dump(2));
        return 0;
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (i > 0) fmt::print("\n");
        if (m_csv) {
            io::OutputTable table;
            for (const auto& c : results[i].columns) table.fields.push_back({c, io::FieldType::Text});
            table.rows = results[i].rows;
            std::fflush(stdout);
            io::writeCsv(std::cout, table);
            std::cout.flush();
        } else {
            printTable(results[i]);
        }
    }
    return 0;
}

}  // namespace lb::cli
