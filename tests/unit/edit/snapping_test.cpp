#include <gtest/gtest.h>

#include "core/error.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/road_graph.hpp"
#include "edit/snapping.hpp"
#include "geo/wkb.hpp"
#include "store/layer_writer.hpp"
#include "store/project_store.hpp"
#include "support/test_support.hpp"

using namespace lb;
using core::LayerId;

namespace {

constexpr double kX = 316000, kY = 5690000;

// A small street network (metres from kX, kY):
//
//   D(100,100) ──── E(200,100)
//   │ footway          │ foot=no
//   A(0,0) ── B(100,0) ── C(200,0)        motorway A → E (not walkable)
class SnappingTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<store::ProjectStore> project = store::ProjectStore::create(dir / "p.sqlite", "EPSG:25833");

    static geo::Coord at(double x, double y) { return {kX + x, kY + y}; }

    void SetUp() override {
        store::WriteTransaction tx(*project);
        store::LayerWriter roads(*project, LayerId::Roads, {"highway", "foot"});
        auto road = [&](std::vector<geo::Coord> points, const char* highway, core::Value foot = {}) {
            roads.insert(geo::lineStringWkb(points), {std::string(highway), foot});
        };
        road({at(0, 0), at(100, 0), at(200, 0)}, "residential");
        road({at(100, 0), at(100, 100)}, "footway");
        road({at(100, 100), at(200, 100)}, "residential");
        road({at(200, 0), at(200, 100)}, "service", std::string("no"));
        road({at(0, 0), at(200, 100)}, "motorway");
        roads.finish();
        tx.commit();
    }
};

}  // namespace

TEST_F(SnappingTest, RouteFollowsWalkableStreetsOnly) {
    const auto graph = edit::RoadGraph::build(*project);
    EXPECT_EQ(graph.nodeCount(), 5u);
    EXPECT_EQ(graph.edgeCount(), 4u);  // A-B, B-C, B-D, D-E; not C-E (foot=no) nor the motorway
    // Waypoints a few metres off the street snap to the nearest node.
    const auto line = graph.route({{kX + 3, kY - 4}, {kX + 198, kY + 104}});
    const std::vector<geo::Coord> expected{at(0, 0), at(100, 0), at(100, 100), at(200, 100)};
    EXPECT_EQ(geo::wkbCoordinates(line), expected);
    EXPECT_DOUBLE_EQ(graph.routeLength({{kX, kY}, {kX + 200, kY + 100}}), 300.0);
    // Through C: C–E is closed to walkers, so the route turns back to B.
    const auto viaC = geo::wkbCoordinates(graph.route({{kX, kY}, {kX + 200, kY}, {kX + 200, kY + 100}}));
    const std::vector<geo::Coord> expectedViaC{at(0, 0),   at(100, 0),   at(200, 0),
                                               at(100, 0), at(100, 100), at(200, 100)};
    EXPECT_EQ(viaC, expectedViaC);
    // The result is a route the edit layer accepts as it is.
    edit::EditSession session(*project, "t");
    session.apply(edit::addFeature(LayerId::Routes, line, {{"name", std::string("Runde")}}));
    EXPECT_EQ(project->count(LayerId::Routes), 1);
}

TEST_F(SnappingTest, RouteErrorsNameTheWaypoint) {
    const auto graph = edit::RoadGraph::build(*project);
    try {
        graph.route({{kX, kY}, {kX + 5000, kY}});
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("waypoint 2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(graph.route({{kX, kY}}), core::InputError);
    // Only part of the network inside a box: A–B–C; D and E are missing, so there is no way to E.
    const auto part = edit::RoadGraph::build(*project, core::BBox{kX - 10, kY - 10, kX + 150, kY + 5});
    EXPECT_LT(part.nodeCount(), 5u);
}

TEST_F(SnappingTest, SnapsToVerticesBeforeEdgesWithinTheTolerance) {
    edit::SnapOptions options;
    options.toleranceM = 5;
    options.layers = {LayerId::Roads};
    auto vertex = edit::snap(*project, kX + 102, kY + 3, options);
    EXPECT_EQ(vertex.kind, edit::SnapKind::Vertex);
    EXPECT_DOUBLE_EQ(vertex.x, kX + 100);
    EXPECT_DOUBLE_EQ(vertex.y, kY);
    EXPECT_EQ(vertex.layer, LayerId::Roads);
    auto edge = edit::snap(*project, kX + 50, kY + 3, options);
    EXPECT_EQ(edge.kind, edit::SnapKind::Edge);
    EXPECT_DOUBLE_EQ(edge.x, kX + 50);
    EXPECT_DOUBLE_EQ(edge.y, kY);
    EXPECT_DOUBLE_EQ(edge.distance, 3.0);
    EXPECT_EQ(edge.vertex.index, 0);  // between vertex 0 and 1 of A–B–C
    EXPECT_EQ(edit::snap(*project, kX + 50, kY + 40, options).kind, edit::SnapKind::None);

    // Thematic layers snap by uuid; the feature being edited is skipped.
    edit::EditSession session(*project, "t");
    const std::string uuid = session
                                 .apply(edit::addFeature(LayerId::Observations, geo::pointWkb(kX + 50, kY + 38),
                                                         {{"time", std::string("2025-03-14 10:00")},
                                                          {"category", std::string("Angstraum")}}))
                                 .featureUuid();
    options.layers = {LayerId::Roads, LayerId::Observations};
    auto point = edit::snap(*project, kX + 50, kY + 40, options);
    EXPECT_EQ(point.kind, edit::SnapKind::Vertex);
    EXPECT_EQ(point.featureUuid, uuid);
    options.excludeUuid = uuid;
    EXPECT_EQ(edit::snap(*project, kX + 50, kY + 40, options).kind, edit::SnapKind::None);
}
