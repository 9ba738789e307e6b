#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "io/table_writer.hpp"
#include "project/public_gate.hpp"
#include "store/schema.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// Columns the store fills itself on thematic layers (uuid, created, …): shown, never edited.
using store::isBookkeepingColumn;

// One attribute column of a layer in memory, dictionary-encoded: codes[row] indexes the distinct values
// (code 0 = null or empty), which lie end to end in one string. rank(code) orders the distinct values
// (numbers by value, text by bytes), so sorting a million rows is a counting sort over ranks.
class TableColumn {
public:
    TableColumn(std::string name, store::ColumnType type);

    const std::string& name() const { return m_name; }
    store::ColumnType type() const { return m_type; }
    std::size_t rows() const { return m_codes.size(); }
    std::uint32_t code(std::size_t row) const { return m_codes[row]; }
    std::size_t distinct() const { return m_offsets.size() - 1; }  // including the empty value
    std::string_view entry(std::uint32_t code) const {
        return std::string_view(m_text).substr(m_offsets[code], m_offsets[code + 1] - m_offsets[code]);
    }
    std::string_view value(std::size_t row) const { return entry(m_codes[row]); }
    std::uint32_t rank(std::uint32_t code) const { return m_ranks[code]; }

    // [building] append() every row, then finish() once.
    void append(std::string_view value);
    void finish();

private:
    std::string m_name;
    store::ColumnType m_type;
    std::vector<std::uint32_t> m_codes;
    std::string m_text;
    std::vector<std::uint32_t> m_offsets{0, 0};  // entry 0 is the empty value
    std::vector<std::uint32_t> m_ranks;
    std::unordered_map<std::string, std::uint32_t> m_lookup;  // only while building
};

// Every feature of one layer with all its stored attribute columns, for the attribute table: ids
// ascending, the columns of the schema's allow-list (store/schema.hpp: the layer's own first, then the
// bookkeeping, the uuid last) and each feature's bounding box
// (empty for features without geometry, such as visits without a place). Immutable once read.
struct AttributeTable {
    core::LayerId layer{};
    std::vector<std::int64_t> ids;  // ascending
    std::vector<TableColumn> columns;
    std::vector<core::BBox> bounds;  // per row

    std::size_t rows() const { return ids.size(); }
    std::optional<std::size_t> rowOf(std::int64_t id) const;
    // The column's index, or nothing.
    std::optional<std::size_t> columnIndex(std::string_view name) const;
    // The stored uuid of a row of a thematic layer ("" for base-map layers).
    std::string_view uuid(std::size_t row) const;
};

// Reads a layer's table from the project (progress per 10,000 rows; cancellable).
AttributeTable readAttributeTable(store::ProjectStore& store, core::LayerId layer,
                                  core::Progress& progress = core::Progress::none());

// [output] Copies and exports of rows pass the output gate (project/public_gate.hpp): a public gate refuses
// the sensitive layers (core::UsageError) and drops the columns it does not allow (authors, notes, source
// ids, free attributes). Rows are indices into `table`; core::UsageError for a row that is not in it.

// The given rows as an output table (id, stored values in typed columns, geometries in the project CRS when
// `withGeometry`).
Released<io::OutputTable> selectionTable(store::ProjectStore& store, const AttributeTable& table,
                                         std::span<const std::uint32_t> rows, const OutputGate& gate,
                                         bool withGeometry);
// The rows as tab-separated text with a header line (the clipboard's format), values as stored.
std::string selectionText(const AttributeTable& table, std::span<const std::uint32_t> rows, const OutputGate& gate);
// Writes the rows to .csv (German conventions, io::CsvOptions::german) or .gpkg by the file's extension
// (atomically); core::UsageError for another.
void writeSelection(const std::filesystem::path& file, store::ProjectStore& store, const AttributeTable& table,
                    std::span<const std::uint32_t> rows, const OutputGate& gate);

}  // namespace lb::project
