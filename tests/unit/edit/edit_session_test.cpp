#include <gtest/gtest.h>

#include "core/error.hpp"
#include "edit/detail/edit_context.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/form_spec.hpp"
#include "geo/wkb.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"

using namespace lb;
using core::LayerId;

namespace {

constexpr double kX = 316000, kY = 5690000;

edit::AttributeValues incident(const std::string& category = "gewalt") {
    return {{"time", std::string("14.03.2025 22:15")}, {"category", category}};
}

class EditSessionTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<store::ProjectStore> project = store::ProjectStore::create(dir / "p.sqlite", "EPSG:25833");
    edit::EditSession session{*project, "Test Planerin"};
};

}  // namespace

TEST_F(EditSessionTest, AddPointIsCommittedAndAudited) {
    const auto& command = session.apply(edit::addFeature(LayerId::Incidents, geo::pointWkb(kX, kY), incident()));
    EXPECT_EQ(command.kind(), edit::EditKind::AddPoint);
    EXPECT_EQ(edit::editKindId(command.kind()), "add_point");
    // Another connection sees the committed feature at once.
    auto reader = store::ProjectStore::open(dir / "p.sqlite", store::ProjectStore::Access::ReadOnly);
    EXPECT_EQ(reader->count(LayerId::Incidents), 1);
    EXPECT_EQ(test::sqlText(reader->db(), "SELECT time FROM incidents"), "2025-03-14T22:15:00+01:00");
    EXPECT_EQ(test::sqlText(reader->db(), "SELECT author FROM incidents"), "Test Planerin");
    EXPECT_EQ(test::sqlText(reader->db(),
                            "SELECT action || ' ' || author || ' ' || feature_uuid FROM audit_log WHERE layer = "
                            "'incidents'"),
              "add_point Test Planerin " + command.featureUuid());
    EXPECT_NE(test::sqlText(reader->db(), "SELECT new_values FROM audit_log WHERE layer = 'incidents'")
                  .find("\"category\":\"gewalt\""),
              std::string::npos);
    // The spatial index knows the point.
    EXPECT_EQ(test::sqlInt(reader->db(),
                           "SELECT count(*) FROM idx_incidents_geometry WHERE xmin <= 316000 AND xmax >= 316000"),
              1);
}

TEST_F(EditSessionTest, UndoRedoSequenceRestoresEveryState) {
    const std::string uuid =
        session
            .apply(edit::addFeature(LayerId::Routes,
                                    geo::lineStringWkb({{kX, kY}, {kX + 100, kY}, {kX + 100, kY + 50}}),
                                    {{"name", std::string("Innenstadt")}}))
            .featureUuid();
    session.apply(edit::moveVertex(LayerId::Routes, uuid, {0, 0, 1}, kX + 90, kY + 10));
    session.apply(edit::insertVertex(LayerId::Routes, uuid, {0, 0, 3}, kX + 150, kY + 80));
    session.apply(edit::updateAttributes(LayerId::Routes, uuid, {{"team", std::string("Team Nord")}}));
    auto coords = [&] { return geo::wkbCoordinates(session.feature(LayerId::Routes, uuid)->geometry); };
    ASSERT_EQ(coords().size(), 4u);
    EXPECT_EQ(coords()[1], geo::Coord(kX + 90, kY + 10));

    ASSERT_TRUE(session.canUndo());
    EXPECT_EQ(session.nextUndo()->kind(), edit::EditKind::UpdateAttributes);
    session.undo();
    EXPECT_TRUE(core::isNull(session.feature(LayerId::Routes, uuid)->values.at("team")));
    session.undo();
    EXPECT_EQ(coords().size(), 3u);
    session.undo();
    EXPECT_EQ(coords()[1], geo::Coord(kX + 100, kY));
    session.undo();
    EXPECT_FALSE(session.feature(LayerId::Routes, uuid));
    EXPECT_EQ(project->count(LayerId::Routes), 0);
    EXPECT_FALSE(session.canUndo());

    session.redo();
    session.redo();
    EXPECT_EQ(coords()[1], geo::Coord(kX + 90, kY + 10));
    EXPECT_EQ(session.nextRedo()->kind(), edit::EditKind::InsertVertex);
    // A new edit drops the redo stack.
    session.apply(edit::moveFeature(LayerId::Routes, uuid, 10, 0));
    EXPECT_FALSE(session.canRedo());
    EXPECT_EQ(coords()[0], geo::Coord(kX + 10, kY));
    // Undo and redo are audited edits themselves.
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM audit_log WHERE action LIKE 'undo:%'"), 4);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM audit_log WHERE action LIKE 'redo:%'"), 2);
    EXPECT_EQ(session.revision(), 11u);
}

