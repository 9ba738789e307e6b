#include <gtest/gtest.h>

#include "core/time.hpp"
#include "engine/query_parse.hpp"
#include "ui/analysis/query_form.hpp"

namespace lb::ui {
namespace {

TEST(QueryForm, EmptyFormIsEveryIncident) {
    const FormResult built = buildQuery(QueryForm{});
    ASSERT_TRUE(built.query) << static_cast<int>(built.error->field);
    EXPECT_EQ(*built.query, engine::Query{});
}

// The example: violence at night within 150 m of schools, in the first half of 2025, by district —
// the same struct as `lagebild query --where category=gewalt --from 2025-01-01 --to 2025-06-30 --hours 20-4
// --within 150 --of pois:amenity=school --count-by districts`.
TEST(QueryForm, BuildsTheSameQueryAsTheCommandLine) {
    QueryForm form;
    form.categories[2] = true;  // gewalt
    form.from = "01.01.2025";
    form.to = "30.06.2025";
    form.hoursOn = true;
    form.hourFrom = 20;
    form.hourTo = 4;
    form.weekdays[5] = form.weekdays[6] = true;
    form.withinOn = true;
    form.withinMetres = 150;
    form.withinOf = "pois:amenity=school";
    form.insideOn = true;
    form.inside = "districts:name=Altstadt,Nordvorstadt";
    form.countBy = "districts";
    const FormResult built = buildQuery(form);
    ASSERT_TRUE(built.query);

    engine::Query cli;
    cli.where = {engine::parseAttributeFilter("category=gewalt")};
    cli.from = engine::parseFromTime("2025-01-01");
    cli.to = engine::parseToTime("2025-06-30");
    cli.hours = engine::parseHours("20-4");
    cli.weekdays = engine::parseWeekdays("sa,so");
    cli.within = engine::WithinDistance{150, engine::parseLayerRef("pois:amenity=school", "--of")};
    cli.inside = engine::parseLayerRef("districts:name=Altstadt,Nordvorstadt", "--inside");
    cli.countBy = engine::parseGroupBy("districts");
    EXPECT_EQ(*built.query, cli);
    // `to` includes the whole 30 June (local midnight of 1 July, CEST).
    EXPECT_EQ(core::formatBerlin(*built.query->to), "2025-07-01T00:00:00+02:00");
}

TEST(QueryForm, RejectsBadDatesWithTheField) {
    QueryForm form;
    form.from = "31.02.2025";
    auto built = buildQuery(form);
    EXPECT_FALSE(built.query);
    ASSERT_TRUE(built.error);
    EXPECT_EQ(built.error->field, FormField::From);
    EXPECT_EQ(built.error->message, Str::QueryBadDate);

    form.from = "2025-01-01";  // ISO is not the form's format
    EXPECT_EQ(buildQuery(form).error->field, FormField::From);
    form.from = "1.3.2025";  // one-digit day and month are fine
    form.to = "28.02.2025";
    built = buildQuery(form);
    ASSERT_TRUE(built.error);
    EXPECT_EQ(built.error->field, FormField::To);
    EXPECT_EQ(built.error->message, Str::QueryBadRange);
    form.to = "29.02.2024";
    EXPECT_EQ(buildQuery(form).error->field, FormField::To);  // a leap day, but before `from`
    form.from.clear();
    EXPECT_TRUE(buildQuery(form).query);
    form.to = "29.02.2025";  // not a leap year
    EXPECT_EQ(buildQuery(form).error->message, Str::QueryBadDate);
}

TEST(QueryForm, HoursWrapAndWholeDay) {
    QueryForm form;
    form.hoursOn = true;
    form.hourFrom = 22;
    form.hourTo = 24;
    auto built = buildQuery(form);
    ASSERT_TRUE(built.query);
    EXPECT_TRUE(built.query->hours->contains(23));
    EXPECT_FALSE(built.query->hours->contains(0));
    form.hourTo = 22;
    EXPECT_EQ(buildQuery(form).error->field, FormField::Hours);
}

TEST(QueryForm, RejectsBadLayerReferencesAndDistances) {
    QueryForm form;
    form.insideOn = true;
    form.inside = "districts:name";  // no '='
    EXPECT_EQ(buildQuery(form).error->field, FormField::Inside);
    form.insideOn = false;  // switched off: the text does not matter
    form.withinOn = true;
    form.withinMetres = 0;
    EXPECT_EQ(buildQuery(form).error->message, Str::QueryBadDistance);
    form.withinMetres = 100;
    form.withinOf = ":amenity=school";
    EXPECT_EQ(buildQuery(form).error->field, FormField::Within);
}

TEST(QueryForm, RoundTripsThroughTheQuery) {
    QueryForm form;
    form.categories[0] = form.categories[4] = true;
    form.from = "01.10.2024";
    form.to = "31.03.2025";
    form.hoursOn = true;
    form.hourFrom = 18;
    form.hourTo = 24;
    form.weekdays[0] = true;
    form.withinOn = true;
    form.withinMetres = 250;
    form.withinOf = "pois:amenity=school,kindergarten";
    form.countBy = "grid:250";
    const auto built = buildQuery(form);
    ASSERT_TRUE(built.query);
    EXPECT_EQ(formFromQuery(*built.query), form);
    for (auto choice : kCountByChoices) {
        QueryForm grouped;
        grouped.countBy = std::string(choice);
        const auto query = buildQuery(grouped).query;
        ASSERT_TRUE(query) << choice;
        EXPECT_EQ(formFromQuery(*query).countBy, choice);
    }
}

}  // namespace
}  // namespace lb::ui

