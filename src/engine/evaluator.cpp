#include "engine/evaluator.hpp"

#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "engine/aggregate.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"
#include "engine/reference_layer.hpp"

namespace lb::engine {
namespace {

// A compiled attribute filter: allowed[code] for the column's dictionary codes.
struct CodeFilter {
    const AttributeColumn* column;
    std::vector<std::uint8_t> allowed;
    bool pass(std::size_t row) const { return allowed[column->codes[row]] != 0; }
};

CodeFilter compileFilter(const FeatureTable& table, const AttributeFilter& filter) {
    CodeFilter compiled{&table.attribute(filter.attribute), {}};
    compiled.allowed.assign(compiled.column->dictionary.size(), 0);
    for (const auto& value : filter.values) {
        if (const auto code = compiled.column->find(value)) compiled.allowed[*code] = 1;
    }
    return compiled;
}

std::vector<std::string> filterAttributes(const Query& query) {
    std::vector<std::string> names;
    for (const auto& f : query.where) names.push_back(f.attribute);
    if (query.countBy.kind == GroupKind::Category || query.countBy.kind == GroupKind::MonthCategory) {
        names.emplace_back("category");
    }
    return names;
}

std::vector<std::uint32_t> candidates(const FeatureTable& table, const Query& query) {
    std::vector<std::uint32_t> rows;
    if (query.from || query.to) {
        const auto span = table.timeRange(query.from ? query.from->unixSeconds : kNoTime + 1,
                                          query.to ? query.to->unixSeconds : std::numeric_limits<std::int64_t>::max());
        rows.assign(span.begin(), span.end());
        std::sort(rows.begin(), rows.end());
    } else if (query.bbox) {
        table.spatialIndex().search(*query.bbox,
                                    [&](std::size_t row) { rows.push_back(static_cast<std::uint32_t>(row)); });
        std::sort(rows.begin(), rows.end());
    } else {
        rows.resize(table.size());
        std::iota(rows.begin(), rows.end(), 0u);
    }
    return rows;
}

}  // namespace

std::vector<std::uint32_t> selectRows(Dataset& dataset, const Query& query) {
    const auto held = dataset.table(query.layer, filterAttributes(query));
    const FeatureTable& table = *held;
    std::vector<CodeFilter> filters;
    for (const auto& f : query.where) filters.push_back(compileFilter(table, f));
    const bool needsTime = query.hours || query.weekdays != 0;
    if ((needsTime || query.from || query.to) && !table.hasTime()) {
        throw core::UsageError("layer " + query.layer + " has no times; --from/--to/--hours/--weekdays need them");
    }
    std::optional<ReferenceLayer> inside, near;
    if (query.inside) inside.emplace(dataset, *query.inside, ReferenceLayer::Need::Polygons);
    if (query.within) {
        if (!(query.within->metres >= 0)) throw core::UsageError("--within: the distance must be ≥ 0 metres");
        near.emplace(dataset, query.within->of, ReferenceLayer::Need::Any);
    }

    const std::vector<std::uint32_t> rows = candidates(table, query);
    const GeometryColumn& geometry = table.geometry();
    // Few reference features (schools, one district): mark the rows from their side instead.
    std::vector<std::uint8_t> insideMask, nearMask;
    if (inside && inside->selectedCount() * 64 < rows.size()) insideMask = inside->maskInside(table);
    if (near && near->selectedCount() * 64 < rows.size()) nearMask = near->maskWithin(table, query.within->metres);
    auto pass = [&](std::uint32_t row) {
        for (const auto& f : filters) {
            if (!f.pass(row)) return false;
        }
        if (needsTime) {
            const std::int64_t local = table.localTime(row);
            if (local == kNoTime) return false;
            if (query.hours && !query.hours->contains(localHour(local))) return false;
            if (query.weekdays != 0 && !(query.weekdays & (1u << localWeekday(local)))) return false;
        }
        if (query.from && table.time(row) < query.from->unixSeconds) return false;
        if (query.to && table.time(row) >= query.to->unixSeconds) return false;
        if (query.bbox || inside || near) {
            const core::BBox& box = geometry.box(row);
            if (box.empty()) return false;
            if (query.bbox && (box.maxX < query.bbox->minX || box.minX > query.bbox->maxX ||
                               box.maxY < query.bbox->minY || box.minY > query.bbox->maxY)) {
                return false;
            }
            if (!insideMask.empty() && !insideMask[row]) return false;
            if (!nearMask.empty() && !nearMask[row]) return false;
            if ((inside && insideMask.empty()) || (near && nearMask.empty())) {
                const auto [x, y] = geometry.allPoints() ? std::pair{geometry.pointX(row), geometry.pointY(row)}
                                                         : geometry.representativePoint(row);
                if (inside && insideMask.empty() && !inside->contains(x, y)) return false;
                if (near && nearMask.empty() && !near->within(x, y, query.within->metres)) return false;
            }
        }
        return true;
    };

    std::vector<std::vector<std::uint32_t>> perChunk(core::chunkCount(rows.size(), 4096));
    core::parallelChunks(rows.size(), 4096, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        auto& out = perChunk[chunk];
        for (std::size_t i = begin; i < end; ++i) {
            if (pass(rows[i])) out.push_back(rows[i]);
        }
    });
    std::vector<std::uint32_t> selected;
    for (const auto& part : perChunk) selected.insert(selected.end(), part.begin(), part.end());
    return selected;
}

QueryResult runQuery(Dataset& dataset, const Query& query) {
    QueryResult result;
    result.rows = selectRows(dataset, query);
    result.table = dataset.table(query.layer, filterAttributes(query));
    if (query.countBy.kind != GroupKind::None) {
        Aggregation aggregation = aggregate(dataset, *result.table, result.rows, query.countBy);
        result.groups = std::move(aggregation.groups);
        result.matrix = std::move(aggregation.matrix);
    }
    return result;
}

}  // namespace lb::engine
