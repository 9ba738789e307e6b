#include <gtest/gtest.h>

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <sstream>

#include "core/error.hpp"
#include "project/attribute_table.hpp"
#include "project/demo.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

// One demo town for the whole suite (it takes a few seconds to make).
class AttributeTableTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        s_path = *s_dir / "demo.sqlite";
        project::createDemo(s_path, {3, 1500}, core::Progress::none());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::unique_ptr<store::ProjectStore> open() {
        return store::ProjectStore::open(s_path, store::ProjectStore::Access::ReadOnly);
    }
    static test::TempDir* s_dir;
    static std::filesystem::path s_path;
};
test::TempDir* AttributeTableTest::s_dir = nullptr;
std::filesystem::path AttributeTableTest::s_path;

const project::OutputGate kPublic = project::OutputGate::forPublic();
const project::OutputGate kInternal = project::OutputGate::internal();

std::vector<std::uint32_t> allRows(const project::AttributeTable& table) {
    std::vector<std::uint32_t> rows(table.rows());
    for (std::uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
    return rows;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_F(AttributeTableTest, EveryLayerReadsEveryFeatureWithItsStoredValues) {
    auto store = open();
    for (const auto& info : core::kLayers) {
        const auto table = project::readAttributeTable(*store, info.id);
        ASSERT_EQ(static_cast<std::int64_t>(table.rows()), store->count(info.id)) << info.name;
        EXPECT_TRUE(std::is_sorted(table.ids.begin(), table.ids.end())) << info.name;
        EXPECT_EQ(table.columns.size(), store::layerColumns(info.id).size()) << info.name;
        ASSERT_EQ(table.bounds.size(), table.rows());
        if (table.rows() == 0) continue;
        // A row's values are the store's, column by column (the middle row, to catch an off-by-one).
        const std::size_t row = table.rows() / 2;
        for (const auto& column : table.columns) {
            store::Statement select(store->db(), "SELECT " + store::quoteIdentifier(column.name()) + " FROM " +
                                                     store::quoteIdentifier(info.name) + " WHERE id = ?");
            select.bind(1, table.ids[row]);
            ASSERT_TRUE(select.step());
            const std::string expected = select.isNull(0) ? "" : select.columnText(0);
            EXPECT_EQ(column.value(row), expected) << info.name << "." << column.name();
        }
    }
}

TEST_F(AttributeTableTest, BoundsComeFromTheGeometryAndVisitsWithoutAPlaceHaveNone) {
    auto store = open();
    const auto incidents = project::readAttributeTable(*store, core::LayerId::Incidents);
    store::Statement select(store->db(), "SELECT MbrMinX(geometry), MbrMaxY(geometry) FROM incidents WHERE id = ?");
    select.bind(1, incidents.ids[7]);
    ASSERT_TRUE(select.step());
    EXPECT_DOUBLE_EQ(incidents.bounds[7].minX, select.columnDouble(0));
    EXPECT_DOUBLE_EQ(incidents.bounds[7].maxY, select.columnDouble(1));

    const auto visits = project::readAttributeTable(*store, core::LayerId::Visits);
    store::Statement noPlace(store->db(), "SELECT count(*) FROM visits WHERE geometry IS NULL");
    ASSERT_TRUE(noPlace.step());
    const auto withoutPlace =
        std::count_if(visits.bounds.begin(), visits.bounds.end(), [](const core::BBox& b) { return b.empty(); });
    EXPECT_EQ(withoutPlace, noPlace.columnInt(0));
    EXPECT_GT(visits.rows(), 0u);
}

TEST_F(AttributeTableTest, RanksOrderNumbersByValueAndTextByBytes) {
    project::TableColumn area("area_m2", store::ColumnType::Real);
    for (const char* v : {"10.5", "9", "", "100", "2.25", "9"}) area.append(v);
    area.finish();
    EXPECT_EQ(area.distinct(), 5u);  // empty + 4 distinct
    auto rankOf = [&](std::size_t row) { return area.rank(area.code(row)); };
    EXPECT_EQ(rankOf(2), 0u);         // empty first
    EXPECT_LT(rankOf(4), rankOf(1));  // 2.25 < 9
    EXPECT_LT(rankOf(1), rankOf(0));  // 9 < 10.5
    EXPECT_LT(rankOf(0), rankOf(3));  // 10.5 < 100 (not "100" < "9")
    EXPECT_EQ(rankOf(1), rankOf(5));  // equal values, one code

    project::TableColumn name("name", store::ColumnType::Text);
    for (const char* v : {"b", "a", "c"}) name.append(v);
    name.finish();
    EXPECT_LT(name.rank(name.code(1)), name.rank(name.code(0)));
    EXPECT_LT(name.rank(name.code(0)), name.rank(name.code(2)));
}

TEST_F(AttributeTableTest, PublicGateRefusesPersonalLayersAndWithholdsAuthorsAndNotes) {
    auto store = open();
    for (const auto& info : core::kLayers) {
        const auto table = project::readAttributeTable(*store, info.id);
        const auto rows = allRows(table);
        if (info.sensitive) {
            EXPECT_THROW(project::selectionText(table, rows, kPublic), core::UsageError) << info.name;
            EXPECT_THROW(project::selectionTable(*store, table, rows, kPublic, true), core::UsageError) << info.name;
            // Outside public mode the coordinator may copy her own data.
            EXPECT_NO_THROW(project::selectionText(table, rows, kInternal));
            continue;
        }
        const auto text = lines(project::selectionText(table, rows, kPublic));
        ASSERT_EQ(text.size(), rows.size() + 1) << info.name;
        for (const char* withheld : {"\tauthor", "\tnote", "\text_id", "\tattrs"}) {
            EXPECT_EQ(text.front().find(withheld), std::string::npos) << info.name << ": " << withheld;
        }
        const auto output = project::selectionTable(*store, table, rows, kPublic, false);
        EXPECT_TRUE(output.isPublic());
        for (const auto& field : output->fields) EXPECT_TRUE(kPublic.columnAllowed(field.name)) << field.name;
    }
    // No author name of the graffiti layer in its public copy, though the layer has authors.
    const auto graffiti = project::readAttributeTable(*store, core::LayerId::Graffiti);
    const auto authorColumn = graffiti.columnIndex("author");
    ASSERT_TRUE(authorColumn);
    const std::string author(graffiti.columns[*authorColumn].value(0));
    ASSERT_FALSE(author.empty());
    EXPECT_EQ(project::selectionText(graffiti, allRows(graffiti), kPublic).find(author), std::string::npos);
    EXPECT_NE(project::selectionText(graffiti, allRows(graffiti), kInternal).find(author), std::string::npos);
}

TEST_F(AttributeTableTest, CopyTextHasOneLinePerRowAndNoTabsInsideValues) {
    auto store = open();
    const auto graffiti = project::readAttributeTable(*store, core::LayerId::Graffiti);
    const std::vector<std::uint32_t> rows{2, 0};
    const auto text = lines(project::selectionText(graffiti, rows, kInternal));
    ASSERT_EQ(text.size(), 3u);
    const auto columns = std::count(text[0].begin(), text[0].end(), '\t');
    EXPECT_EQ(columns, static_cast<long>(graffiti.columns.size()));
    for (const auto& line : text) EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), columns) << line;
    EXPECT_EQ(text[1].substr(0, text[1].find('\t')), std::to_string(graffiti.ids[2]));
    EXPECT_THROW(project::selectionText(graffiti, std::vector<std::uint32_t>{999999}, kInternal), core::UsageError);
}

