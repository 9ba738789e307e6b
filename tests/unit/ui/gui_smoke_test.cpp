// Runs the real lagebild-gui on a private Xvfb display (Mesa llvmpipe) and checks its screenshot.
// Registered only when Xvfb is found (label "gui").
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "render/png_image.hpp"
#include "store/sqlite.hpp"
#include "support/sql_queries.hpp"
#include "support/test_support.hpp"
#include "ui/layout.hpp"
#include "xvfb_display.hpp"

namespace lb::ui {
namespace {

using guitest::near;
using guitest::pixel;
using guitest::Rgb;
using guitest::runGui;

TEST(GuiSmoke, ScreenshotShowsMenuBarAndMap) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    const auto demo = test::runLagebild({"demo", project.string(), "--incidents", "2000"});
    ASSERT_EQ(demo.exitCode, 0) << demo.err;

    const auto shot = dir / "out.png";
    const auto run = runGui(dir, {project.string(), "--screenshot", shot.string(), "--size", "1280x800"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    ASSERT_TRUE(std::filesystem::exists(shot)) << run.err;
    const auto image = render::readPng(shot);
    ASSERT_EQ(image.width, 1280);
    ASSERT_EQ(image.height, 800);

    // The map canvas sits between the layer panel (left) and the info panel (right): its area is mostly
    // the style's background #f3f0ea around and between the town's features.
    const Rgb background{0xf3, 0xf0, 0xea};
    long matching = 0, total = 0;
    for (int y = image.height / 10; y < image.height * 9 / 10; y += 2) {
        for (int x = image.width * 3 / 10; x < image.width * 7 / 10; x += 2) {
            ++total;
            if (near(pixel(image, x, y), background, 2)) ++matching;
        }
    }
    EXPECT_GT(static_cast<double>(matching) / total, 0.25) << matching << " of " << total;

    // The menu bar: dark text pixels in the top rows.
    long dark = 0;
    for (int y = 0; y < 20; ++y) {
        for (int x = 0; x < image.width / 2; ++x) {
            const Rgb p = pixel(image, x, y);
            if (p.r + p.g + p.b < 3 * 110) ++dark;
        }
    }
    EXPECT_GT(dark, 60);
    // The settings were written to the given config folder, with the project as the last one.
    const std::string settings = test::readFile(dir / "config" / "lagebild" / "settings.json");
    EXPECT_NE(settings.find("demo.sqlite"), std::string::npos);
}

TEST(GuiSmoke, ClickPicksAFeatureAndShowsItsAttributes) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "2000"}).exitCode, 0);
    const auto shot = dir / "click.png";
    // The middle of the map canvas lies in the town centre (Altstadt): something is always there.
    const auto run =
        runGui(dir, {project.string(), "--screenshot", shot.string(), "--size", "1280x800", "--click", "640,420"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("picked: "), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("picked: nothing"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find(" (0 attributes)"), std::string::npos) << run.err;
}

// Pixels of the heatmap's ramp (yellow → orange → dark red) in the map canvas left of the query panel (at
// 1600 px: layers 0–304, map up to 1296 with the 400 px query panel at its right edge): red clearly above blue.
template <typename Test>
long mapPixels(const render::Image& image, Test test) {
    long count = 0;
    for (int y = image.height / 10; y < image.height * 9 / 10; ++y) {
        for (int x = image.width * 20 / 100; x < image.width * 54 / 100; ++x) {
            if (test(pixel(image, x, y))) ++count;
        }
    }
    return count;
}

long heatPixels(const render::Image& image) {
    return mapPixels(image, [](Rgb p) { return p.r > 170 && p.r - p.b > 90 && p.g < 235 && p.g > 40; });
}

TEST(GuiSmoke, QueryWithHeatmapColoursTheHotspots) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "3000"}).exitCode, 0);
    const auto query = dir / "query.json";
    test::writeFile(query, R"({"layer": "incidents", "where": [{"attribute": "category",
        "values": ["gewalt", "graffiti", "drogen", "vermuellung", "extremismus", "sonstiges"]}]})");

    const auto plainShot = dir / "plain.png";
    const auto plain = runGui(dir, {project.string(), "--screenshot", plainShot.string(), "--size", "1600x1000",
                                    "--query-json", query.string()});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_EQ(plain.err.find("info: heatmap"), std::string::npos) << plain.err;

    const auto heatShot = dir / "heat.png";
    const auto heat = runGui(dir, {project.string(), "--screenshot", heatShot.string(), "--size", "1600x1000",
                                   "--query-json", query.string(), "--heatmap"});
    ASSERT_EQ(heat.exitCode, 0) << heat.err;
    // Every incident matches the query (all fields of action), so the heatmap covers all 3,000.
    EXPECT_NE(heat.err.find("info: heatmap of 3000 incidents"), std::string::npos) << heat.err;
    const long withHeat = heatPixels(render::readPng(heatShot));
    const long without = heatPixels(render::readPng(plainShot));
    // The incident symbols are orange and red too, but the heatmap's hotspots cover far more of the map.
    EXPECT_GT(withHeat, 3 * without + 2000) << withHeat << " vs " << without;
}

