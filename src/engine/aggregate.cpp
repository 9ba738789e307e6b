#include "engine/aggregate.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"
#include "engine/query_parse.hpp"
#include "engine/reference_layer.hpp"

namespace lb::engine {
namespace {

constexpr std::size_t kMinChunk = 8192;

std::pair<double, double> location(const GeometryColumn& geometry, std::uint32_t row) {
    if (geometry.allPoints()) return {geometry.pointX(row), geometry.pointY(row)};
    return geometry.representativePoint(row);
}

// Counts rows into `slots` buckets given by key(row) (-1 = none), with per-chunk arrays merged after.
template <typename Key>
std::vector<std::int64_t> countSlots(const std::vector<std::uint32_t>& rows, std::size_t slots, Key&& key) {
    std::vector<std::vector<std::int64_t>> partial(core::chunkCount(rows.size(), kMinChunk),
                                                   std::vector<std::int64_t>(slots, 0));
    core::parallelChunks(rows.size(), kMinChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        auto& counts = partial[chunk];
        for (std::size_t i = begin; i < end; ++i) {
            const long k = key(rows[i]);
            if (k >= 0) ++counts[static_cast<std::size_t>(k)];
        }
    });
    std::vector<std::int64_t> total(slots, 0);
    for (const auto& p : partial) {
        for (std::size_t s = 0; s < slots; ++s) total[s] += p[s];
    }
    return total;
}

std::vector<Group> byZones(Dataset& dataset, const FeatureTable& table, const std::vector<std::uint32_t>& rows,
                           const std::string& zoneLayer) {
    const auto available = dataset.attributeNames(zoneLayer);
    auto has = [&](const char* name) { return std::find(available.begin(), available.end(), name) != available.end(); };
    std::vector<std::string> attributes;
    if (has("name")) attributes.emplace_back("name");
    if (has("population")) attributes.emplace_back("population");
    const ReferenceLayer zones(dataset, LayerRef{zoneLayer, std::nullopt}, ReferenceLayer::Need::Polygons);
    const auto zoneHeld = dataset.table(zoneLayer, attributes);
    const FeatureTable& zoneTable = *zoneHeld;

    std::vector<std::vector<std::int64_t>> partial(core::chunkCount(rows.size(), kMinChunk),
                                                   std::vector<std::int64_t>(zoneTable.size(), 0));
    const GeometryColumn& geometry = table.geometry();
    core::parallelChunks(rows.size(), kMinChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        std::vector<std::uint32_t> hits;
        for (std::size_t i = begin; i < end; ++i) {
            const auto [x, y] = location(geometry, rows[i]);
            zones.containing(x, y, hits);
            for (std::uint32_t z : hits) ++partial[chunk][z];
        }
    });
    std::vector<Group> groups(zoneTable.size());
    for (std::size_t z = 0; z < zoneTable.size(); ++z) {
        Group& g = groups[z];
        for (const auto& p : partial) g.count += p[z];
        g.zoneId = zoneTable.id(z);
        g.key = has("name") ? std::string(zoneTable.attribute("name").value(z)) : std::string();
        if (g.key.empty()) g.key = "id " + std::to_string(zoneTable.id(z));
        if (has("population")) {
            const std::string text(zoneTable.attribute("population").value(z));
            char* end = nullptr;
            const double population = std::strtod(text.c_str(), &end);
            if (!text.empty() && end && *end == '\0' && population > 0) {
                g.population = population;
                g.ratePerThousand = static_cast<double>(g.count) * 1000.0 / population;
            }
        }
    }
    return groups;
}

std::vector<Group> byGrid(const FeatureTable& table, const std::vector<std::uint32_t>& rows, double cell) {
    using Key = std::pair<std::int64_t, std::int64_t>;  // (row, column)
    struct KeyHash {
        std::size_t operator()(const Key& k) const { return std::hash<std::int64_t>()(k.first * 1000003 ^ k.second); }
    };
    std::vector<std::unordered_map<Key, std::int64_t, KeyHash>> partial(core::chunkCount(rows.size(), kMinChunk));
    const GeometryColumn& geometry = table.geometry();
    core::parallelChunks(rows.size(), kMinChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const auto [x, y] = location(geometry, rows[i]);
            if (std::isnan(x)) continue;
            ++partial[chunk][{static_cast<std::int64_t>(std::floor(y / cell)),
                              static_cast<std::int64_t>(std::floor(x / cell))}];
        }
    });
    std::map<Key, std::int64_t> cells;
    for (const auto& p : partial) {
        for (const auto& [k, n] : p) cells[k] += n;
    }
    std::vector<Group> groups;
    for (const auto& [k, n] : cells) {
        Group g;
        core::BBox box;
        box.add(static_cast<double>(k.second) * cell, static_cast<double>(k.first) * cell);
        box.add(static_cast<double>(k.second + 1) * cell, static_cast<double>(k.first + 1) * cell);
        char key[64];
        std::snprintf(key, sizeof key, "%.0f_%.0f", box.minX, box.minY);
        g.key = key;
        g.count = n;
        g.cell = box;
        groups.push_back(std::move(g));
    }
    return groups;
}

