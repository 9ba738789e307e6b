// The GUI's editing logic without a window: tool clicks → geometry → form → EditSession commands on a real
// project file, undo/redo through the controller, field-mode marks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edit/edit_session.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"
#include "ui/edit_controller.hpp"
#include "ui/edit_tools.hpp"
#include "ui/field_mode.hpp"
#include "ui/form_state.hpp"

namespace lb::ui {
namespace {

using core::LayerId;

constexpr double kX = 316000, kY = 5690000;

MapPointer at(double x, double y) {
    return MapPointer{0, 0, x, y};
}

class EditControllerTest : public ::testing::Test {
protected:
    void SetUp() override {
        store::ProjectStore::create(dir / "p.sqlite", "EPSG:25833");  // closed again: the controller opens it
        ASSERT_FALSE(controller.open(dir / "p.sqlite", "Planung Mitte"));
        controller.setChangedHook([this](const std::vector<LayerId>& layers) {
            changed.insert(changed.end(), layers.begin(), layers.end());
        });
        tools.setResolution(0.5);  // 10 px snap tolerance = 5 m
    }
    std::int64_t count(const std::string& table) {
        store::Db db((dir / "p.sqlite").string(), store::Db::Mode::ReadOnly);
        return test::sqlInt(db, "SELECT count(*) FROM " + table);
    }
    std::vector<geo::Coord> stored(LayerId layer, const std::string& uuid) {
        auto record = controller.session()->feature(layer, uuid);
        EXPECT_TRUE(record);
        return record ? geo::wkbCoordinates(record->geometry) : std::vector<geo::Coord>{};
    }

    test::TempDir dir;
    EditController controller;
    EditTools tools{controller};
    std::vector<LayerId> changed;
};

TEST_F(EditControllerTest, LineToolClicksBecomeARouteThroughTheFormWithUndoAndRedo) {
    tools.setTool(EditTool::Line);
    tools.setLayer(LayerId::Routes);
    EXPECT_TRUE(tools.release(at(kX, kY), false));
    EXPECT_TRUE(tools.release(at(kX + 100, kY), false));
    EXPECT_TRUE(tools.release(at(kX + 100, kY + 80), false));
    EXPECT_EQ(tools.sketch().size(), 3u);
    EXPECT_TRUE(tools.key(MapKey::Enter));
    auto pending = tools.takePending();
    ASSERT_TRUE(pending);
    EXPECT_TRUE(tools.sketch().empty());
    EXPECT_EQ(geo::wkbType(pending->geometry), geo::WkbType::LineString);

    // The route's name is required: the form refuses to make a command while it is empty.
    auto form = FormState::forNew(pending->layer, pending->geometry);
    EXPECT_FALSE(form.problemOf("name", true).empty());
    EXPECT_EQ(form.command(), nullptr);
    form.text("name") = "Runde Altstadt";
    EXPECT_TRUE(form.problems().empty());
    const auto outcome = controller.apply(form.command());
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(count("routes"), 1);
    EXPECT_EQ(stored(LayerId::Routes, outcome.featureUuid),
              (std::vector<geo::Coord>{{kX, kY}, {kX + 100, kY}, {kX + 100, kY + 80}}));
    EXPECT_EQ(changed, std::vector<LayerId>{LayerId::Routes});
    ASSERT_NE(controller.nextUndo(), nullptr);
    EXPECT_EQ(controller.nextUndo()->kind(), edit::EditKind::AddLine);
    EXPECT_EQ(std::string(text(editKindString(controller.nextUndo()->kind()), Language::German)), "Linie hinzufügen");

    EXPECT_TRUE(controller.undo().ok);
    EXPECT_EQ(count("routes"), 0);
    EXPECT_TRUE(controller.redo().ok);
    EXPECT_EQ(count("routes"), 1);
    EXPECT_EQ(controller.revision(), 3u);
    EXPECT_EQ(changed.size(), 3u);
}

TEST_F(EditControllerTest, PolygonNeedsThreeVerticesAndFinishesOnDoubleClick) {
    tools.setTool(EditTool::Polygon);
    tools.setLayer(LayerId::Districts);
    tools.release(at(kX, kY), false);
    tools.release(at(kX + 50, kY), false);
    EXPECT_FALSE(tools.finishSketch());  // two vertices are no area
    tools.release(at(kX + 50, kY + 50), false);
    EXPECT_TRUE(tools.doubleClick(at(kX + 50, kY + 50)));
    EXPECT_TRUE(tools.release(at(kX + 50, kY + 50), false));  // the double-click's second release: swallowed
    EXPECT_TRUE(tools.sketch().empty());
    auto pending = tools.takePending();
    ASSERT_TRUE(pending);
    auto form = FormState::forNew(LayerId::Districts, pending->geometry);
    form.text("name") = "Dreieck";
    const auto outcome = controller.apply(form.command());
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(count("districts"), 1);
}

TEST_F(EditControllerTest, EscapeCancelsTheSketchAndBackspaceDropsTheLastVertex) {
    tools.setTool(EditTool::Line);
    tools.release(at(kX, kY), false);
    tools.release(at(kX + 10, kY), false);
    EXPECT_TRUE(tools.key(MapKey::Backspace));
    EXPECT_EQ(tools.sketch().size(), 1u);
    EXPECT_TRUE(tools.key(MapKey::Escape));
    EXPECT_TRUE(tools.sketch().empty());
    EXPECT_FALSE(tools.takePending());
}

TEST_F(EditControllerTest, PointSnapsToANearbyVertexAndVertexDragMovesOneVertex) {
    const auto route = controller.apply(edit::addFeature(
        LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX + 100, kY}, {kX + 200, kY}}), {{"name", std::string("R")}}));
    ASSERT_TRUE(route.ok) << route.error;

    // A point 3 m from the route's middle vertex (inside 10 px × 0.5 m) lands on it.
    tools.setTool(EditTool::Point);
    tools.setLayer(LayerId::Measures);
    tools.release(at(kX + 102, kY + 2), false);
    auto pending = tools.takePending();
    ASSERT_TRUE(pending);
    EXPECT_EQ(geo::wkbCoordinates(pending->geometry), (std::vector<geo::Coord>{{kX + 100, kY}}));

    // Drag the middle vertex 30 m north.
    tools.setTool(EditTool::Vertices);
    tools.setTarget(EditTarget{LayerId::Routes, route.featureUuid});
    EXPECT_TRUE(tools.press(at(kX + 101, kY)));
    EXPECT_TRUE(tools.drag(at(kX + 100, kY + 30)));
    EXPECT_TRUE(tools.release(at(kX + 100, kY + 30), true));
    EXPECT_EQ(stored(LayerId::Routes, route.featureUuid),
              (std::vector<geo::Coord>{{kX, kY}, {kX + 100, kY + 30}, {kX + 200, kY}}));
    EXPECT_EQ(controller.nextUndo()->kind(), edit::EditKind::MoveVertex);
    // A press away from every vertex is not a vertex drag: the canvas pans instead.
    EXPECT_FALSE(tools.press(at(kX + 150, kY + 40)));
    // A right click on a vertex deletes it.
    EXPECT_TRUE(tools.rightClick(at(kX + 100, kY + 30)));
    EXPECT_EQ(stored(LayerId::Routes, route.featureUuid), (std::vector<geo::Coord>{{kX, kY}, {kX + 200, kY}}));
    controller.undo();
    EXPECT_EQ(stored(LayerId::Routes, route.featureUuid).size(), 3u);
}

