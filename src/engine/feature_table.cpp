#include "engine/feature_table.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace lb::engine {

StringDictionary::StringDictionary() : m_slots(16, 0) {}

std::size_t StringDictionary::slotOf(std::string_view text) const {
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = std::hash<std::string_view>{}(text)&mask;; slot = (slot + 1) & mask) {
        const std::uint32_t entry = m_slots[slot];
        if (entry == 0 || (*this)[entry - 1] == text) return slot;
    }
}

std::optional<std::uint32_t> StringDictionary::find(std::string_view text) const {
    if (text.empty()) return 0u;
    const std::uint32_t entry = m_slots[slotOf(text)];
    if (entry == 0) return std::nullopt;
    return entry - 1;
}

std::uint32_t StringDictionary::intern(std::string_view text) {
    if (text.empty()) return 0;
    std::size_t slot = slotOf(text);
    if (m_slots[slot] != 0) return m_slots[slot] - 1;
    if (2 * (size() + 1) > m_slots.size()) {  // keep the table at most half full
        grow();
        slot = slotOf(text);
    }
    const auto code = static_cast<std::uint32_t>(size());
    m_chars.append(text);
    m_offsets.push_back(m_chars.size());
    m_slots[slot] = code + 1;
    return code;
}

void StringDictionary::grow() {
    std::vector<std::uint32_t> old(m_slots.size() * 2, 0);
    old.swap(m_slots);
    for (std::size_t code = 1; code < size(); ++code)
        m_slots[slotOf((*this)[code])] = static_cast<std::uint32_t>(code + 1);
}

std::optional<std::uint32_t> AttributeColumn::find(std::string_view value) const {
    return dictionary.find(value);
}

void AttributeColumn::append(std::string_view value) {
    codes.push_back(dictionary.intern(value));
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
