#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/time.hpp"

namespace lb::engine {

// ATTR = one of the values (an empty value list never matches).
struct AttributeFilter {
    std::string attribute;
    std::vector<std::string> values;
    bool operator==(const AttributeFilter&) const = default;
};

// Features of another layer, optionally only those whose attribute has one of the values.
struct LayerRef {
    std::string layer;
    std::optional<AttributeFilter> filter;
    bool operator==(const LayerRef&) const = default;
};

// Local hours [from, to): 20–4 wraps past midnight (20:00 up to 04:00); 0–24 is the whole day.
struct HourRange {
    int from = 0;
    int to = 24;
    bool contains(int hour) const { return from < to ? hour >= from && hour < to : hour >= from || hour < to; }
    bool operator==(const HourRange&) const = default;
};

struct WithinDistance {
    double metres = 0;
    LayerRef of;
    bool operator==(const WithinDistance&) const = default;
};

enum class GroupKind { None, Zones, Hour, Weekday, Month, Category, Grid, HourWeekday, MonthCategory };

struct GroupBy {
    GroupKind kind = GroupKind::None;
    std::string zoneLayer;  // Zones: the polygon layer
    double cellSize = 0;    // Grid: cell edge in metres, cells aligned to multiples of it
    bool operator==(const GroupBy&) const = default;
};

// A question to the engine, as plain data. The CLI (`lagebild query`, `hotspots`), saved views, the report
// and the GUI all build this struct and hand it to the same evaluation; toJson/fromJson (query_json.hpp)
// store it. Times are instants; `to` is exclusive. Weekdays: bit 0 = Monday … bit 6 = Sunday, 0 = any day.
struct Query {
    std::string layer = "incidents";
    std::vector<AttributeFilter> where;
    std::optional<core::Timestamp> from;
    std::optional<core::Timestamp> to;
    std::optional<HourRange> hours;
    std::uint8_t weekdays = 0;
    std::optional<LayerRef> inside;
    std::optional<WithinDistance> within;
    std::optional<core::BBox> bbox;
    GroupBy countBy;
    bool operator==(const Query&) const = default;
};

}  // namespace lb::engine
