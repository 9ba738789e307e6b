#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "engine/evaluator.hpp"
#include "project/public_gate.hpp"
#include "project/sql_console.hpp"
#include "render/classified_overlay.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "ui/analysis/heatmap.hpp"
#include "ui/analysis/hotspot_settings.hpp"
#include "ui/analysis/query_form.hpp"
#include "ui/job_runner.hpp"

namespace lb::project {
class Session;
}

namespace lb::ui {

class Workspace;

// What one run of the query builder's query produced (worker thread → main thread).
struct QueryOutcome {
    engine::Query query;
    // The workspace's reader the query ran on (its dataset holds the tables; result.table keeps its own).
    std::shared_ptr<project::Session> session;
    engine::QueryResult result;
    std::vector<std::string> columns;              // of the sample
    std::vector<std::vector<std::string>> sample;  // the first kSampleRows matches, stored values as text
    std::shared_ptr<const render::FeatureSet> matches;
    core::BBox extent;                                                   // of the matches' locations
    std::vector<std::vector<std::int64_t>> hourWeekday;                  // 7 × 24, Monday first
    std::map<std::string, std::map<std::string, std::int64_t>> monthly;  // category → "YYYY-MM" → count
    double queryMs = 0;
    // When the heatmap is on and something matched: the density as the workspace's output gate released it
    // (public mode: the public rules).
    std::optional<project::Released<std::shared_ptr<const render::RasterOverlay>>> heatmap;
    double heatmapMs = 0;  // KDE (fast mode) and overlay conversion
    // Gi* hot spots (when on and something matched): the significant cells or zones through the gate, and
    // how many (units analysed; hot and cold ones shown).
    std::optional<project::Released<std::shared_ptr<const render::ClassifiedOverlay>>> hotspots;
    std::size_t hotspotUnits = 0, hotSpots = 0, coldSpots = 0;
    double hotspotMs = 0;
    std::string hotspotError;  // Gi* refused (all counts equal, fewer than 3 cells, no district layer, …)
    std::string error;         // the engine refused the query (unknown layer, …)

    // What the result panels print, as the workspace's output gate released it: the screen is an output too
    // (a projector at a Sicherheitskonferenz). Public mode: counts under k suppressed (nullopt), with the
    // secondary suppression against the printed total, and no raw rows of a sensitive layer. Internal: the
    // numbers as they are. counts: one row per result group (one row "" when the query is not grouped), its
    // grand total the matches' count; hourWeekday: 7 weekdays (Monday first) × 24 hours; monthly: category ×
    // month ("YYYY-MM"). Empty until the query ran.
    std::optional<project::Released<project::SuppressedCounts>> shownCounts;
    std::optional<project::Released<project::SuppressedCounts>> shownHourWeekday;
    std::optional<project::Released<project::SuppressedCounts>> shownMonthly;
    // The sample's rows and the matches on the map may be shown (false: a sensitive layer in public mode).
    bool rowsShown = true;

    // The printed count of all matches (nullopt: suppressed or not computed).
    std::optional<std::int64_t> shownTotal() const { return shownCounts ? (*shownCounts)->grandTotal : std::nullopt; }
};

// The SQL console's bounds (project::SqlLimits): its deadline, and how many rows of a result are kept for the
// table (the rest are only counted).
inline constexpr std::chrono::seconds kSqlTimeLimit{20};
inline constexpr std::size_t kSqlKeptRows = 500;

struct SqlOutcome {
    std::vector<project::SqlResult> results;
    std::string error;
    double ms = 0;
};

// The state and actions behind the analysis panels (query builder, results, heatmap, temporal charts, SQL
// console): the project's engine dataset, loaded once per project on the analysis worker and kept; the
// current query form; the last outcome; what the map shows of it. The panels call these actions; the
// Shell calls update() once per frame. Main thread only.
class AnalysisController {
public:
    static constexpr std::size_t kSampleRows = 200;

    AnalysisController(Workspace& workspace, JobRunner& jobs);
    ~AnalysisController();
    AnalysisController(const AnalysisController&) = delete;
    AnalysisController& operator=(const AnalysisController&) = delete;

    // Notices a new or reloaded project and runs the query again when the form or heatmap changed — only
    // while someone looks (`panelsOpen`: a panel that shows results is open, or the map shows them).
    void update(bool panelsOpen);
    bool busy() const { return m_runner.busy(); }

    const QueryForm& form() const { return m_form; }
    const std::optional<FormError>& formError() const { return m_formError; }
    const HeatmapSettings& heatmap() const { return m_heatmap; }
    const HotspotSettings& hotspots() const { return m_hotspots; }
    const QueryOutcome* outcome() const { return m_outcome.get(); }
    bool matchesShown() const { return m_showMatches; }
    const SqlOutcome* sqlOutcome() const { return m_sql.get(); }
    bool sqlRunning() const { return m_sqlRunning; }

    void setForm(const QueryForm& form);
    void resetForm() { setForm(QueryForm{}); }
    void setHeatmap(const HeatmapSettings& settings);
    void setHotspots(const HotspotSettings& settings);
    void showMatches(bool on);
    void zoomToMatches();
    // Writes the matches (or groups) to .csv/.gpkg on the worker; a notice tells how it went.
    void exportResult(const std::filesystem::path& file, bool groups);
    void runSql(const std::string& sql);
    // Reads a query's JSON form (engine/query_json.hpp) into the form; the error text when it cannot.
    std::optional<std::string> loadQueryFile(const std::filesystem::path& file);

private:
    void schedule();
    void apply(std::shared_ptr<QueryOutcome> outcome);
    void applyMapState();

    Workspace& m_workspace;
    JobLane m_runner;
    QueryForm m_form;
    std::optional<FormError> m_formError;
    HeatmapSettings m_heatmap;
    HotspotSettings m_hotspots;
    bool m_dirty = true;
    bool m_showMatches = false;
    std::uint64_t m_generation = 0;               // the workspace's load generation the session belongs to
    std::uint64_t m_dataGeneration = 0;           // the workspace's data generation the outcome was computed for
    bool m_publicMode = false;                    // the workspace's public mode the outcome was computed for
    std::shared_ptr<project::Session> m_session;  // the workspace's reader
    std::shared_ptr<const QueryOutcome> m_outcome;
    std::shared_ptr<const SqlOutcome> m_sql;
    bool m_sqlRunning = false;
};

}  // namespace lb::ui
