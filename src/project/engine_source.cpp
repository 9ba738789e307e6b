#include "project/engine_source.hpp"

#include "core/error.hpp"
#include "core/layer.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

core::LayerId layerId(const std::string& layer) {
    const auto id = core::layerFromName(layer);
    if (!id) {
        throw core::UsageError("unknown layer \"" + layer + "\"",
                               "layers: " + std::string(core::layerNamesList(core::LayerKind::BaseMap)) + " " +
                                   std::string(core::layerNamesList(core::LayerKind::Thematic)));
    }
    return *id;
}

std::string columnList(core::LayerId layer) {
    std::string names;
    for (const auto& column : store::layerColumns(layer)) {
        if (column.name == "attrs" || column.name == "tags") continue;
        names += (names.empty() ? "" : " ") + std::string(column.name);
    }
    return names;
}

// The scene layer's coordinates as the engine's rings: the same coordinate and ring offsets, shared.
engine::BorrowedRings borrowRings(const render::SceneLayerSnapshot& layer) {
    engine::BorrowedRings rings;
    rings.owner = layer;
    rings.xy = layer->xy;
    rings.ringStart = layer->ringCoords;
    rings.featureRing.reserve(layer->featureParts.size());
    for (const std::uint32_t part : layer->featureParts) rings.featureRing.push_back(layer->partRings[part]);
    switch (layer->kind) {
        case render::GeometryKind::Point:
            rings.kind = engine::RingKind::Point;
            break;
        case render::GeometryKind::Line:
            rings.kind = engine::RingKind::Line;
            break;
        case render::GeometryKind::Polygon:
            rings.kind = engine::RingKind::Polygon;
            rings.ringShell.assign(layer->ringCoords.size() - 1, 0);
            for (std::size_t p = 0; p + 1 < layer->partRings.size(); ++p) {
                if (layer->partRings[p] < layer->partRings[p + 1]) rings.ringShell[layer->partRings[p]] = 1;
            }
            break;
    }
    return rings;
}

}  // namespace

std::vector<std::string> StoreLayerSource::attributeNames(const std::string& layer) {
    std::vector<std::string> names;
    for (const auto& column : store::layerColumns(layerId(layer))) names.emplace_back(column.name);
    return names;
}

std::unique_ptr<engine::FeatureTable> StoreLayerSource::load(const std::string& layer,
                                                             const std::vector<std::string>& attributes) {
    const core::LayerId id = layerId(layer);
    if (m_donor) {
        const auto donor = m_donor(layer);
        if (donor && static_cast<std::int64_t>(donor->featureCount()) == m_store.count(id)) {
            if (auto table = read(layer, attributes, donor)) return table;
        }
    }
    return read(layer, attributes, nullptr);
}

std::unique_ptr<engine::FeatureTable> StoreLayerSource::read(const std::string& layer,
                                                             const std::vector<std::string>& attributes,
                                                             const render::SceneLayerSnapshot& borrowFrom) {
    const core::LayerId id = layerId(layer);
    std::string sql = borrowFrom ? "SELECT id, NULL, " : "SELECT id, geometry, ";
    const bool hasTime = store::findColumn(id, "time") != nullptr;
    sql += hasTime ? "time" : "NULL";
    for (const auto& name : attributes) {
        if (!store::findColumn(id, name)) {
            throw core::UsageError("layer " + layer + " has no attribute \"" + name + "\"",
                                   "attributes of " + layer + ": " + columnList(id));
        }
        sql += ", " + store::quoteIdentifier(name);
    }
    sql += " FROM " + store::quoteIdentifier(layer) + " ORDER BY id";

    auto table = std::make_unique<engine::FeatureTable>(layer, attributes);
    store::Statement select(m_store.db(), sql);
    std::vector<std::string> values(attributes.size());
    core::Wkb wkb;
    std::size_t row = 0;
    while (select.step()) {
        const std::int64_t fid = select.columnInt(0);
        std::optional<core::Timestamp> time;
        if (hasTime && !select.isNull(2)) time = core::parseTime(select.columnTextView(2));
        for (std::size_t a = 0; a < attributes.size(); ++a) {
            values[a] =
                select.isNull(static_cast<int>(a) + 3) ? std::string() : select.columnText(static_cast<int>(a) + 3);
        }
        if (borrowFrom) {
            // The scene's rows must be the table's, one for one (a row added since the scene was read: read all).
            if (row >= borrowFrom->fid.size() || borrowFrom->fid[row] != fid) return nullptr;
            table->appendRow(fid, time, values);
            ++row;
            continue;
        }
        try {
            if (select.isNull(1)) {
                table->append(fid, core::Wkb{}, time, values);
                continue;
            }
            const auto blob = select.columnBlobView(1);
            const auto header = store::readSpatialiteHeader(blob.data(), blob.size());
            if (header && header->classType == 1) {
                // A point's MBR is the point itself: no need to decode the blob.
                table->appendPoint(fid, header->mbr.minX, header->mbr.minY, time, values);
            } else {
                wkb = store::spatialiteToWkb(blob.data(), blob.size());
                table->append(fid, wkb, time, values);
            }
        } catch (const core::InputError& error) {
            throw core::InputError(m_store.path().string() + ": layer " + layer + ", feature " + std::to_string(fid) +
                                   ": " + error.what());
        }
    }
    if (borrowFrom) {
        if (row != borrowFrom->fid.size()) return nullptr;
        table->setGeometry(engine::GeometryColumn::borrowing(borrowRings(borrowFrom)));
    }
    table->finish();
    return table;
}

}  // namespace lb::project
