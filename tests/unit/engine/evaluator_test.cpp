#include <gtest/gtest.h>

#include "core/bbox_parse.hpp"
#include "engine/aggregate.hpp"
#include "engine/evaluator.hpp"
#include "engine/query_parse.hpp"
#include "engine_test_support.hpp"
#include "geo/wkb.hpp"

using namespace lb;
using namespace lb::engine;

namespace {

core::Timestamp at(const char* text) {
    return *core::parseTime(text);
}

// Two districts side by side: West [0,100]×[0,100] (500 inhabitants), Ost [100,200]×[0,100] (no population).
// Incidents (id: where, when, category):
//  1 (10,10)   Fri 2025-03-14 22:15 gewalt      West
//  2 (20,20)   Sat 2025-03-15 02:30 gewalt      West
//  3 (150,50)  Sat 2025-03-15 12:00 drogen      Ost
//  4 (160,50)  Mon 2025-04-07 08:00 graffiti    Ost
//  5 (250,50)  Sun 2025-03-16 23:59 gewalt      outside
//  6 (55,95)   Tue 2025-03-18 19:00 (none)      West, 5 m from school A
// Schools: A (55,100), and a kindergarten at (150,55).
test::FakeLayerSource makeSource() {
    test::FakeLayerSource s;
    s.columns["districts"] = {"name", "population"};
    s.layers["districts"] = {
        {1, geo::polygonWkb({{{0, 0}, {100, 0}, {100, 100}, {0, 100}}}), {}, {{"name", "West"}, {"population", "500"}}},
        {2, geo::polygonWkb({{{100, 0}, {200, 0}, {200, 100}, {100, 100}}}), {}, {{"name", "Ost"}}},
    };
    s.columns["incidents"] = {"category"};
    s.layers["incidents"] = {
        {1, geo::pointWkb(10, 10), at("2025-03-14 22:15"), {{"category", "gewalt"}}},
        {2, geo::pointWkb(20, 20), at("2025-03-15 02:30"), {{"category", "gewalt"}}},
        {3, geo::pointWkb(150, 50), at("2025-03-15 12:00"), {{"category", "drogen"}}},
        {4, geo::pointWkb(160, 50), at("2025-04-07 08:00"), {{"category", "graffiti"}}},
        {5, geo::pointWkb(250, 50), at("2025-03-16 23:59"), {{"category", "gewalt"}}},
        {6, geo::pointWkb(55, 95), at("2025-03-18 19:00"), {}},
    };
    s.columns["pois"] = {"amenity"};
    s.layers["pois"] = {
        {10, geo::pointWkb(55, 100), {}, {{"amenity", "school"}}},
        {11, geo::pointWkb(150, 55), {}, {{"amenity", "kindergarten"}}},
    };
    return s;
}

std::vector<std::int64_t> ids(Dataset& dataset, const Query& q) {
    const auto result = runQuery(dataset, q);
    std::vector<std::int64_t> out;
    for (auto row : result.rows) out.push_back(result.table->id(row));
    return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST(Evaluator, AttributeTimeHourAndWeekdayFilters) {
    auto source = makeSource();
    Dataset dataset(source);
    Query q;
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2, 3, 4, 5, 6}));
    q.where = {parseAttributeFilter("category=gewalt,drogen")};
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2, 3, 5}));
    q.where = {};
    q.hours = parseHours("22-3");
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2, 5}));
    q.weekdays = parseWeekdays("sa,so");
    EXPECT_EQ(ids(dataset, q), (Ids{2, 5}));
    q = Query{};
    q.from = parseFromTime("2025-03-15");
    q.to = parseToTime("2025-03-16");
    EXPECT_EQ(ids(dataset, q), (Ids{2, 3, 5}));  // 23:59 on the 16th is still inside
    q.to = parseToTime("2025-03-16T23:00");
    EXPECT_EQ(ids(dataset, q), (Ids{2, 3}));
}

