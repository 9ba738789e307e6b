#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/query.hpp"

namespace lb::engine {

class Dataset;
class FeatureTable;

// The features of another layer a spatial predicate refers to (`--inside districts:name=Altstadt`,
// `--within 150 --of pois:amenity=school`), with its attribute filter applied once.
class ReferenceLayer {
public:
    enum class Need { Polygons, Any };
    // Throws core::UsageError for an unknown layer or attribute, and (Need::Polygons) for a layer
    // without polygons.
    ReferenceLayer(Dataset& dataset, const LayerRef& ref, Need need);

    // Whether (x, y) lies in one of the selected polygons.
    bool contains(double x, double y) const;
    // Whether a selected feature lies within `metres` of (x, y).
    bool within(double x, double y, double metres) const;
    // Every selected feature containing (x, y), in ascending row order.
    void containing(double x, double y, std::vector<std::uint32_t>& rows) const;

    // The same tests driven from the reference side: a mask over the rows of `target` (1 = passes), from
    // one R-tree search of `target` per selected reference feature. Cheaper than testing every row when
    // few reference features are selected (schools, one district).
    std::vector<std::uint8_t> maskInside(const FeatureTable& target) const;
    std::vector<std::uint8_t> maskWithin(const FeatureTable& target, double metres) const;
    std::size_t selectedCount() const { return m_selectedCount; }

    const FeatureTable& table() const { return *m_table; }
    bool selected(std::size_t row) const { return m_selected[row] != 0; }

private:
    template <typename Test>
    std::vector<std::uint8_t> mask(const FeatureTable& target, double grow, Test&& test) const;

    std::shared_ptr<const FeatureTable> m_table;
    std::vector<std::uint8_t> m_selected;
    std::size_t m_selectedCount = 0;
};

}  // namespace lb::engine
