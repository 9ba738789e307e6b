// The engine's answers must equal the same question asked in SpatiaLite SQL (ST_Within/ST_Distance with
// the spatial index) on the same project file, here a demo town made by the test.

#include <gtest/gtest.h>

#include <memory>

#include "core/bbox_parse.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluator.hpp"
#include "engine/feature_table.hpp"
#include "engine/query_parse.hpp"
#include "project/demo.hpp"
#include "project/engine_source.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;
using namespace lb::engine;

namespace {

class SqlEquivalence : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>();
        project::createDemo(*s_dir / "demo.sqlite", {3, 4000}, core::Progress::none());
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    void SetUp() override {
        m_store = store::ProjectStore::open(*s_dir / "demo.sqlite", store::ProjectStore::Access::ReadOnly);
        m_source = std::make_unique<project::StoreLayerSource>(*m_store);
        m_dataset = std::make_unique<Dataset>(*m_source);
    }

    std::vector<std::int64_t> sqlIds(const std::string& sql) {
        store::Statement select(m_store->db(), sql);
        std::vector<std::int64_t> out;
        while (select.step()) out.push_back(select.columnInt(0));
        return out;
    }

    std::vector<std::int64_t> engineIds(const Query& q) {
        const auto result = runQuery(*m_dataset, q);
        std::vector<std::int64_t> out;
        for (auto row : result.rows) out.push_back(result.table->id(row));
        return out;
    }

    static std::unique_ptr<test::TempDir> s_dir;
    std::unique_ptr<store::ProjectStore> m_store;
    std::unique_ptr<project::StoreLayerSource> m_source;
    std::unique_ptr<Dataset> m_dataset;
};

std::unique_ptr<test::TempDir> SqlEquivalence::s_dir;

// Incidents within `m` metres of the features selected by `where` in `layer`, through the R*Tree.
std::string withinSql(const std::string& layer, const std::string& where, double m) {
    const std::string d = std::to_string(m);
    return "SELECT i.id FROM incidents i WHERE EXISTS (SELECT 1 FROM " + layer + " p WHERE " + where +
           " AND ST_Distance(i.geometry, p.geometry) <= " + d +
           " AND p.rowid IN (SELECT rowid FROM SpatialIndex WHERE f_table_name = '" + layer +
           "' AND search_frame = BuildMbr(ST_X(i.geometry) - " + d + ", ST_Y(i.geometry) - " + d +
           ", ST_X(i.geometry) + " + d + ", ST_Y(i.geometry) + " + d + "))) ORDER BY i.id";
}

}  // namespace

TEST_F(SqlEquivalence, CountByDistricts) {
    Query q;
    q.countBy = parseGroupBy("districts");
    const auto result = runQuery(*m_dataset, q);
    store::Statement sql(m_store->db(),
                         "SELECT d.name, (SELECT count(*) FROM incidents i WHERE ST_Within(i.geometry, d.geometry) "
                         "AND i.rowid IN (SELECT rowid FROM SpatialIndex WHERE f_table_name = 'incidents' AND "
                         "search_frame = d.geometry)) FROM districts d ORDER BY d.id");
    std::size_t k = 0;
    std::int64_t total = 0;
    while (sql.step()) {
        ASSERT_LT(k, result.groups.size());
        EXPECT_EQ(result.groups[k].key, sql.columnText(0));
        EXPECT_EQ(result.groups[k].count, sql.columnInt(1)) << sql.columnText(0);
        total += sql.columnInt(1);
        ++k;
    }
    EXPECT_EQ(k, result.groups.size());
    EXPECT_GT(total, 3000);  // the check is not vacuous
}

TEST_F(SqlEquivalence, WithinDistanceOfSchoolsAndOfMainRoads) {
    Query q;
    q.within = WithinDistance{150, parseLayerRef("pois:amenity=school", "--of")};
    const auto schools = engineIds(q);
    EXPECT_EQ(schools, sqlIds(withinSql("pois", "p.amenity = 'school'", 150)));
    EXPECT_GT(schools.size(), 20u);

    q.within = WithinDistance{25, parseLayerRef("roads:highway=primary,secondary", "--of")};
    const auto roads = engineIds(q);
    EXPECT_EQ(roads, sqlIds(withinSql("roads", "p.highway IN ('primary', 'secondary')", 25)));
    EXPECT_GT(roads.size(), 20u);
}

TEST_F(SqlEquivalence, InsideOneDistrictAtNightOnWeekends) {
    Query q;
    q.inside = parseLayerRef("districts:name=Altstadt,Bahnhofsviertel", "--inside");
    q.hours = parseHours("20-4");
    q.weekdays = parseWeekdays("fr,sa");
    q.where = {parseAttributeFilter("category=gewalt,drogen")};
    const auto ids = engineIds(q);
    // Times are stored as Berlin wall-clock text with offset: characters 12–13 are the local hour.
    const auto expected = sqlIds(
        "SELECT i.id FROM incidents i JOIN districts d ON d.name IN ('Altstadt', 'Bahnhofsviertel') "
        "AND ST_Within(i.geometry, d.geometry) AND i.rowid IN (SELECT rowid FROM SpatialIndex WHERE "
        "f_table_name = 'incidents' AND search_frame = d.geometry) "
        "WHERE i.category IN ('gewalt', 'drogen') "
        "AND (CAST(substr(i.time, 12, 2) AS INTEGER) >= 20 OR CAST(substr(i.time, 12, 2) AS INTEGER) < 4) "
        "AND strftime('%w', substr(i.time, 1, 19)) IN ('5', '6') ORDER BY i.id");
    EXPECT_EQ(ids, expected);
    EXPECT_GT(ids.size(), 10u);
}

TEST_F(SqlEquivalence, PeriodAndBoundingBox) {
    Query q;
    q.from = parseFromTime("2025-01-01");
    q.to = parseToTime("2025-06-30");
    const auto extent = m_store->extent(core::LayerId::Incidents);
    const double midX = (extent.minX + extent.maxX) / 2, midY = (extent.minY + extent.maxY) / 2;
    q.bbox = core::parseBBox(std::to_string(extent.minX) + "," + std::to_string(extent.minY) + "," +
                             std::to_string(midX) + "," + std::to_string(midY));
    const auto ids = engineIds(q);
    // Local dates compare as text in the stored "YYYY-MM-DDTHH:MM:SS+HH:MM" form.
    const auto expected = sqlIds(
        "SELECT id FROM incidents WHERE substr(time, 1, 10) BETWEEN '2025-01-01' AND '2025-06-30' AND "
        "ST_X(geometry) BETWEEN " +
        std::to_string(extent.minX) + " AND " + std::to_string(midX) + " AND ST_Y(geometry) BETWEEN " +
        std::to_string(extent.minY) + " AND " + std::to_string(midY) + " ORDER BY id");
    EXPECT_EQ(ids, expected);
    EXPECT_GT(ids.size(), 50u);
}
