#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"

namespace lb::store {

class Db;
class Statement;

// The SpatiaLite R*Tree of each layer (idx_<layer>_geometry), maintained by our own writes.
//
// Why not SpatiaLite's triggers: under PRAGMA trusted_schema=OFF SQLite refuses triggers that write to a
// virtual table ("unsafe use of virtual table"), and the R*Tree module is not marked innocuous. So the
// schema has no index triggers; every write of ours updates the index in the same transaction. Writes by
// other programs (QGIS, `spatialite`) are noticed through geometry_columns_time, which SpatiaLite's own
// timestamp triggers keep for every writer; such layers get their index rebuilt when the project is next
// opened for writing.
namespace spatial_index {

// Removes SpatiaLite's gii_/giu_/gid_ triggers of a layer (keeps the constraint and timestamp triggers).
void dropIndexTriggers(Db& db, core::LayerId layer);
// Rebuilds a layer's index from its geometries.
void rebuild(Db& db, core::LayerId layer);
// Deletes every entry of a layer's index.
void clear(Db& db, core::LayerId layer);
// Sets (replacing) or removes one feature's entry, for edits of single features.
void putEntry(Db& db, core::LayerId layer, std::int64_t rowid, const core::BBox& box);
void removeEntry(Db& db, core::LayerId layer, std::int64_t rowid);
// Remembers geometry_columns_time of every layer as "in step with the index"; call before committing a
// write transaction.
void recordInStep(Db& db);
// Rebuilds the index of every layer changed by another program since recordInStep(); returns how many.
int repairChangedLayers(Db& db);

}  // namespace spatial_index

// Inserts index entries for new features of one layer.
class SpatialIndexWriter {
public:
    SpatialIndexWriter(Db& db, core::LayerId layer);
    ~SpatialIndexWriter();
    SpatialIndexWriter(const SpatialIndexWriter&) = delete;
    SpatialIndexWriter& operator=(const SpatialIndexWriter&) = delete;
    // Collects an entry; the index is written by finish().
    void add(std::int64_t rowid, const core::BBox& box);
    // Writes the collected entries in Hilbert order of their centres: SQLite's R*Tree inserts neighbours
    // into the same cached nodes, which makes a bulk build about 3× faster than inserting in file order.
    // Must be called before the transaction commits.
    void finish();

private:
    struct Entry {
        std::int64_t rowid;
        double minX, minY, maxX, maxY;
    };
    std::unique_ptr<Statement> m_insert;
    std::vector<Entry> m_entries;
};

}  // namespace lb::store
