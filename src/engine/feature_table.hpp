#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "engine/geometry_column.hpp"
#include "engine/packed_rtree.hpp"

namespace lb::engine {

// The distinct values of a text column: code → text and text → code. All texts lie in one buffer and the
// lookup is an open-addressing table of codes, so a column of a million unique values (uuids, external
// ids) costs about its characters plus 12 bytes a value, not a std::string and a map node each. Code 0 is "".
class StringDictionary {
public:
    class Iterator {
    public:
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        Iterator(const StringDictionary* d, std::size_t i) : m_d(d), m_i(i) {}
        std::string_view operator*() const { return (*m_d)[m_i]; }
        Iterator& operator++() {
            ++m_i;
            return *this;
        }
        bool operator==(const Iterator& o) const { return m_i == o.m_i; }

    private:
        const StringDictionary* m_d;
        std::size_t m_i;
    };

    StringDictionary();
    std::size_t size() const { return m_offsets.size() - 1; }
    std::string_view operator[](std::size_t code) const {
        return {m_chars.data() + m_offsets[code], static_cast<std::size_t>(m_offsets[code + 1] - m_offsets[code])};
    }
    std::optional<std::uint32_t> find(std::string_view text) const;
    // The code of `text`, added when it is new.
    std::uint32_t intern(std::string_view text);
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, size()}; }

private:
    std::size_t slotOf(std::string_view text) const;  // the slot holding text, or the empty slot for it
    void grow();

    std::string m_chars;
    std::vector<std::uint64_t> m_offsets{0, 0};  // code c is m_chars[m_offsets[c], m_offsets[c+1])
    std::vector<std::uint32_t> m_slots;          // code + 1, 0 = empty; size a power of two
};

// A text attribute, dictionary-encoded: codes[i] indexes dictionary; code 0 is null/empty.
struct AttributeColumn {
    std::vector<std::uint32_t> codes;
    StringDictionary dictionary;

    std::string_view value(std::size_t feature) const { return dictionary[codes[feature]]; }
    // The code of a value, or nothing if no feature has it.
    std::optional<std::uint32_t> find(std::string_view value) const;
    void append(std::string_view value);
};

inline constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();

// One layer in memory, column by column: feature ids, geometry, time (UTC seconds and Berlin wall-clock
// seconds, kNoTime where missing) and the text attributes that were asked for. finish() builds the
// spatial index (packed Hilbert R-tree) and the time index (rows sorted by time). Immutable afterwards,
// so any number of threads may query it.
class FeatureTable {
public:
    explicit FeatureTable(std::string layer, std::vector<std::string> attributeNames = {});

    // Appends one feature; `attributes` is aligned with the attribute names given to the constructor.
    void append(std::int64_t id, const core::Wkb& geometry, std::optional<core::Timestamp> time,
                const std::vector<std::string>& attributes);
    void appendPoint(std::int64_t id, double x, double y, std::optional<core::Timestamp> time,
                     const std::vector<std::string>& attributes);
    // Appends one feature whose geometry comes later, for all rows at once (setGeometry).
    void appendRow(std::int64_t id, std::optional<core::Timestamp> time, const std::vector<std::string>& attributes);
    // The geometry of every row appended with appendRow, in row order (e.g. borrowed from the render scene).
    // Throws core::InputError when its feature count differs from the rows.
    void setGeometry(GeometryColumn geometry);
    void finish();

    const std::string& layer() const { return m_layer; }
    std::size_t size() const { return m_ids.size(); }
    std::int64_t id(std::size_t row) const { return m_ids[row]; }
    const GeometryColumn& geometry() const { return m_geometry; }
    bool hasTime() const { return m_hasTime; }
    std::int64_t time(std::size_t row) const { return m_times[row]; }
    std::int64_t localTime(std::size_t row) const { return m_localTimes[row]; }
    bool hasAttribute(const std::string& name) const { return m_attributes.count(name) > 0; }
    // Throws core::UsageError naming the layer when the attribute was not loaded.
    const AttributeColumn& attribute(const std::string& name) const;
    const std::vector<std::string>& attributeNames() const { return m_attributeNames; }

    const PackedRTree& spatialIndex() const { return m_rtree; }
    // Rows whose time lies in [from, to), in time order (rows without time never match).
    std::span<const std::uint32_t> timeRange(std::int64_t from, std::int64_t to) const;

private:
    void appendCommon(std::int64_t id, std::optional<core::Timestamp> time, const std::vector<std::string>& attributes);

    std::string m_layer;
    std::vector<std::string> m_attributeNames;
    std::vector<std::int64_t> m_ids;
    GeometryColumn m_geometry;
    std::vector<std::int64_t> m_times;
    std::vector<std::int64_t> m_localTimes;
    bool m_hasTime = false;
    std::map<std::string, AttributeColumn> m_attributes;
    PackedRTree m_rtree;
    std::vector<std::uint32_t> m_timeOrder;  // rows with a time, sorted by time
};

// Local-time helpers for Berlin wall-clock seconds: hour 0–23, weekday 0 = Monday … 6 = Sunday,
// month key year*12 + (month-1).
int localHour(std::int64_t localSeconds);
int localWeekday(std::int64_t localSeconds);
int localMonthKey(std::int64_t localSeconds);

}  // namespace lb::engine
