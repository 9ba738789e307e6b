#include <gtest/gtest.h>

#include "core/error.hpp"
#include "project/demo.hpp"
#include "project/project.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

std::map<std::string, std::pair<std::int64_t, std::uint64_t>> fingerprint(const std::filesystem::path& path) {
    auto project = project::Project::open(path, true);
    std::map<std::string, std::pair<std::int64_t, std::uint64_t>> out;
    for (const auto& layer : core::kLayers) {
        out[std::string(layer.name)] = {project->store().count(layer.id), project->store().contentChecksum(layer.id)};
    }
    return out;
}

double scalar(const std::filesystem::path& path, const std::string& sql) {
    auto project = project::Project::open(path, true);
    store::Statement s(project->store().db(), sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.columnDouble(0);
}

}  // namespace

TEST(Demo, SameSeedGivesTheSameProjectThroughTheImportPaths) {
    test::TempDir dir;
    project::createDemo(dir / "a.sqlite", {7, 2000}, core::Progress::none());
    project::createDemo(dir / "b.sqlite", {7, 2000}, core::Progress::none());
    project::createDemo(dir / "c.sqlite", {8, 2000}, core::Progress::none());
    const auto a = fingerprint(dir / "a.sqlite");
    EXPECT_EQ(a, fingerprint(dir / "b.sqlite"));
    EXPECT_NE(a.at("incidents").second, fingerprint(dir / "c.sqlite").at("incidents").second);
    for (const auto& [name, countAndSum] : a) EXPECT_GT(countAndSum.first, 0) << name << " is empty";
    EXPECT_EQ(a.at("incidents").first, 2000);
    EXPECT_GT(a.at("buildings").first, 2500);
}

TEST(Demo, ThematicLayersAreLinkedAndComplete) {
    test::TempDir dir;
    const auto path = dir / "demo.sqlite";
    project::createDemo(path, {1, 1000}, core::Progress::none());
    EXPECT_DOUBLE_EQ(scalar(path, "SELECT sum(cost_eur) FROM graffiti_status"), 29250.0);
    EXPECT_DOUBLE_EQ(scalar(path, "SELECT sum(cost_eur) FROM graffiti"), 29250.0);
    EXPECT_EQ(scalar(path, "SELECT count(*) FROM visits WHERE route_uuid IS NULL"), 0);
    EXPECT_EQ(scalar(path, "SELECT count(DISTINCT route_uuid) FROM visits"), 3);
    EXPECT_EQ(scalar(path,
                     "SELECT count(*) FROM incidents WHERE category NOT IN "
                     "('graffiti','vermuellung','gewalt','extremismus','drogen','sonstiges')"),
              0);
    // Every incident lies in some district (the districts tile the town).
    EXPECT_EQ(scalar(path,
                     "SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM districts d "
                     "WHERE ST_Intersects(d.geometry, i.geometry))"),
              0);
    EXPECT_NEAR(scalar(path, "SELECT sum(population) FROM districts"), 20000, 1000);
}

TEST(Demo, AFailedDemoLeavesNoFile) {
    test::TempDir dir;
    core::Progress progress;
    progress.cancel();
    EXPECT_THROW(project::createDemo(dir / "d.sqlite", {1, 1000}, progress), core::CancelledError);
    EXPECT_FALSE(std::filesystem::exists(dir / "d.sqlite"));
    EXPECT_FALSE(std::filesystem::exists(dir / "d.sqlite-wal"));
}
