#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/bbox_parse.hpp"
#include "core/error.hpp"
#include "engine/query_json.hpp"
#include "engine/query_parse.hpp"

using namespace lb;
using namespace lb::engine;

namespace {

std::string usageMessage(const std::function<void()>& f) {
    try {
        f();
    } catch (const core::UsageError& e) {
        return e.what();
    }
    return "(no UsageError)";
}

}  // namespace

TEST(QueryParse, HoursWrapPastMidnight) {
    const HourRange night = parseHours("20-4");
    for (int h : {20, 21, 23, 0, 3}) EXPECT_TRUE(night.contains(h)) << h;
    for (int h : {4, 5, 12, 19}) EXPECT_FALSE(night.contains(h)) << h;
    const HourRange day = parseHours("8-18");
    EXPECT_TRUE(day.contains(8));
    EXPECT_FALSE(day.contains(18));
    const HourRange all = parseHours("0-24");
    for (int h = 0; h < 24; ++h) EXPECT_TRUE(all.contains(h));
    const HourRange evening = parseHours("18-24");
    EXPECT_TRUE(evening.contains(23));
    EXPECT_FALSE(evening.contains(0));
    // From values (the GUI) the same rules apply.
    EXPECT_EQ(hourRange(20, 4), parseHours("20-4"));
    EXPECT_EQ(hourRange(18, 24), parseHours("18-24"));
    EXPECT_EQ(hourRange(0, 24), parseHours("0-24"));
    EXPECT_THROW(hourRange(5, 5), lb::core::UsageError);
    EXPECT_THROW(hourRange(24, 3), lb::core::UsageError);
    EXPECT_THROW(hourRange(-1, 3), lb::core::UsageError);
    // H2 is exclusive up to 23 as well: "22-23" is the one hour from 22:00, not a wrap into the night.
    const HourRange late = parseHours("22-23");
    EXPECT_TRUE(late.contains(22));
    for (int h : {23, 0, 21}) EXPECT_FALSE(late.contains(h)) << h;
}

TEST(QueryParse, BadTextNamesTheFlag) {
    EXPECT_NE(usageMessage([] { parseHours("25-3"); }).find("--hours \"25-3\""), std::string::npos);
    EXPECT_NE(usageMessage([] { parseHours("abends"); }).find("--hours"), std::string::npos);
    EXPECT_NE(usageMessage([] { parseHours("5-5"); }).find("empty"), std::string::npos);
    EXPECT_NE(usageMessage([] { parseWeekdays("mo,xy"); }).find("unknown weekday \"xy\""), std::string::npos);
    EXPECT_NE(usageMessage([] { parseFromTime("2025-02-31"); }).find("--from \"2025-02-31\""), std::string::npos);
    EXPECT_NE(usageMessage([] { core::parseBBox("1,2,3"); }).find("minx,miny,maxx,maxy"), std::string::npos);
    EXPECT_NE(usageMessage([] { parseAttributeFilter("category"); }).find("ATTR=VALUE"), std::string::npos);
    EXPECT_NE(usageMessage([] { parseGroupBy("grid:-5"); }).find("grid:SIZE"), std::string::npos);
    EXPECT_NE(usageMessage([] { parseGroupBy("grid:0"); }).find("grid:SIZE"), std::string::npos);  // no cells of size 0
}

TEST(QueryParse, WeekdaysInGermanAndEnglish) {
    EXPECT_EQ(parseWeekdays("mo,di,mi,do,fr,sa,so"), 0x7F);
    EXPECT_EQ(parseWeekdays("Sa, So"), 0x60);
    EXPECT_EQ(parseWeekdays("tu,th"), (1 << 1) | (1 << 3));
}

TEST(QueryParse, ToDateIncludesTheWholeDayAcrossDaylightSavingTime) {
    // 2025-03-30 has 23 hours in Berlin; the day after begins at 2025-03-30T22:00Z.
    EXPECT_EQ(core::formatUtc(parseToTime("2025-03-30")), "2025-03-30T22:00:00Z");
    EXPECT_EQ(core::formatUtc(parseFromTime("2025-03-30")), "2025-03-29T23:00:00Z");
    EXPECT_EQ(core::formatUtc(parseToTime("2025-03-30T12:00")), "2025-03-30T10:00:00Z");
}

TEST(QueryParse, LayerRefsAndGroups) {
    const LayerRef ref = parseLayerRef("pois:amenity=school,kindergarten", "--of");
    EXPECT_EQ(ref.layer, "pois");
    ASSERT_TRUE(ref.filter);
    EXPECT_EQ(ref.filter->attribute, "amenity");
    EXPECT_EQ(ref.filter->values, (std::vector<std::string>{"school", "kindergarten"}));
    EXPECT_FALSE(parseLayerRef("districts", "--inside").filter);
    EXPECT_EQ(parseGroupBy("grid:250").cellSize, 250.0);
    EXPECT_EQ(parseGroupBy("districts").kind, GroupKind::Zones);
    EXPECT_EQ(parseGroupBy("hour-weekday").kind, GroupKind::HourWeekday);
}

TEST(QueryJson, RoundTripKeepsEveryPart) {
    Query q;
    q.layer = "incidents";
    q.where.push_back(parseAttributeFilter("category=gewalt,drogen"));
    q.from = parseFromTime("2024-01-01");
    q.to = parseToTime("2024-12-31");
    q.hours = parseHours("20-4");
    q.weekdays = parseWeekdays("fr,sa");
    q.inside = parseLayerRef("districts:name=Altstadt", "--inside");
    q.within = WithinDistance{150, parseLayerRef("pois:amenity=school", "--of")};
    q.bbox = core::parseBBox("1,2,3,4");
    q.countBy = parseGroupBy("grid:100");
    const nlohmann::json j = toJson(q);
    EXPECT_EQ(j.at("weekdays"), nlohmann::json({"fr", "sa"}));
    EXPECT_EQ(j.at("from"), "2024-01-01T00:00:00+01:00");
    EXPECT_EQ(queryFromJson(nlohmann::json::parse(j.dump())), q);
    EXPECT_EQ(queryFromJson(toJson(Query{})), Query{});
}

TEST(QueryJson, BadJsonNamesTheKey) {
    try {
        queryFromJson(nlohmann::json::parse(R"({"layer": "incidents", "from": "gestern"})"));
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("\"from\""), std::string::npos) << e.what();
    }
    EXPECT_THROW(queryFromJson(nlohmann::json::parse(R"({"where": []})")), core::InputError);
}

TEST(QueryParse, WrongTypesInQueryJsonAreInputErrors) {
    for (const char* text :
         {R"({"layer": "incidents", "weekdays": [1, 2]})", R"({"layer": "incidents", "weekdays": 3})",
          R"({"layer": "incidents", "within": {"metres": 5, "of": 7}})", R"({"layer": "incidents", "within": 5})",
          R"({"layer": "incidents", "where": 4})"}) {
        EXPECT_THROW(engine::queryFromJson(nlohmann::json::parse(text)), core::InputError) << text;
    }
}
