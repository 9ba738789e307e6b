// Section index: [query work] [controller] [actions]
#include "ui/analysis/analysis_controller.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/time.hpp"
#include "engine/aggregate.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"
#include "engine/query_json.hpp"
#include "project/gistar_overlay.hpp"
#include "project/hotspots.hpp"
#include "project/project.hpp"
#include "project/query_export.hpp"
#include "project/session.hpp"
#include "ui/task_queue.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

namespace {

double msSince(std::chrono::steady_clock::time_point begin) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
}

// [query work]

void fillSample(QueryOutcome& out) {
    const engine::FeatureTable& table = *out.result.table;
    out.columns.push_back("id");
    if (table.hasTime()) out.columns.push_back("time");
    for (const auto& name : table.attributeNames()) out.columns.push_back(name);
    const std::size_t n = std::min(out.result.rows.size(), AnalysisController::kSampleRows);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t row = out.result.rows[i];
        std::vector<std::string> values{std::to_string(table.id(row))};
        if (table.hasTime()) {
            values.push_back(table.time(row) == engine::kNoTime ? std::string()
                                                                : core::formatBerlin(core::Timestamp{table.time(row)}));
        }
        for (const auto& name : table.attributeNames()) values.emplace_back(table.attribute(name).value(row));
        out.sample.push_back(std::move(values));
    }
}

void fillMatches(QueryOutcome& out) {
    const engine::FeatureTable& table = *out.result.table;
    auto set = std::make_shared<render::FeatureSet>();
    set->layer = table.layer();
    set->fids.reserve(out.result.rows.size());
    const engine::GeometryColumn& geometry = table.geometry();
    for (std::uint32_t row : out.result.rows) {
        set->fids.push_back(table.id(row));
        const auto [x, y] = geometry.allPoints() ? std::pair{geometry.pointX(row), geometry.pointY(row)}
                                                 : geometry.representativePoint(row);
        if (!std::isnan(x)) out.extent.add(x, y);
    }
    std::sort(set->fids.begin(), set->fids.end());
    out.matches = std::move(set);
}

// Gi* of the matches into out->hotspots; a refusal (e.g. every cell has the same count) is only noted.
void fillHotspots(project::Session& session, QueryOutcome& out, const HotspotSettings& settings,
                  const project::OutputGate& gate) {
    try {
        const auto begin = std::chrono::steady_clock::now();
        const io::OutputTable table = project::giStarOfRows(session.dataset(), *out.result.table, out.result.rows,
                                                            giStarRequest(settings), session.crs());
        auto overlay = gate.hotspots(table);
        out.hotspotUnits = table.rows.size();
        out.hotSpots = out.coldSpots = 0;
        const render::SceneLayer& cells = (*overlay)->layer;
        for (std::size_t i = 0; i < cells.featureCount(); ++i) {
            const std::string& bin = cells.classNames[cells.classIndex[i]];
            ++(bin.starts_with('-') ? out.coldSpots : out.hotSpots);
        }
        out.hotspots = std::move(overlay);
        out.hotspotMs = msSince(begin);
        std::fprintf(stderr, "info: Gi* of %zu incidents in %.1f ms: %zu %s, %zu hot, %zu cold shown\n",
                     out.result.count(), out.hotspotMs, out.hotspotUnits, settings.zones ? "zones" : "cells",
                     out.hotSpots, out.coldSpots);
    } catch (const std::exception& e) {
        out.hotspotError = e.what();
    }
}

// The figures the panels print, through the gate (QueryOutcome::shownCounts…): the one place the result
// panels take their numbers from, whatever the mode.
void fillShown(QueryOutcome& out, const project::OutputGate& gate) {
    std::vector<std::pair<std::string, std::int64_t>> groups;
    if (out.result.groups.empty()) {
        groups.emplace_back("", static_cast<std::int64_t>(out.result.count()));
    } else {
        for (const auto& g : out.result.groups) groups.emplace_back(g.key, g.count);
    }
    out.shownCounts = gate.counts(project::CountTable::list(groups));
    if (out.hourWeekday.size() == 7) {
        project::CountTable matrix;
        for (int d = 0; d < 7; ++d) matrix.rows.push_back(std::to_string(d));
        for (int h = 0; h < 24; ++h) matrix.columns.push_back(std::to_string(h));
        matrix.cells = out.hourWeekday;
        out.shownHourWeekday = gate.counts(matrix);
    }
    if (!out.monthly.empty()) {
        project::CountTable trend;
        std::set<std::string> months;
        for (const auto& [category, counts] : out.monthly) {
            for (const auto& [month, n] : counts) months.insert(month);
        }
        trend.columns.assign(months.begin(), months.end());
        for (const auto& [category, counts] : out.monthly) {
            trend.rows.push_back(category);
            auto& row = trend.cells.emplace_back();
            for (const auto& month : trend.columns) {
                const auto it = counts.find(month);
                row.push_back(it == counts.end() ? 0 : it->second);
            }
        }
        out.shownMonthly = gate.counts(trend);
    }
    out.rowsShown = gate.layerAllowed(out.query.layer);
    if (!out.rowsShown) {
        out.sample.clear();
        out.columns.clear();
        return;
    }
    // Columns the gate does not let out (authors, notes, …) leave the sample too.
    for (std::size_t c = out.columns.size(); c-- > 0;) {
        if (gate.columnAllowed(out.columns[c])) continue;
        out.columns.erase(out.columns.begin() + static_cast<std::ptrdiff_t>(c));
        for (auto& row : out.sample) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
    }
}

