// The GUI's editing logic without a window: tool clicks → geometry → form → EditSession commands on a real
// project file, undo/redo through the controller, field-mode marks.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "edit/edit_command.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/field_package.hpp"
#include "edit/photos.hpp"
#include "edit/visit_calendar.hpp"
#include "geo/wkb.hpp"
#include "render/png_image.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/edit/edit_tools.hpp"
#include "ui/edit/field_mode.hpp"
#include "ui/edit/form_state.hpp"
#include "ui/edit/photo_list.hpp"

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

// Every kind is named by its own catalogue entry, "edit_kind.<id>" (Str ids are in key order, not EditKind's).
TEST(EditKindString, EveryKindHasItsOwnText) {
    for (int k = 0; k <= static_cast<int>(edit::EditKind::FieldMark); ++k) {
        const auto kind = static_cast<edit::EditKind>(k);
        const std::string key = "edit_kind." + std::string(edit::editKindId(kind));
        EXPECT_EQ(strFromKey(key), editKindString(kind)) << key;
    }
}

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
    const auto site =
        controller.apply(edit::addFeature(LayerId::Graffiti, geo::pointWkb(kX, kY),
                                          {{"time", std::string("2025-03-01")}, {"status", std::string("gemeldet")}}));
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
    auto outcome =
        controller.apply(edit::addFeature(LayerId::Routes, geo::pointWkb(kX, kY), {{"name", std::string("x")}}));
    EXPECT_FALSE(outcome.ok);
    EXPECT_FALSE(outcome.error.empty());
    EXPECT_TRUE(changed.empty());
    controller.close();
    EXPECT_FALSE(controller.isOpen());
    EXPECT_FALSE(controller.undo().ok);
}

TEST_F(EditControllerTest, PhotosAttachAndRemoveThroughTheControllerAndTheFormListsThem) {
    FieldMode mode(controller);
    mode.setEnabled(true);
    mode.arm(edit::FieldMarkKind::Muell);
    ASSERT_TRUE(mode.release(at(kX, kY), false));
    const std::string observation = mode.lastSaved()->observationUuid;
    PhotoList list;
    ASSERT_TRUE(list.sync(controller, observation));
    EXPECT_TRUE(list.entries().empty());
    EXPECT_FALSE(list.sync(controller, observation));  // nothing changed: no reload

    // A 300×200 PNG (written by Cairo), orange: stored with a 256×171 thumbnail the form shows.
    render::Image image{300, 200, {}};
    for (int i = 0; i < 300 * 200; ++i) image.rgba.insert(image.rgba.end(), {250, 140, 20, 255});
    render::writePng(dir / "ecke.png", image);
    changed.clear();
    auto outcome = controller.attachPhoto(observation, dir / "ecke.png");
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(changed, (std::vector<LayerId>{LayerId::Observations}));
    EXPECT_EQ(count("observation_photos"), 1);
    EXPECT_EQ(count("audit_log WHERE action = 'attach_photo'"), 1);
    ASSERT_TRUE(list.sync(controller, observation));
    ASSERT_EQ(list.entries().size(), 1u);
    const auto& shown = list.entries()[0];
    EXPECT_EQ(shown.mimeType, "image/png");
    EXPECT_EQ(shown.author, "Planung Mitte");
    EXPECT_EQ(shown.pixels.width, 256);
    EXPECT_EQ(shown.pixels.height, 171);
    ASSERT_FALSE(shown.pixels.rgba.empty());
    EXPECT_EQ((std::vector<std::uint8_t>(shown.pixels.rgba.begin(), shown.pixels.rgba.begin() + 4)),
              (std::vector<std::uint8_t>{250, 140, 20, 255}));

    // Not a photo: refused with the rule in the message, nothing stored.
    std::ofstream(dir / "notiz.jpg") << "keine Bilddaten";
    outcome = controller.attachPhoto(observation, dir / "notiz.jpg");
    EXPECT_FALSE(outcome.ok);
    EXPECT_NE(outcome.error.find("JPEG oder PNG"), std::string::npos) << outcome.error;
    EXPECT_EQ(count("observation_photos"), 1);

    // Remove, then undo the removal.
    outcome = controller.removePhoto(observation, shown.id);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(count("observation_photos"), 0);
    ASSERT_TRUE(list.sync(controller, observation));
    EXPECT_TRUE(list.entries().empty());
    ASSERT_TRUE(controller.undo().ok);
    EXPECT_EQ(count("observation_photos"), 1);
    list.sync(controller, observation);
    EXPECT_EQ(list.entries().size(), 1u);
}

