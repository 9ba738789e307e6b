#pragma once

#include <cstdint>
#include <vector>

#include "demo/geometry.hpp"

namespace lb::demo::detail {

// What a cell of the occupancy grid holds.
enum class Cell : std::uint8_t {
    Free = 0,
    Road,
    Water,
    Building,
    Reserved,   // parks, squares, cemetery, wood, school grounds: no ordinary buildings
    Allotment,  // only allotment huts
    Estate,     // only Plattenbau slabs and their garages
    Industrial  // only industrial buildings
};

constexpr std::uint32_t cellMask(Cell c) {
    return 1u << static_cast<unsigned>(c);
}

// A 1 m raster over the town that records what is already there, so that buildings are placed beside
// roads and each other rather than on top of them.
class OccupancyGrid {
public:
    OccupancyGrid(Vec2 min, Vec2 max, double cellSize);

    // Cells within halfWidth of the line; overwrites everything.
    void markLine(const Polyline& line, double halfWidth, Cell value);
    // Cells whose centre lies in the ring; `onlyFree` keeps what is already marked.
    void fillRing(const Ring& ring, Cell value, bool onlyFree);
    // Whether every cell whose centre lies in the ring holds one of the allowed values (outside the grid
    // counts as not allowed).
    bool allows(const Ring& ring, std::uint32_t allowedMask) const;
    Cell at(Vec2 p) const;

private:
    template <typename Fn>
    void forCellsIn(const Ring& ring, Fn&& fn) const;

    Vec2 m_min;
    double m_cell;
    int m_width;
    int m_height;
    std::vector<Cell> m_cells;
};

}  // namespace lb::demo::detail