TEST_F(EditSessionTest, DeleteAndUndoRestoresTheFeatureWithItsIdentity) {
    const std::string uuid =
        session.apply(edit::addFeature(LayerId::Incidents, geo::pointWkb(kX, kY), incident())).featureUuid();
    const auto before = session.feature(LayerId::Incidents, uuid);
    session.apply(edit::deleteFeature(LayerId::Incidents, uuid));
    EXPECT_EQ(project->count(LayerId::Incidents), 0);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM idx_incidents_geometry"), 0);
    session.undo();
    const auto after = session.feature(LayerId::Incidents, uuid);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->created, before->created);
    EXPECT_EQ(after->author, before->author);
    EXPECT_EQ(after->values, before->values);
    EXPECT_EQ(after->geometry, before->geometry);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM idx_incidents_geometry"), 1);
}

TEST_F(EditSessionTest, UndoRefusesWhenSomeoneElseChangedTheFeature) {
    const std::string uuid =
        session.apply(edit::addFeature(LayerId::Incidents, geo::pointWkb(kX, kY), incident())).featureUuid();
    {
        edit::EditSession other(*project, "Kollege");
        other.apply(edit::updateAttributes(LayerId::Incidents, uuid, {{"source", std::string("Polizei")}}));
    }
    EXPECT_THROW(session.undo(), core::InputError);
    EXPECT_EQ(project->count(LayerId::Incidents), 1);
    EXPECT_TRUE(session.canUndo());
}

TEST_F(EditSessionTest, InvalidValuesAreRefusedAndNothingIsSaved) {
    const auto before = test::fileDigest(dir / "p.sqlite");
    const auto audits = test::sqlInt(project->db(), "SELECT count(*) FROM audit_log");
    try {
        session.apply(edit::addFeature(LayerId::Incidents, geo::pointWkb(kX, kY),
                                       {{"time", std::string("31.02.2025")},
                                        {"category", std::string("Falschparken")},
                                        {"weight", std::string("viel")}}));
        FAIL() << "expected a ValidationError";
    } catch (const edit::ValidationError& e) {
        ASSERT_EQ(e.problems().size(), 3u);
        EXPECT_NE(std::string(e.what()).find("field 'time'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("field 'category'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("field 'weight'"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(session.canUndo());
    EXPECT_EQ(project->count(LayerId::Incidents), 0);
    EXPECT_EQ(test::sqlInt(project->db(), "SELECT count(*) FROM audit_log"), audits);
    EXPECT_EQ(test::fileDigest(dir / "p.sqlite"), before);
}

TEST_F(EditSessionTest, SelfIntersectingAndWrongGeometryIsRefused) {
    // A bow-tie polygon.
    const auto bowTie = geo::polygonWkb({{{kX, kY}, {kX + 10, kY + 10}, {kX + 10, kY}, {kX, kY + 10}}});
    try {
        session.apply(edit::addFeature(LayerId::Districts, bowTie, {{"name", std::string("Mitte")}}));
        FAIL();
    } catch (const edit::ValidationError& e) {
        EXPECT_EQ(e.problems().at(0).field, "geometry");
        EXPECT_NE(std::string(e.what()).find("Self-intersection"), std::string::npos) << e.what();
    }
    // A measure line crossing itself, a line for a point layer, a one-point line.
    EXPECT_THROW(
        session.apply(edit::addFeature(
            LayerId::Measures, geo::lineStringWkb({{kX, kY}, {kX + 10, kY + 10}, {kX + 10, kY}, {kX, kY + 10}}),
            {{"name", std::string("Weg")}, {"type", std::string("Wegeführung")}, {"status", std::string("geplant")}})),
        edit::ValidationError);
    EXPECT_THROW(
        session.apply(edit::addFeature(LayerId::Incidents, geo::lineStringWkb({{kX, kY}, {kX + 1, kY}}), incident())),
        edit::ValidationError);
    EXPECT_THROW(
        session.apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}}), {{"name", std::string("R")}})),
        edit::ValidationError);
    EXPECT_THROW(session.apply(edit::addFeature(LayerId::Incidents, {}, incident())), edit::ValidationError);
    // Truncated WKB.
    auto broken = geo::pointWkb(kX, kY);
    broken.resize(10);
    EXPECT_THROW(session.apply(edit::addFeature(LayerId::Incidents, broken, incident())), edit::ValidationError);
    EXPECT_EQ(project->count(LayerId::Districts) + project->count(LayerId::Measures) +
                  project->count(LayerId::Incidents) + project->count(LayerId::Routes),
              0);
    // A vertex move that makes a valid polygon self-intersecting is refused too, and the polygon stays.
    const std::string uuid =
        session
            .apply(edit::addFeature(LayerId::Districts,
                                    geo::polygonWkb({{{kX, kY}, {kX + 10, kY}, {kX + 10, kY + 10}, {kX, kY + 10}}}),
                                    {{"name", std::string("Mitte")}}))
            .featureUuid();
    EXPECT_THROW(session.apply(edit::moveVertex(LayerId::Districts, uuid, {0, 0, 1}, kX - 5, kY + 5)),
                 edit::ValidationError);
    EXPECT_EQ(geo::wkbCoordinates(session.feature(LayerId::Districts, uuid)->geometry)[1], geo::Coord(kX + 10, kY));
    EXPECT_THROW(session.apply(edit::deleteVertex(LayerId::Districts, uuid, {0, 0, 7})), core::InputError);
}