std::shared_ptr<QueryOutcome> runQueryWork(project::Session& session, const engine::Query& query,
                                           const HeatmapSettings& heat, const HotspotSettings& hotspots,
                                           const project::OutputGate& gate) {
    auto out = std::make_shared<QueryOutcome>();
    out->query = query;
    try {
        const auto begin = std::chrono::steady_clock::now();
        // Every attribute of the layer, once: the result table, the trend by category and the export use them.
        session.dataset().table(query.layer, session.dataset().attributeNames(query.layer));
        out->result = engine::runQuery(session.dataset(), query);
        const engine::FeatureTable& table = *out->result.table;
        fillSample(*out);
        fillMatches(*out);
        if (table.hasTime()) {
            out->hourWeekday = engine::hourWeekdayMatrix(table, out->result.rows);
            if (table.hasAttribute("category")) out->monthly = engine::monthlyTrend(table, out->result.rows);
        }
        fillShown(*out, gate);
        out->queryMs = msSince(begin);
        if (heat.on && !out->result.rows.empty()) {
            const auto heatBegin = std::chrono::steady_clock::now();
            const project::Locations points = project::locationsOfRows(table, out->result.rows);
            out->heatmap = gate.density(points.x, points.y, kdeOptions(heat));
            out->heatmapMs = msSince(heatBegin);
            if (const auto& overlay = **out->heatmap) {
                std::fprintf(stderr, "info: heatmap of %zu incidents in %.1f ms (%d x %d cells)\n", out->result.count(),
                             out->heatmapMs, overlay->columns, overlay->rows);
            }
        }
        if (hotspots.on && !out->result.rows.empty()) fillHotspots(session, *out, hotspots, gate);
    } catch (const std::exception& e) {
        out->error = e.what();
    }
    return out;
}

}  // namespace

// [controller]

AnalysisController::AnalysisController(Workspace& workspace, JobRunner& jobs)
    : m_workspace(workspace), m_runner(jobs, "analysis") {}

AnalysisController::~AnalysisController() = default;

void AnalysisController::update(bool panelsOpen) {
    if (m_workspace.loadGeneration() != m_generation) {
        m_generation = m_workspace.loadGeneration();
        m_dataGeneration = m_workspace.dataGeneration();
        m_session = m_workspace.reader();
        m_outcome.reset();
        m_sql.reset();
        m_dirty = true;
        applyMapState();
    }
    if (m_workspace.dataGeneration() != m_dataGeneration) {
        m_dataGeneration = m_workspace.dataGeneration();
        m_dirty = true;  // an edit changed layers: the reader's dataset reads them again
    }
    if (m_workspace.publicMode() != m_publicMode) {
        m_publicMode = m_workspace.publicMode();
        m_dirty = true;  // heat and hot-spot maps pass the other gate now
    }
    const bool wanted = panelsOpen || m_heatmap.on || m_hotspots.on || m_showMatches;
    if (m_dirty && wanted && m_workspace.state() == DocumentState::Ready) {
        m_dirty = false;
        schedule();
    }
}

void AnalysisController::schedule() {
    FormResult built = buildQuery(m_form);
    m_formError = built.error;
    if (!built.query) return;
    if (!m_session) return;
    m_runner.submit(
        "query",
        [this, session = m_session, query = *built.query, heat = m_heatmap, hotspots = m_hotspots,
         generation = m_generation, gate = m_workspace.outputGate()](core::Progress&) mutable -> JobRunner::Completion {
            std::shared_ptr<QueryOutcome> out;
            try {
                out = runQueryWork(*session, query, heat, hotspots, gate);
                out->session = session;
            } catch (const std::exception& e) {
                out = std::make_shared<QueryOutcome>();
                out->query = query;
                out->error = e.what();
            }
            return [this, out, generation] {
                if (generation != m_generation) return;  // a different project by now
                apply(out);
            };
        });
}

