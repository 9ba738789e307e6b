#pragma once

struct sqlite3;

namespace lb::store::detail {

// SpatiaLite's geometry-constraint triggers call GeometryConstraints(), which SpatiaLite does not register
// as SQLITE_INNOCUOUS; with PRAGMA trusted_schema=OFF — which we keep on so that a hostile project file
// cannot run code through its schema — SQLite would refuse those triggers. We register our own innocuous
// version: a pure check of the geometry BLOB header against the column's declared type and SRID.
// The triggers in the file stay SpatiaLite's own, so QGIS and `spatialite` keep enforcing them too.
void registerGeometryConstraints(sqlite3* db);

}  // namespace lb::store::detail