TEST_F(EditSessionTest, BaseMapLayersAreNotEditable) {
    EXPECT_THROW(edit::addFeature(LayerId::Roads, geo::lineStringWkb({{kX, kY}, {kX + 1, kY}}), {}), core::UsageError);
    EXPECT_THROW(edit::formFor(LayerId::Buildings), core::UsageError);
}

TEST_F(EditSessionTest, VisitsNeedAnExistingRouteAndGetTheirDuration) {
    EXPECT_THROW(session.apply(edit::addFeature(LayerId::Visits, {},
                                                {{"time", std::string("2025-03-14 18:00")},
                                                 {"route_uuid", std::string("3f1c0000-0000-4000-8000-000000000000")}})),
                 edit::ValidationError);
    const std::string route =
        session
            .apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX + 100, kY}}),
                                    {{"name", std::string("Park")}}))
            .featureUuid();
    const std::string visit = session
                                  .apply(edit::addFeature(LayerId::Visits, {},
                                                          {{"time", std::string("2025-03-14 18:00")},
                                                           {"end_time", std::string("2025-03-14 20:30")},
                                                           {"route_uuid", route},
                                                           {"staff", std::int64_t{2}},
                                                           {"contacts", std::string("7")}}))
                                  .featureUuid();
    const auto record = session.feature(LayerId::Visits, visit);
    EXPECT_DOUBLE_EQ(std::get<double>(record->values.at("duration_min")), 150.0);
    EXPECT_EQ(std::get<std::int64_t>(record->values.at("contacts")), 7);
    // Deleting the route unlinks the visit; undo links it again.
    session.apply(edit::deleteFeature(LayerId::Routes, route));
    EXPECT_TRUE(core::isNull(session.feature(LayerId::Visits, visit)->values.at("route_uuid")));
    session.undo();
    EXPECT_EQ(core::toString(session.feature(LayerId::Visits, visit)->values.at("route_uuid")), route);
}

TEST(EditTimestamps, EveryWriteMovesModifiedForward) {
    using edit::detail::laterModified;
    EXPECT_EQ(laterModified("2026-03-01T10:00:00.500Z", "2026-03-01T10:00:00.499Z"), "2026-03-01T10:00:00.500Z");
    EXPECT_EQ(laterModified("2026-03-01T10:00:00.500Z", ""), "2026-03-01T10:00:00.500Z");
    // Two writes within one millisecond, or a clock behind the last writer's: one millisecond later.
    EXPECT_EQ(laterModified("2026-03-01T10:00:00.500Z", "2026-03-01T10:00:00.500Z"), "2026-03-01T10:00:00.501Z");
    EXPECT_EQ(laterModified("2026-03-01T10:00:00.500Z", "2026-03-01T10:00:59.999Z"), "2026-03-01T10:01:00.000Z");
    EXPECT_EQ(laterModified("2026-03-01T10:00:00.500Z", "2026-12-31T23:59:59.999Z"), "2027-01-01T00:00:00.000Z");
}