void AnalysisController::apply(std::shared_ptr<QueryOutcome> outcome) {
    m_outcome = std::move(outcome);
    applyMapState();
}

void AnalysisController::applyMapState() {
    const bool have = m_outcome && m_outcome->error.empty();
    m_workspace.setHighlightSet(have && m_showMatches ? m_outcome->matches : nullptr);
    m_workspace.setHeatmap(have && m_heatmap.on ? m_outcome->heatmap : std::nullopt, m_heatmap.opacity);
    m_workspace.setHotspots(have && m_hotspots.on ? m_outcome->hotspots : std::nullopt, m_hotspots.opacity);
}

// [actions]

void AnalysisController::setForm(const QueryForm& form) {
    if (form == m_form) return;
    m_form = form;
    m_dirty = true;
}

void AnalysisController::setHeatmap(const HeatmapSettings& settings) {
    if (settings == m_heatmap) return;
    const bool recompute =
        settings.on != m_heatmap.on || settings.radius != m_heatmap.radius || settings.cell != m_heatmap.cell;
    m_heatmap = settings;
    if (recompute && settings.on) m_dirty = true;
    applyMapState();
}

void AnalysisController::setHotspots(const HotspotSettings& settings) {
    if (settings == m_hotspots) return;
    if (settings.recomputes(m_hotspots)) m_dirty = true;
    m_hotspots = settings;
    applyMapState();
}

void AnalysisController::showMatches(bool on) {
    m_showMatches = on;
    applyMapState();
}

void AnalysisController::zoomToMatches() {
    if (m_outcome && !m_outcome->extent.empty()) m_workspace.camera().zoomToExtent(m_outcome->extent);
}

void AnalysisController::exportResult(const std::filesystem::path& file, bool groups) {
    if (!m_outcome || !m_outcome->session || !m_outcome->error.empty()) return;
    std::shared_ptr<const QueryOutcome> outcome = m_outcome;
    const Translator tr = m_workspace.tr();
    m_runner.submit(
        "export",
        [this, outcome, file, groups, tr, gate = m_workspace.outputGate()](core::Progress&) -> JobRunner::Completion {
            Notice notice;
            try {
                project::writeQueryResult(file, outcome->result, outcome->query.countBy, groups,
                                          outcome->session->crs(), outcome->session->dataset(), outcome->query.layer,
                                          gate);
                notice.text = tr.format(Str::QueryExported, file.string());
            } catch (const std::exception& e) {
                notice = {true, e.what(), {}};
            }
            return [this, notice] { m_workspace.notices().push(notice); };
        });
}

void AnalysisController::runSql(const std::string& sql) {
    const std::string path = m_workspace.projectPath();
    if (path.empty()) return;
    m_sqlRunning = true;
    const Translator tr = m_workspace.tr();
    m_runner.submit("sql", [this, path, sql, tr, generation = m_generation](core::Progress&) -> JobRunner::Completion {
        auto out = std::make_shared<SqlOutcome>();
        const auto begin = std::chrono::steady_clock::now();
        // The console shares the analysis worker: a short deadline, and only the rows the table shows are kept
        // (the rest are counted). No process-wide heap limit: other workers use SQLite meanwhile.
        project::SqlLimits limits;
        limits.time = kSqlTimeLimit;
        limits.keptRows = kSqlKeptRows;
        try {
            out->results = project::runConsoleSql(path, sql, limits);
        } catch (const project::SqlLimitError& e) {
            switch (e.limit()) {
                case project::SqlLimitError::Limit::Time:
                    out->error = tr.format(
                        Str::SqlTimeLimit,
                        static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(limits.time).count()));
                    break;
                case project::SqlLimitError::Limit::Memory:
                    out->error = tr.format(Str::SqlMemoryLimit, static_cast<int>(limits.memoryBytes >> 20));
                    break;
                case project::SqlLimitError::Limit::ResultSize:
                    out->error = tr.format(Str::SqlResultLimit, static_cast<int>(limits.resultBytes >> 20));
                    break;
            }
        } catch (const std::exception& e) {
            out->error = e.what();
        }
        out->ms = msSince(begin);
        return [this, out, generation] {
            m_sqlRunning = false;
            if (generation == m_generation) m_sql = out;
        };
    });
}

std::optional<std::string> AnalysisController::loadQueryFile(const std::filesystem::path& file) {
    try {
        std::ifstream in(file);
        if (!in) return file.string() + ": cannot be read";
        const nlohmann::json json = nlohmann::json::parse(in);
        setForm(formFromQuery(engine::queryFromJson(json)));
    } catch (const std::exception& e) {
        return file.string() + ": " + e.what();
    }
    return std::nullopt;
}

}  // namespace lb::ui
