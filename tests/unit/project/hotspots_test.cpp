#include <gtest/gtest.h>

#include "core/time.hpp"
#include "engine/dataset.hpp"
#include "engine/evaluator.hpp"
#include "project/demo.hpp"
#include "project/engine_source.hpp"
#include "project/gistar_overlay.hpp"
#include "project/hotspots.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

// The column of a table by name.
std::vector<core::Value> column(const io::OutputTable& table, const std::string& name) {
    std::size_t index = 0;
    while (index < table.fields.size() && table.fields[index].name != name) ++index;
    EXPECT_LT(index, table.fields.size()) << name;
    std::vector<core::Value> values;
    for (const auto& row : table.rows) values.push_back(row.at(index));
    return values;
}

// The GUI's Gi* (over rows selected before) agrees with the CLI's (which runs the query itself), on a grid
// and on the districts; the overlay holds exactly the significant units.
TEST(Hotspots, GiStarOfSelectedRowsEqualsGiStarOfTheQuery) {
    test::TempDir dir;
    project::createDemo(dir / "demo.sqlite", {3, 2000}, core::Progress::none());
    auto opened = project::Project::open(dir / "demo.sqlite", true);
    project::StoreLayerSource source(opened->store());
    engine::Dataset dataset(source);
    engine::Query query;
    query.from = core::parseTime("2025-11-01");  // a part of the incidents
    const std::vector<std::uint32_t> rows = engine::selectRows(dataset, query);
    ASSERT_GT(rows.size(), 100u);
    ASSERT_LT(rows.size(), 2000u);

    project::GiStarRequest grid;
    grid.query = query;
    grid.cell = 100;
    grid.options.distance = 300;
    project::GiStarRequest zones = grid;
    zones.cell = 0;
    zones.zones = "districts";
    zones.options.distance = 1500;
    for (const auto* request : {&grid, &zones}) {
        const io::OutputTable expected = project::giStarTable(dataset, *request, "EPSG:25833");
        const io::OutputTable actual =
            project::giStarOfRows(dataset, *dataset.table("incidents"), rows, *request, "EPSG:25833");
        ASSERT_EQ(actual.rows.size(), expected.rows.size()) << request->zones;
        EXPECT_EQ(column(actual, "z"), column(expected, "z")) << request->zones;
        EXPECT_EQ(column(actual, "gi_bin"), column(expected, "gi_bin")) << request->zones;
        EXPECT_EQ(actual.geometries, expected.geometries) << request->zones;

        const project::GiStarOverlay overlay = project::toGiStarOverlay(actual);
        std::size_t significant = 0;
        for (const auto& bin : column(actual, "gi_bin")) significant += std::get<std::int64_t>(bin) != 0;
        EXPECT_EQ(overlay.overlay->layer.featureCount(), significant) << request->zones;
        EXPECT_EQ(overlay.hot + overlay.cold, significant) << request->zones;
        EXPECT_EQ(overlay.units, actual.rows.size());
        if (request == &grid) {
            EXPECT_GT(overlay.hot, 0u);  // the demo town's centre
        }
    }
}

}  // namespace
