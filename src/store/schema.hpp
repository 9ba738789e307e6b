#pragma once

#include <span>
#include <string_view>

#include "core/layer.hpp"

namespace lb::store {

class Db;

// The newest schema this program writes; files with a higher version are refused.
// Version 2 (edit module): observation_photos.thumbnail, the field_conflicts table of field-package merges.
inline constexpr int kSchemaVersion = 2;
// PRAGMA application_id of a Lagebild project ("LBLD").
inline constexpr int kApplicationId = 0x4C424C44;

enum class ColumnType { Text, Integer, Real };

struct ColumnDef {
    std::string_view name;
    ColumnType type;
};

// The attribute columns of a layer table besides `id` and `geometry` — the allow-list for every
// identifier that reaches SQL. Thematic layers start with uuid, ext_id, created, modified, author, attrs.
std::span<const ColumnDef> layerColumns(core::LayerId layer);
const ColumnDef* findColumn(core::LayerId layer, std::string_view name);
// Columns the store fills itself on thematic layers.
bool isBookkeepingColumn(std::string_view name);

// Creates every table, geometry column and spatial index of a schema version (default: kSchemaVersion) in
// the project CRS. Runs inside the caller's transaction. Older versions only for the reference schema of
// foreign_objects.hpp.
void createSchema(Db& db, int srid, int version = kSchemaVersion);
// The table a field package adds to the schema (field_package.hpp); allowed in packages only.
inline constexpr const char* kFieldPackageManifestSql =
    "CREATE TABLE field_package_manifest (layer TEXT NOT NULL, uuid TEXT NOT NULL, modified TEXT NOT NULL, "
    "PRIMARY KEY (layer, uuid))";

// Brings an older schema up to kSchemaVersion, one version at a time, inside the caller's transaction.
void migrate(Db& db, int fromVersion, int srid);

}  // namespace lb::store
