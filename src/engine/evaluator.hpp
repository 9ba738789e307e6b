#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "engine/query.hpp"

namespace lb::engine {

class Dataset;
class FeatureTable;

struct Group {
    std::string key;
    std::int64_t count = 0;
    std::optional<std::int64_t> zoneId;     // Zones: the zone's feature id
    std::optional<double> population;       // Zones with a population attribute
    std::optional<double> ratePerThousand;  // count per 1,000 inhabitants
    std::optional<core::BBox> cell;         // Grid: the cell
};

struct QueryResult {
    std::shared_ptr<const FeatureTable> table;  // the queried layer, kept alive by the result
    std::vector<std::uint32_t> rows;            // matching rows of `table`, ascending
    std::vector<Group> groups;                  // with a count_by
    // hour-weekday: 7 rows (Monday first) × 24 hours.
    std::vector<std::vector<std::int64_t>> matrix;
    std::size_t count() const { return rows.size(); }
};

// The rows of the query's layer that pass every filter of the query (count_by is ignored), ascending.
// Spatial predicates test a feature's representative point (the point itself for point layers): inside =
// in a polygon of the layer (even-odd), within = distance to the nearest feature of the layer ≤ metres.
// Throws core::UsageError for unknown layers/attributes or predicates that need what a layer lacks.
std::vector<std::uint32_t> selectRows(Dataset& dataset, const Query& query);

// selectRows plus the aggregation of query.countBy.
QueryResult runQuery(Dataset& dataset, const Query& query);

}  // namespace lb::engine
