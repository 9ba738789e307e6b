#include <gtest/gtest.h>

#include <algorithm>

#include "ui/attribute_table_model.hpp"

using namespace lb;
using ui::AttributeTableModel;
using ui::RowPick;

namespace {

// A graffiti-like table written by hand: ids 10, 20, …; name, status, time, area.
std::shared_ptr<const project::AttributeTable> makeTable(std::size_t rows = 6) {
    static const char* kNames[] = {"Brücke", "Bahnhof", "Schule", "ÜBERGANG", "Markt", "Bahnhof"};
    static const char* kTimes[] = {
        "2024-12-05T16:30:00+01:00", "2025-03-01T08:00:00+01:00", "",
        "2024-07-01T12:00:00+02:00", "2025-01-10T22:15:00+01:00", "2023-05-05T07:50:00+02:00"};
    static const char* kAreas[] = {"4.4", "12.5", "100", "", "2.25", "12.5"};
    auto table = std::make_shared<project::AttributeTable>();
    table->layer = core::LayerId::Graffiti;
    table->columns.emplace_back("uuid", store::ColumnType::Text);
    table->columns.emplace_back("name", store::ColumnType::Text);
    table->columns.emplace_back("time", store::ColumnType::Text);
    table->columns.emplace_back("area_m2", store::ColumnType::Real);
    for (std::size_t i = 0; i < rows; ++i) {
        table->ids.push_back(static_cast<std::int64_t>(10 * (i + 1)));
        table->columns[0].append("uuid-" + std::to_string(i));
        table->columns[1].append(kNames[i % 6]);
        table->columns[2].append(kTimes[i % 6]);
        table->columns[3].append(kAreas[i % 6]);
        core::BBox box;
        box.add(100.0 * static_cast<double>(i), 50);
        table->bounds.push_back(box);
    }
    for (auto& column : table->columns) column.finish();
    return table;
}

std::vector<std::int64_t> visibleIds(const AttributeTableModel& model) {
    std::vector<std::int64_t> ids;
    for (auto row : model.visible()) ids.push_back(model.table()->ids[row]);
    return ids;
}

constexpr std::size_t kName = 2, kTime = 3, kArea = 4;  // model columns (0 = id, 1 = uuid)

}  // namespace

TEST(AttributeTableModel, ShowsEveryRowInIdOrderAtFirst) {
    AttributeTableModel model;
    model.setTable(makeTable());
    EXPECT_EQ(model.columnCount(), 5u);
    EXPECT_EQ(model.columnName(0), "id");
    EXPECT_EQ(model.columnName(kArea), "area_m2");
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{10, 20, 30, 40, 50, 60}));
    EXPECT_EQ(model.display(0, 2), "30");
}

TEST(AttributeTableModel, SortsNumbersByValueTextByBytesAndKeepsIdOrderForTies) {
    AttributeTableModel model;
    model.setTable(makeTable());
    model.sortBy(static_cast<int>(kArea), false);
    // empty (40) first, then 2.25 (50), 4.4 (10), 12.5 (20, 60 in id order), 100 (30)
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{40, 50, 10, 20, 60, 30}));
    model.sortBy(static_cast<int>(kArea), true);
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{30, 20, 60, 10, 50, 40}));
    model.sortBy(static_cast<int>(kName), false);
    EXPECT_EQ(visibleIds(model).front(), 20);  // "Bahnhof" (20, 60) before "Brücke"
    EXPECT_EQ(visibleIds(model)[1], 60);
    model.sortBy(0, true);
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{60, 50, 40, 30, 20, 10}));
    model.sortBy(-1, false);
    EXPECT_EQ(visibleIds(model).front(), 10);
}

TEST(AttributeTableModel, FiltersMatchStoredAndShownTextInAnyCase) {
    AttributeTableModel model;
    model.setTable(makeTable());
    ASSERT_TRUE(model.setFilter(kName, "bahn"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{20, 60}));
    ASSERT_TRUE(model.setFilter(kName, "über"));  // Ü folded to ü
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{40}));
    ASSERT_TRUE(model.setFilter(kName, ""));
    EXPECT_EQ(model.visible().size(), 6u);
    // The German date the table shows finds the stored ISO time.
    ASSERT_TRUE(model.setFilter(kTime, "05.12.2024"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{10}));
    ASSERT_TRUE(model.setFilter(kTime, "2025-0"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{20, 50}));
    // Filters combine.
    ASSERT_TRUE(model.setFilter(kName, "markt"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{50}));
}

TEST(AttributeTableModel, NumberColumnsCompareWithADecimalComma) {
    AttributeTableModel model;
    model.setTable(makeTable());
    ASSERT_TRUE(model.setFilter(kArea, "> 4,4"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{20, 30, 60}));
    ASSERT_TRUE(model.setFilter(kArea, "<=4.4"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{10, 50}));
    ASSERT_TRUE(model.setFilter(kArea, "= 12,5"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{20, 60}));
    EXPECT_FALSE(model.setFilter(kArea, "> viel"));
    EXPECT_TRUE(model.filter(kArea).empty());
    EXPECT_EQ(model.visible().size(), 6u);  // a refused filter filters nothing
    ASSERT_TRUE(model.setFilter(0, ">= 50"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{50, 60}));
}

