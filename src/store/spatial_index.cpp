#include "store/spatial_index.hpp"

#include <string>

#include "store/sqlite.hpp"

namespace lb::store {
namespace {

std::string indexTable(core::LayerId layer) {
    return "idx_" + std::string(core::layerInfo(layer).name) + "_geometry";
}

std::string stampKey(core::LayerId layer) {
    return "index_stamp:" + std::string(core::layerInfo(layer).name);
}

std::string currentStamp(Db& db, core::LayerId layer) {
    Statement s(db,
                "SELECT last_insert || '|' || last_update || '|' || last_delete FROM geometry_columns_time "
                "WHERE f_table_name = ? AND f_geometry_column = 'geometry'");
    s.bind(1, core::layerInfo(layer).name);
    return s.step() ? s.columnText(0) : std::string();
}

}  // namespace

namespace spatial_index {

void dropIndexTriggers(Db& db, core::LayerId layer) {
    const std::string name(core::layerInfo(layer).name);
    for (const char* prefix : {"gii_", "giu_", "gid_"}) {
        db.exec("DROP TRIGGER IF EXISTS " + quoteIdentifier(prefix + name + "_geometry"));
    }
}

void rebuild(Db& db, core::LayerId layer) {
    clear(db, layer);
    const std::string table = quoteIdentifier(core::layerInfo(layer).name);
    db.exec("INSERT INTO " + quoteIdentifier(indexTable(layer)) +
            " (pkid, xmin, xmax, ymin, ymax) SELECT id, MbrMinX(geometry), MbrMaxX(geometry), MbrMinY(geometry), "
            "MbrMaxY(geometry) FROM " +
            table + " WHERE geometry IS NOT NULL");
}

void clear(Db& db, core::LayerId layer) {
    db.exec("DELETE FROM " + quoteIdentifier(indexTable(layer)));
}

void recordInStep(Db& db) {
    Statement put(db, "INSERT INTO lagebild_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?2");
    for (const auto& layer : core::kLayers) {
        put.bind(1, stampKey(layer.id)).bind(2, currentStamp(db, layer.id));
        put.run();
    }
}

int repairChangedLayers(Db& db) {
    int repaired = 0;
    Statement get(db, "SELECT value FROM lagebild_meta WHERE key = ?");
    for (const auto& layer : core::kLayers) {
        get.bind(1, stampKey(layer.id));
        const std::string recorded = get.step() ? get.columnText(0) : std::string();
        get.reset();
        if (recorded != currentStamp(db, layer.id)) {
            rebuild(db, layer.id);
            ++repaired;
        }
    }
    if (repaired > 0) recordInStep(db);
    return repaired;
}

}  // namespace spatial_index

SpatialIndexWriter::SpatialIndexWriter(Db& db, core::LayerId layer)
    : m_insert(std::make_unique<Statement>(db, "INSERT INTO " + quoteIdentifier(indexTable(layer)) +
                                                   " (pkid, xmin, xmax, ymin, ymax) VALUES (?, ?, ?, ?, ?)")) {}

SpatialIndexWriter::~SpatialIndexWriter() = default;

void SpatialIndexWriter::add(std::int64_t rowid, const core::BBox& box) {
    m_insert->bind(1, rowid).bind(2, box.minX).bind(3, box.maxX).bind(4, box.minY).bind(5, box.maxY);
    m_insert->run();
}

}  // namespace lb::store