namespace lb::ui {
namespace {

// Issue #18: "bis 31.03.2026" typed character by character. Every prefix is incomplete (no query, no stale
// count), the full date is valid and runs; impossible or malformed dates are wrong, not incomplete.
TEST(QueryForm, DateTypedCharacterByCharacter) {
    const std::string date = "31.03.2026";
    for (std::size_t n = 1; n < date.size(); ++n) {
        EXPECT_EQ(dateInput(date.substr(0, n)), DateInput::Incomplete) << date.substr(0, n);
        QueryForm form;
        form.to = date.substr(0, n);
        EXPECT_FALSE(datesComplete(form)) << form.to;
        const FormResult built = buildQuery(form);
        EXPECT_FALSE(built.query) << form.to;
        ASSERT_TRUE(built.error) << form.to;
        EXPECT_EQ(built.error->field, FormField::To);
        EXPECT_EQ(built.error->message, Str::QueryDateIncomplete) << form.to;
    }
    EXPECT_EQ(dateInput(date), DateInput::Valid);
    QueryForm form;
    form.to = date;
    EXPECT_TRUE(datesComplete(form));
    const FormResult built = buildQuery(form);
    ASSERT_TRUE(built.query);
    EXPECT_EQ(built.query->to, engine::parseToTime("2026-03-31"));

    EXPECT_EQ(dateInput(""), DateInput::Empty);
    EXPECT_EQ(dateInput("  "), DateInput::Empty);
    EXPECT_EQ(dateInput("1.3."), DateInput::Incomplete);
    EXPECT_EQ(dateInput("31.02.2025"), DateInput::Invalid);
    EXPECT_EQ(dateInput("31.03.20261"), DateInput::Invalid);
    EXPECT_EQ(dateInput("311"), DateInput::Invalid);
    EXPECT_EQ(dateInput("3a"), DateInput::Invalid);
    EXPECT_EQ(dateInput("..2025"), DateInput::Invalid);
    form.to = "31.02.2025";
    EXPECT_EQ(buildQuery(form).error->message, Str::QueryBadDate);
}

}  // namespace
}  // namespace lb::ui
