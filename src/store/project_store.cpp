#include "store/project_store.hpp"

#include <sqlite3.h>
// spatialite.h needs sqlite3.h first
#include <spatialite.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "core/error.hpp"
#include "core/time.hpp"
#include "store/detail/trigger_functions.hpp"
#include "store/schema.hpp"
#include "store/spatial_index.hpp"
#include "store/sqlite.hpp"

namespace lb::store {
namespace {

void requireWritableDirectory(const std::filesystem::path& path) {
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir)) {
        throw core::InputError(path.string() + ": the folder " + dir.string() + " does not exist");
    }
    if (::access(dir.c_str(), W_OK) != 0) {
        throw core::InputError(path.string() + ": the folder " + dir.string() + " is not writable",
                               "choose another location or check the folder's permissions");
    }
}

// The SRID of "EPSG:<1 to 6 digits>"; nullopt for anything else (a damaged lagebild_meta row).
std::optional<int> sridOf(const std::string& crs) {
    if (crs.size() < 6 || crs.size() > 11 || crs.compare(0, 5, "EPSG:") != 0) return std::nullopt;
    int srid = 0;
    const char* begin = crs.data() + 5;
    const char* end = crs.data() + crs.size();
    const auto [ptr, ec] = std::from_chars(begin, end, srid);
    if (ec != std::errc() || ptr != end || srid <= 0) return std::nullopt;
    return srid;
}

std::uint64_t fnv1a(std::uint64_t hash, const void* data, std::size_t size) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= p[i];
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace

ProjectStore::ProjectStore(std::filesystem::path path, std::unique_ptr<Db> db)
    : m_path(std::move(path)), m_db(std::move(db)) {}

ProjectStore::~ProjectStore() {
    try {
        flushErased();
    } catch (const std::exception&) {
        // Closing must not throw; SQLite checkpoints again when the last connection closes.
    }
    m_db.reset();
}

void ProjectStore::configure(bool readOnly) {
    sqlite3* h = m_db->handle();
    int enabled = 0;
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
    sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &enabled);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &enabled);
    sqlite3_busy_timeout(h, 10000);
    // SpatiaLite registers its file functions (ImportSHP, ExportSHP, BlobToFile, …) when it finds
    // SPATIALITE_SECURITY=relaxed at init. Both front ends unset it at start (single-threaded); this catches
    // any other caller of the store.
    if (std::getenv("SPATIALITE_SECURITY")) ::unsetenv("SPATIALITE_SECURITY");
    m_spatialiteCache =
        std::unique_ptr<void, void (*)(const void*)>(spatialite_alloc_connection(), spatialite_cleanup_ex);
    spatialite_init_ex(h, m_spatialiteCache.get(), 0);
    detail::registerGeometryConstraints(h);
    m_db->exec("PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
    if (!readOnly) m_db->exec("PRAGMA synchronous = FULL;");
}

std::unique_ptr<ProjectStore> ProjectStore::create(const std::filesystem::path& path, const std::string& crs) {
    if (std::filesystem::exists(path)) {
        throw core::InputError(path.string() + ": a file of that name exists already",
                               "choose another name or remove the file");
    }
    requireWritableDirectory(path);
    const auto parsedSrid = sridOf(crs);
    if (!parsedSrid) throw core::UsageError("invalid CRS '" + crs + "'", "write it as EPSG:25833");
    const int srid = *parsedSrid;
    std::unique_ptr<ProjectStore> store;
    try {
        store.reset(new ProjectStore(path, std::make_unique<Db>(path.string(), Db::Mode::Create)));
        store->configure(false);
        Db& db = *store->m_db;
        db.exec("PRAGMA journal_mode = WAL; PRAGMA application_id = " + std::to_string(kApplicationId) + ";");
        Transaction tx(db);
        createSchema(db, srid);
        Statement meta(db, "INSERT INTO lagebild_meta(key, value) VALUES (?, ?)");
        const std::string created = core::formatUtc(core::now());
        for (const auto& [key, value] : {std::pair<std::string, std::string>{"application", "lagebild"},
                                         {"schema_version", std::to_string(kSchemaVersion)},
                                         {"crs", crs},
                                         {"created", created}}) {
            meta.bind(1, key).bind(2, value);
            meta.run();
        }
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";");
        store->audit("create", std::nullopt, "", "", "", "project created in " + crs);
        spatial_index::recordInStep(db);
        tx.commit();
        // Write the header (application_id) into the main file now: other processes check it there before
        // they open the project, while this connection may keep the WAL for a long time.
        db.exec("PRAGMA wal_checkpoint(TRUNCATE);");
        store->readMeta();
    } catch (...) {
        store.reset();
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(path.string() + suffix, ec);
        }
        throw;
    }
    return store;
}

