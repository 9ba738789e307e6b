#include "engine/feature_table.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace lb::engine {

std::optional<std::uint32_t> AttributeColumn::find(const std::string& value) const {
    if (value.empty()) return 0u;
    const auto it = m_lookup.find(value);
    if (it == m_lookup.end()) return std::nullopt;
    return it->second;
}

void AttributeColumn::append(const std::string& value) {
    if (value.empty()) {
        codes.push_back(0);
        return;
    }
    auto [it, added] = m_lookup.try_emplace(value, static_cast<std::uint32_t>(dictionary.size()));
    if (added) dictionary.push_back(value);
    codes.push_back(it->second);
}

FeatureTable::FeatureTable(std::string layer, std::vector<std::string> attributeNames)
    : m_layer(std::move(layer)), m_attributeNames(std::move(attributeNames)) {
    for (const auto& name : m_attributeNames) m_attributes[name];
}

void FeatureTable::append(std::int64_t id, const core::Wkb& geometry, std::optional<core::Timestamp> time,
                          const std::vector<std::string>& attributes) {
    m_geometry.append(geometry);
    appendCommon(id, time, attributes);
}

void FeatureTable::appendPoint(std::int64_t id, double x, double y, std::optional<core::Timestamp> time,
                               const std::vector<std::string>& attributes) {
    m_geometry.appendPoint(x, y);
    appendCommon(id, time, attributes);
}

void FeatureTable::appendRow(std::int64_t id, std::optional<core::Timestamp> time,
                             const std::vector<std::string>& attributes) {
    appendCommon(id, time, attributes);
}

void FeatureTable::setGeometry(GeometryColumn geometry) {
    if (geometry.size() != m_ids.size() || m_geometry.size() != 0) {
        throw core::InputError("layer " + m_layer + ": " + std::to_string(geometry.size()) + " geometries for " +
                               std::to_string(m_ids.size()) + " rows");
    }
    m_geometry = std::move(geometry);
}

void FeatureTable::appendCommon(std::int64_t id, std::optional<core::Timestamp> time,
                                const std::vector<std::string>& attributes) {
    m_ids.push_back(id);
    if (time) {
        m_hasTime = true;
        m_times.push_back(time->unixSeconds);
        m_localTimes.push_back(time->unixSeconds + core::berlinOffsetSeconds(time->unixSeconds));
    } else {
        m_times.push_back(kNoTime);
        m_localTimes.push_back(kNoTime);
    }
    for (std::size_t i = 0; i < m_attributeNames.size(); ++i) {
        m_attributes[m_attributeNames[i]].append(i < attributes.size() ? attributes[i] : std::string());
    }
}

void FeatureTable::finish() {
    m_rtree = PackedRTree(m_geometry.boxes());
    m_timeOrder.clear();
    for (std::uint32_t r = 0; r < m_times.size(); ++r) {
        if (m_times[r] != kNoTime) m_timeOrder.push_back(r);
    }
    std::stable_sort(m_timeOrder.begin(), m_timeOrder.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return m_times[a] < m_times[b]; });
}

const AttributeColumn& FeatureTable::attribute(const std::string& name) const {
    const auto it = m_attributes.find(name);
    if (it == m_attributes.end()) {
        throw core::UsageError("layer " + m_layer + " has no attribute \"" + name + "\" loaded");
    }
    return it->second;
}

std::span<const std::uint32_t> FeatureTable::timeRange(std::int64_t from, std::int64_t to) const {
    const auto lower = std::lower_bound(m_timeOrder.begin(), m_timeOrder.end(), from,
                                        [&](std::uint32_t row, std::int64_t t) { return m_times[row] < t; });
    const auto upper = std::lower_bound(lower, m_timeOrder.end(), to,
                                        [&](std::uint32_t row, std::int64_t t) { return m_times[row] < t; });
    return {m_timeOrder.data() + (lower - m_timeOrder.begin()), static_cast<std::size_t>(upper - lower)};
}

namespace {
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
}  // namespace

int localHour(std::int64_t localSeconds) {
    return static_cast<int>((localSeconds - floorDiv(localSeconds, 86400) * 86400) / 3600);
}

int localWeekday(std::int64_t localSeconds) {
    // 1970-01-01 was a Thursday (weekday 3 with Monday = 0).
    const std::int64_t days = floorDiv(localSeconds, 86400);
    return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

int localMonthKey(std::int64_t localSeconds) {
    const core::CivilTime civil = core::civilFromUnix(localSeconds);
    return civil.year * 12 + (civil.month - 1);
}

}  // namespace lb::engine
