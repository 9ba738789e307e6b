// Section index: [column] [reading] [public gate] [output]
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

// [public gate]

bool publicColumnAllowed(std::string_view column) {
    static constexpr std::string_view kWithheld[] = {"author", "note", "notes", "attrs", "ext_id", "photo"};
    return std::find(std::begin(kWithheld), std::end(kWithheld), column) == std::end(kWithheld);
}

std::optional<std::string> publicTableRefusal(core::LayerId layer) {
    const auto& info = core::layerInfo(layer);
    if (!info.sensitive) return std::nullopt;
    return "layer " + std::string(info.name) +
           " holds personal data: public outputs show it only as aggregates, never as rows";
}

namespace {

std::vector<std::size_t> outputColumns(const AttributeTable& table, bool publicMode) {
    if (publicMode) {
        if (auto refusal = publicTableRefusal(table.layer)) throw core::UsageError(*refusal);
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (!publicMode || publicColumnAllowed(table.columns[i].name())) out.push_back(i);
    }
    return out;
}

void checkRows(const AttributeTable& table, std::span<const std::uint32_t> rows) {
    for (auto row : rows) {
        if (row >= table.rows()) throw core::UsageError("row " + std::to_string(row) + " is not in the table");
    }
}

}  // namespace

// [output]

io::OutputTable selectionTable(store::ProjectStore& store, const AttributeTable& table,
                               std::span<const std::uint32_t> rows, bool publicMode, bool withGeometry) {
    const auto columns = outputColumns(table, publicMode);
    checkRows(table, rows);
    io::OutputTable out;
    out.name = std::string(core::layerInfo(table.layer).name);
    out.crs = store.crs();
    out.fields.push_back({"id", io::FieldType::Integer});
    for (auto c : columns) out.fields.push_back({table.columns[c].name(), fieldType(table.columns[c].type())});
    std::optional<store::Statement> geometry;
    if (withGeometry) {
        geometry.emplace(store.db(), "SELECT geometry FROM " + store::quoteIdentifier(out.name) + " WHERE id = ?");
    }
    for (auto row : rows) {
        std::vector<core::Value> values{core::Value(table.ids[row])};
        for (auto c : columns) values.push_back(typedValue(table.columns[c].value(row), table.columns[c].type()));
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
    return out;
}

std::string selectionText(const AttributeTable& table, std::span<const std::uint32_t> rows, bool publicMode) {
    const auto columns = outputColumns(table, publicMode);
    checkRows(table, rows);
    // Tabs and line breaks inside values would break the grid a spreadsheet pastes: they become spaces.
    auto cell = [](std::string_view text, std::string& out) {
        for (char ch : text) out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
    };
    std::string out = "id";
    for (auto c : columns) out += '\t' + table.columns[c].name();
    out += '\n';
    for (auto row : rows) {
        out += std::to_string(table.ids[row]);
        for (auto c : columns) {
            out += '\t';
            cell(table.columns[c].value(row), out);
        }
        out += '\n';
    }
    return out;
}

void writeSelection(const std::filesystem::path& file, store::ProjectStore& store, const AttributeTable& table,
                    std::span<const std::uint32_t> rows, bool publicMode) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv") {
        io::writeCsvFile(file, selectionTable(store, table, rows, publicMode, false));
    } else if (ext == ".gpkg") {
        auto out = selectionTable(store, table, rows, publicMode, true);
        // A GeoPackage layer has one geometry per row or none: rows without a place (visits) keep an empty one.
        const bool anyGeometry =
            std::any_of(out.geometries.begin(), out.geometries.end(), [](const core::Wkb& g) { return !g.empty(); });
        if (!anyGeometry) out.geometries.clear();
        io::writeGeoPackage(file, out);
    } else {
        throw core::UsageError("cannot write " + file.string() + ": use a .csv or .gpkg file");
    }
}

}  // namespace lb::project
