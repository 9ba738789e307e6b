// Section index: [column] [reading] [output]
#include "project/attribute_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "store/project_store.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

// A stored number as a double for ordering; text that is no number sorts after all numbers.
double numberOf(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return HUGE_VAL;
    return value;
}

io::FieldType fieldType(store::ColumnType type) {
    switch (type) {
        case store::ColumnType::Integer:
            return io::FieldType::Integer;
        case store::ColumnType::Real:
            return io::FieldType::Real;
        case store::ColumnType::Text:
            break;
    }
    return io::FieldType::Text;
}

core::Value typedValue(std::string_view text, store::ColumnType type) {
    if (text.empty()) return {};
    if (type == store::ColumnType::Integer) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && end == text.data() + text.size()) return value;
    } else if (type == store::ColumnType::Real) {
        const double value = numberOf(text);
        if (std::isfinite(value)) return value;
    }
    return std::string(text);
}

}  // namespace

// [column]

TableColumn::TableColumn(std::string name, store::ColumnType type) : m_name(std::move(name)), m_type(type) {}

void TableColumn::append(std::string_view value) {
    if (value.empty()) {
        m_codes.push_back(0);
        return;
    }
    auto [it, inserted] = m_lookup.try_emplace(std::string(value), static_cast<std::uint32_t>(distinct()));
    if (inserted) {
        m_text.append(value);
        m_offsets.push_back(static_cast<std::uint32_t>(m_text.size()));
    }
    m_codes.push_back(it->second);
}

void TableColumn::finish() {
    m_lookup = {};
    const std::size_t n = distinct();
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    if (m_type == store::ColumnType::Text) {
        std::sort(order.begin() + 1, order.end(),
                  [this](std::uint32_t a, std::uint32_t b) { return entry(a) < entry(b); });
    } else {
        std::vector<double> numbers(n);
        for (std::size_t i = 1; i < n; ++i) numbers[i] = numberOf(entry(static_cast<std::uint32_t>(i)));
        std::sort(order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (numbers[a] != numbers[b]) return numbers[a] < numbers[b];
            return entry(a) < entry(b);
        });
    }
    m_ranks.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) m_ranks[order[i]] = static_cast<std::uint32_t>(i);
}

// [reading]

std::optional<std::size_t> AttributeTable::rowOf(std::int64_t id) const {
    const auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return static_cast<std::size_t>(it - ids.begin());
}

std::optional<std::size_t> AttributeTable::columnIndex(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name() == name) return i;
    }
    return std::nullopt;
}

std::string_view AttributeTable::uuid(std::size_t row) const {
    const auto column = columnIndex("uuid");
    return column ? columns[*column].value(row) : std::string_view{};
}

AttributeTable readAttributeTable(store::ProjectStore& store, core::LayerId layer, core::Progress& progress) {
    const std::string name(core::layerInfo(layer).name);
    AttributeTable table;
    table.layer = layer;
    // The layer's own columns first, the bookkeeping after them and the uuid last (as Objektinformationen
    // orders them): what a planner reads is in sight when the table opens.
    std::vector<store::ColumnDef> defs;
    auto bookkeeping = [](std::string_view name) {
        return store::isBookkeepingColumn(name) || name == "ext_id" || name == "attrs";
    };
    for (const auto& def : store::layerColumns(layer)) {
        if (!bookkeeping(def.name)) defs.push_back(def);
    }
    for (const auto& def : store::layerColumns(layer)) {
        if (bookkeeping(def.name) && def.name != "uuid") defs.push_back(def);
    }
    for (const auto& def : store::layerColumns(layer)) {
        if (def.name == "uuid") defs.push_back(def);
    }
    std::string sql = "SELECT id, geometry";
    for (const auto& def : defs) {
        table.columns.emplace_back(std::string(def.name), def.type);
        sql += ", " + store::quoteIdentifier(def.name);
    }
    sql += " FROM " + store::quoteIdentifier(name) + " ORDER BY id";
    progress.beginStage(name, static_cast<std::uint64_t>(store.count(layer)));
    store::Statement select(store.db(), sql);
    std::uint64_t pending = 0;
    while (select.step()) {
        table.ids.push_back(select.columnInt(0));
        core::BBox box;
        if (!select.isNull(1)) {
            const auto blob = select.columnBlobView(1);
            if (auto header = store::readSpatialiteHeader(blob.data(), blob.size())) box = header->mbr;
        }
        table.bounds.push_back(box);
        for (std::size_t i = 0; i < defs.size(); ++i) {
            const int column = static_cast<int>(i) + 2;
            table.columns[i].append(select.isNull(column) ? std::string_view{} : select.columnTextView(column));
        }
        if (++pending == 10000) {
            progress.step(pending);
            pending = 0;
        }
    }
    progress.step(pending);
    for (auto& column : table.columns) column.finish();
    progress.finishStage();
    return table;
}