std::unique_ptr<ProjectStore> ProjectStore::openFile(const std::filesystem::path& path, Access access,
                                                     Db::Threads threads) {
    if (!std::filesystem::exists(path)) {
        throw core::InputError(path.string() + ": no such project file",
                               "create one with `lagebild init` or `lagebild demo`");
    }
    if (std::filesystem::is_directory(path)) throw core::InputError(path.string() + ": is a folder, not a project");
    // Check the SQLite header and our application id before SQLite touches the file, so that a foreign
    // file is never changed (not even a WAL or journal file is created next to it).
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) throw core::InputError(path.string() + ": cannot read the project file (" + std::strerror(errno) + ")");
        unsigned char header[100] = {};
        const std::size_t n = std::fread(header, 1, sizeof header, f);
        std::fclose(f);
        if (n < 100 || std::memcmp(header, "SQLite format 3", 16) != 0) {
            throw core::InputError(path.string() + ": not a Lagebild project (the file is not an SQLite database)");
        }
        const int appId = (header[68] << 24) | (header[69] << 16) | (header[70] << 8) | header[71];
        if (appId != kApplicationId) {
            throw core::InputError(path.string() + ": an SQLite database, but not a Lagebild project");
        }
    }
    if (access == Access::ReadWrite && ::access(path.c_str(), W_OK) != 0) {
        throw core::InputError(path.string() + ": the project file is read-only", "check the file's permissions");
    }
    const auto mode = access == Access::ReadOnly ? Db::Mode::ReadOnly : Db::Mode::ReadWrite;
    std::unique_ptr<ProjectStore> store(new ProjectStore(path, std::make_unique<Db>(path.string(), mode, threads)));
    store->configure(access == Access::ReadOnly);
    store->readMeta();
    if (store->m_schemaVersion > kSchemaVersion) {
        throw core::InputError(path.string() + ": written by a newer Lagebild (schema version " +
                                   std::to_string(store->m_schemaVersion) + ", this program knows up to " +
                                   std::to_string(kSchemaVersion) + ")",
                               "update Lagebild to open this project");
    }
    return store;
}

std::unique_ptr<ProjectStore> ProjectStore::open(const std::filesystem::path& path, Access access,
                                                 Db::Threads threads) {
    auto store = openFile(path, access, threads);
    // Before anything is written (migration, index repair): SQL that another program put into the schema
    // would run with our writes.
    if (access == Access::ReadWrite && store->m_schemaVersion >= 1) {
        const auto foreign = foreignObjects(*store->m_db, store->m_srid, store->m_schemaVersion);
        if (!foreign.empty()) {
            std::string list;
            for (const auto& object : foreign) list += "\n    " + describe(object);
            throw core::InputError(
                path.string() + ": the project has " + std::to_string(foreign.size()) +
                    " schema object(s) that Lagebild did not create; they could run SQL when "
                    "the project is changed, so it is not opened for writing (nothing was "
                    "changed):" +
                    list,
                "`lagebild repair " + path.string() + "` lists and removes them (reading commands still work)");
        }
    }
    // An older project is upgraded when it is opened for writing. Read-only use (render, query, sql, info)
    // leaves the file as it is: every later version only adds what editing needs.
    if (store->m_schemaVersion < kSchemaVersion && access == Access::ReadWrite) {
        Transaction tx(*store->m_db);
        migrate(*store->m_db, store->m_schemaVersion, store->m_srid);
        store->m_db->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";");
        Statement meta(*store->m_db, "UPDATE lagebild_meta SET value = ? WHERE key = 'schema_version'");
        meta.bind(1, std::to_string(kSchemaVersion)).run();
        tx.commit();
        store->m_schemaVersion = kSchemaVersion;
    }
    if (access == Access::ReadWrite) {
        // Another program may have edited layers without maintaining our spatial indexes.
        Transaction tx(*store->m_db);
        spatial_index::repairChangedLayers(*store->m_db);
        tx.commit();
    }
    return store;
}

void ProjectStore::readMeta() {
    Statement version(*m_db, "PRAGMA user_version");
    m_schemaVersion = version.step() ? static_cast<int>(version.columnInt(0)) : 0;
    try {
        Statement crs(*m_db, "SELECT value FROM lagebild_meta WHERE key = 'crs'");
        if (!crs.step()) throw core::InputError(m_path.string() + ": the project has no CRS in lagebild_meta");
        m_crs = crs.columnText(0);
        const auto srid = sridOf(m_crs);
        if (!srid) {
            throw core::InputError(
                m_path.string() + ": the project's CRS '" + m_crs + "' (lagebild_meta, key 'crs') is not an EPSG code",
                "the file is damaged; restore it from a backup or set the value to e.g. EPSG:25833");
        }
        m_srid = *srid;
    } catch (const core::ProcessingError& e) {
        throw core::InputError(m_path.string() + ": not a Lagebild project (" + e.what() + ")");
    }
}

