#pragma once

#include <nlohmann/json_fwd.hpp>

#include "engine/query.hpp"

namespace lb::engine {

// The JSON form of a query, for saved views, saved queries and the report. Keys: layer, where
// [{attribute, values}], from/to (ISO 8601 with offset), hours {from, to}, weekdays ["mo", …],
// inside {layer, filter}, within {metres, of}, bbox [minx, miny, maxx, maxy], count_by {kind, layer, cell}.
// Absent keys mean "no filter". fromJson throws core::InputError naming the bad key.
void to_json(nlohmann::json& out, const Query& query);
void from_json(const nlohmann::json& in, Query& query);

nlohmann::json toJson(const Query& query);
Query queryFromJson(const nlohmann::json& in);

}  // namespace lb::engine