TEST_F(EditSessionTest, ARouteMayLoopRoundABlockButAnAreaMayNotCrossItself) {
    // A streetwork route that goes round a block and crosses its own start: a real walk, accepted.
    const auto loop =
        geo::lineStringWkb({{kX, kY}, {kX + 100, kY}, {kX + 100, kY + 100}, {kX + 50, kY + 100}, {kX + 50, kY - 50}});
    const std::string route =
        session.apply(edit::addFeature(LayerId::Routes, loop, {{"name", std::string("Runde")}})).featureUuid();
    EXPECT_EQ(project->count(LayerId::Routes), 1);
    EXPECT_EQ(geo::wkbCoordinates(session.feature(LayerId::Routes, route)->geometry).size(), 5u);
    // The same outline as an area (a measure's polygon) crosses itself: refused.
    const auto crossedArea =
        geo::polygonWkb({{{kX, kY}, {kX + 100, kY}, {kX + 100, kY + 100}, {kX + 50, kY + 100}, {kX + 50, kY - 50}}});
    EXPECT_THROW(session.apply(edit::addFeature(LayerId::Districts, crossedArea, {{"name", std::string("Block")}})),
                 edit::ValidationError);
    EXPECT_EQ(project->count(LayerId::Districts), 0);
}

TEST_F(EditSessionTest, AZeroAreaPolygonIsRefused) {
    // Three collinear corners: a valid-looking ring with no area.
    const auto flat = geo::polygonWkb({{{kX, kY}, {kX + 10, kY}, {kX + 20, kY}}});
    try {
        session.apply(edit::addFeature(LayerId::Districts, flat, {{"name", std::string("Strich")}}));
        FAIL() << "a collinear polygon was stored";
    } catch (const edit::ValidationError& e) {
        EXPECT_EQ(e.problems().at(0).field, "geometry");
    }
    EXPECT_EQ(project->count(LayerId::Districts), 0);
}

TEST_F(EditSessionTest, DeletingAVertexBelowTheMinimumNamesTheMinimum) {
    const std::string triangle =
        session
            .apply(edit::addFeature(LayerId::Districts, geo::polygonWkb({{{kX, kY}, {kX + 10, kY}, {kX, kY + 10}}}),
                                    {{"name", std::string("Dreieck")}}))
            .featureUuid();
    const std::string line = session
                                 .apply(edit::addFeature(LayerId::Routes, geo::lineStringWkb({{kX, kY}, {kX + 10, kY}}),
                                                         {{"name", std::string("Kurz")}}))
                                 .featureUuid();
    auto messageOf = [&](LayerId layer, const std::string& uuid) -> std::string {
        try {
            session.apply(edit::deleteVertex(layer, uuid, {0, 0, 0}));
        } catch (const edit::ValidationError& e) {
            return std::string("generic validation error: ") + e.what();
        } catch (const core::InputError& e) {
            return e.what();
        }
        return "accepted";
    };
    EXPECT_EQ(messageOf(LayerId::Districts, triangle),
              "a polygon ring needs at least 3 vertices; delete the feature instead");
    EXPECT_EQ(messageOf(LayerId::Routes, line), "a line needs at least 2 vertices; delete the feature instead");
    EXPECT_EQ(geo::wkbCoordinates(session.feature(LayerId::Districts, triangle)->geometry).size(), 4u);  // closed ring
    EXPECT_EQ(geo::wkbCoordinates(session.feature(LayerId::Routes, line)->geometry).size(), 2u);
    // One above the minimum may go.
    const std::string square =
        session
            .apply(edit::addFeature(LayerId::Districts,
                                    geo::polygonWkb({{{kX, kY}, {kX + 10, kY}, {kX + 10, kY + 10}, {kX, kY + 10}}}),
                                    {{"name", std::string("Quadrat")}}))
            .featureUuid();
    EXPECT_EQ(messageOf(LayerId::Districts, square), "accepted");
}
