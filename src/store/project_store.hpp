#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/uuid.hpp"
#include "store/foreign_objects.hpp"
#include "store/sqlite.hpp"

namespace lb::store {

// What `lagebild repair` found and did.
struct RepairReport {
    std::vector<SchemaObject> found;    // every foreign object, as listed by foreignObjects()
    std::vector<SchemaObject> removed;  // dropped (changed objects of ours: created again with our SQL)
    bool changed = false;               // false for a dry run or a clean project
};

// A Lagebild project: one SpatiaLite file. Opening configures the connection for data that must not be
// lost or leaked: WAL, synchronous=FULL, secure_delete, foreign keys, a busy timeout, and a connection
// that a hostile file cannot make run code (SQLITE_DBCONFIG_DEFENSIVE, trusted_schema=OFF).
class ProjectStore {
public:
    enum class Access { ReadOnly, ReadWrite };

    // Creates a new project; refuses to overwrite an existing file. The CRS must be a metric projected CRS.
    static std::unique_ptr<ProjectStore> create(const std::filesystem::path& path, const std::string& crs);
    // Opens a project; a file that is missing, not a Lagebild project, newer than this program or corrupt
    // gives a core::InputError and is left untouched. Older schemas are migrated (read-write only).
    // Read-write also refuses (core::InputError naming them, the file untouched) a project whose schema has
    // objects Lagebild did not create (foreign_objects.hpp): their SQL would run with our writes.
    // Read-only opens do not check: nothing is written, so no trigger can fire, and trusted_schema=OFF
    // keeps views from calling anything but harmless functions.
    // With Db::Threads::Shared several threads may read through it at once, each with its own statements.
    static std::unique_ptr<ProjectStore> open(const std::filesystem::path& path, Access access,
                                              Db::Threads threads = Db::Threads::One);

    // Removes the foreign triggers, views and indexes of a project (and unknown tables with dropTables),
    // restoring changed objects of ours from our SQL, in one transaction with an audit row; a dryRun only
    // lists them. Refuses (core::InputError, nothing changed) when an object cannot be repaired: a table of
    // ours with another definition, or an unknown table without dropTables.
    static RepairReport repair(const std::filesystem::path& path, bool dropTables, bool dryRun);

    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    Db& db() { return *m_db; }
    const std::filesystem::path& path() const { return m_path; }
    const std::string& crs() const { return m_crs; }
    int srid() const { return m_srid; }
    int schemaVersion() const { return m_schemaVersion; }

    // The author written into created/modified bookkeeping and the audit log: the `author` setting,
    // else $LAGEBILD_AUTHOR, else $USER, else "unbekannt".
    std::string author();
    std::optional<std::string> setting(const std::string& key);
    void setSetting(const std::string& key, const std::string& value);

    // UUIDs for new features; seedable so the demo town is reproducible.
    std::string nextUuid() { return m_uuids.next(); }
    void seedUuids(std::uint64_t seed) { m_uuids = core::UuidGenerator(seed); }

    std::int64_t count(core::LayerId layer);
    core::BBox extent(core::LayerId layer);
    // Deletes every feature of a layer and its index entries (inside the caller's transaction).
    void clearLayer(core::LayerId layer);
    // A checksum over a layer's content columns and geometry (not its created/modified/author
    // bookkeeping), in id order — equal for equal content.
    std::uint64_t contentChecksum(core::LayerId layer);

    // Appends to the audit log (inside the caller's transaction); an empty byAuthor means author().
    //
    // Privacy (Art. 17 GDPR, README "Datenschutz"): a row about a thematic feature that no longer exists —
    // it was deleted in this transaction, by any path — keeps action, layer, uuid, author, time and the
    // names of the changed fields, but no values, and every earlier row of that feature loses its values
    // the same way (old_values/new_values become JSON arrays of field names). After the commit the WAL is
    // checkpointed and truncated, so with secure_delete the values are gone from the file and its WAL.
    void audit(const std::string& action, std::optional<core::LayerId> layer, const std::string& featureUuid,
               const std::string& oldValues, const std::string& newValues, const std::string& detail,
               const std::string& byAuthor = {});

    // Retention: strips the values (keeping field names) of every audit row written before `beforeUtc`
    // (ISO 8601 UTC, as audit_log.time); returns how many rows lost values. Inside the caller's
    // WriteTransaction; the WAL is truncated after its commit.
    std::int64_t purgeAuditValues(const std::string& beforeUtc);

    // After a commit that erased content: checkpoints the WAL into the file and truncates it, so no old
    // page image keeps deleted values. Waits at most about 2 s for readers of other connections; if one
    // still reads, it is retried after the next commit and when the store closes. True when no erased
    // content is waiting in the WAL.
    bool flushErased();

private:
    ProjectStore(std::filesystem::path path, std::unique_ptr<Db> db);
    static std::unique_ptr<ProjectStore> openFile(const std::filesystem::path& path, Access access,
                                                  Db::Threads threads = Db::Threads::One);
    void configure(bool readOnly);
    void readMeta();
    // Strips the values of the audit rows matching `where` (SQL over audit_log with parameters bound by
    // `bind`); returns the number of rows changed.
    std::int64_t redactAudit(const std::string& where, const std::function<void(Statement&)>& bind);

    std::filesystem::path m_path;
    std::unique_ptr<Db> m_db;
    std::unique_ptr<void, void (*)(const void*)> m_spatialiteCache{nullptr, nullptr};
    std::string m_crs;
    int m_srid = 0;
    int m_schemaVersion = 0;
    core::UuidGenerator m_uuids;
    bool m_erasePending = false;  // content was deleted; the WAL may still hold it
};

// The transaction of one user action: BEGIN IMMEDIATE … COMMIT, rolled back unless committed. Commit
// also records that the spatial indexes are in step with the layers (see spatial_index.hpp).
class WriteTransaction {
public:
    explicit WriteTransaction(ProjectStore& store) : m_store(store), m_tx(store.db()) {}
    void commit();

private:
    ProjectStore& m_store;
    Transaction m_tx;
};

}  // namespace lb::store
