#pragma once

#include <algorithm>
#include <limits>

namespace lb::core {

// An axis-aligned box in some CRS; empty until a point is added.
struct BBox {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool empty() const { return minX > maxX; }
    void add(double x, double y) {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    void add(const BBox& o) {
        if (o.empty()) return;
        add(o.minX, o.minY);
        add(o.maxX, o.maxY);
    }
    bool contains(double x, double y) const { return x >= minX && x <= maxX && y >= minY && y <= maxY; }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    bool operator==(const BBox&) const = default;
};

}  // namespace lb::core