TEST(Evaluator, SpatialPredicates) {
    auto source = makeSource();
    Dataset dataset(source);
    Query q;
    q.inside = parseLayerRef("districts", "--inside");
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2, 3, 4, 6}));
    q.inside = parseLayerRef("districts:name=Ost", "--inside");
    EXPECT_EQ(ids(dataset, q), (Ids{3, 4}));
    q.inside.reset();
    q.within = WithinDistance{5, parseLayerRef("pois:amenity=school", "--of")};
    EXPECT_EQ(ids(dataset, q), (Ids{6}));  // exactly 5 m counts
    q.within = WithinDistance{4.99, parseLayerRef("pois:amenity=school", "--of")};
    EXPECT_EQ(ids(dataset, q), (Ids{}));
    q.within = WithinDistance{10, parseLayerRef("pois", "--of")};
    EXPECT_EQ(ids(dataset, q), (Ids{3, 6}));  // 4 is 11.2 m from the kindergarten
    q.within.reset();
    q.within = WithinDistance{10, parseLayerRef("districts:name=West", "--of")};  // distance to a polygon
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2, 6}));
    q.within.reset();
    q.bbox = core::parseBBox("0,0,100,50");
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2}));
}

TEST(Evaluator, CountByZonesGivesRatesWhereThereIsAPopulation) {
    auto source = makeSource();
    Dataset dataset(source);
    Query q;
    q.countBy = parseGroupBy("districts");
    const auto result = runQuery(dataset, q);
    ASSERT_EQ(result.groups.size(), 2u);
    EXPECT_EQ(result.groups[0].key, "West");
    EXPECT_EQ(result.groups[0].count, 3);
    ASSERT_TRUE(result.groups[0].ratePerThousand);
    EXPECT_DOUBLE_EQ(*result.groups[0].ratePerThousand, 6.0);
    EXPECT_EQ(result.groups[1].key, "Ost");
    EXPECT_EQ(result.groups[1].count, 2);
    EXPECT_FALSE(result.groups[1].ratePerThousand);
    EXPECT_EQ(result.count(), 6u);  // the incident outside every zone still matches the query
}

TEST(Evaluator, CountByTimeCategoryAndGrid) {
    auto source = makeSource();
    Dataset dataset(source);
    Query q;
    q.countBy = parseGroupBy("hour");
    auto result = runQuery(dataset, q);
    ASSERT_EQ(result.groups.size(), 24u);
    EXPECT_EQ(result.groups[22].key, "22");
    EXPECT_EQ(result.groups[22].count, 1);
    EXPECT_EQ(result.groups[23].count, 1);
    EXPECT_EQ(result.groups[2].count, 1);
    q.countBy = parseGroupBy("weekday");
    result = runQuery(dataset, q);
    std::vector<std::int64_t> perDay;
    for (const auto& g : result.groups) perDay.push_back(g.count);
    EXPECT_EQ(perDay, (std::vector<std::int64_t>{1, 1, 0, 0, 1, 2, 1}));
    q.countBy = parseGroupBy("month");
    result = runQuery(dataset, q);
    ASSERT_EQ(result.groups.size(), 2u);
    EXPECT_EQ(result.groups[0].key, "2025-03");
    EXPECT_EQ(result.groups[0].count, 5);
    EXPECT_EQ(result.groups[1].key, "2025-04");
    q.countBy = parseGroupBy("category");
    result = runQuery(dataset, q);
    ASSERT_EQ(result.groups.size(), 4u);
    EXPECT_EQ(result.groups[0].key, "");
    EXPECT_EQ(result.groups[1].key, "drogen");
    EXPECT_EQ(result.groups[2].key, "gewalt");
    EXPECT_EQ(result.groups[2].count, 3);
    EXPECT_EQ(result.groups[3].key, "graffiti");
    q.countBy = parseGroupBy("grid:100");
    result = runQuery(dataset, q);
    ASSERT_EQ(result.groups.size(), 3u);
    EXPECT_EQ(result.groups[0].key, "0_0");
    EXPECT_EQ(result.groups[0].count, 3);
    EXPECT_EQ(result.groups[2].key, "200_0");
    EXPECT_EQ(result.groups[2].cell->maxX, 300.0);
    q.countBy = parseGroupBy("hour-weekday");
    result = runQuery(dataset, q);
    ASSERT_EQ(result.matrix.size(), 7u);
    EXPECT_EQ(result.matrix[4][22], 1);  // Friday 22:15
    EXPECT_EQ(result.matrix[5][2], 1);   // Saturday 02:30
    const auto trend = monthlyTrend(*result.table, result.rows);
    EXPECT_EQ(trend.at("gewalt").at("2025-03"), 3);
    EXPECT_EQ(trend.at("graffiti").at("2025-04"), 1);
}

