// Projekt → Exportieren… in the real lagebild-gui on a private Xvfb display (issue 11): the dialog opens
// public, and its export (on the document lane) writes a GeoPackage of aggregates beside the project.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "gui_test_support.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"

namespace lb::ui {
namespace {

TEST(GuiExport, TheExportDialogWritesAPublicGeoPackageByDefault) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "3000"}).exitCode, 0);
    std::string script = "wait_ready\n";
    script += "click @menu.project\nframes 3\nclick @menu.export_layers\nframes 4\n";
    script += "click @export.confirm\nframes 3\nwait_idle\nframes 3\nprint done\n";
    test::writeFile(dir / "export.txt", script);
    const auto run =
        guitest::runGui(dir, {project.string(), "--size", "1280x800", "--script", (dir / "export.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << "\n" << run.out;
    EXPECT_NE(run.out.find("\"label\":\"done\""), std::string::npos) << run.out;
    const auto file = dir / "demo-export.gpkg";
    ASSERT_TRUE(std::filesystem::exists(file));
    store::Db db(file.string(), store::Db::Mode::ReadOnly);
    EXPECT_EQ(test::sqlInt(db, "SELECT count(*) FROM gpkg_contents WHERE table_name = 'incidents'"), 0);
    EXPECT_EQ(test::sqlInt(db, "SELECT count(*) FROM gpkg_contents WHERE table_name = 'observations'"), 0);
    EXPECT_EQ(test::sqlInt(db, "SELECT count(*) FROM gpkg_contents WHERE table_name = 'incidents_grid'"), 1);
    EXPECT_GE(test::sqlInt(db, "SELECT min(count) FROM incidents_grid"), 5);
    EXPECT_GT(test::sqlInt(db, "SELECT count(*) FROM layer_styles"), 0);
}

}  // namespace
}  // namespace lb::ui
