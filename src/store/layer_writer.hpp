#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/value.hpp"

namespace lb::store {

class ProjectStore;
class Statement;
class SpatialIndexWriter;

// Inserts features into one layer table through one prepared statement. Column names are checked
// against the schema's allow-list; values are always bound as parameters. On thematic layers the writer
// fills uuid (unless given), created, modified and author, and the spatial index is kept in step. Use
// inside a WriteTransaction.
class LayerWriter {
public:
    LayerWriter(ProjectStore& store, core::LayerId layer, std::vector<std::string> columns);
    ~LayerWriter();
    LayerWriter(const LayerWriter&) = delete;
    LayerWriter& operator=(const LayerWriter&) = delete;

    // values are aligned with the columns given to the constructor; geometry is WKB in the project CRS
    // (empty for none). Returns the new feature's uuid on thematic layers, else "".
    std::string insert(const core::Wkb& geometry, const std::vector<core::Value>& values);

    // Writes the spatial index of the inserted features; call once after the last insert, before the
    // transaction commits.
    void finish();

    const std::vector<std::string>& columns() const { return m_columns; }

private:
    ProjectStore& m_store;
    core::LayerId m_layer;
    std::vector<std::string> m_columns;
    std::unique_ptr<Statement> m_insert;
    std::unique_ptr<SpatialIndexWriter> m_index;
    bool m_thematic;
    int m_uuidColumn = -1;  // index in m_columns if the caller gives uuids
    std::string m_timestamp;
    std::string m_author;
};

}  // namespace lb::store
