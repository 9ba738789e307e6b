#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/evaluator.hpp"

namespace lb::engine {

struct Aggregation {
    std::vector<Group> groups;
    std::vector<std::vector<std::int64_t>> matrix;  // hour-weekday only
};

// Counts the rows by the group of `by`, in parallel. Group order is stable: zones in layer order (all
// zones, also those with no rows), hours 00–23, weekdays mo–so, months and categories ascending, grid
// cells by row (south to north) then column, hour-weekday as "mo 00" … "so 23", month-category as
// "2025-03 gewalt" ascending.
Aggregation aggregate(Dataset& dataset, const FeatureTable& table, const std::vector<std::uint32_t>& rows,
                      const GroupBy& by);

// Hour × weekday matrix of the rows (7 rows Monday first, 24 columns), Berlin local time.
std::vector<std::vector<std::int64_t>> hourWeekdayMatrix(const FeatureTable& table,
                                                         const std::vector<std::uint32_t>& rows);
// Monthly counts per category ("YYYY-MM" → count), per value of the `category` attribute.
std::map<std::string, std::map<std::string, std::int64_t>> monthlyTrend(const FeatureTable& table,
                                                                        const std::vector<std::uint32_t>& rows);

// "2025-03" for a month key (year*12 + month-1).
std::string monthLabel(int monthKey);

}  // namespace lb::engine
