// Section index: [table] [columns] [sorting] [filters] [view] [selection]
#include "ui/attribute_table_model.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <numeric>

#include "ui/format.hpp"

namespace lb::ui {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// A number typed in a filter: "2,5" and "2.5"; nothing when it is not one.
std::optional<double> typedNumber(std::string_view text) {
    std::string clean;
    for (char ch : trim(text)) clean += ch == ',' ? '.' : ch;
    double value = 0;
    const auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (clean.empty() || ec != std::errc() || end != clean.data() + clean.size()) return std::nullopt;
    return value;
}

std::optional<double> storedNumber(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

bool compare(double value, const std::string& op, double number) {
    if (op == "<") return value < number;
    if (op == "<=") return value <= number;
    if (op == ">") return value > number;
    if (op == ">=") return value >= number;
    return value == number;
}

}  // namespace

std::string foldCase(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto ch = static_cast<unsigned char>(out[i]);
        if (ch >= 'A' && ch <= 'Z') {
            out[i] = static_cast<char>(ch - 'A' + 'a');
        } else if (ch == 0xC3 && i + 1 < out.size()) {
            // Ä Ö Ü (C3 84, C3 96, C3 9C) → ä ö ü (C3 A4, C3 B6, C3 BC)
            const auto next = static_cast<unsigned char>(out[i + 1]);
            if (next == 0x84 || next == 0x96 || next == 0x9C) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

// [table]

void AttributeTableModel::setTable(std::shared_ptr<const project::AttributeTable> table) {
    const bool sameLayer = m_table && table && m_table->layer == table->layer;
    const std::vector<std::int64_t> keep = sameLayer ? selectedIds() : std::vector<std::int64_t>{};
    std::vector<std::string> filterTexts;
    if (sameLayer) {
        for (const auto& f : m_filters) filterTexts.push_back(f ? f->text : std::string());
    }
    m_table = std::move(table);
    m_filters.assign(columnCount(), std::nullopt);
    m_selected.assign(m_table ? m_table->rows() : 0, 0);
    m_selectedCount = 0;
    m_anchor.reset();
    if (!sameLayer) {
        m_sortColumn = -1;
        m_descending = false;
        m_search.clear();
        m_onlySelected = false;
        m_restriction.reset();
    }
    m_searchMatches.clear();
    for (std::size_t c = 0; c < filterTexts.size() && c < m_filters.size(); ++c) {
        if (!filterTexts[c].empty()) setFilter(c, filterTexts[c]);
    }
    if (!m_search.empty()) setSearch(m_search);
    selectIds(keep);
    rebuildOrder();
}

void AttributeTableModel::setLanguage(Language language) {
    if (language == m_language) return;
    m_language = language;
    // Display texts changed: the filters match again.
    for (std::size_t c = 0; c < m_filters.size(); ++c) {
        if (m_filters[c]) setFilter(c, m_filters[c]->text);
    }
    if (!m_search.empty()) setSearch(m_search);
}

// [columns]

std::size_t AttributeTableModel::columnCount() const {
    return m_table ? m_table->columns.size() + 1 : 0;
}

std::string AttributeTableModel::columnName(std::size_t column) const {
    if (column == 0) return "id";
    return m_table->columns.at(column - 1).name();
}

bool AttributeTableModel::numericColumn(std::size_t column) const {
    return column == 0 || m_table->columns.at(column - 1).type() != store::ColumnType::Text;
}

std::string_view AttributeTableModel::stored(std::size_t column, std::uint32_t row) const {
    if (column == 0) {
        thread_local std::string digits;
        digits = std::to_string(m_table->ids[row]);
        return digits;
    }
    return m_table->columns[column - 1].value(row);
}

std::string AttributeTableModel::display(std::size_t column, std::uint32_t row) const {
    if (column == 0) return std::to_string(m_table->ids[row]);
    const auto& col = m_table->columns[column - 1];
    const auto value = col.value(row);
    if (value.empty()) return {};
    return displayValue(col.name(), value, m_language);
}

// [sorting]

void AttributeTableModel::sortBy(int column, bool descending) {
    m_sortColumn = m_table && column >= 0 && static_cast<std::size_t>(column) < columnCount() ? column : -1;
    m_descending = m_sortColumn >= 0 && descending;
    rebuildOrder();
}

void AttributeTableModel::rebuildOrder() {
    const auto start = Clock::now();
    const std::size_t n = m_table ? m_table->rows() : 0;
    m_order.resize(n);
    if (m_sortColumn <= 0) {
        std::iota(m_order.begin(), m_order.end(), 0u);
        if (m_descending) std::reverse(m_order.begin(), m_order.end());
    } else {
        // Counting sort by rank: stable, so equal values keep id order (ascending) in both directions.
        const auto& col = m_table->columns[static_cast<std::size_t>(m_sortColumn) - 1];
        const std::size_t ranks = col.distinct();
        std::vector<std::uint32_t> start(ranks + 1, 0);
        auto key = [&](std::uint32_t row) {
            const std::uint32_t rank = col.rank(col.code(row));
            return m_descending ? static_cast<std::uint32_t>(ranks - 1 - rank) : rank;
        };
        for (std::uint32_t row = 0; row < n; ++row) ++start[key(row) + 1];
        for (std::size_t k = 1; k <= ranks; ++k) start[k] += start[k - 1];
        for (std::uint32_t row = 0; row < n; ++row) m_order[start[key(row)]++] = row;
    }
    m_lastSortMs = msSince(start);
    rebuildVisible();
}

// [filters]

std::vector<char> AttributeTableModel::matchCodes(std::size_t column, const std::string& folded) const {
    const auto& col = m_table->columns[column - 1];
    std::vector<char> matches(col.distinct(), 0);
    for (std::uint32_t code = 1; code < col.distinct(); ++code) {
        const auto value = col.entry(code);
        if (foldCase(value).find(folded) != std::string::npos) {
            matches[code] = 1;
            continue;
        }
        const std::string shown = displayValue(col.name(), value, m_language);
        if (shown != value && foldCase(shown).find(folded) != std::string::npos) matches[code] = 1;
    }
    return matches;
}

bool AttributeTableModel::setFilter(std::size_t column, std::string text) {
    if (column >= m_filters.size()) return false;
    const auto start = Clock::now();
    const std::string_view t = trim(text);
    bool ok = true;
    if (t.empty()) {
        m_filters[column].reset();
    } else {
        ColumnFilter f;
        f.text = text;
        std::string_view rest = t;
        for (std::string_view op : {"<=", ">=", "<", ">", "="}) {
            if (rest.starts_with(op)) {
                f.op = std::string(op);
                rest.remove_prefix(op.size());
                break;
            }
        }
        if (!f.op.empty() && numericColumn(column)) {
            const auto number = typedNumber(rest);
            if (!number) {
                ok = false;
                m_filters[column].reset();
            } else {
                f.number = *number;
                if (column > 0) {
                    const auto& col = m_table->columns[column - 1];
                    f.codeMatches.assign(col.distinct(), 0);
                    for (std::uint32_t code = 1; code < col.distinct(); ++code) {
                        const auto value = storedNumber(col.entry(code));
                        f.codeMatches[code] = value && compare(*value, f.op, f.number);
                    }
                }
                m_filters[column] = std::move(f);
            }
        } else {
            f.op.clear();
            const std::string folded = foldCase(t);
            if (column > 0) {
                f.codeMatches = matchCodes(column, folded);
            }
            m_filters[column] = std::move(f);
        }
    }
    rebuildVisible();
    m_lastFilterMs = msSince(start);
    return ok;
}

const std::string& AttributeTableModel::filter(std::size_t column) const {
    static const std::string kNone;
    return column < m_filters.size() && m_filters[column] ? m_filters[column]->text : kNone;
}

void AttributeTableModel::setSearch(std::string text) {
    const auto start = Clock::now();
    m_search = std::move(text);
    m_searchMatches.clear();
    const std::string folded = foldCase(trim(m_search));
    if (m_table && !folded.empty()) {
        for (std::size_t c = 1; c < columnCount(); ++c) m_searchMatches.push_back(matchCodes(c, folded));
    }
    rebuildVisible();
    m_lastFilterMs = msSince(start);
}

void AttributeTableModel::setOnlySelected(bool on) {
    m_onlySelected = on;
    rebuildVisible();
}

void AttributeTableModel::setRestriction(std::shared_ptr<const render::FeatureSet> set) {
    m_restriction = std::move(set);
    rebuildVisible();
}

// [view]

bool AttributeTableModel::rowPasses(std::uint32_t row) const {
    if (m_onlySelected && !m_selected[row]) return false;
    if (m_restriction && !m_restriction->contains(m_table->ids[row])) return false;
    for (std::size_t c = 0; c < m_filters.size(); ++c) {
        const auto& f = m_filters[c];
        if (!f) continue;
        if (c == 0) {
            const auto id = static_cast<double>(m_table->ids[row]);
            if (!f->op.empty() ? !compare(id, f->op, f->number)
                               : std::to_string(m_table->ids[row]).find(trim(f->text)) == std::string::npos) {
                return false;
            }
            continue;
        }
        if (!f->codeMatches[m_table->columns[c - 1].code(row)]) return false;
    }
    if (!m_searchMatches.empty()) {
        bool any = std::to_string(m_table->ids[row]).find(trim(m_search)) != std::string::npos;
        for (std::size_t c = 0; c < m_searchMatches.size() && !any; ++c) {
            any = m_searchMatches[c][m_table->columns[c].code(row)];
        }
        if (!any) return false;
    }
    return true;
}

void AttributeTableModel::rebuildVisible() {
    m_visible.clear();
    if (!m_table) return;
    const bool anyFilter = m_onlySelected || m_restriction || !m_searchMatches.empty() ||
                           std::any_of(m_filters.begin(), m_filters.end(), [](const auto& f) { return f.has_value(); });
    if (!anyFilter) {
        m_visible = m_order;
    } else {
        m_visible.reserve(m_order.size());
        for (auto row : m_order) {
            if (rowPasses(row)) m_visible.push_back(row);
        }
    }
    m_anchor.reset();
}

std::optional<std::size_t> AttributeTableModel::visibleIndexOf(std::uint32_t row) const {
    const auto it = std::find(m_visible.begin(), m_visible.end(), row);
    if (it == m_visible.end()) return std::nullopt;
    return static_cast<std::size_t>(it - m_visible.begin());
}

// [selection]

void AttributeTableModel::pick(std::size_t visibleIndex, RowPick how) {
    if (visibleIndex >= m_visible.size()) return;
    const std::uint32_t row = m_visible[visibleIndex];
    auto set = [&](std::uint32_t r, bool on) {
        if (static_cast<bool>(m_selected[r]) == on) return;
        m_selected[r] = on;
        m_selectedCount += on ? 1 : static_cast<std::size_t>(-1);
    };
    if (how == RowPick::Toggle) {
        set(row, !m_selected[row]);
        m_anchor = visibleIndex;
    } else if (how == RowPick::Extend && m_anchor && *m_anchor < m_visible.size()) {
        std::fill(m_selected.begin(), m_selected.end(), 0);
        m_selectedCount = 0;
        const auto [from, to] = std::minmax(*m_anchor, visibleIndex);
        for (std::size_t i = from; i <= to; ++i) set(m_visible[i], true);
    } else {
        std::fill(m_selected.begin(), m_selected.end(), 0);
        m_selectedCount = 0;
        set(row, true);
        m_anchor = visibleIndex;
    }
    selectionChanged();
}

void AttributeTableModel::selectAllVisible() {
    for (auto row : m_visible) {
        if (!m_selected[row]) {
            m_selected[row] = 1;
            ++m_selectedCount;
        }
    }
    selectionChanged();
}

void AttributeTableModel::clearSelection() {
    if (m_selectedCount == 0) return;
    std::fill(m_selected.begin(), m_selected.end(), 0);
    m_selectedCount = 0;
    m_anchor.reset();
    selectionChanged();
}

void AttributeTableModel::selectIds(std::span<const std::int64_t> ids) {
    std::fill(m_selected.begin(), m_selected.end(), 0);
    m_selectedCount = 0;
    if (m_table) {
        for (auto id : ids) {
            if (auto row = m_table->rowOf(id); row && !m_selected[*row]) {
                m_selected[*row] = 1;
                ++m_selectedCount;
            }
        }
    }
    m_anchor.reset();
    if (m_onlySelected) rebuildVisible();
    selectionChanged();
}

std::vector<std::uint32_t> AttributeTableModel::selectedRows() const {
    std::vector<std::uint32_t> rows;
    rows.reserve(m_selectedCount);
    for (std::uint32_t row = 0; row < m_selected.size(); ++row) {
        if (m_selected[row]) rows.push_back(row);
    }
    return rows;
}

std::vector<std::int64_t> AttributeTableModel::selectedIds() const {
    std::vector<std::int64_t> ids;
    if (!m_table) return ids;
    for (auto row : selectedRows()) ids.push_back(m_table->ids[row]);
    return ids;
}

core::BBox AttributeTableModel::selectionBounds() const {
    core::BBox box;
    if (!m_table) return box;
    for (auto row : selectedRows()) box.add(m_table->bounds[row]);
    return box;
}

}  // namespace lb::ui
