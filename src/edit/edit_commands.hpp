#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/value.hpp"
#include "edit/attribute_values.hpp"
#include "edit/edit_command.hpp"

namespace lb::edit {

// A vertex of a geometry: part (polygon of a MultiPolygon; 0 otherwise), ring (0 = outer ring, 1.. =
// holes; 0 for points and lines) and index along the ring. The closing vertex of a ring is not addressed
// separately: moving vertex 0 moves both.
struct VertexRef {
    int part = 0;
    int ring = 0;
    int index = 0;
};

// Edits of the thematic layers (incidents, graffiti, routes, visits, measures, observations, districts).
// Geometry is WKB in the project CRS. Every command validates when applied (form_spec.hpp,
// geometry_check.hpp) and refuses with ValidationError / core::InputError, changing nothing.

// A new feature; the kind (add_point / add_line / add_polygon / add_record) follows the geometry.
// Empty geometry only where the layer allows it (visits).
std::unique_ptr<EditCommand> addFeature(core::LayerId layer, core::Wkb geometry, AttributeValues values);
// Shifts the whole geometry by (dx, dy) metres.
std::unique_ptr<EditCommand> moveFeature(core::LayerId layer, std::string uuid, double dx, double dy);
std::unique_ptr<EditCommand> deleteFeature(core::LayerId layer, std::string uuid);
std::unique_ptr<EditCommand> moveVertex(core::LayerId layer, std::string uuid, VertexRef vertex, double x, double y);
// Inserts a vertex so that it gets position `at.index` in its ring (the old vertex there and those after it
// shift by one); at.index == ring size appends to a line.
std::unique_ptr<EditCommand> insertVertex(core::LayerId layer, std::string uuid, VertexRef at, double x, double y);
std::unique_ptr<EditCommand> deleteVertex(core::LayerId layer, std::string uuid, VertexRef vertex);
std::unique_ptr<EditCommand> replaceGeometry(core::LayerId layer, std::string uuid, core::Wkb geometry);
// Changes the given columns (others keep their values); the merged record is validated as a whole.
std::unique_ptr<EditCommand> updateAttributes(core::LayerId layer, std::string uuid, AttributeValues changes);

// Several commands as one user action (one transaction, one undo step), e.g. a field mark.
std::unique_ptr<EditCommand> combined(EditKind kind, core::LayerId layer, std::string featureUuid,
                                      std::vector<std::unique_ptr<EditCommand>> parts);

// One feature as stored, for forms and tests.
struct FeatureRecord {
    core::LayerId layer;
    std::string uuid;
    core::Wkb geometry;  // empty: none
    AttributeValues values;
    std::string created;   // UTC ISO 8601
    std::string modified;  // UTC ISO 8601
    std::string author;    // who created it
};

}  // namespace lb::edit
