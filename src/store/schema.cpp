#include "store/schema.hpp"

#include <string>

#include "core/error.hpp"
#include "store/spatial_index.hpp"
#include "store/sqlite.hpp"

namespace lb::store {
namespace {

using enum ColumnType;

#define LB_THEMATIC_COLUMNS                                                                      \
    {"uuid", Text}, {"ext_id", Text}, {"created", Text}, {"modified", Text}, {"author", Text}, { \
        "attrs", Text                                                                            \
    }

constexpr ColumnDef kRoads[] = {{"osm_id", Integer}, {"highway", Text}, {"name", Text},   {"ref", Text},
                                {"lit", Text},       {"bridge", Text},  {"tunnel", Text}, {"layer", Text},
                                {"surface", Text},   {"access", Text},  {"foot", Text},   {"oneway", Text},
                                {"maxspeed", Text},  {"service", Text}, {"tags", Text}};
constexpr ColumnDef kBuildings[] = {{"osm_id", Integer},   {"osm_type", Text},         {"building", Text},
                                    {"name", Text},        {"building_levels", Text},  {"amenity", Text},
                                    {"addr_street", Text}, {"addr_housenumber", Text}, {"addr_postcode", Text},
                                    {"tags", Text}};
constexpr ColumnDef kLanduse[] = {{"osm_id", Integer}, {"osm_type", Text}, {"landuse", Text},
                                  {"leisure", Text},   {"natural", Text},  {"amenity", Text},
                                  {"highway", Text},   {"name", Text},     {"tags", Text}};
constexpr ColumnDef kWater[] = {{"osm_id", Integer}, {"osm_type", Text}, {"waterway", Text}, {"natural", Text},
                                {"water", Text},     {"name", Text},     {"tags", Text}};
constexpr ColumnDef kRailways[] = {{"osm_id", Integer}, {"railway", Text}, {"name", Text},   {"service", Text},
                                   {"usage", Text},     {"bridge", Text},  {"tunnel", Text}, {"tags", Text}};
constexpr ColumnDef kPois[] = {{"osm_id", Integer},       {"osm_type", Text},
                               {"amenity", Text},         {"shop", Text},
                               {"leisure", Text},         {"tourism", Text},
                               {"highway", Text},         {"public_transport", Text},
                               {"railway", Text},         {"community_centre", Text},
                               {"social_facility", Text}, {"name", Text},
                               {"opening_hours", Text},   {"tags", Text}};
constexpr ColumnDef kIncidents[] = {LB_THEMATIC_COLUMNS,   {"time", Text},   {"category", Text}, {"subcategory", Text},
                                    {"offence_key", Text}, {"source", Text}, {"weight", Real}};
constexpr ColumnDef kGraffiti[] = {LB_THEMATIC_COLUMNS, {"name", Text},    {"status", Text},
                                   {"time", Text},      {"area_m2", Real}, {"cost_eur", Real}};
constexpr ColumnDef kRoutes[] = {LB_THEMATIC_COLUMNS, {"name", Text}, {"team", Text}};
constexpr ColumnDef kVisits[] = {LB_THEMATIC_COLUMNS, {"route_uuid", Text}, {"route", Text},
                                 {"time", Text},      {"end_time", Text},   {"duration_min", Real},
                                 {"staff", Integer},  {"contacts", Integer}};
constexpr ColumnDef kMeasures[] = {LB_THEMATIC_COLUMNS,  {"name", Text},       {"type", Text},     {"status", Text},
                                   {"budget_eur", Real}, {"start_date", Text}, {"end_date", Text}, {"owner", Text}};
constexpr ColumnDef kObservations[] = {LB_THEMATIC_COLUMNS, {"time", Text}, {"category", Text}, {"note", Text}};
constexpr ColumnDef kDistricts[] = {LB_THEMATIC_COLUMNS, {"name", Text}, {"population", Integer}};

#undef LB_THEMATIC_COLUMNS

std::string_view sqlType(ColumnType type) {
    switch (type) {
        case Text:
            return "TEXT";
        case Integer:
            return "INTEGER";
        case Real:
            return "REAL";
    }
    return "TEXT";
}

std::string columnSql(const ColumnDef& column) {
    std::string sql = quoteIdentifier(column.name) + " " + std::string(sqlType(column.type));
    if (column.name == "uuid") sql += " NOT NULL UNIQUE";
    if (column.name == "created" || column.name == "modified" || column.name == "author") sql += " NOT NULL";
    if (column.name == "route_uuid") sql += " REFERENCES routes(uuid) ON DELETE SET NULL";
    return sql;
}

void createLayerTable(Db& db, const core::LayerInfo& layer, int srid) {
    std::string sql = "CREATE TABLE " + quoteIdentifier(layer.name) + " (id INTEGER PRIMARY KEY";
    for (const auto& column : layerColumns(layer.id)) sql += ", " + columnSql(column);
    sql += ")";
    db.exec(sql);
    Statement add(db, "SELECT AddGeometryColumn(?, 'geometry', ?, ?, 'XY', ?)");
    add.bind(1, layer.name).bind(2, srid).bind(3, core::geometryTypeName(layer.geometryType));
    add.bind(4, layer.geometryRequired ? 1 : 0);
    if (!add.step() || add.columnInt(0) != 1) {
        throw core::ProcessingError(db.path() + ": SpatiaLite could not add the geometry column of " +
                                    std::string(layer.name));
    }
    Statement index(db, "SELECT CreateSpatialIndex(?, 'geometry')");
    index.bind(1, layer.name);
    if (!index.step() || index.columnInt(0) != 1) {
        throw core::ProcessingError(db.path() + ": SpatiaLite could not index " + std::string(layer.name));
    }
    spatial_index::dropIndexTriggers(db, layer.id);
}

// Schema version 2: a PNG thumbnail per photo, and the conflicts a field-package merge left for the planner
// (the package's version of a feature that was changed on both sides, as JSON).
void addVersion2(Db& db) {
    db.exec(R"SQL(
ALTER TABLE observation_photos ADD COLUMN thumbnail BLOB;
CREATE TABLE field_conflicts (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL,
    layer TEXT NOT NULL,
    feature_uuid TEXT NOT NULL,
    reason TEXT NOT NULL,
    project_modified TEXT,
    package_modified TEXT,
    package_values TEXT,
    detected TEXT NOT NULL,
    resolved TEXT);
CREATE UNIQUE INDEX field_conflicts_feature ON field_conflicts(package_id, layer, feature_uuid);
)SQL");
}

}  // namespace

std::span<const ColumnDef> layerColumns(core::LayerId layer) {
    switch (layer) {
        case core::LayerId::Roads:
            return kRoads;
        case core::LayerId::Buildings:
            return kBuildings;
        case core::LayerId::Landuse:
            return kLanduse;
        case core::LayerId::Water:
            return kWater;
        case core::LayerId::Railways:
            return kRailways;
        case core::LayerId::Pois:
            return kPois;
        case core::LayerId::Incidents:
            return kIncidents;
        case core::LayerId::Graffiti:
            return kGraffiti;
        case core::LayerId::Routes:
            return kRoutes;
        case core::LayerId::Visits:
            return kVisits;
        case core::LayerId::Measures:
            return kMeasures;
        case core::LayerId::Observations:
            return kObservations;
        case core::LayerId::Districts:
            return kDistricts;
    }
    return {};
}

const ColumnDef* findColumn(core::LayerId layer, std::string_view name) {
    for (const auto& column : layerColumns(layer)) {
        if (column.name == name) return &column;
    }
    return nullptr;
}

bool isBookkeepingColumn(std::string_view name) {
    return name == "uuid" || name == "created" || name == "modified" || name == "author";
}

void createSchema(Db& db, int srid, int version) {
    Statement init(db, "SELECT InitSpatialMetadata(0, 'NONE')");
    if (!init.step() || init.columnInt(0) != 1) {
        throw core::ProcessingError(db.path() + ": SpatiaLite could not initialise its metadata");
    }
    for (int code : {srid, 4326}) {
        Statement insert(db, "SELECT InsertEpsgSrid(?)");
        insert.bind(1, code);
        insert.step();
    }
    Statement known(db, "SELECT count(*) FROM spatial_ref_sys WHERE srid = ?");
    known.bind(1, srid);
    if (!known.step() || known.columnInt(0) != 1) {
        throw core::InputError("EPSG:" + std::to_string(srid) + " is not known to SpatiaLite");
    }

    db.exec(R"SQL(
CREATE TABLE lagebild_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    layer TEXT,
    feature_uuid TEXT,
    old_values TEXT,
    new_values TEXT,
    detail TEXT);
CREATE INDEX audit_log_time ON audit_log(time);
CREATE INDEX audit_log_feature ON audit_log(feature_uuid);
CREATE TABLE views (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    definition TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    author TEXT NOT NULL);
CREATE TABLE saved_queries (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    author TEXT NOT NULL);
)SQL");
    for (const auto& layer : core::kLayers) createLayerTable(db, layer, srid);
    db.exec(R"SQL(
CREATE TABLE graffiti_status (
    id INTEGER PRIMARY KEY,
    graffiti_uuid TEXT NOT NULL REFERENCES graffiti(uuid) ON DELETE CASCADE,
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    cost_eur REAL,
    note TEXT,
    created TEXT NOT NULL,
    author TEXT NOT NULL);
CREATE INDEX graffiti_status_site ON graffiti_status(graffiti_uuid, date);
CREATE TABLE observation_photos (
    id INTEGER PRIMARY KEY,
    observation_uuid TEXT NOT NULL REFERENCES observations(uuid) ON DELETE CASCADE,
    mime_type TEXT NOT NULL,
    data BLOB NOT NULL,
    created TEXT NOT NULL,
    author TEXT NOT NULL);
CREATE INDEX observation_photos_observation ON observation_photos(observation_uuid);
CREATE INDEX incidents_time ON incidents(time);
CREATE INDEX incidents_category ON incidents(category);
CREATE INDEX visits_route ON visits(route_uuid);
)SQL");
    if (version >= 2) addVersion2(db);
}

void migrate(Db& db, int fromVersion, int srid) {
    (void)srid;
    if (fromVersion < 1 || fromVersion > kSchemaVersion) {
        throw core::InputError(db.path() + ": unknown schema version " + std::to_string(fromVersion));
    }
    // Each later version adds a step here.
    if (fromVersion < 2) {
        addVersion2(db);
        fromVersion = 2;
    }
}

}  // namespace lb::store
