#pragma once

#include <optional>

#include "core/layer.hpp"
#include "core/value.hpp"
#include "edit/form_spec.hpp"

namespace lb::edit {

// Checks a geometry for a layer (WKB in the project CRS): the right type (points for incidents,
// graffiti, visits, observations; lines for routes; polygons for districts; any of these for measures),
// finite coordinates, at least 2 points per line and 4 per ring, GEOS validity for polygons, and no
// self-intersection for lines (routes excepted: a streetwork route may walk a street there and back).
// Returns the problem (field "geometry"), or nothing when the geometry is fine.
std::optional<FieldProblem> geometryProblem(core::LayerId layer, const core::Wkb& geometry);

// The geometry as the layer stores it (a Polygon becomes a MultiPolygon for districts); throws
// ValidationError with geometryProblem's message.
core::Wkb checkedGeometry(core::LayerId layer, core::Wkb geometry);

}  // namespace lb::edit
