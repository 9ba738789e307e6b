#include "store/foreign_objects.hpp"

#include <sqlite3.h>
// spatialite.h needs sqlite3.h first
#include <spatialite.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <utility>

#include "store/schema.hpp"
#include "store/sqlite.hpp"

namespace lb::store {
namespace {

using Key = std::pair<std::string, std::string>;  // type, name
using SchemaMap = std::map<Key, SchemaObject>;

SchemaMap readSchema(Db& db) {
    Statement s(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    SchemaMap out;
    while (s.step()) {
        SchemaObject object;
        object.type = s.columnText(0);
        object.name = s.columnText(1);
        object.table = s.columnText(2);
        object.sql = s.columnOptText(3).value_or("");
        out.emplace(Key{object.type, object.name}, std::move(object));
    }
    return out;
}

// The schema this program creates for a CRS and schema version, built once per process in an in-memory
// database with the same SpatiaLite (about 30 ms).
const SchemaMap& referenceSchema(int srid, int schemaVersion) {
    static std::mutex mutex;
    static std::map<std::pair<int, int>, SchemaMap> cache;
    const std::lock_guard lock(mutex);
    const auto key = std::make_pair(srid, schemaVersion);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    std::unique_ptr<void, void (*)(const void*)> spatialite(spatialite_alloc_connection(), spatialite_cleanup_ex);
    SchemaMap schema;
    {
        Db reference(":memory:", Db::Mode::Create);
        spatialite_init_ex(reference.handle(), spatialite.get(), 0);
        Transaction tx(reference);
        createSchema(reference, srid, schemaVersion);
        reference.exec(kFieldPackageManifestSql);  // a field package's one extra table
        tx.commit();
        schema = readSchema(reference);
    }
    return cache.emplace(key, std::move(schema)).first->second;
}

// Tables SQLite itself creates (ANALYZE, AUTOINCREMENT): no SQL of anyone's runs through them.
bool isSqliteInternalTable(const SchemaObject& object) {
    static const std::set<std::string> kInternal = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3",
                                                    "sqlite_stat4"};
    return object.type == "table" && kInternal.count(object.name) > 0 && object.table == object.name;
}

}  // namespace

std::vector<SchemaObject> foreignObjects(Db& db, int srid, int schemaVersion) {
    const SchemaMap& ours = referenceSchema(srid, schemaVersion);
    std::vector<SchemaObject> out;
    for (auto& [key, object] : readSchema(db)) {
        if (isSqliteInternalTable(object)) continue;
        const auto it = ours.find(key);
        if (it != ours.end() && it->second.sql == object.sql && it->second.table == object.table) continue;
        SchemaObject foreign = object;
        foreign.changed = it != ours.end();
        if (foreign.changed) foreign.ourSql = it->second.sql;
        out.push_back(std::move(foreign));
    }
    return out;
}

std::string describe(const SchemaObject& object) {
    std::string text = object.type + " \"" + object.name + "\"";
    if (object.type == "trigger" || object.type == "index") text += " on " + object.table;
    if (object.changed) text += " (changed by another program)";
    std::string sql;
    bool space = false;
    for (char c : object.sql) {
        const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (blank) {
            space = !sql.empty();
            continue;
        }
        if (space) sql += ' ';
        space = false;
        sql += c;
    }
    if (sql.size() > 160) sql = sql.substr(0, 157) + "...";
    if (!sql.empty()) text += ": " + sql;
    return text;
}

bool isRemovable(const SchemaObject& object, bool dropTables) {
    if (object.type == "trigger" || object.type == "view") return true;
    if (object.type == "index") return !object.sql.empty() && (!object.changed || !object.ourSql.empty());
    return object.type == "table" && !object.changed && dropTables;
}

}  // namespace lb::store
