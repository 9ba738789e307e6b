#include "edit/detail/feature_snapshot.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/error.hpp"
#include "edit/detail/geometry_parts.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatial_index.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::edit::detail {
namespace {

using core::LayerId;
using store::quoteIdentifier;
using store::Statement;

std::string table(LayerId layer) {
    return quoteIdentifier(core::layerInfo(layer).name);
}

// Attribute columns of a thematic layer besides uuid/created/modified/author, in schema order.
std::vector<std::string> valueColumns(LayerId layer) {
    std::vector<std::string> out;
    for (const auto& column : store::layerColumns(layer)) {
        if (!store::isBookkeepingColumn(column.name)) out.emplace_back(column.name);
    }
    return out;
}

std::vector<PhotoRow> loadPhotos(store::Db& db, const std::string& uuid) {
    Statement s(db,
                "SELECT id, mime_type, data, thumbnail, created, author FROM observation_photos "
                "WHERE observation_uuid = ? ORDER BY id");
    s.bind(1, uuid);
    std::vector<PhotoRow> out;
    while (s.step()) {
        out.push_back(
            {s.columnInt(0), s.columnText(1), s.columnBlob(2), s.columnBlob(3), s.columnText(4), s.columnText(5)});
    }
    return out;
}

void writeHistory(store::ProjectStore& store, const FeatureSnapshot& snapshot) {
    const std::string& uuid = snapshot.record.uuid;
    if (graffitiHistory(store, uuid) == snapshot.history) return;
    Statement remove(store.db(), "DELETE FROM graffiti_status WHERE graffiti_uuid = ?");
    remove.bind(1, uuid).run();
    Statement insert(store.db(),
                     "INSERT INTO graffiti_status(graffiti_uuid, status, date, cost_eur, note, created, author) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& entry : snapshot.history) {
        insert.bind(1, uuid).bind(2, entry.status).bind(3, entry.date);
        if (entry.costEur) insert.bind(4, *entry.costEur);
        if (!entry.note.empty()) insert.bind(5, entry.note);
        insert.bind(6, snapshot.record.modified).bind(7, snapshot.record.author);
        insert.run();
    }
}

// Photos are matched by content and creation, not by id: ids differ between a project and its field packages.
void writePhotos(store::ProjectStore& store, const FeatureSnapshot& snapshot) {
    const std::string& uuid = snapshot.record.uuid;
    const auto current = loadPhotos(store.db(), uuid);
    auto same = [](const PhotoRow& a, const PhotoRow& b) {
        return a.created == b.created && a.mimeType == b.mimeType && a.data == b.data;
    };
    auto contains = [&](const std::vector<PhotoRow>& rows, const PhotoRow& photo) {
        return std::any_of(rows.begin(), rows.end(), [&](const PhotoRow& r) { return same(r, photo); });
    };
    Statement remove(store.db(), "DELETE FROM observation_photos WHERE id = ?");
    for (const auto& photo : current) {
        if (!contains(snapshot.photos, photo)) remove.bind(1, photo.id).run();
    }
    Statement insert(store.db(),
                     "INSERT INTO observation_photos(observation_uuid, mime_type, data, thumbnail, created, author) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& photo : snapshot.photos) {
        if (contains(current, photo)) continue;
        insert.bind(1, uuid).bind(2, photo.mimeType).bindBlob(3, photo.data).bindBlob(4, photo.thumbnail);
        insert.bind(5, photo.created).bind(6, photo.author);
        insert.run();
    }
}

void writeLinkedVisits(store::ProjectStore& store, const FeatureSnapshot& snapshot) {
    Statement link(store.db(), "UPDATE visits SET route_uuid = ? WHERE uuid = ? AND route_uuid IS NULL");
    for (const auto& visit : snapshot.linkedVisits) link.bind(1, snapshot.record.uuid).bind(2, visit).run();
}

}  // namespace

std::optional<FeatureSnapshot> loadSnapshot(store::ProjectStore& store, LayerId layer, const std::string& uuid) {
    const auto columns = valueColumns(layer);
    std::string sql = "SELECT created, modified, author, geometry";
    for (const auto& column : columns) sql += ", " + quoteIdentifier(column);
    sql += " FROM " + table(layer) + " WHERE uuid = ?";
    Statement s(store.db(), sql);
    s.bind(1, uuid);
    if (!s.step()) return std::nullopt;
    FeatureSnapshot snapshot;
    FeatureRecord& r = snapshot.record;
    r.layer = layer;
    r.uuid = uuid;
    r.created = s.columnText(0);
    r.modified = s.columnText(1);
    r.author = s.columnText(2);
    if (!s.isNull(3)) {
        const auto blob = s.columnBlobView(3);
        r.geometry = store::spatialiteToWkb(blob.data(), blob.size());
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int c = static_cast<int>(i) + 4;
        const auto* def = store::findColumn(layer, columns[i]);
        if (s.isNull(c)) {
            r.values[columns[i]] = core::Value{};
        } else if (def->type == store::ColumnType::Integer) {
            r.values[columns[i]] = s.columnInt(c);
        } else if (def->type == store::ColumnType::Real) {
            r.values[columns[i]] = s.columnDouble(c);
        } else {
            r.values[columns[i]] = s.columnText(c);
        }
    }
    if (layer == LayerId::Graffiti) snapshot.history = graffitiHistory(store, uuid);
    if (layer == LayerId::Observations) snapshot.photos = loadPhotos(store.db(), uuid);
    if (layer == LayerId::Routes) {
        Statement visits(store.db(), "SELECT uuid FROM visits WHERE route_uuid = ? ORDER BY id");
        visits.bind(1, uuid);
        while (visits.step()) snapshot.linkedVisits.push_back(visits.columnText(0));
    }
    return snapshot;
}