// Pixels of the Gi* 99 % hot-spot red #d62f27 at 0.75 opacity over the map (background #f3f0ea: about
// #dd5f58; over buildings or roads a little else) in the map canvas left of the query panel.
long hotSpotPixels(const render::Image& image) {
    return mapPixels(image, [](Rgb p) { return near(p, Rgb{0xdd, 0x5f, 0x58}, 12); });
}

TEST(GuiSmoke, GiStarColoursTheHotSpotCells) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "3000"}).exitCode, 0);

    const auto plainShot = dir / "plain.png";
    const auto plain = runGui(dir, {project.string(), "--screenshot", plainShot.string(), "--size", "1600x1000"});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_EQ(plain.err.find("info: Gi*"), std::string::npos) << plain.err;

    const auto giShot = dir / "gistar.png";
    const auto gi = runGui(dir, {project.string(), "--screenshot", giShot.string(), "--size", "1600x1000", "--gistar"});
    ASSERT_EQ(gi.exitCode, 0) << gi.err;
    // The empty query matches every incident; the demo town's centre is a hot spot at 99 %.
    EXPECT_NE(gi.err.find("info: Gi* of 3000 incidents"), std::string::npos) << gi.err;
    const long withGi = hotSpotPixels(render::readPng(giShot));
    const long without = hotSpotPixels(render::readPng(plainShot));
    EXPECT_GT(withGi, 3 * without + 2000) << withGi << " vs " << without;
}

TEST(GuiSmoke, UnreadableQueryFileIsAUsageError) {
    test::TempDir dir;
    const auto query = dir / "bad.json";
    test::writeFile(query, "{ not json");
    const auto run = runGui(dir, {"--screenshot", (dir / "x.png").string(), "--query-json", query.string()});
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_NE(run.err.find("bad.json"), std::string::npos) << run.err;
}

