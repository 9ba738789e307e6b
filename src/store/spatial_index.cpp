#include "store/spatial_index.hpp"

#include <algorithm>
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

void putEntry(Db& db, core::LayerId layer, std::int64_t rowid, const core::BBox& box) {
    removeEntry(db, layer, rowid);
    Statement insert(db, "INSERT INTO " + quoteIdentifier(indexTable(layer)) +
                             " (pkid, xmin, xmax, ymin, ymax) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, rowid).bind(2, box.minX).bind(3, box.maxX).bind(4, box.minY).bind(5, box.maxY);
    insert.run();
}

void removeEntry(Db& db, core::LayerId layer, std::int64_t rowid) {
    Statement remove(db, "DELETE FROM " + quoteIdentifier(indexTable(layer)) + " WHERE pkid = ?");
    remove.bind(1, rowid).run();
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
    m_entries.push_back({rowid, box.minX, box.minY, box.maxX, box.maxY});
}

namespace {

// Position of (x, y) on a Hilbert curve over a 2^16 × 2^16 grid.
std::uint64_t hilbertIndex(std::uint32_t x, std::uint32_t y) {
    std::uint64_t d = 0;
    for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
        const std::uint32_t rx = (x & s) ? 1 : 0;
        const std::uint32_t ry = (y & s) ? 1 : 0;
        d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

}  // namespace

void SpatialIndexWriter::finish() {
    if (m_entries.empty()) return;
    core::BBox extent;
    for (const auto& e : m_entries) extent.add(0.5 * (e.minX + e.maxX), 0.5 * (e.minY + e.maxY));
    const double sx = extent.width() > 0 ? 65535.0 / extent.width() : 0;
    const double sy = extent.height() > 0 ? 65535.0 / extent.height() : 0;
    std::vector<std::pair<std::uint64_t, std::size_t>> order(m_entries.size());
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const auto& e = m_entries[i];
        const auto x = static_cast<std::uint32_t>((0.5 * (e.minX + e.maxX) - extent.minX) * sx);
        const auto y = static_cast<std::uint32_t>((0.5 * (e.minY + e.maxY) - extent.minY) * sy);
        order[i] = {hilbertIndex(x, y), i};
    }
    std::sort(order.begin(), order.end());
    for (const auto& [key, i] : order) {
        const auto& e = m_entries[i];
        m_insert->bind(1, e.rowid).bind(2, e.minX).bind(3, e.maxX).bind(4, e.minY).bind(5, e.maxY);
        m_insert->run();
    }
    m_entries.clear();
}

}  // namespace lb::store