TEST_F(AttributeTableTest, SelectionIsWrittenAsCsvAndGeoPackageThatGdalReads) {
    auto store = open();
    const auto graffiti = project::readAttributeTable(*store, core::LayerId::Graffiti);
    const std::vector<std::uint32_t> rows{0, 1, 2, 3};
    test::TempDir out;
    project::writeSelection(out / "auswahl.csv", *store, graffiti, rows, kPublic);
    const auto csv = lines(test::readFile(out / "auswahl.csv"));
    ASSERT_EQ(csv.size(), rows.size() + 1);
    EXPECT_EQ(csv[0].find("author"), std::string::npos);

    project::writeSelection(out / "auswahl.gpkg", *store, graffiti, rows, kPublic);
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx((out / "auswahl.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    EXPECT_EQ(OGR_L_GetFeatureCount(layer, 1), static_cast<GIntBig>(rows.size()));
    OGRFeatureH feature = OGR_L_GetNextFeature(layer);
    ASSERT_NE(feature, nullptr);
    EXPECT_NE(OGR_F_GetGeometryRef(feature), nullptr);
    EXPECT_EQ(OGR_F_GetFieldIndex(feature, "author"), -1);
    OGR_F_Destroy(feature);
    GDALClose(ds);

    // Visits: personal data, refused in public; written outside it, also those without a place.
    const auto visits = project::readAttributeTable(*store, core::LayerId::Visits);
    EXPECT_THROW(project::writeSelection(out / "visits.csv", *store, visits, allRows(visits), kPublic),
                 core::UsageError);
    EXPECT_FALSE(std::filesystem::exists(out / "visits.csv"));
    project::writeSelection(out / "visits.gpkg", *store, visits, allRows(visits), kInternal);
    EXPECT_TRUE(std::filesystem::exists(out / "visits.gpkg"));
    EXPECT_THROW(project::writeSelection(out / "x.xlsx", *store, graffiti, rows, kInternal), core::UsageError);
}