// Issue 5: field mode end to end. A streetworker chooses "Treffpunkt" and taps the map; the observation must
// be in the project file at the tapped place, with the author from the settings.
TEST(GuiSmoke, FieldModeClickStoresAnObservationAtTheClickedPlace) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "200"}).exitCode, 0);
    std::filesystem::create_directories(dir / "config" / "lagebild");
    test::writeFile(dir / "config" / "lagebild" / "settings.json", R"({"author": "Streetwork Nord"})");
    // 1280x800: menu and status bar 23 px high, the docks (layers; field mode in the right dock) as
    // ui::computeLayout places them, so the map's centre is at (centreX, 400). Click 60 px right and 60 px
    // below it (clear of the edit tool bar at the bottom).
    ui::LayoutInput in;
    in.viewport = {0, 0, 1280, 800};
    in.menuHeight = 23;
    in.statusHeight = 23;
    const ui::Layout layout = ui::computeLayout(in);
    const long centreX = std::lround(layout.centre.x + layout.centre.w / 2);
    const auto shot = dir / "field.png";
    const auto run = runGui(dir, {project.string(), "--screenshot", shot.string(), "--size", "1280x800", "--field-mark",
                                  "treffpunkt", "--click", std::to_string(centreX + 60) + ",460"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("field mark: saved"), std::string::npos) << run.err;

    // The view the click was made in, as the GUI saved it on exit.
    const auto settings = nlohmann::json::parse(test::readFile(dir / "config" / "lagebild" / "settings.json"));
    const auto& view = settings.at("views").at(std::filesystem::absolute(project).lexically_normal().string());
    const double cx = view.at("center_x"), cy = view.at("center_y"), mpp = view.at("metres_per_pixel");

    store::Db db(project.string(), store::Db::Mode::ReadOnly);
    EXPECT_EQ(test::sqlInt(db,
                           "SELECT count(*) FROM observations WHERE category = 'Treffpunkt' AND "
                           "author = 'Streetwork Nord'"),
              1);
    // SpatiaLite's blob: the MBR (min x, min y, max x, max y) follows the 6-byte header; a point's MBR is it.
    store::Statement row(db,
                         "SELECT geometry FROM observations WHERE category = 'Treffpunkt' AND author = "
                         "'Streetwork Nord'");
    ASSERT_TRUE(row.step());
    const auto blob = row.columnBlob(0);
    ASSERT_GE(blob.size(), 38u);
    double mbr[2];
    std::memcpy(mbr, blob.data() + 6, sizeof mbr);
    EXPECT_NEAR(mbr[0], cx + 60 * mpp, mpp);
    EXPECT_NEAR(mbr[1], cy - 60 * mpp, mpp);
}

TEST(GuiSmoke, SelectedObservationShowsItsPhotoThumbnailInTheForm) {
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "200"}).exitCode, 0);
    // A pure magenta 120×90 photo (its own thumbnail) for observation 1: magenta appears nowhere else.
    render::Image photo{120, 90, {}};
    for (int i = 0; i < 120 * 90; ++i) photo.rgba.insert(photo.rgba.end(), {255, 0, 255, 255});
    render::writePng(dir / "magenta.png", photo);
    const auto png = test::readFile(dir / "magenta.png");
    const std::vector<std::uint8_t> bytes(png.begin(), png.end());
    {
        store::Db db(project.string(), store::Db::Mode::ReadWrite);
        store::Statement insert(db,
                                "INSERT INTO observation_photos (observation_uuid, mime_type, data, created, author, "
                                "thumbnail) SELECT uuid, 'image/png', ?, '2025-03-14T10:00:00+01:00', 'Test', ? "
                                "FROM observations WHERE id = 1");
        insert.bindBlob(1, bytes).bindBlob(2, bytes);
        insert.step();
    }
    const auto shot = dir / "photo.png";
    const auto run = runGui(dir, {project.string(), "--screenshot", shot.string(), "--size", "1280x800", "--select",
                                  "observations:1", "--edit"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("picked: observations 1 "), std::string::npos) << run.err;
    const auto image = render::readPng(shot);
    long magenta = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) magenta += near(pixel(image, x, y), {255, 0, 255}, 12);
    }
    EXPECT_GT(magenta, 96 * 72 * 8 / 10);  // the thumbnail, drawn 96 px wide
}

TEST(GuiSmoke, StartScreenWithoutProject) {
    test::TempDir dir;
    const auto shot = dir / "start.png";
    const auto run = runGui(dir, {"--screenshot", shot.string(), "--size", "1024x700", "--language", "en"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto image = render::readPng(shot);
    EXPECT_EQ(image.width, 1024);
    EXPECT_EQ(image.height, 700);
}

TEST(GuiSmoke, MissingProjectFailsWithoutHanging) {
    test::TempDir dir;
    const auto shot = dir / "failed.png";
    const auto run = runGui(dir, {(dir / "missing.sqlite").string(), "--screenshot", shot.string()});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("missing.sqlite"), std::string::npos) << run.err;
}

TEST(GuiSmoke, CorruptSettingsAreIgnored) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "config" / "lagebild");
    test::writeFile(dir / "config" / "lagebild" / "settings.json", "{ not json");
    const auto shot = dir / "start.png";
    const auto run = runGui(dir, {"--screenshot", shot.string(), "--size", "800x600"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("warning"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace lb::ui
