#include "store/detail/trigger_functions.hpp"

#include <sqlite3.h>

#include "store/spatialite_blob.hpp"

namespace lb::store::detail {
namespace {

// GeometryConstraints(geom, geometry_type, srid) → 1 when geom is NULL or matches the column's declared
// type and SRID, else 0 (SpatiaLite semantics; geometry_type 0 = any 2D type).
void geometryConstraints(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc != 3) {
        sqlite3_result_error(ctx, "GeometryConstraints() takes 3 arguments", -1);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_int(ctx, 1);
        return;
    }
    const auto* blob = static_cast<const std::uint8_t*>(sqlite3_value_blob(argv[0]));
    const auto header = readSpatialiteHeader(blob, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
    if (!header) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    const int declaredType = sqlite3_value_int(argv[1]);
    const int declaredSrid = sqlite3_value_int(argv[2]);
    const int classType = header->classType % 1000000;  // compressed variants have the same shape
    const bool typeOk = declaredType == 0 ? classType >= 1 && classType <= 7 : classType == declaredType;
    sqlite3_result_int(ctx, typeOk && header->srid == declaredSrid ? 1 : 0);
}

}  // namespace

void registerGeometryConstraints(sqlite3* db) {
    const int pure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(db, "GeometryConstraints", 3, pure, nullptr, geometryConstraints, nullptr, nullptr,
                               nullptr);
}

}  // namespace lb::store::detail
