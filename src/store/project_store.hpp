#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/uuid.hpp"
#include "store/sqlite.hpp"

namespace lb::store {

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
    static std::unique_ptr<ProjectStore> open(const std::filesystem::path& path, Access access);

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
    void audit(const std::string& action, std::optional<core::LayerId> layer, const std::string& featureUuid,
               const std::string& oldValues, const std::string& newValues, const std::string& detail,
               const std::string& byAuthor = {});

private:
    ProjectStore(std::filesystem::path path, std::unique_ptr<Db> db);
    void configure(bool readOnly);
    void readMeta();

    std::filesystem::path m_path;
    std::unique_ptr<Db> m_db;
    std::unique_ptr<void, void (*)(const void*)> m_spatialiteCache{nullptr, nullptr};
    std::string m_crs;
    int m_srid = 0;
    int m_schemaVersion = 0;
    core::UuidGenerator m_uuids;
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