std::vector<Group> byCategory(const FeatureTable& table, const std::vector<std::uint32_t>& rows) {
    const AttributeColumn& column = table.attribute("category");
    const auto counts = countSlots(rows, column.dictionary.size(),
                                   [&](std::uint32_t row) { return static_cast<long>(column.codes[row]); });
    std::map<std::string, std::int64_t> sorted;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] > 0) sorted[std::string(column.dictionary[c])] += counts[c];
    }
    std::vector<Group> groups;
    for (const auto& [key, n] : sorted) groups.push_back(Group{key, n, {}, {}, {}, {}});
    return groups;
}

std::vector<Group> byMonth(const FeatureTable& table, const std::vector<std::uint32_t>& rows) {
    std::map<int, std::int64_t> months;
    std::vector<std::map<int, std::int64_t>> partial(core::chunkCount(rows.size(), kMinChunk));
    core::parallelChunks(rows.size(), kMinChunk, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const std::int64_t local = table.localTime(rows[i]);
            if (local != kNoTime) ++partial[chunk][localMonthKey(local)];
        }
    });
    for (const auto& p : partial) {
        for (const auto& [k, n] : p) months[k] += n;
    }
    std::vector<Group> groups;
    for (const auto& [k, n] : months) groups.push_back(Group{monthLabel(k), n, {}, {}, {}, {}});
    return groups;
}

}  // namespace

std::string monthLabel(int monthKey) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", monthKey / 12, monthKey % 12 + 1);
    return text;
}

std::vector<std::vector<std::int64_t>> hourWeekdayMatrix(const FeatureTable& table,
                                                         const std::vector<std::uint32_t>& rows) {
    const auto counts = countSlots(rows, 7 * 24, [&](std::uint32_t row) -> long {
        const std::int64_t local = table.localTime(row);
        if (local == kNoTime) return -1;
        return localWeekday(local) * 24 + localHour(local);
    });
    std::vector<std::vector<std::int64_t>> matrix(7, std::vector<std::int64_t>(24));
    for (int d = 0; d < 7; ++d) {
        for (int h = 0; h < 24; ++h)
            matrix[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)] =
                counts[static_cast<std::size_t>(d * 24 + h)];
    }
    return matrix;
}

std::map<std::string, std::map<std::string, std::int64_t>> monthlyTrend(const FeatureTable& table,
                                                                        const std::vector<std::uint32_t>& rows) {
    const AttributeColumn& category = table.attribute("category");
    std::map<std::pair<std::uint32_t, int>, std::int64_t> counts;
    for (std::uint32_t row : rows) {
        const std::int64_t local = table.localTime(row);
        if (local != kNoTime) ++counts[{category.codes[row], localMonthKey(local)}];
    }
    std::map<std::string, std::map<std::string, std::int64_t>> trend;
    for (const auto& [key, n] : counts) trend[std::string(category.dictionary[key.first])][monthLabel(key.second)] += n;
    return trend;
}

Aggregation aggregate(Dataset& dataset, const FeatureTable& table, const std::vector<std::uint32_t>& rows,
                      const GroupBy& by) {
    Aggregation out;
    auto fixed = [&](std::size_t slots, auto key, auto label) {
        const auto counts = countSlots(rows, slots, key);
        for (std::size_t s = 0; s < slots; ++s)
            out.groups.push_back(Group{label(static_cast<int>(s)), counts[s], {}, {}, {}, {}});
    };
    auto timeKey = [&](auto part) {
        return [&table, part](std::uint32_t row) -> long {
            const std::int64_t local = table.localTime(row);
            return local == kNoTime ? -1 : part(local);
        };
    };
    switch (by.kind) {
        case GroupKind::None:
            break;
        case GroupKind::Zones:
            out.groups = byZones(dataset, table, rows, by.zoneLayer);
            break;
        case GroupKind::Hour:
            fixed(24, timeKey([](std::int64_t t) { return static_cast<long>(localHour(t)); }), [](int h) {
                char text[4];
                std::snprintf(text, sizeof text, "%02d", h);
                return std::string(text);
            });
            break;
        case GroupKind::Weekday:
            fixed(7, timeKey([](std::int64_t t) { return static_cast<long>(localWeekday(t)); }),
                  [](int d) { return std::string(weekdayKey(d)); });
            break;
        case GroupKind::Month:
            out.groups = byMonth(table, rows);
            break;
        case GroupKind::Category:
            out.groups = byCategory(table, rows);
            break;
        case GroupKind::Grid:
            out.groups = byGrid(table, rows, by.cellSize);
            break;
        case GroupKind::HourWeekday:
            out.matrix = hourWeekdayMatrix(table, rows);
            for (int d = 0; d < 7; ++d) {
                for (int h = 0; h < 24; ++h) {
                    char text[8];
                    std::snprintf(text, sizeof text, "%s %02d", std::string(weekdayKey(d)).c_str(), h);
                    out.groups.push_back(Group{
                        text, out.matrix[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)], {}, {}, {}, {}});
                }
            }
            break;
        case GroupKind::MonthCategory:
            for (const auto& [category, months] : monthlyTrend(table, rows)) {
                for (const auto& [month, n] : months)
                    out.groups.push_back(Group{month + " " + category, n, {}, {}, {}, {}});
            }
            std::sort(out.groups.begin(), out.groups.end(),
                      [](const Group& a, const Group& b) { return a.key < b.key; });
            break;
    }
    return out;
}

}  // namespace lb::engine
