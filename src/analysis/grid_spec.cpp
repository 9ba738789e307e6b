#include "analysis/grid_spec.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

namespace lb::analysis {

core::BBox GridSpec::cellBox(std::size_t column, std::size_t row) const {
    core::BBox box;
    box.add(originX + static_cast<double>(column) * cell, originY - static_cast<double>(row + 1) * cell);
    box.add(originX + static_cast<double>(column + 1) * cell, originY - static_cast<double>(row) * cell);
    return box;
}

core::BBox GridSpec::extent() const {
    core::BBox box;
    box.add(originX, originY - static_cast<double>(rows) * cell);
    box.add(originX + static_cast<double>(columns) * cell, originY);
    return box;
}

GridSpec GridSpec::fromExtent(const core::BBox& extent, double cell) {
    if (!(cell > 0) || !std::isfinite(cell))
        throw core::UsageError("the cell size must be a positive number of metres");
    if (extent.empty()) throw core::UsageError("the grid extent is empty (no features match?)");
    GridSpec grid;
    grid.originX = extent.minX;
    grid.originY = extent.maxY;
    grid.cell = cell;
    // Round up, but not for an extent that is a whole multiple of the cell up to rounding noise.
    auto count = [&](double length) {
        return static_cast<std::size_t>(std::max(1.0, std::ceil(length / cell - 1e-9)));
    };
    grid.columns = count(extent.width());
    grid.rows = count(extent.height());
    if (static_cast<double>(grid.columns) * static_cast<double>(grid.rows) > 1e8) {
        throw core::UsageError("the grid would have " + std::to_string(grid.columns) + " × " +
                               std::to_string(grid.rows) + " cells; choose a larger cell or a smaller extent");
    }
    return grid;
}

core::BBox snapOutward(const core::BBox& box, double cell) {
    core::BBox out;
    out.add(std::floor(box.minX / cell) * cell, std::floor(box.minY / cell) * cell);
    out.add(std::ceil(box.maxX / cell) * cell, std::ceil(box.maxY / cell) * cell);
    return out;
}

}  // namespace lb::analysis
