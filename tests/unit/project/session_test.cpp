#include <gtest/gtest.h>

#include "core/error.hpp"
#include "engine/evaluator.hpp"
#include "project/demo.hpp"
#include "project/session.hpp"
#include "render/style.hpp"
#include "store/project_store.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

class SessionTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        project::createDemo(*s_dir / "demo.sqlite", {3, 400}, core::Progress::none());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static test::TempDir* s_dir;
};
test::TempDir* SessionTest::s_dir = nullptr;

}  // namespace

// One open project for a front end: the engine's dataset and the renderer's scene come from the same store.
TEST_F(SessionTest, TheDatasetAndTheSceneReadTheSameProject) {
    auto session = project::Session::open(*s_dir / "demo.sqlite", project::Session::Access::ReadOnly);
    EXPECT_EQ(session->crs(), "EPSG:25833");
    EXPECT_EQ(session->store().count(core::LayerId::Incidents), 400);
    engine::Query query;
    query.layer = "incidents";
    EXPECT_EQ(engine::runQuery(session->dataset(), query).count(), 400u);
    // The dataset keeps what it loaded: the same table object on the second use.
    const auto* first = &session->dataset().table("incidents");
    EXPECT_EQ(&session->dataset().table("incidents"), first);
    const render::Style style = render::Style::load(render::defaultStylePath());
    const render::Scene scene = session->loadScene(style, {"incidents", "roads"});
    const auto* incidents = scene.find("incidents");
    ASSERT_NE(incidents, nullptr);
    EXPECT_EQ(incidents->featureCount(), 400u);
    EXPECT_EQ(scene.find("buildings"), nullptr) << "only the layers asked for";
}

TEST_F(SessionTest, AReadOnlySessionCannotWriteAndAMissingFileIsNamed) {
    auto session = project::Session::open(*s_dir / "demo.sqlite", project::Session::Access::ReadOnly);
    EXPECT_ANY_THROW(session->store().db().exec("DELETE FROM incidents"));
    EXPECT_EQ(session->store().count(core::LayerId::Incidents), 400);
    try {
        project::Session::open(*s_dir / "fehlt.sqlite", project::Session::Access::ReadOnly);
        FAIL() << "opened a missing file";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("fehlt.sqlite: no such project file"), std::string::npos) << e.what();
    }
}
