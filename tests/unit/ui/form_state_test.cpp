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
#include "ui/edit_controller.hpp"
#include "ui/form_state.hpp"

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

}  // namespace
}  // namespace lb::ui