TEST(AttributeTableModel, SearchFindsARowThroughAnyColumn) {
    AttributeTableModel model;
    model.setTable(makeTable());
    model.setSearch("schule");
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{30}));
    model.setSearch("uuid-4");
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{50}));
    model.setSearch("");
    EXPECT_EQ(model.visible().size(), 6u);
}

TEST(AttributeTableModel, ClickCtrlClickAndShiftClickSelectLikeAFileManager) {
    AttributeTableModel model;
    model.setTable(makeTable());
    const auto before = model.selectionRevision();
    model.pick(1, RowPick::Replace);
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{20}));
    EXPECT_GT(model.selectionRevision(), before);
    model.pick(3, RowPick::Toggle);
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{20, 40}));
    model.pick(1, RowPick::Toggle);
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{40}));
    model.pick(5, RowPick::Extend);  // from the last click (index 1) to 5
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{20, 30, 40, 50, 60}));
    model.pick(0, RowPick::Replace);
    EXPECT_EQ(model.selectedCount(), 1u);
    model.clearSelection();
    EXPECT_EQ(model.selectedCount(), 0u);
    model.pick(99, RowPick::Replace);  // outside the rows: nothing
    EXPECT_EQ(model.selectedCount(), 0u);
}

TEST(AttributeTableModel, SelectionBelongsToFeaturesThroughSortFilterAndReload) {
    AttributeTableModel model;
    model.setTable(makeTable());
    const std::int64_t fromMap[] = {30, 50, 999};
    model.selectIds(fromMap);
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{30, 50}));
    model.sortBy(static_cast<int>(kArea), true);
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{30, 50}));
    model.setOnlySelected(true);
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{30, 50}));  // in the sorted order: 100, 2.25
    core::BBox bounds = model.selectionBounds();
    EXPECT_DOUBLE_EQ(bounds.minX, 200);
    EXPECT_DOUBLE_EQ(bounds.maxX, 400);
    ASSERT_TRUE(model.setFilter(kName, "markt"));
    // The layer read again (after an edit): sort, filter, selection stay.
    model.setTable(makeTable());
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{30, 50}));
    EXPECT_EQ(model.sortColumn(), static_cast<int>(kArea));
    EXPECT_EQ(model.filter(kName), "markt");
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{50}));
    // Another layer starts afresh.
    auto other = std::make_shared<project::AttributeTable>(*makeTable());
    other->layer = core::LayerId::Measures;
    model.setTable(other);
    EXPECT_EQ(model.selectedCount(), 0u);
    EXPECT_EQ(model.sortColumn(), -1);
    EXPECT_EQ(model.visible().size(), 6u);
}

TEST(AttributeTableModel, RestrictionShowsOnlyTheQueryMatches) {
    AttributeTableModel model;
    model.setTable(makeTable());
    auto matches = std::make_shared<render::FeatureSet>(render::FeatureSet{"graffiti", {20, 40, 41}});
    model.setRestriction(matches);
    EXPECT_TRUE(model.restricted());
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{20, 40}));
    model.selectAllVisible();
    EXPECT_EQ(model.selectedIds(), (std::vector<std::int64_t>{20, 40}));
    model.setRestriction(nullptr);
    EXPECT_EQ(model.visible().size(), 6u);
}

TEST(AttributeTableModel, EnglishShowsEnglishDatesAndFiltersByThem) {
    AttributeTableModel model;
    model.setTable(makeTable());
    EXPECT_EQ(model.display(kTime, 0), "05.12.2024 16:30");
    EXPECT_EQ(model.display(kArea, 0), "4,4 m²");
    model.setLanguage(ui::Language::English);
    EXPECT_EQ(model.display(kTime, 0), "2024-12-05 16:30");
    EXPECT_EQ(model.display(kArea, 0), "4.4 m²");
    ASSERT_TRUE(model.setFilter(kTime, "2024-12-05 16"));
    EXPECT_EQ(visibleIds(model), (std::vector<std::int64_t>{10}));
}

TEST(AttributeTableModel, EmptyModelAnswersSafely) {
    AttributeTableModel model;
    EXPECT_EQ(model.columnCount(), 0u);
    EXPECT_TRUE(model.visible().empty());
    model.sortBy(3, false);
    model.pick(0, RowPick::Replace);
    model.selectAllVisible();
    EXPECT_EQ(model.selectedCount(), 0u);
    EXPECT_TRUE(model.selectionBounds().empty());
    EXPECT_FALSE(model.setFilter(0, "x"));
}

TEST(AttributeTableModel, FoldCaseLowersAsciiAndUmlauts) {
    EXPECT_EQ(ui::foldCase("ÄÖÜ Straße ABC"), "äöü straße abc");
}
