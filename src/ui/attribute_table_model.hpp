#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bbox.hpp"
#include "project/attribute_table.hpp"
#include "render/render_options.hpp"
#include "ui/strings.hpp"

namespace lb::ui {

// How a click on a row changes the selection: a plain click, Ctrl+click, Shift+click.
enum class RowPick { Replace, Toggle, Extend };

// The attribute table's view of one layer (issue 18): which rows show, in which order, which are selected.
// Column 0 is the feature number (id), columns 1.. are the table's stored columns. Filters match a
// column's stored text or the text the table shows (labels, German dates and numbers), case-insensitively;
// on number columns "> 5", "<= 2,5" and "= 3" compare values. Sorting is a stable counting sort over the
// column's precomputed ranks (ties keep id order), so a million rows sort in milliseconds. The selection
// belongs to rows (features), not to positions: it survives sorting, filtering and re-reading the layer.
// No ImGui: unit-tested, and the benchmark drives it at a million rows.
class AttributeTableModel {
public:
    // A newly read table. With the same layer as before, sort, filters and the selection (by id) carry
    // over; another layer starts unsorted, unfiltered and unselected.
    void setTable(std::shared_ptr<const project::AttributeTable> table);
    const project::AttributeTable* table() const { return m_table.get(); }
    const std::shared_ptr<const project::AttributeTable>& sharedTable() const { return m_table; }
    void setLanguage(Language language);

    // [columns]
    std::size_t columnCount() const;                   // id plus the stored columns
    std::string columnName(std::size_t column) const;  // "id", then the schema names
    bool numericColumn(std::size_t column) const;
    // The cell as the table shows it (field-of-action labels, German dates and numbers).
    std::string display(std::size_t column, std::uint32_t row) const;
    std::string_view stored(std::size_t column, std::uint32_t row) const;  // the id as digits for column 0

    // [rows in view]
    std::span<const std::uint32_t> visible() const { return m_visible; }
    std::optional<std::size_t> visibleIndexOf(std::uint32_t row) const;

    // [sorting] column -1 = unsorted (id order).
    void sortBy(int column, bool descending);
    int sortColumn() const { return m_sortColumn; }
    bool sortDescending() const { return m_descending; }

    // [filters] An empty text removes the column's filter. Returns false (and keeps no filter) for a
    // comparison whose number cannot be read.
    bool setFilter(std::size_t column, std::string text);
    const std::string& filter(std::size_t column) const;
    // One text matched against every column (a row shows when any column matches).
    void setSearch(std::string text);
    const std::string& search() const { return m_search; }
    void setOnlySelected(bool on);
    bool onlySelected() const { return m_onlySelected; }
    // Restricts the rows to a set of features (the query's matches; nullptr: no restriction).
    void setRestriction(std::shared_ptr<const render::FeatureSet> set);
    bool restricted() const { return m_restriction != nullptr; }

    // [selection]
    void pick(std::size_t visibleIndex, RowPick how);
    void selectAllVisible();
    void clearSelection();
    // Replaces the selection by these features (from the map); ids not in the table are ignored.
    void selectIds(std::span<const std::int64_t> ids);
    bool selected(std::uint32_t row) const { return row < m_selected.size() && m_selected[row]; }
    std::size_t selectedCount() const { return m_selectedCount; }
    std::vector<std::uint32_t> selectedRows() const;  // ascending (= id order)
    std::vector<std::int64_t> selectedIds() const;    // ascending
    core::BBox selectionBounds() const;
    // Increases whenever the selection changes (the panel passes it to the map then).
    std::uint64_t selectionRevision() const { return m_selectionRevision; }

    // How long the last sort and the last filter took (milliseconds; the benchmark and the status line).
    double lastSortMs() const { return m_lastSortMs; }
    double lastFilterMs() const { return m_lastFilterMs; }

private:
    struct ColumnFilter {
        std::string text;
        std::vector<char> codeMatches;  // per distinct value of the column (stored columns)
        // A comparison on a number column (or the id): op one of < <= > >= =.
        std::string op;
        double number = 0;
    };
    void rebuildOrder();
    void rebuildVisible();
    std::vector<char> matchCodes(std::size_t column, const std::string& folded) const;
    bool rowPasses(std::uint32_t row) const;
    void selectionChanged() { ++m_selectionRevision; }

    std::shared_ptr<const project::AttributeTable> m_table;
    Language m_language = Language::German;
    std::vector<std::uint32_t> m_order;    // all rows, sorted
    std::vector<std::uint32_t> m_visible;  // m_order filtered
    int m_sortColumn = -1;
    bool m_descending = false;
    std::vector<std::optional<ColumnFilter>> m_filters;  // per column
    std::string m_search;
    std::vector<std::vector<char>> m_searchMatches;  // per stored column, per code
    bool m_onlySelected = false;
    std::shared_ptr<const render::FeatureSet> m_restriction;
    std::vector<char> m_selected;
    std::size_t m_selectedCount = 0;
    std::optional<std::size_t> m_anchor;  // visible index of the last plain or Ctrl click
    std::uint64_t m_selectionRevision = 0;
    double m_lastSortMs = 0, m_lastFilterMs = 0;
};

// Lower-case for matching: ASCII letters and the German umlauts (Ä Ö Ü in UTF-8).
std::string foldCase(std::string_view text);

}  // namespace lb::ui