void writeSnapshot(store::ProjectStore& store, const FeatureSnapshot& snapshot) {
    const FeatureRecord& r = snapshot.record;
    const auto columns = valueColumns(r.layer);
    store::Db& db = store.db();
    std::int64_t rowid = 0;
    {
        Statement find(db, "SELECT id FROM " + table(r.layer) + " WHERE uuid = ?");
        find.bind(1, r.uuid);
        if (find.step()) rowid = find.columnInt(0);
    }
    std::string sql;
    if (rowid > 0) {
        sql = "UPDATE " + table(r.layer) + " SET created = ?, modified = ?, author = ?, geometry = ?";
        for (const auto& column : columns) sql += ", " + quoteIdentifier(column) + " = ?";
        sql += " WHERE id = ?";
    } else {
        sql = "INSERT INTO " + table(r.layer) + " (created, modified, author, geometry";
        std::string params = "?, ?, ?, ?";
        for (const auto& column : columns) {
            sql += ", " + quoteIdentifier(column);
            params += ", ?";
        }
        sql += ", uuid) VALUES (" + params + ", ?)";
    }
    Statement s(db, sql);
    s.bind(1, r.created).bind(2, r.modified).bind(3, r.author);
    if (r.geometry.empty()) {
        s.bind(4, nullptr);
    } else {
        s.bindBlob(4, store::wkbToSpatialite(r.geometry, store.srid()));
    }
    int index = 5;
    for (const auto& column : columns) {
        const auto it = r.values.find(column);
        s.bind(index++, it == r.values.end() ? core::Value{} : it->second);
    }
    if (rowid > 0) {
        s.bind(index, rowid);
    } else {
        s.bind(index, r.uuid);
    }
    s.run();
    if (rowid == 0) rowid = db.lastInsertRowid();
    if (r.geometry.empty()) {
        store::spatial_index::removeEntry(db, r.layer, rowid);
    } else {
        store::spatial_index::putEntry(db, r.layer, rowid, geo::wkbEnvelope(r.geometry));
    }
    if (r.layer == LayerId::Graffiti) writeHistory(store, snapshot);
    if (r.layer == LayerId::Observations) writePhotos(store, snapshot);
    if (r.layer == LayerId::Routes) writeLinkedVisits(store, snapshot);
}

void removeFeature(store::ProjectStore& store, LayerId layer, const std::string& uuid) {
    Statement find(store.db(), "SELECT id FROM " + table(layer) + " WHERE uuid = ?");
    find.bind(1, uuid);
    if (!find.step()) return;
    const std::int64_t rowid = find.columnInt(0);
    Statement remove(store.db(), "DELETE FROM " + table(layer) + " WHERE id = ?");
    remove.bind(1, rowid).run();
    store::spatial_index::removeEntry(store.db(), layer, rowid);
}

std::vector<std::pair<std::string, std::string>> listFeatures(store::ProjectStore& store, LayerId layer,
                                                              const core::BBox* area) {
    std::string sql = "SELECT uuid, modified FROM " + table(layer);
    if (area) {
        sql += " WHERE id IN (SELECT pkid FROM " +
               quoteIdentifier("idx_" + std::string(core::layerInfo(layer).name) + "_geometry") +
               " WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND ymin <= ?)";
        if (!core::layerInfo(layer).geometryRequired) sql += " OR geometry IS NULL";
    }
    sql += " ORDER BY id";
    Statement s(store.db(), sql);
    if (area) s.bind(1, area->minX).bind(2, area->maxX).bind(3, area->minY).bind(4, area->maxY);
    std::vector<std::pair<std::string, std::string>> out;
    while (s.step()) out.emplace_back(s.columnText(0), s.columnText(1));
    return out;
}

nlohmann::json snapshotJson(const FeatureSnapshot& snapshot) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [column, value] : snapshot.record.values) {
        if (const auto* i = std::get_if<std::int64_t>(&value)) {
            out[column] = *i;
        } else if (const auto* d = std::get_if<double>(&value)) {
            out[column] = *d;
        } else if (const auto* t = std::get_if<std::string>(&value)) {
            out[column] = *t;
        } else {
            out[column] = nullptr;
        }
    }
    out["geometry"] = snapshot.record.geometry.empty() ? nlohmann::json() : geoJson(snapshot.record.geometry);
    if (snapshot.record.layer == LayerId::Graffiti) {
        nlohmann::json history = nlohmann::json::array();
        for (const auto& e : snapshot.history) {
            nlohmann::json entry = {{"status", e.status}, {"date", e.date}};
            if (e.costEur) entry["cost_eur"] = *e.costEur;
            if (!e.note.empty()) entry["note"] = e.note;
            history.push_back(entry);
        }
        out["status_history"] = history;
    }
    if (snapshot.record.layer == LayerId::Observations) out["photos"] = snapshot.photos.size();
    return out;
}

}  // namespace lb::edit::detail
