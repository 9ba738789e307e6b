#include "engine/reference_layer.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"

namespace lb::engine {

ReferenceLayer::ReferenceLayer(Dataset& dataset, const LayerRef& ref, Need need) {
    std::vector<std::string> attributes;
    if (ref.filter) attributes.push_back(ref.filter->attribute);
    m_table = dataset.table(ref.layer, attributes);
    m_selected.assign(m_table->size(), 1);
    if (ref.filter) {
        const AttributeColumn& column = m_table->attribute(ref.filter->attribute);
        std::vector<std::uint8_t> allowed(column.dictionary.size(), 0);
        for (const auto& value : ref.filter->values) {
            if (const auto code = column.find(value)) allowed[*code] = 1;
        }
        for (std::size_t r = 0; r < m_selected.size(); ++r) m_selected[r] = allowed[column.codes[r]];
    }
    m_selectedCount = static_cast<std::size_t>(std::count(m_selected.begin(), m_selected.end(), 1));
    if (need == Need::Polygons && m_table->size() > 0 && m_table->geometry().allPoints()) {
        throw core::UsageError("layer " + ref.layer + " has points, not polygons; --inside needs a polygon layer");
    }
}

bool ReferenceLayer::contains(double x, double y) const {
    core::BBox probe;
    probe.add(x, y);
    return m_table->spatialIndex().search(
        probe, [&](std::size_t r) { return m_selected[r] != 0 && m_table->geometry().containsPoint(r, x, y); });
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
        if (m_selected[r] != 0 && m_table->geometry().containsPoint(r, x, y))
            rows.push_back(static_cast<std::uint32_t>(r));
    });
    std::sort(rows.begin(), rows.end());
}

template <typename Test>
std::vector<std::uint8_t> ReferenceLayer::mask(const FeatureTable& target, double grow, Test&& test) const {
    std::vector<std::uint32_t> selected;
    for (std::uint32_t r = 0; r < m_selected.size(); ++r) {
        if (m_selected[r]) selected.push_back(r);
    }
    const GeometryColumn& geometry = target.geometry();
    std::vector<std::vector<std::uint32_t>> hits(core::chunkCount(selected.size(), 1));
    core::parallelChunks(selected.size(), 1, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            const std::uint32_t r = selected[k];
            core::BBox box = m_table->geometry().box(r);
            box.add(box.minX - grow, box.minY - grow);
            box.add(box.maxX + grow, box.maxY + grow);
            target.spatialIndex().search(box, [&](std::size_t row) {
                const auto [x, y] = geometry.allPoints() ? std::pair{geometry.pointX(row), geometry.pointY(row)}
                                                         : geometry.representativePoint(row);
                if (test(r, x, y)) hits[chunk].push_back(static_cast<std::uint32_t>(row));
            });
        }
    });
    std::vector<std::uint8_t> out(target.size(), 0);
    for (const auto& h : hits) {
        for (std::uint32_t row : h) out[row] = 1;
    }
    return out;
}

std::vector<std::uint8_t> ReferenceLayer::maskInside(const FeatureTable& target) const {
    return mask(target, 0.0,
                [&](std::uint32_t r, double x, double y) { return m_table->geometry().containsPoint(r, x, y); });
}

std::vector<std::uint8_t> ReferenceLayer::maskWithin(const FeatureTable& target, double metres) const {
    return mask(target, metres, [&](std::uint32_t r, double x, double y) {
        return m_table->geometry().distanceToPoint(r, x, y) <= metres;
    });
}

}  // namespace lb::engine