TEST_F(EditControllerTest, MoveToolDragsTheWholeFeature) {
    const auto site = controller.apply(edit::addFeature(LayerId::Graffiti, geo::pointWkb(kX, kY),
                                                        {{"time", std::string("2025-03-01")},
                                                         {"status", std::string("gemeldet")}}));
    ASSERT_TRUE(site.ok) << site.error;
    tools.setTool(EditTool::Move);
    tools.setTarget(EditTarget{LayerId::Graffiti, site.featureUuid});
    EXPECT_TRUE(tools.press(at(kX + 1, kY + 1)));
    tools.drag(at(kX + 21, kY - 9));
    EXPECT_TRUE(tools.release(at(kX + 21, kY - 9), true));
    EXPECT_EQ(stored(LayerId::Graffiti, site.featureUuid), (std::vector<geo::Coord>{{kX + 20, kY - 10}}));
}

TEST_F(EditControllerTest, FormRefusesInvalidValuesAndKeepsNothingHalfValid) {
    auto form = FormState::forNew(LayerId::Measures, geo::pointWkb(kX, kY));
    form.text("name") = "Beleuchtung Parkweg";
    form.text("start_date") = "31.02.2025";  // no such day
    form.text("type") = "Beleuchtung";
    form.text("status") = "geplant";
    EXPECT_FALSE(form.problemOf("start_date", true).empty());
    EXPECT_EQ(form.problemOf("name", true), "");
    EXPECT_EQ(form.command(), nullptr);
    form.text("start_date") = "28.02.2025";
    EXPECT_TRUE(form.problems().empty()) << form.problems().front().message;
    EXPECT_EQ(count("measures"), 0);
}

TEST_F(EditControllerTest, FieldModeMarksOnceAtTheTappedPlaceAndUndoes) {
    FieldMode mode(controller);
    mode.setEnabled(true);
    EXPECT_FALSE(mode.active());  // no button chosen: the map selects as usual
    mode.arm(edit::FieldMarkKind::Muell);
    mode.note() = "Sperrmüll am Wertstoffhof";
    ASSERT_TRUE(mode.active());
    EXPECT_FALSE(mode.release(at(kX, kY), true));  // a drag pans, it does not mark
    EXPECT_TRUE(mode.release(at(kX + 5, kY + 7), false));
    ASSERT_TRUE(mode.lastSaved()) << mode.lastError();
    EXPECT_FALSE(mode.active());  // one tap, one mark
    EXPECT_TRUE(mode.note().empty());
    EXPECT_EQ(stored(LayerId::Observations, mode.lastSaved()->observationUuid),
              (std::vector<geo::Coord>{{kX + 5, kY + 7}}));
    auto record = controller.session()->feature(LayerId::Observations, mode.lastSaved()->observationUuid);
    EXPECT_EQ(core::toString(record->values.at("category")), "Müll");
    EXPECT_EQ(record->author, "Planung Mitte");
    EXPECT_EQ(changed, (std::vector<LayerId>{LayerId::Observations, LayerId::Graffiti}));
    mode.undoLast();
    EXPECT_FALSE(mode.lastSaved());
    EXPECT_EQ(count("observations"), 0);
}

TEST_F(EditControllerTest, FailuresComeBackAsOutcomesNotExceptions) {
    auto outcome = controller.apply(edit::addFeature(LayerId::Routes, geo::pointWkb(kX, kY), {{"name", std::string("x")}}));
    EXPECT_FALSE(outcome.ok);
    EXPECT_FALSE(outcome.error.empty());
    EXPECT_TRUE(changed.empty());
    controller.close();
    EXPECT_FALSE(controller.isOpen());
    EXPECT_FALSE(controller.undo().ok);
}

}  // namespace
}  // namespace lb::ui
