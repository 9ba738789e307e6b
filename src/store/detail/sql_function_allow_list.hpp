#pragma once

#include <string_view>

namespace lb::store::detail {

// The SQL functions `lagebild sql` and the GUI's SQL console may call: SQLite's harmless scalar, aggregate
// and window functions and SpatiaLite's geometry, measurement, CRS and matrix functions that touch no file,
// network, extension, stored procedure or schema. Everything else is refused by name, whether or not this
// build registers it (SpatiaLite registers its file functions only under SPATIALITE_SECURITY=relaxed).
// `lowerName` must be lower case.
bool sqlFunctionAllowed(std::string_view lowerName);

}  // namespace lb::store::detail
