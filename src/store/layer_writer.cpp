#include "store/layer_writer.hpp"

#include "core/error.hpp"
#include "core/time.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatial_index.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::store {

LayerWriter::LayerWriter(ProjectStore& store, core::LayerId layer, std::vector<std::string> columns)
    : m_store(store),
      m_layer(layer),
      m_columns(std::move(columns)),
      m_thematic(core::layerInfo(layer).kind == core::LayerKind::Thematic),
      m_timestamp(core::formatUtc(core::now())),
      m_author(store.author()) {
    const auto& info = core::layerInfo(layer);
    std::string names;
    std::string params;
    int index = 0;
    for (const auto& column : m_columns) {
        if (!findColumn(layer, column)) {
            throw core::UsageError("layer " + std::string(info.name) + " has no column '" + column + "'");
        }
        if (column == "uuid") {
            m_uuidColumn = index;
        } else if (isBookkeepingColumn(column)) {
            throw core::UsageError("column '" + column + "' is filled by the store");
        }
        names += quoteIdentifier(column) + ", ";
        params += "?, ";
        ++index;
    }
    if (m_thematic) {
        if (m_uuidColumn < 0) {
            names += "uuid, ";
            params += "?, ";
        }
        names += "created, modified, author, ";
        params += "?, ?, ?, ";
    }
    names += "geometry";
    params += "?";
    m_index = std::make_unique<SpatialIndexWriter>(store.db(), layer);
    m_insert = std::make_unique<Statement>(
        store.db(), "INSERT INTO " + quoteIdentifier(info.name) + " (" + names + ") VALUES (" + params + ")");
}

LayerWriter::~LayerWriter() = default;

std::string LayerWriter::insert(const core::Wkb& geometry, const std::vector<core::Value>& values) {
    if (values.size() != m_columns.size()) {
        throw core::UsageError("LayerWriter::insert: " + std::to_string(values.size()) + " values for " +
                               std::to_string(m_columns.size()) + " columns");
    }
    int index = 1;
    for (const auto& value : values) m_insert->bind(index++, value);
    std::string uuid;
    if (m_thematic) {
        if (m_uuidColumn >= 0) {
            uuid = core::toString(values[static_cast<std::size_t>(m_uuidColumn)]);
        } else {
            uuid = m_store.nextUuid();
            m_insert->bind(index++, uuid);
        }
        m_insert->bind(index++, m_timestamp);
        m_insert->bind(index++, m_timestamp);
        m_insert->bind(index++, m_author);
    }
    if (geometry.empty()) {
        m_insert->bind(index, nullptr);
        m_insert->run();
        return uuid;
    }
    const auto blob = wkbToSpatialite(geometry, m_store.srid());
    m_insert->bindBlob(index, blob);
    m_insert->run();
    m_index->add(m_store.db().lastInsertRowid(), readSpatialiteHeader(blob.data(), blob.size())->mbr);
    return uuid;
}

void LayerWriter::finish() {
    m_index->finish();
}

}  // namespace lb::store
