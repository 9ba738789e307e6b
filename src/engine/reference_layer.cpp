#include "engine/reference_layer.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"

namespace lb::engine {

ReferenceLayer::ReferenceLayer(Dataset& dataset, const LayerRef& ref, Need need) {
    std::vector<std::string> attributes;
    if (ref.filter) attributes.push_back(ref.filter->attribute);
    m_table = &dataset.table(ref.layer, attributes);
    m_selected.assign(m_table->size(), 1);
    if (ref.filter) {
        const AttributeColumn& column = m_table->attribute(ref.filter->attribute);
        std::vector<std::uint8_t> allowed(column.dictionary.size(), 0);
        for (const auto& value : ref.filter->values) {
            if (const auto code = column.find(value)) allowed[*code] = 1;
        }
        for (std::size_t r = 0; r < m_selected.size(); ++r) m_selected[r] = allowed[column.codes[r]];
    }
    if (need == Need::Polygons && m_table->size() > 0 && m_table->geometry().allPoints()) {
        throw core::UsageError("layer " + ref.layer + " has points, not polygons; --inside needs a polygon layer");
    }
}

bool ReferenceLayer::contains(double x, double y) const {
    core::BBox probe;
    probe.add(x, y);
    return m_table->spatialIndex().search(probe, [&](std::size_t r) {
        return m_selected[r] != 0 && m_table->geometry().containsPoint(r, x, y);
    });
}

bool ReferenceLayer::within(double x, double y, double metres) const {
    core::BBox probe;
    probe.add(x - metres, y - metres);
    probe.add(x + metres, y + metres);
    return m_table->spatialIndex().search(probe, [&](std::size_t r) {
        return m_selected[r] != 0 && m_table->geometry().distanceToPoint(r, x, y) <= metres;
    });
}

void ReferenceLayer::containing(double x, double y, std::vector<std::uint32_t>& rows) const {
    rows.clear();
    core::BBox probe;
    probe.add(x, y);
    m_table->spatialIndex().search(probe, [&](std::size_t r) {
        if (m_selected[r] != 0 && m_table->geometry().containsPoint(r, x, y)) rows.push_back(static_cast<std::uint32_t>(r));
    });
    std::sort(rows.begin(), rows.end());
}

}  // namespace lb::engine