std::optional<std::string> ProjectStore::setting(const std::string& key) {
    Statement s(*m_db, "SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.columnOptText(0);
}

void ProjectStore::setSetting(const std::string& key, const std::string& value) {
    Statement s(*m_db, "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?2");
    s.bind(1, key).bind(2, value).run();
}

std::string ProjectStore::author() {
    if (auto stored = setting("author"); stored && !stored->empty()) return *stored;
    for (const char* var : {"LAGEBILD_AUTHOR", "USER"}) {
        if (const char* value = std::getenv(var); value && *value) return value;
    }
    return "unbekannt";
}

std::int64_t ProjectStore::count(core::LayerId layer) {
    Statement s(*m_db, "SELECT count(*) FROM " + quoteIdentifier(core::layerInfo(layer).name));
    s.step();
    return s.columnInt(0);
}

core::BBox ProjectStore::extent(core::LayerId layer) {
    Statement s(*m_db,
                "SELECT min(MbrMinX(geometry)), min(MbrMinY(geometry)), max(MbrMaxX(geometry)), "
                "max(MbrMaxY(geometry)) FROM " +
                    quoteIdentifier(core::layerInfo(layer).name));
    core::BBox box;
    if (s.step() && !s.isNull(0)) {
        box.add(s.columnDouble(0), s.columnDouble(1));
        box.add(s.columnDouble(2), s.columnDouble(3));
    }
    return box;
}

void ProjectStore::clearLayer(core::LayerId layer) {
    const std::string name(core::layerInfo(layer).name);
    m_db->exec("DELETE FROM " + quoteIdentifier(name));
    spatial_index::clear(*m_db, layer);
    if (core::layerInfo(layer).kind == core::LayerKind::Thematic) {
        redactAudit("layer = ? AND feature_uuid IS NOT NULL", [&](Statement& s) { s.bind(1, name); });
    }
    m_erasePending = true;
}

RepairReport ProjectStore::repair(const std::filesystem::path& path, bool dropTables, bool dryRun) {
    auto store = openFile(path, dryRun ? Access::ReadOnly : Access::ReadWrite);
    if (store->m_schemaVersion < 1) {
        throw core::InputError(path.string() + ": unknown schema version " + std::to_string(store->m_schemaVersion));
    }
    RepairReport report;
    report.found = foreignObjects(*store->m_db, store->m_srid, store->m_schemaVersion);
    std::string blocked;
    bool unknownTable = false;
    for (const auto& object : report.found) {
        if (isRemovable(object, dropTables)) continue;
        blocked += "\n    " + describe(object);
        unknownTable = unknownTable || (object.type == "table" && !object.changed);
    }
    if (!blocked.empty()) {
        throw core::InputError(path.string() +
                                   ": these schema objects cannot be removed without losing data; "
                                   "nothing was changed:" +
                                   blocked,
                               unknownTable ? "add --drop-tables to drop tables Lagebild does not know (their rows "
                                              "are lost)"
                                            : "copy the layers into a new project (e.g. export and import them)");
    }
    if (dryRun || report.found.empty()) return report;
    // Triggers first: none of them may fire while we change anything; then what may depend on tables.
    std::vector<SchemaObject> ordered = report.found;
    auto rank = [](const SchemaObject& o) {
        return o.type == "trigger" ? 0 : o.type == "view" ? 1 : o.type == "index" ? 2 : 3;
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const SchemaObject& a, const SchemaObject& b) { return rank(a) < rank(b); });
    WriteTransaction tx(*store);
    std::string removed;
    for (const auto& object : ordered) {
        std::string type = object.type;
        for (auto& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        store->m_db->exec("DROP " + type + " IF EXISTS " + quoteIdentifier(object.name));
        if (object.changed && !object.ourSql.empty()) store->m_db->exec(object.ourSql);
        removed += (removed.empty() ? "" : ", ") + object.type + " " + object.name;
        report.removed.push_back(object);
    }
    store->audit("repair", std::nullopt, "", "", "", "removed foreign schema objects: " + removed);
    tx.commit();
    report.changed = true;
    return report;
}

void WriteTransaction::commit() {
    spatial_index::recordInStep(m_store.db());
    m_tx.commit();
    m_store.flushErased();
}

std::uint64_t ProjectStore::contentChecksum(core::LayerId layer) {
    std::string columns;
    for (const auto& column : layerColumns(layer)) {
        if (column.name == "created" || column.name == "modified" || column.name == "author") continue;
        columns += quoteIdentifier(column.name) + ", ";
    }
    Statement s(*m_db,
                "SELECT " + columns + "geometry FROM " + quoteIdentifier(core::layerInfo(layer).name) + " ORDER BY id");
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const int n = s.columnCount();
    while (s.step()) {
        for (int i = 0; i < n; ++i) {
            const auto blob = s.columnBlob(i);
            const std::uint8_t type = s.isNull(i) ? 0 : 1;
            hash = fnv1a(hash, &type, 1);
            hash = fnv1a(hash, blob.data(), blob.size());
        }
    }
    return hash;
}

void ProjectStore::audit(const std::string& action, std::optional<core::LayerId> layer, const std::string& featureUuid,
                         const std::string& oldValues, const std::string& newValues, const std::string& detail,
                         const std::string& byAuthor) {
    Statement s(*m_db,
                "INSERT INTO audit_log(time, author, action, layer, feature_uuid, old_values, new_values, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, core::formatUtc(core::now())).bind(2, byAuthor.empty() ? author() : byAuthor).bind(3, action);
    if (layer) {
        s.bind(4, core::layerInfo(*layer).name);
    } else {
        s.bind(4, nullptr);
    }
    auto optional = [&](int index, const std::string& text) {
        if (text.empty()) {
            s.bind(index, nullptr);
        } else {
            s.bind(index, text);
        }
    };
    optional(5, featureUuid);
    optional(6, oldValues);
    optional(7, newValues);
    optional(8, detail);
    s.run();
    if (!layer || featureUuid.empty() || core::layerInfo(*layer).kind != core::LayerKind::Thematic) return;
    const std::string name(core::layerInfo(*layer).name);
    Statement exists(*m_db, "SELECT 1 FROM " + quoteIdentifier(name) + " WHERE uuid = ?");
    exists.bind(1, featureUuid);
    if (exists.step()) return;
    // The feature is gone: so are its values, from this row and from its whole history.
    redactAudit("layer = ? AND feature_uuid = ?", [&](Statement& r) { r.bind(1, name).bind(2, featureUuid); });
    m_erasePending = true;
}

std::int64_t ProjectStore::redactAudit(const std::string& where, const std::function<void(Statement&)>& bind) {
    // Values are JSON objects; a redacted column is the JSON array of its keys. Anything else (not JSON)
    // cannot be split into names and values and is removed.
    auto redacted = [](const char* column) {
        const std::string c(column);
        return "CASE WHEN " + c + " IS NULL THEN NULL WHEN json_valid(" + c + ") AND json_type(" + c +
               ") = 'array' THEN " + c + " WHEN json_valid(" + c + ") AND json_type(" + c +
               ") = 'object' THEN (SELECT json_group_array(key) FROM json_each(" + c + ")) ELSE NULL END";
    };
    auto hasValues = [](const char* column) {
        const std::string c(column);
        return "(" + c + " IS NOT NULL AND NOT (json_valid(" + c + ") AND json_type(" + c + ") = 'array'))";
    };
    Statement s(*m_db, "UPDATE audit_log SET old_values = " + redacted("old_values") +
                           ", new_values = " + redacted("new_values") + " WHERE (" + where + ") AND (" +
                           hasValues("old_values") + " OR " + hasValues("new_values") + ")");
    bind(s);
    s.run();
    return sqlite3_changes64(m_db->handle());
}

std::int64_t ProjectStore::purgeAuditValues(const std::string& beforeUtc) {
    const auto n = redactAudit("time < ?", [&](Statement& s) { s.bind(1, beforeUtc); });
    if (n > 0) m_erasePending = true;
    return n;
}

bool ProjectStore::flushErased() {
    if (!m_erasePending || !m_db || m_db->readOnly()) return !m_erasePending;
    sqlite3* h = m_db->handle();
    if (!sqlite3_get_autocommit(h)) return false;  // inside a transaction: after its commit
    sqlite3_busy_timeout(h, 2000);
    bool done = false;
    try {
        Statement checkpoint(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
        done = checkpoint.step() && checkpoint.columnInt(0) == 0;
    } catch (const core::Error&) {
        // The change itself is committed; a reader kept the WAL. Retried after the next commit and on close.
    }
    sqlite3_busy_timeout(h, 10000);
    if (done) m_erasePending = false;
    return done;
}

}  // namespace lb::store
