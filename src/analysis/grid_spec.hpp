#pragma once

#include <cstddef>

#include "core/bbox.hpp"

namespace lb::analysis {

// A north-up grid of square cells: (originX, originY) is the upper-left corner; column c runs east,
// row r runs south. Cell (c, r) covers [originX + c·cell, originX + (c+1)·cell] ×
// [originY − (r+1)·cell, originY − r·cell].
struct GridSpec {
    double originX = 0;
    double originY = 0;
    double cell = 1;
    std::size_t columns = 0;
    std::size_t rows = 0;

    std::size_t size() const { return columns * rows; }
    double centerX(std::size_t column) const { return originX + (static_cast<double>(column) + 0.5) * cell; }
    double centerY(std::size_t row) const { return originY - (static_cast<double>(row) + 0.5) * cell; }
    core::BBox cellBox(std::size_t column, std::size_t row) const;
    core::BBox extent() const;

    // A grid over `extent` with its origin at the extent's upper-left corner; columns and rows round up
    // so the grid covers the whole extent. Throws core::UsageError for a non-positive cell or an empty
    // extent, and for more than 100 million cells.
    static GridSpec fromExtent(const core::BBox& extent, double cell);
};

// The box grown outward to multiples of `cell` (for grids that line up between runs and with other data).
core::BBox snapOutward(const core::BBox& box, double cell);

}  // namespace lb::analysis
