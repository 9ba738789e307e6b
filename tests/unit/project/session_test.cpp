#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "core/error.hpp"
#include "engine/evaluator.hpp"
#include "project/demo.hpp"
#include "project/session.hpp"
#include "render/style.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
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
    const auto first = session->dataset().table("incidents");
    EXPECT_EQ(session->dataset().table("incidents"), first);
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

namespace {

engine::Query districtsOf(std::string layer) {
    engine::Query query;
    query.layer = std::move(layer);
    query.countBy = engine::GroupBy{engine::GroupKind::Zones, "districts", 0};
    return query;
}

std::vector<std::pair<std::string, std::int64_t>> groupsOf(const engine::QueryResult& result) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& g : result.groups) out.emplace_back(g.key, g.count);
    return out;
}

}  // namespace

// The workstation's one copy of a layer's geometry: once the scene is shared, the dataset's incidents,
// districts and roads point into the scene's coordinates, and every query answers as with its own copy.
TEST_F(SessionTest, TheDatasetBorrowsTheScenesCoordinatesAndAnswersTheSame) {
    const auto path = *s_dir / "demo.sqlite";
    auto own = project::Session::open(path, project::Session::Access::ReadOnly);
    auto shared = project::Session::open(path, project::Session::Access::ReadOnly, project::Session::Threads::Shared);
    const render::Style style = render::Style::load(render::defaultStylePath());
    const auto scene = std::make_shared<const render::Scene>(shared->loadScene(style));
    shared->shareScene(scene);

    for (const char* layer : {"incidents", "districts", "roads"}) {
        const auto mine = own->dataset().table(layer);
        const auto borrowed = shared->dataset().table(layer);
        EXPECT_FALSE(mine->geometry().borrowed()) << layer;
        ASSERT_TRUE(borrowed->geometry().borrowed()) << layer;
        EXPECT_EQ(borrowed->geometry().coordinateData(), scene->find(layer)->xy.data()) << layer;
        ASSERT_EQ(borrowed->size(), mine->size()) << layer;
        EXPECT_EQ(borrowed->geometry().allPoints(), mine->geometry().allPoints()) << layer;
        for (std::size_t row = 0; row < mine->size(); ++row) {
            ASSERT_EQ(borrowed->id(row), mine->id(row));
            ASSERT_EQ(borrowed->geometry().toWkb(row), mine->geometry().toWkb(row)) << layer << " row " << row;
            ASSERT_EQ(borrowed->geometry().representativePoint(row), mine->geometry().representativePoint(row));
        }
    }
    // The same answers: count by district (point in polygon), inside one district, near roads, a box.
    engine::Query byDistrict = districtsOf("incidents");
    EXPECT_EQ(groupsOf(engine::runQuery(shared->dataset(), byDistrict)),
              groupsOf(engine::runQuery(own->dataset(), byDistrict)));
    engine::Query near;
    near.within = engine::WithinDistance{25, engine::LayerRef{"roads", std::nullopt}};
    const auto nearShared = engine::runQuery(shared->dataset(), near), nearOwn = engine::runQuery(own->dataset(), near);
    EXPECT_EQ(nearShared.rows, nearOwn.rows);
    EXPECT_GT(nearShared.count(), 0u);
    EXPECT_LT(nearShared.count(), 400u);
    engine::Query boxed;
    const auto extent = scene->find("incidents")->extent;
    boxed.bbox = core::BBox{extent.minX, extent.minY, (extent.minX + extent.maxX) / 2, (extent.minY + extent.maxY) / 2};
    EXPECT_EQ(engine::runQuery(shared->dataset(), boxed).rows, engine::runQuery(own->dataset(), boxed).rows);
}

// A scene that no longer holds the table's rows (a row was added since it was read) is not borrowed from:
// the dataset reads its own copy and counts the new row. After the edit the patched scene is shared with the
// changed layer named, and the next load borrows again.
TEST_F(SessionTest, AStaleSceneIsNotBorrowedFromAndAnEditedLayerIsReadAgain) {
    test::TempDir dir;
    const auto path = dir / "edit.sqlite";
    std::filesystem::copy_file(*s_dir / "demo.sqlite", path);
    auto reader = project::Session::open(path, project::Session::Access::ReadOnly, project::Session::Threads::Shared);
    const render::Style style = render::Style::load(render::defaultStylePath());
    auto scene = std::make_shared<const render::Scene>(reader->loadScene(style, {"incidents"}));
    reader->shareScene(scene);
    EXPECT_TRUE(reader->dataset().table("incidents")->geometry().borrowed());
    {
        auto writer = project::Session::open(path, project::Session::Access::ReadWrite);
        std::string columns;
        store::Statement info(writer->store().db(),
                              "SELECT name FROM pragma_table_info('incidents') WHERE name <> 'id'");
        while (info.step()) columns += (columns.empty() ? "" : ", ") + info.columnText(0);
        std::string values = columns;
        values.replace(values.find("uuid"), 4, "uuid || 'x'");
        writer->store().db().exec("INSERT INTO incidents (" + columns + ") SELECT " + values +
                                  " FROM incidents ORDER BY id LIMIT 1");
    }
    reader->shareScene(scene, {"incidents"});  // the layer changed, the scene is still the old one
    const auto fresh = reader->dataset().table("incidents");
    EXPECT_FALSE(fresh->geometry().borrowed());
    EXPECT_EQ(fresh->size(), 401u);
    engine::Query all;
    EXPECT_EQ(engine::runQuery(reader->dataset(), all).count(), 401u);

    auto patched = render::replaceSceneLayers(*scene, reader->loadScene(style, {"incidents"}), {"incidents"});
    reader->shareScene(patched, {"incidents"});
    const auto again = reader->dataset().table("incidents");
    EXPECT_TRUE(again->geometry().borrowed());
    EXPECT_EQ(again->size(), 401u);
    EXPECT_EQ(fresh->size(), 401u) << "a table someone still holds stays valid";
}

// The workstation's reader is used by several threads at once (scene loads, the analysis worker, the
// attribute table, the main thread): each gets the right answers.
TEST_F(SessionTest, ASharedReaderAnswersSeveralThreadsAtOnce) {
    auto reader = project::Session::open(*s_dir / "demo.sqlite", project::Session::Access::ReadOnly,
                                         project::Session::Threads::Shared);
    const render::Style style = render::Style::load(render::defaultStylePath());
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            try {
                for (int i = 0; i < 5; ++i) {
                    if (t % 2 == 0) {
                        if (reader->loadScene(style, {"incidents"}).find("incidents")->featureCount() != 400) ++wrong;
                        if (reader->store().count(core::LayerId::Incidents) != 400) ++wrong;
                    } else {
                        reader->shareScene(nullptr, {"incidents"});
                        if (engine::runQuery(reader->dataset(), districtsOf("incidents")).count() != 400) ++wrong;
                    }
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++wrong;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wrong.load(), 0);
}