TEST(Evaluator, UnknownLayersAndAttributesAreUsageErrors) {
    auto source = makeSource();
    Dataset dataset(source);
    Query q;
    q.where = {parseAttributeFilter("farbe=rot")};
    EXPECT_THROW(runQuery(dataset, q), core::UsageError);
    q = Query{};
    q.layer = "strassen";
    EXPECT_THROW(runQuery(dataset, q), core::UsageError);
    q = Query{};
    q.inside = parseLayerRef("pois", "--inside");  // points, not polygons
    EXPECT_THROW(runQuery(dataset, q), core::UsageError);
    q = Query{};
    q.layer = "pois";
    q.hours = parseHours("1-2");
    EXPECT_THROW(runQuery(dataset, q), core::UsageError);
}

TEST(Evaluator, FeaturesOnTheEdgeOfTheBoxCountTheSameOnTheIndexedAndTheFilteredPath) {
    auto source = makeSource();
    Dataset dataset(source);
    // Incident 1 (10,10) lies on the lower-left corner of the box, 6 (55,95) on its upper-right corner.
    Query q;
    q.bbox = core::parseBBox("10,10,55,95");
    const Ids byIndex = ids(dataset, q);  // the spatial index answers alone
    EXPECT_EQ(byIndex, (Ids{1, 2, 6}));
    q.from = parseFromTime("2025-01-01");  // a time filter that keeps every incident: the row filter path
    q.to = parseToTime("2025-12-31");
    EXPECT_EQ(ids(dataset, q), byIndex);
    q.where = {parseAttributeFilter("category=gewalt")};
    q.from.reset();
    q.to.reset();
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2}));
    // A box that is only a point (the engine takes one; the CLI's parser refuses it as empty) still finds the
    // feature exactly there, on both paths.
    q = Query{};
    core::BBox point;
    point.add(150, 50);
    q.bbox = point;
    EXPECT_EQ(ids(dataset, q), (Ids{3}));
    q.hours = parseHours("0-24");
    EXPECT_EQ(ids(dataset, q), (Ids{3}));
}

// --from includes its instant, --to excludes its own: an incident at exactly 00:00 belongs to the day that
// begins then, so two adjacent one-day queries count it once, in the later day.
TEST(Evaluator, TheFromInstantIsInsideAndTheToInstantOutside) {
    test::FakeLayerSource s;
    s.columns["incidents"] = {"category"};
    s.layers["incidents"] = {
        {1, geo::pointWkb(10, 10), at("2025-03-15 00:00"), {{"category", "gewalt"}}},
        {2, geo::pointWkb(10, 10), at("2025-03-15 12:00"), {{"category", "gewalt"}}},
        {3, geo::pointWkb(10, 10), at("2025-03-16 00:00"), {{"category", "gewalt"}}},
    };
    Dataset dataset(s);
    Query q;
    q.from = parseFromTime("2025-03-15");
    q.to = parseToTime("2025-03-15");
    EXPECT_EQ(ids(dataset, q), (Ids{1, 2}));
    q.from = parseFromTime("2025-03-16");
    q.to = parseToTime("2025-03-16");
    EXPECT_EQ(ids(dataset, q), (Ids{3}));
    // The same bounds on the path that a bbox filter takes first.
    q.bbox = core::parseBBox("0,0,20,20");
    EXPECT_EQ(ids(dataset, q), (Ids{3}));
}

// A district whose population is recorded as 0 (an industrial estate) gets a count but no rate: not an
// infinite one, and not a rate of 0 per 1,000 that would read as "safe".
TEST(Evaluator, APopulationOfZeroGivesNoRate) {
    test::FakeLayerSource s;
    s.columns["districts"] = {"name", "population"};
    s.layers["districts"] = {
        {1,
         geo::polygonWkb({{{0, 0}, {100, 0}, {100, 100}, {0, 100}}}),
         {},
         {{"name", "Gewerbegebiet"}, {"population", "0"}}},
    };
    s.columns["incidents"] = {"category"};
    s.layers["incidents"] = {{1, geo::pointWkb(10, 10), at("2025-03-14 22:15"), {{"category", "gewalt"}}}};
    Dataset dataset(s);
    Query q;
    q.countBy = parseGroupBy("districts");
    const auto result = runQuery(dataset, q);
    ASSERT_EQ(result.groups.size(), 1u);
    EXPECT_EQ(result.groups[0].count, 1);
    EXPECT_FALSE(result.groups[0].population);
    EXPECT_FALSE(result.groups[0].ratePerThousand);
}