TEST_F(EditControllerTest, VisitRouteChoicesAreTheRoutesByName) {
    for (const char* name : {"Südpark", "Altstadt"}) {
        ASSERT_TRUE(controller
                        .apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX + 50, kY}}),
                                                {{"name", std::string(name)}}))
                        .ok);
    }
    const auto routes = edit::routeNames(*controller.store());
    ASSERT_EQ(routes.size(), 2u);
    EXPECT_EQ(routes[0].name, "Altstadt");
    EXPECT_EQ(routes[1].name, "Südpark");
    EXPECT_EQ(core::toString(controller.session()->feature(LayerId::Routes, routes[0].uuid)->values.at("name")),
              "Altstadt");
}

// Projekt → Feldpaket erstellen / zurückführen: the package is written, edited on the "laptop" (a second
// controller on the package file), and merged back; a feature changed on both sides is a conflict, the
// project keeps its version, the map reloads every thematic layer and the undo history starts again.
TEST_F(EditControllerTest, FieldPackageIsMadeAndMergedBackWithItsConflictsReported) {
    const auto first = controller.markField(edit::FieldMarkKind::Treffpunkt, kX, kY, "Bank am Teich", std::nullopt);
    const auto second = controller.markField(edit::FieldMarkKind::Muell, kX + 50, kY, "Sperrmüll", std::nullopt);
    ASSERT_TRUE(first.ok && second.ok) << first.error << second.error;
    edit::FieldExportReport exported;
    const auto package = dir / "feldpaket.sqlite";
    const auto made = controller.exportFieldPackage(package, &exported);
    ASSERT_TRUE(made.ok) << made.error;
    EXPECT_TRUE(edit::isFieldPackage(package));
    EXPECT_FALSE(controller.exportFieldPackage(package, nullptr).ok) << "an existing file is not overwritten";

    {  // On the laptop: a new mark, and the first one's note changed.
        EditController laptop;
        ASSERT_FALSE(laptop.open(package, "Streetwork Nord"));
        ASSERT_TRUE(laptop.markField(edit::FieldMarkKind::Angstraum, kX + 90, kY, "dunkel", std::nullopt).ok);
        ASSERT_TRUE(laptop
                        .apply(edit::updateAttributes(LayerId::Observations, first.featureUuid,
                                                      {{"note", core::Value{std::string("Bank, abends Gruppe")}}}))
                        .ok);
    }
    // Meanwhile in the office: the first mark's note changed too.
    ASSERT_TRUE(controller
                    .apply(edit::updateAttributes(LayerId::Observations, first.featureUuid,
                                                  {{"note", core::Value{std::string("Bank, repariert")}}}))
                    .ok);
    ASSERT_TRUE(controller.canUndo());
    changed.clear();
    const auto revision = controller.revision();
    edit::FieldMergeReport merged;
    const auto outcome = controller.mergeFieldPackage(package, &merged);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(merged.added, 1);
    ASSERT_EQ(merged.conflicts.size(), 1u);
    EXPECT_EQ(merged.conflicts[0].uuid, first.featureUuid);
    EXPECT_EQ(count("observations"), 3);
    {
        store::Db db((dir / "p.sqlite").string(), store::Db::Mode::ReadOnly);
        EXPECT_EQ(test::sqlText(db, "SELECT note FROM observations WHERE uuid = '" + first.featureUuid + "'"),
                  "Bank, repariert");  // the project keeps its version
    }
    EXPECT_GT(controller.revision(), revision);
    EXPECT_NE(std::find(changed.begin(), changed.end(), LayerId::Observations), changed.end());
    EXPECT_FALSE(controller.canUndo());
    // A file that is no package of this project is refused and changes nothing.
    store::ProjectStore::create(dir / "fremd.sqlite", "EPSG:25833");
    EXPECT_FALSE(controller.mergeFieldPackage(dir / "fremd.sqlite", nullptr).ok);
    EXPECT_EQ(count("observations"), 3);
}

}  // namespace
}  // namespace lb::ui
