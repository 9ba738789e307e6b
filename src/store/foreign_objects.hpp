#pragma once

#include <string>
#include <vector>

namespace lb::store {

class Db;

// One entry of the project file's schema (sqlite_master).
struct SchemaObject {
    std::string type;  // table, index, view, trigger
    std::string name;
    std::string table;     // tbl_name: the table an index or trigger belongs to
    std::string sql;       // empty for automatic indexes
    bool changed = false;  // one of our objects, but with other SQL than ours
    std::string ourSql;    // for changed objects: the SQL Lagebild creates it with
};

// The schema objects of a project that Lagebild did not create: triggers, views, tables and indexes that
// are not in the schema this program builds for the file's CRS and schema version (SpatiaLite's metadata
// included), or whose SQL differs from ours. A trigger or view from another program (or a hostile file)
// could run SQL whenever we write, e.g. empty the audit log on every insert, so such a project is not opened
// for writing until `lagebild repair` removed them. Sorted by type and name.
std::vector<SchemaObject> foreignObjects(Db& db, int srid, int schemaVersion);

// "trigger "wipe_audit" on incidents: CREATE TRIGGER …" (the SQL shortened to one line).
std::string describe(const SchemaObject& object);

// Whether `lagebild repair` can remove the object without losing our data: triggers, views and indexes
// (one of ours that was changed is created again with our SQL); an unknown table only when asked to
// (dropTables). A table of ours whose definition differs, and an automatic index, cannot be repaired.
bool isRemovable(const SchemaObject& object, bool dropTables);

}  // namespace lb::store
