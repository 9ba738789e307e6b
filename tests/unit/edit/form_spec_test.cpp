#include <gtest/gtest.h>

#include "core/error.hpp"
#include "edit/form_spec.hpp"

using namespace lb;
using core::LayerId;

namespace {

bool hasProblem(const std::vector<edit::FieldProblem>& problems, const std::string& field) {
    for (const auto& p : problems) {
        if (p.field == field) return !p.message.empty() && !p.messageDe.empty();
    }
    return false;
}

}  // namespace

TEST(FormSpec, EveryThematicLayerHasAFormWithLabelsInBothLanguages) {
    for (const auto& layer : core::kLayers) {
        if (layer.kind != core::LayerKind::Thematic) continue;
        const auto form = edit::formFor(layer.id);
        ASSERT_FALSE(form.fields.empty()) << layer.name;
        for (const auto& field : form.fields) {
            EXPECT_FALSE(field.labelDe.empty()) << layer.name << "." << field.name;
            EXPECT_FALSE(field.labelEn.empty()) << layer.name << "." << field.name;
            EXPECT_EQ(form.find(field.name), &field);
            if (field.type == edit::FieldType::Choice) {
                ASSERT_FALSE(field.choices.empty()) << field.name;
                for (const auto& choice : field.choices) EXPECT_FALSE(choice.labelEn.empty()) << choice.value;
            }
        }
    }
    const auto measures = edit::formFor(LayerId::Measures);
    ASSERT_NE(measures.find("type"), nullptr);
    EXPECT_EQ(measures.find("type")->choices.size(), 9u);
    EXPECT_EQ(measures.find("type")->choices[0].value, "Beleuchtung");
    EXPECT_EQ(measures.find("status")->choices[1].value, "in Umsetzung");
}

TEST(FormSpec, StreetworkFormsRecordPlacesTimesAndCountsNeverPersons) {
    for (const LayerId layer : {LayerId::Visits, LayerId::Routes}) {
        for (const auto& field : edit::formFor(layer).fields) {
            for (const char* personal :
                 {"person", "vorname", "nachname", "client", "klient", "description", "note", "age", "gender"}) {
                EXPECT_EQ(std::string(field.name).find(personal), std::string::npos) << field.name;
            }
        }
    }
    EXPECT_EQ(edit::formFor(LayerId::Visits).find("contacts")->type, edit::FieldType::Integer);
    EXPECT_TRUE(core::layerInfo(LayerId::Visits).sensitive);
    EXPECT_TRUE(core::layerInfo(LayerId::Routes).sensitive);
}

TEST(FormSpec, ValidValuesAreNormalised) {
    const auto out = edit::normalized(LayerId::Measures, {{"name", std::string(" Neue Lampen ")},
                                                          {"type", std::string("beleuchtung")},
                                                          {"status", std::string("In Umsetzung")},
                                                          {"budget_eur", std::string("12500,50")},
                                                          {"start_date", std::string("01.04.2025")},
                                                          {"end_date", std::string("2025-06-30")},
                                                          {"owner", std::string("")}});
    EXPECT_EQ(std::get<std::string>(out.at("name")), "Neue Lampen");
    EXPECT_EQ(std::get<std::string>(out.at("type")), "Beleuchtung");
    EXPECT_EQ(std::get<std::string>(out.at("status")), "in Umsetzung");
    EXPECT_EQ(std::get<std::string>(out.at("start_date")), "2025-04-01");
    EXPECT_TRUE(core::isNull(out.at("owner")));
    EXPECT_DOUBLE_EQ(std::get<double>(out.at("budget_eur")), 12500.5);
    // "12.500,50" is not a plain number: thousands separators are refused rather than guessed.
    EXPECT_TRUE(hasProblem(edit::validate(LayerId::Measures, {{"name", std::string("x")},
                                                              {"type", std::string("Sonstiges")},
                                                              {"status", std::string("geplant")},
                                                              {"budget_eur", std::string("12.500,50")}}),
                           "budget_eur"));
    const auto visit = edit::normalized(LayerId::Visits, {{"time", std::string("14.03.2025 18:00")},
                                                          {"end_time", std::string("14.03.2025 19:45")},
                                                          {"staff", 2.0},
                                                          {"contacts", std::string("12")}});
    EXPECT_EQ(std::get<std::int64_t>(visit.at("staff")), 2);
    EXPECT_DOUBLE_EQ(std::get<double>(visit.at("duration_min")), 105.0);
}

TEST(FormSpec, BadValuesGiveOneProblemPerField) {
    const auto problems = edit::validate(LayerId::Visits, {{"time", std::string("2025-03-14 18:00")},
                                                           {"end_time", std::string("2025-03-14 17:00")},
                                                           {"staff", std::int64_t{0}},
                                                           {"contacts", 2.5},
                                                           {"client_name", std::string("Max")},
                                                           {"uuid", std::string("x")}});
    EXPECT_TRUE(hasProblem(problems, "end_time"));
    EXPECT_TRUE(hasProblem(problems, "staff"));
    EXPECT_TRUE(hasProblem(problems, "contacts"));
    EXPECT_TRUE(hasProblem(problems, "client_name"));
    EXPECT_TRUE(hasProblem(problems, "uuid"));
    EXPECT_EQ(problems.size(), 5u);

    EXPECT_TRUE(hasProblem(edit::validate(LayerId::Incidents, {{"category", std::string("gewalt")}}), "time"));
    EXPECT_TRUE(hasProblem(
        edit::validate(LayerId::Incidents, {{"time", std::string("01.01.1850")}, {"category", std::string("gewalt")}}),
        "time"));
    // The range starts in 1990 (no digital police records before), to the day.
    EXPECT_TRUE(hasProblem(edit::validate(LayerId::Incidents, {{"time", std::string("31.12.1989 10:00")},
                                                               {"category", std::string("gewalt")}}),
                           "time"));
    EXPECT_TRUE(edit::validate(LayerId::Incidents,
                               {{"time", std::string("01.01.1990 10:00")}, {"category", std::string("gewalt")}})
                    .empty());
    EXPECT_TRUE(hasProblem(edit::validate(LayerId::Incidents, {{"time", std::string("01.01.2090 10:00")},
                                                               {"category", std::string("gewalt")}}),
                           "time"));
    EXPECT_TRUE(hasProblem(
        edit::validate(LayerId::Incidents, {{"time", std::int64_t{20250101}}, {"category", std::string("gewalt")}}),
        "time"));
    EXPECT_TRUE(hasProblem(edit::validate(LayerId::Measures, {{"name", std::string("x")},
                                                              {"type", std::string("Sonstiges")},
                                                              {"status", std::string("geplant")},
                                                              {"start_date", std::string("2025-05-01")},
                                                              {"end_date", std::string("2025-04-01")}}),
                           "end_date"));
    EXPECT_TRUE(hasProblem(edit::validate(LayerId::Observations, {{"time", std::string("2025-03-14 10:00")},
                                                                  {"category", std::string("Müll")},
                                                                  {"note", std::string(1001, 'x')}}),
                           "note"));
    EXPECT_THROW(edit::normalized(LayerId::Districts, {{"population", std::int64_t{-1}}}), edit::ValidationError);
    // A planned measure may lie in the future; an observation may not.
    EXPECT_TRUE(edit::validate(LayerId::Measures, {{"name", std::string("x")},
                                                   {"type", std::string("Sonstiges")},
                                                   {"status", std::string("geplant")},
                                                   {"start_date", std::string("2090-01-01")}})
                    .empty());
}
