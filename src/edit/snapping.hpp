#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "edit/edit_commands.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

enum class SnapKind { None, Vertex, Edge };

struct SnapOptions {
    double toleranceM = 10.0;           // search radius in metres (project CRS units)
    std::vector<core::LayerId> layers;  // layers to snap to (base map and thematic)
    bool vertices = true;
    bool edges = true;
    std::string excludeUuid;  // the feature being edited (not snapped to itself); "" for none
};

struct SnapResult {
    SnapKind kind = SnapKind::None;
    double x = 0, y = 0;  // the snapped position (the input position for None)
    double distance = 0;  // metres from the input position
    core::LayerId layer = core::LayerId::Roads;
    std::int64_t rowId = 0;   // the feature's id in its table
    std::string featureUuid;  // thematic layers; "" for base map
    // Vertex: the vertex snapped to. Edge: the edge from vertex.index to vertex.index + 1 (insert at
    // vertex.index + 1 to put a vertex there).
    VertexRef vertex;
};

// Snaps a map position to the nearest vertex within the tolerance, else to the nearest point on an edge
// within the tolerance, across the given layers. Candidates come from the layers' spatial indexes.
SnapResult snap(store::ProjectStore& store, double x, double y, const SnapOptions& options);

}  // namespace lb::edit
