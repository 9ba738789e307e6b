#include "demo/grid.hpp"

#include <algorithm>
#include <cmath>

namespace lb::demo::detail {

OccupancyGrid::OccupancyGrid(Vec2 min, Vec2 max, double cellSize)
    : m_min(min),
      m_cell(cellSize),
      m_width(static_cast<int>(std::ceil((max.x - min.x) / cellSize))),
      m_height(static_cast<int>(std::ceil((max.y - min.y) / cellSize))),
      m_cells(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height), Cell::Free) {}

template <typename Fn>
void OccupancyGrid::forCellsIn(const Ring& ring, Fn&& fn) const {
    double minX = ring.front().x, maxX = minX, minY = ring.front().y, maxY = minY;
    for (Vec2 p : ring) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const int x0 = static_cast<int>(std::floor((minX - m_min.x) / m_cell));
    const int x1 = static_cast<int>(std::floor((maxX - m_min.x) / m_cell));
    const int y0 = static_cast<int>(std::floor((minY - m_min.y) / m_cell));
    const int y1 = static_cast<int>(std::floor((maxY - m_min.y) / m_cell));
    std::vector<double> xs;
    for (int cy = y0; cy <= y1; ++cy) {
        // Scanline: crossings of the ring with the row's centre line.
        const double y = m_min.y + (cy + 0.5) * m_cell;
        xs.clear();
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Vec2 a = ring[i];
            const Vec2 b = ring[j];
            if ((a.y > y) != (b.y > y)) xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            const int from = std::max(x0, static_cast<int>(std::ceil((xs[k] - m_min.x) / m_cell - 0.5)));
            const int to = std::min(x1, static_cast<int>(std::floor((xs[k + 1] - m_min.x) / m_cell - 0.5)));
            for (int cx = from; cx <= to; ++cx) {
                if (!fn(cx, cy)) return;
            }
        }
    }
}

void OccupancyGrid::markLine(const Polyline& line, double halfWidth, Cell value) {
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Vec2 a = line[i - 1];
        const Vec2 b = line[i];
        const Vec2 dir = normalized(b - a);
        const double len = distance(a, b);
        // The segment's rectangle plus round caps (a square cap is close enough at 1 m cells).
        const Ring box = rectangle(lerp(a, b, 0.5), dir, len + 2.0 * halfWidth, 2.0 * halfWidth);
        forCellsIn(box, [&](int cx, int cy) {
            if (cx >= 0 && cy >= 0 && cx < m_width && cy < m_height) {
                m_cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(m_width) + cx] = value;
            }
            return true;
        });
    }
}

void OccupancyGrid::fillRing(const Ring& ring, Cell value, bool onlyFree) {
    forCellsIn(ring, [&](int cx, int cy) {
        if (cx >= 0 && cy >= 0 && cx < m_width && cy < m_height) {
            Cell& c = m_cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(m_width) + cx];
            if (!onlyFree || c == Cell::Free) c = value;
        }
        return true;
    });
}

bool OccupancyGrid::allows(const Ring& ring, std::uint32_t allowedMask) const {
    bool ok = true;
    forCellsIn(ring, [&](int cx, int cy) {
        if (cx < 0 || cy < 0 || cx >= m_width || cy >= m_height) {
            ok = false;
        } else {
            const Cell c = m_cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(m_width) + cx];
            ok = (cellMask(c) & allowedMask) != 0;
        }
        return ok;
    });
    return ok;
}

Cell OccupancyGrid::at(Vec2 p) const {
    const int cx = static_cast<int>(std::floor((p.x - m_min.x) / m_cell));
    const int cy = static_cast<int>(std::floor((p.y - m_min.y) / m_cell));
    if (cx < 0 || cy < 0 || cx >= m_width || cy >= m_height) return Cell::Reserved;
    return m_cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(m_width) + cx];
}

}  // namespace lb::demo::detail
