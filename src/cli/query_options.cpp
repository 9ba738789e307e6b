#include "cli/query_options.hpp"

#include <CLI/CLI.hpp>

#include "core/bbox_parse.hpp"
#include "core/error.hpp"
#include "engine/query_parse.hpp"

namespace lb::cli {

void QueryOptions::add(CLI::App& app) {
    app.add_option("--layer", m_layer, "Layer to query")->capture_default_str();
    app.add_option("--where", m_where, "ATTR=VALUE[,VALUE...] (repeatable; all must hold)");
    app.add_option("--from", m_from, "From this date/time (inclusive), Europe/Berlin unless it has an offset");
    app.add_option("--to", m_to, "Up to this date (the whole day) or date-time (exclusive)");
    app.add_option("--hours", m_hours, "Local hours H1-H2, from H1:00 up to H2:00; 20-4 wraps past midnight");
    app.add_option("--weekdays", m_weekdays, "Weekdays, e.g. mo,di,mi,do,fr,sa,so");
    app.add_option("--inside", m_inside, "Inside polygons of LAYER[:ATTR=VALUE[,VALUE...]]");
    app.add_option("--within", m_within, "Within M metres of the features given by --of");
    app.add_option("--of", m_of, "LAYER[:ATTR=VALUE[,VALUE...]] for --within");
    app.add_option("--bbox", m_bbox, "minx,miny,maxx,maxy in the project CRS");
}

engine::Query QueryOptions::build() const {
    engine::Query query;
    query.layer = m_layer;
    for (const auto& w : m_where) query.where.push_back(engine::parseAttributeFilter(w));
    if (!m_from.empty()) query.from = engine::parseFromTime(m_from, "--from");
    if (!m_to.empty()) query.to = engine::parseToTime(m_to, "--to");
    if (query.from && query.to && *query.to <= *query.from) {
        throw core::UsageError("--from " + m_from + " --to " + m_to + ": the period is empty");
    }
    if (!m_hours.empty()) query.hours = engine::parseHours(m_hours);
    if (!m_weekdays.empty()) query.weekdays = engine::parseWeekdays(m_weekdays);
    if (!m_inside.empty()) query.inside = engine::parseLayerRef(m_inside, "--inside");
    if ((m_within >= 0) != !m_of.empty()) throw core::UsageError("--within M and --of LAYER go together");
    if (!m_of.empty()) query.within = engine::WithinDistance{m_within, engine::parseLayerRef(m_of, "--of")};
    if (!m_bbox.empty()) query.bbox = core::parseBBox(m_bbox);
    return query;
}

}  // namespace lb::cli
