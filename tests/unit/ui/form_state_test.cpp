// The attribute form's state on real stored features: a stored, valid feature opens in a form that its own
// validation accepts (issue #18: a demo graffiti site opened with "Status ist ein Pflichtfeld" and Speichern
// disabled, because the form checked its values without the read-only status).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/layer.hpp"
#include "edit/edit_session.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/edit/form_state.hpp"

namespace lb::ui {
namespace {

std::vector<std::string> uuidsOf(const std::filesystem::path& project, core::LayerId layer) {
    store::Db db(project.string(), store::Db::Mode::ReadOnly);
    store::Statement s(db, "SELECT uuid FROM " + std::string(core::layerInfo(layer).name) + " ORDER BY rowid");
    std::vector<std::string> uuids;
    while (s.step()) uuids.push_back(s.columnText(0));
    return uuids;
}

std::string describe(const std::vector<edit::FieldProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += p.field + ": " + p.message + "; ";
    return text;
}

TEST(FormState, EveryDemoFeatureOfEveryLayerOpensValid) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    const auto demo = test::runLagebild({"demo", project.string(), "--incidents", "300"});
    ASSERT_EQ(demo.exitCode, 0) << demo.err;
    EditController controller;
    ASSERT_FALSE(controller.open(project, "Test"));
    int layers = 0;
    for (const auto& info : core::kLayers) {
        if (info.kind != core::LayerKind::Thematic) continue;
        const auto uuids = uuidsOf(project, info.id);
        if (uuids.empty()) continue;
        ++layers;
        int invalid = 0;
        for (const auto& uuid : uuids) {
            const auto record = controller.session()->feature(info.id, uuid);
            ASSERT_TRUE(record) << info.name << " " << uuid;
            const FormState form = FormState::forFeature(*record);
            const auto problems = form.problems();
            if (!problems.empty() && ++invalid <= 3) {
                ADD_FAILURE() << info.name << " " << uuid << " opens invalid: " << describe(problems);
            }
            // Unchanged, the form would write exactly what is stored: a command exists and is not refused.
            EXPECT_TRUE(form.command() != nullptr || !problems.empty()) << info.name << " " << uuid;
        }
        EXPECT_EQ(invalid, 0) << info.name << ": " << invalid << " of " << uuids.size() << " features";
    }
    EXPECT_GE(layers, 6);  // incidents, graffiti, routes, visits, measures, observations, districts
}

// Saving an unchanged stored graffiti site goes through the session (which merges the stored status).
TEST(FormState, StoredGraffitiSiteSavesUnchanged) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "200"}).exitCode, 0);
    EditController controller;
    ASSERT_FALSE(controller.open(project, "Test"));
    const auto uuids = uuidsOf(project, core::LayerId::Graffiti);
    ASSERT_FALSE(uuids.empty());
    const auto record = controller.session()->feature(core::LayerId::Graffiti, uuids.front());
    ASSERT_TRUE(record);
    FormState form = FormState::forFeature(*record);
    EXPECT_TRUE(form.problemOf("status", true).empty()) << form.problemOf("status", true);
    form.text("name") += " (geprüft)";
    form.markDirty();
    auto command = form.command();
    ASSERT_TRUE(command) << describe(form.problems());
    const auto outcome = controller.apply(std::move(command));
    EXPECT_TRUE(outcome.ok) << outcome.error;
}

// Dates and times show in German and, left as shown, are written back exactly as stored (seconds, offset).
TEST(FormState, GermanDatesShowLocallyAndRoundTripExactly) {
    edit::FeatureRecord record;
    record.layer = core::LayerId::Incidents;
    record.uuid = "u-1";
    record.values["time"] = std::string("2025-09-29T07:05:37Z");
    record.values["category"] = std::string("graffiti");
    FormState german = FormState::forFeature(record, Language::German);
    EXPECT_EQ(german.text("time"), "29.09.2025 09:05");  // Berlin summer time
    EXPECT_EQ(core::toString(german.values().at("time")), "2025-09-29T07:05:37Z");
    FormState changed = FormState::forFeature(record, Language::German);
    changed.text("time") = "30.09.2025 10:00";
    EXPECT_EQ(core::toString(changed.values().at("time")), "30.09.2025 10:00");
    const auto normalized = edit::normalized(core::LayerId::Incidents, changed.values());
    EXPECT_EQ(core::toString(normalized.at("time")), "2025-09-30T10:00:00+02:00");
    // Decimals show with a comma and round-trip too.
    edit::FeatureRecord site;
    site.layer = core::LayerId::Graffiti;
    site.uuid = "g-1";
    site.values["area_m2"] = 15.7;
    FormState graffiti = FormState::forFeature(site, Language::German);
    EXPECT_EQ(graffiti.text("area_m2"), "15,7");
    EXPECT_EQ(core::toString(graffiti.values().at("area_m2")), core::toString(core::Value{15.7}));
    FormState english = FormState::forFeature(record, Language::English);
    EXPECT_EQ(english.text("time"), "2025-09-29T07:05:37Z");
}

}  // namespace
}  // namespace lb::ui