namespace {

void checkRows(const AttributeTable& table, std::span<const std::uint32_t> rows) {
    for (auto row : rows) {
        if (row >= table.rows()) throw core::UsageError("row " + std::to_string(row) + " is not in the table");
    }
}

}  // namespace

// [output]

Released<io::OutputTable> selectionTable(store::ProjectStore& store, const AttributeTable& table,
                                         std::span<const std::uint32_t> rows, const OutputGate& gate,
                                         bool withGeometry) {
    // Refused before anything is read.
    if (auto refusal = gate.refusal(table.layer)) throw core::UsageError(*refusal);
    checkRows(table, rows);
    io::OutputTable out;
    out.name = std::string(core::layerInfo(table.layer).name);
    out.crs = store.crs();
    out.fields.push_back({"id", io::FieldType::Integer});
    for (const auto& column : table.columns) out.fields.push_back({column.name(), fieldType(column.type())});
    std::optional<store::Statement> geometry;
    if (withGeometry) {
        geometry.emplace(store.db(), "SELECT geometry FROM " + store::quoteIdentifier(out.name) + " WHERE id = ?");
    }
    for (auto row : rows) {
        std::vector<core::Value> values{core::Value(table.ids[row])};
        for (const auto& column : table.columns) values.push_back(typedValue(column.value(row), column.type()));
        out.rows.push_back(std::move(values));
        if (geometry) {
            geometry->bind(1, table.ids[row]);
            core::Wkb wkb;
            if (geometry->step() && !geometry->isNull(0)) {
                const auto blob = geometry->columnBlobView(0);
                wkb = store::spatialiteToWkb(blob.data(), blob.size());
            }
            geometry->reset();
            out.geometries.push_back(std::move(wkb));
        }
    }
    return gate.features(table.layer, std::move(out));
}

std::string selectionText(const AttributeTable& table, std::span<const std::uint32_t> rows, const OutputGate& gate) {
    if (auto refusal = gate.refusal(table.layer)) throw core::UsageError(*refusal);
    checkRows(table, rows);
    // The values as stored (text), through the gate like every other output.
    io::OutputTable text;
    text.name = std::string(core::layerInfo(table.layer).name);
    text.fields.push_back({"id", io::FieldType::Text});
    for (const auto& column : table.columns) text.fields.push_back({column.name(), io::FieldType::Text});
    text.rows.reserve(rows.size());
    for (auto row : rows) {
        std::vector<core::Value> values;
        values.reserve(table.columns.size() + 1);
        values.emplace_back(std::to_string(table.ids[row]));
        for (const auto& column : table.columns) values.emplace_back(std::string(column.value(row)));
        text.rows.push_back(std::move(values));
    }
    const auto released = gate.features(table.layer, std::move(text));
    // Tabs and line breaks inside values would break the grid a spreadsheet pastes: they become spaces.
    auto cell = [](std::string_view value, std::string& out) {
        for (char ch : value) out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
    };
    std::string out;
    for (std::size_t f = 0; f < released->fields.size(); ++f) {
        if (f > 0) out += '\t';
        out += released->fields[f].name;
    }
    out += '\n';
    for (const auto& values : released->rows) {
        for (std::size_t f = 0; f < values.size(); ++f) {
            if (f > 0) out += '\t';
            if (const auto* v = std::get_if<std::string>(&values[f])) cell(*v, out);
        }
        out += '\n';
    }
    return out;
}

void writeSelection(const std::filesystem::path& file, store::ProjectStore& store, const AttributeTable& table,
                    std::span<const std::uint32_t> rows, const OutputGate& gate) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv") {
        const auto out = selectionTable(store, table, rows, gate, false);
        io::writeCsvFile(file, *out, io::CsvOptions::german());
    } else if (ext == ".gpkg") {
        auto released = selectionTable(store, table, rows, gate, true);
        // A GeoPackage layer has one geometry per row or none: rows without a place (visits) keep an empty one.
        const auto& geometries = released->geometries;
        const bool anyGeometry =
            std::any_of(geometries.begin(), geometries.end(), [](const core::Wkb& g) { return !g.empty(); });
        if (anyGeometry) {
            io::writeGeoPackage(file, *released);
        } else {
            io::OutputTable plain = *released;
            plain.geometries.clear();
            io::writeGeoPackage(file, plain);
        }
    } else {
        throw core::UsageError("cannot write " + file.string() + ": use a .csv or .gpkg file");
    }
}

}  // namespace lb::project
