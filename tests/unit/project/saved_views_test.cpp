// Saved views (presentation slides): the views table and slides files, validated on read.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "project/project.hpp"
#include "project/saved_views.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

namespace lb::project {
namespace {

ViewDefinition sample(double x) {
    ViewDefinition d;
    d.extent.add(x, 5632000);
    d.extent.add(x + 1000, 5633000);
    d.layers = std::vector<std::string>{"roads", "districts"};
    d.query.where.push_back({"category", {"gewalt"}});
    d.from = core::parseTime("2025-01-01");
    d.to = core::parseTime("2025-07-01");
    d.caption = "Gewalt im ersten Halbjahr";
    d.overlay = SlideOverlay::GiStar;
    return d;
}

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "(no InputError)";
}

TEST(SavedViews, DefinitionRoundTripsThroughJson) {
    const ViewDefinition d = sample(326000);
    EXPECT_EQ(viewDefinitionFromJson(toJson(d), "a"), d);
    const auto query = d.effectiveQuery();
    EXPECT_EQ(query.from, d.from);
    EXPECT_EQ(query.to, d.to);
    EXPECT_EQ(query.where, d.query.where);
}

TEST(SavedViews, StoredViewsKeepOrderThroughEdits) {
    test::TempDir dir;
    auto project = Project::create(dir / "p.sqlite", "EPSG:25833");
    auto& store = project->store();
    const auto a = addSlide(store, "A", sample(326000));
    const auto b = addSlide(store, "B", sample(327000));
    const auto c = addSlide(store, "C", sample(328000));
    auto slides = readSlides(store);
    ASSERT_EQ(slides.size(), 3u);
    EXPECT_EQ(slides[0].name, "A");
    EXPECT_EQ(slides[1].definition, sample(327000));

    moveSlide(store, c, -1);  // A C B
    renameSlide(store, a, "Altstadt");
    slides = readSlides(store);
    EXPECT_EQ(slides[0].name, "Altstadt");
    EXPECT_EQ(slides[1].uuid, c);
    EXPECT_EQ(slides[2].uuid, b);

    const Slide deleted = slides[1];
    deleteSlide(store, c);
    ASSERT_EQ(readSlides(store).size(), 2u);
    restoreSlide(store, deleted);  // undo: back in its place
    slides = readSlides(store);
    ASSERT_EQ(slides.size(), 3u);
    EXPECT_EQ(slides[1].uuid, c);
    EXPECT_EQ(slides[1].definition, deleted.definition);

    store::Statement audit(store.db(), "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'view_%'");
    ASSERT_TRUE(audit.step());
    EXPECT_EQ(audit.columnInt(0), 7);  // 3 adds, move, rename, delete, restore
}

TEST(SavedViews, GarbledDefinitionNamesTheView) {
    test::TempDir dir;
    auto project = Project::create(dir / "p.sqlite", "EPSG:25833");
    auto& store = project->store();
    addSlide(store, "Gut", sample(326000));
    store::Statement s(store.db(),
                       "INSERT INTO views(uuid, name, sort_order, definition, created, modified, author) "
                       "VALUES ('x', 'Kaputt', 5, ?, '', '', '')");
    for (const std::string& bad :
         {std::string("{\"extent\": [1, 2, 3"), std::string("[]"), std::string("{\"extent\": [3, 2, 1, 0]}"),
          std::string("{\"extent\": [0, 0, 1, 1], \"layers\": [\"secrets\"]}"),
          std::string("{\"extent\": [0, 0, 1, 1], \"overlay\": \"pie\"}"),
          std::string("{\"extent\": [0, 0, 1, 1], \"from\": \"31.02.2025\"}"),
          std::string("{\"extent\": [0, 0, 1, 1], \"query\": {\"where\": 7}}"),
          std::string("{\"extent\": [0, 0, 1e999, 1]}")}) {
        store.db().exec("DELETE FROM views WHERE uuid = 'x'");
        s.bind(1, bad);
        s.run();
        const std::string message = messageOf([&] { readSlides(store); });
        EXPECT_NE(message.find("view 'Kaputt'"), std::string::npos) << bad << " → " << message;
    }
}

TEST(SavedViews, SlidesFileIsReadAndCheckedSlideBySlide) {
    test::TempDir dir;
    const auto file = dir / "slides.json";
    test::writeFile(file, R"({"slides": [
        {"name": "Eins", "extent": [0, 0, 10, 10], "overlay": "none"},
        {"extent": [0, 0, 20, 20], "caption": "ohne Namen"}]})");
    const auto slides = readSlidesFile(file);
    ASSERT_EQ(slides.size(), 2u);
    EXPECT_EQ(slides[0].name, "Eins");
    EXPECT_EQ(slides[0].definition.overlay, SlideOverlay::None);
    EXPECT_EQ(slides[1].name, "Folie 2");
    EXPECT_EQ(slides[1].definition.overlay, SlideOverlay::Heatmap);
    EXPECT_FALSE(slides[1].definition.layers.has_value());

    test::writeFile(file, R"([{"name": "A", "extent": [0, 0, 10, 10]}, {"name": "B", "extent": "weit"}])");
    const std::string message = messageOf([&] { readSlidesFile(file); });
    EXPECT_NE(message.find("slide 2"), std::string::npos) << message;
    EXPECT_NE(message.find("view 'B'"), std::string::npos) << message;
    EXPECT_NE(message.find("extent"), std::string::npos) << message;
    test::writeFile(file, "{\"slides\": []}");
    EXPECT_NE(messageOf([&] { readSlidesFile(file); }).find("no slides"), std::string::npos);
    test::writeFile(file, "not json");
    EXPECT_NE(messageOf([&] { readSlidesFile(file); }).find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace lb::project
