// `lagebild render` end to end: golden image of the demo town, building coverage against an independent
// rasterisation (gdal_rasterize), and bad input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

#include "render/png_image.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using lb::render::Image;
using lb::test::runLagebild;
using lb::test::runProgram;
using lb::test::TempDir;

namespace {

const fs::path& demoProject() {
    // One demo for the whole program run; the demo is deterministic for its seed.
    static TempDir dir;
    static const fs::path path = [] {
        const fs::path p = dir / "musterstadt.sqlite";
        const auto result = runLagebild({"demo", p.string(), "--seed", "7"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return p;
    }();
    return path;
}

struct Comparison {
    double differentFraction = 1;
    Image diff;
};

Comparison compare(const Image& a, const Image& b, int threshold) {
    Comparison c;
    if (a.width != b.width || a.height != b.height) return c;
    c.diff = a;
    std::size_t different = 0;
    const std::size_t n = static_cast<std::size_t>(a.width) * a.height;
    for (std::size_t i = 0; i < n; ++i) {
        int delta = 0;
        for (int k = 0; k < 3; ++k) delta = std::max(delta, std::abs(a.rgba[4 * i + k] - b.rgba[4 * i + k]));
        const bool bad = delta > threshold;
        different += bad ? 1 : 0;
        c.diff.rgba[4 * i] = bad ? 255 : a.rgba[4 * i] / 3;
        c.diff.rgba[4 * i + 1] = bad ? 0 : a.rgba[4 * i + 1] / 3;
        c.diff.rgba[4 * i + 2] = bad ? 0 : a.rgba[4 * i + 2] / 3;
        c.diff.rgba[4 * i + 3] = 255;
    }
    c.differentFraction = static_cast<double>(different) / static_cast<double>(n);
    return c;
}

}  // namespace

TEST(RenderCli, DemoTownMatchesTheGoldenImage) {
    const fs::path golden = fs::path(LAGEBILD_GOLDEN_DIR) / "render" / "musterstadt-seed7-800x600.png";
    TempDir out;
    const fs::path actual = out / "actual.png";
    const auto result = runLagebild({"render", demoProject().string(), "--out", actual.string(), "--size", "800x600"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const Image image = lb::render::readPng(actual);
    ASSERT_EQ(image.width, 800);
    ASSERT_EQ(image.height, 600);
    if (const char* update = std::getenv("LAGEBILD_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        // A rebaseline set by accident in CI would turn the comparison into a skip that checks nothing.
        ASSERT_FALSE(lb::test::inCi()) << "LAGEBILD_UPDATE_GOLDEN=1 is refused in CI";
        fs::create_directories(golden.parent_path());
        fs::copy_file(actual, golden, fs::copy_options::overwrite_existing);
        GTEST_SKIP() << "golden image rebaselined: " << golden;
    }
    ASSERT_TRUE(fs::exists(golden)) << "missing golden image; run with LAGEBILD_UPDATE_GOLDEN=1";
    // Tolerance: antialiasing and rasteriser rounding may differ slightly between Mesa versions.
    const auto c = compare(image, lb::render::readPng(golden), 40);
    if (c.differentFraction > 0.005) {
        const fs::path keep = fs::path(LAGEBILD_TEST_OUTPUT_DIR) / "render-golden";
        fs::create_directories(keep);
        fs::copy_file(actual, keep / "actual.png", fs::copy_options::overwrite_existing);
        lb::render::writePng(keep / "diff.png", c.diff);
        ADD_FAILURE() << c.differentFraction * 100 << " % of pixels differ; see " << keep;
    }
}

TEST(RenderCli, BuildingsCoverThePixelsGdalRasterizeBurns) {
    LAGEBILD_REQUIRE_PROGRAM("gdal_rasterize");
    LAGEBILD_REQUIRE_PROGRAM("gdal_translate");
    TempDir out;
    // Fill only (no outline, no antialiased edge ring), so both sides sample pixel centres.
    const fs::path style = out / "fill-only.json";
    lb::test::writeFile(style,
                        R"({"background":"#000000","layers":[{"layer":"buildings","classes":[{"fill":"#ffffff"}]}]})");
    // The old town at 1 m per pixel.
    const std::string bbox = "326400,5632300,327000,5632750";
    const int width = 600, height = 450;
    const fs::path ours = out / "ours.png";
    auto result = runLagebild({"render", demoProject().string(), "--out", ours.string(), "--size", "600x450", "--bbox",
                               bbox, "--layers", "buildings", "--no-labels", "--no-legend", "--no-furniture",
                               "--samples", "1", "--style", style.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const fs::path tif = out / "theirs.tif", png = out / "theirs.png";
    result = runProgram("gdal_rasterize",
                        {"-q", "-burn", "255", "-init", "0", "-ot", "Byte", "-te", "326400", "5632300", "327000",
                         "5632750", "-ts", "600", "450", "-l", "buildings", demoProject().string(), tif.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    result = runProgram("gdal_translate", {"-q", "-of", "PNG", tif.string(), png.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const Image a = lb::render::readPng(ours);
    const Image b = lb::render::readPng(png);
    ASSERT_EQ(a.width, width);
    ASSERT_EQ(b.width, width);
    ASSERT_EQ(b.height, height);
    std::size_t both = 0, either = 0, agree = 0, theirs = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(width) * height; ++i) {
        const bool drawn = a.rgba[4 * i] > 127;
        const bool burnt = b.rgba[4 * i] > 127;
        both += drawn && burnt;
        either += drawn || burnt;
        agree += drawn == burnt;
        theirs += burnt;
    }
    ASSERT_GT(theirs, 10000u) << "the extent should hold many buildings";
    const double iou = static_cast<double>(both) / static_cast<double>(either);
    const double agreement = static_cast<double>(agree) / (static_cast<double>(width) * height);
    std::printf("building pixels: IoU %.4f, agreement %.4f\n", iou, agreement);
    EXPECT_GT(iou, 0.98) << "intersection over union of building pixels";
    EXPECT_GT(agreement, 0.995);
}

TEST(RenderCli, BadInputIsRefusedWithoutWritingAnything) {
    TempDir out;
    const fs::path png = out / "map.png";
    auto result = runLagebild({"render", demoProject().string(), "--out", png.string(), "--size", "12x"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--size"), std::string::npos) << result.err;
    result = runLagebild({"render", demoProject().string(), "--out", png.string(), "--layers", "roads,strassen"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("strassen"), std::string::npos) << result.err;
    result = runLagebild({"render", demoProject().string(), "--out", png.string(), "--bbox", "5,5,1,1"});
    EXPECT_EQ(result.exitCode, 2);
    result = runLagebild({"render", (out / "missing.sqlite").string(), "--out", png.string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("missing.sqlite"), std::string::npos) << result.err;
    result = runLagebild({"render", demoProject().string(), "--out", (out / "no-dir" / "map.png").string()});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_FALSE(fs::exists(png));
    EXPECT_FALSE(fs::exists(out / "no-dir"));
}

TEST(RenderCli, PublicModeLeavesOutIncidents) {
    TempDir out;
    const fs::path all = out / "all.png", pub = out / "public.png";
    const std::string bbox = "326400,5632300,327000,5632750";
    ASSERT_EQ(runLagebild({"render", demoProject().string(), "--out", all.string(), "--size", "300x225", "--bbox", bbox,
                           "--layers", "incidents", "--no-legend", "--no-furniture"})
                  .exitCode,
              0);
    ASSERT_EQ(runLagebild({"render", demoProject().string(), "--out", pub.string(), "--size", "300x225", "--bbox", bbox,
                           "--layers", "incidents", "--no-legend", "--no-furniture", "--public"})
                  .exitCode,
              0);
    auto nonBackground = [](const Image& image) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < image.rgba.size(); i += 4) n += image.rgba[i] != 0xf3 || image.rgba[i + 1] != 0xf0;
        return n;
    };
    EXPECT_GT(nonBackground(lb::render::readPng(all)), 1000u);
    EXPECT_EQ(nonBackground(lb::render::readPng(pub)), 0u);
}

TEST(RenderCli, BenchRenderPrintsFrameTimes) {
    const auto result =
        runLagebild({"bench-render", demoProject().string(), "--size", "320x240", "--frames", "5", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"median_ms\""), std::string::npos);
    EXPECT_NE(result.out.find("\"p95_ms\""), std::string::npos);
    EXPECT_NE(result.out.find("\"renderer\""), std::string::npos);
    EXPECT_NE(result.out.find("\"frames\": 5"), std::string::npos) << result.out;
}

// After an edit of one layer only that layer goes to the GPU again; the others keep their buffers.
TEST(RenderCli, BenchRenderEditUploadsOnlyTheEditedLayer) {
    const auto kept = runLagebild({"bench-render", demoProject().string(), "--size", "320x240", "--frames", "3",
                                   "--edit-layer", "graffiti", "--json"});
    ASSERT_EQ(kept.exitCode, 0) << kept.err;
    const auto j = nlohmann::json::parse(kept.out);
    EXPECT_EQ(j.at("layers_uploaded"), 1) << kept.out;
    EXPECT_GE(j.at("layers_kept").get<int>(), 5) << kept.out;
    EXPECT_EQ(j.at("frames"), 3);
    const auto full = runLagebild({"bench-render", demoProject().string(), "--size", "320x240", "--frames", "3",
                                   "--edit-layer", "graffiti", "--full-upload", "--json"});
    ASSERT_EQ(full.exitCode, 0) << full.err;
    const auto f = nlohmann::json::parse(full.out);
    EXPECT_EQ(f.at("layers_kept"), 0) << full.out;
    EXPECT_EQ(f.at("layers_uploaded").get<int>(), j.at("layers_uploaded").get<int>() + j.at("layers_kept").get<int>());
    EXPECT_EQ(runLagebild({"bench-render", demoProject().string(), "--frames", "1", "--edit-layer", "nope"}).exitCode,
              2);
}

TEST(RenderCli, HeatmapIsDarkestWhereIncidentsAreDensest) {
    // Where are the incidents densest? Count them per 200 m cell from the project itself (through `sql`).
    const auto sql =
        runLagebild({"sql", demoProject().string(), "SELECT X(geometry), Y(geometry) FROM incidents", "--csv"});
    ASSERT_EQ(sql.exitCode, 0) << sql.err;
    const double minX = 325000, maxY = 5634400, cell = 200;  // the view below: 4000 m × 3000 m
    std::map<std::pair<int, int>, int> counts;
    std::istringstream lines(sql.out);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
        const auto comma = line.find(',');
        if (comma == std::string::npos) continue;
        const double x = std::stod(line.substr(0, comma)), y = std::stod(line.substr(comma + 1));
        ++counts[{static_cast<int>((x - minX) / cell), static_cast<int>((maxY - y) / cell)}];
    }
    ASSERT_GT(counts.size(), 10u);
    const auto densest = std::max_element(counts.begin(), counts.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });

    TempDir out;
    const fs::path heatPng = out / "heat.png", plainPng = out / "plain.png";
    std::vector<std::string> args{"render",      demoProject().string(),
                                  "--size",      "400x300",
                                  "--bbox",      "325000,5631400,329000,5634400",
                                  "--layers",    "districts",
                                  "--no-legend", "--no-furniture",
                                  "--no-labels", "--out"};
    auto withHeat = args;
    withHeat.insert(withHeat.end(), {heatPng.string(), "--heatmap"});
    args.push_back(plainPng.string());
    const auto result = runLagebild(withHeat);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    ASSERT_EQ(runLagebild(args).exitCode, 0);
    const Image heat = lb::render::readPng(heatPng), plain = lb::render::readPng(plainPng);
    auto pixel = [](const Image& image, double px, double py) {
        const auto x = static_cast<std::size_t>(px), y = static_cast<std::size_t>(py);
        return &image.rgba[(y * static_cast<std::size_t>(image.width) + x) * 4];
    };
    // 10 m per pixel: the densest cell's centre. The ramp's top is dark red (much less green and blue).
    const double hx = (densest->first.first + 0.5) * cell / 10, hy = (densest->first.second + 0.5) * cell / 10;
    const auto* hot = pixel(heat, hx, hy);
    EXPECT_GT(hot[0], 150);
    EXPECT_LT(hot[1], 110) << "densest cell " << densest->second << " incidents";
    EXPECT_LT(hot[2], 90);
    // Far from every incident (upper left corner, outside the town): no heat, the picture as without it.
    for (int k = 0; k < 3; ++k) EXPECT_EQ(pixel(heat, 5, 5)[k], pixel(plain, 5, 5)[k]);
    EXPECT_NE(pixel(plain, hx, hy)[1], hot[1]);
}

// The public heat map (project::OutputGate::density): a cluster of 30 incidents shows, 3 incidents alone do
// not, while the internal map shows both; k under 5 is refused.
TEST(RenderCli, PublicHeatmapShowsOnlyWhereKIncidentsAddUp) {
    TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(runLagebild({"init", project}).exitCode, 0);
    std::string csv = "id,time,category,x,y\n";
    int id = 0;
    for (int i = 0; i < 30; ++i) {  // around (326000, 5632000)
        csv += std::to_string(++id) + ",2025-03-01 20:00,Gewalt," + std::to_string(325980 + (i % 6) * 8) + "," +
               std::to_string(5631980 + (i / 6) * 8) + "\n";
    }
    for (int i = 0; i < 3; ++i) {  // around (328000, 5633000)
        csv += std::to_string(++id) + ",2025-03-01 20:00,Gewalt," + std::to_string(328000 + i * 10) + ",5633000\n";
    }
    lb::test::writeFile(dir / "inc.csv", csv);
    const auto imported = runLagebild({"import", project, "--layer", "incidents", (dir / "inc.csv").string(), "--x",
                                       "x", "--y", "y", "--crs", "EPSG:25833"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const fs::path internalPng = dir / "internal.png", publicPng = dir / "public.png";
    // 10 m per pixel over 325000…329000 × 5631000…5634000.
    std::vector<std::string> args{
        "render",    project,       "--size",         "400x300", "--bbox", "325000,5631000,329000,5634000",
        "--heatmap", "--no-legend", "--no-furniture", "--out"};
    auto internal = args;
    internal.push_back(internalPng.string());
    auto pub = args;
    pub.insert(pub.end(), {publicPng.string(), "--public"});
    auto result = runLagebild(internal);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    result = runLagebild(pub);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const Image a = lb::render::readPng(internalPng), b = lb::render::readPng(publicPng);
    auto pixel = [](const Image& image, int x, int y) {
        return &image.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + x) * 4];
    };
    auto heated = [](const std::uint8_t* p) { return p[2] < 200; };  // the background is #f3f0eb: blue 235
    EXPECT_TRUE(heated(pixel(a, 100, 200))) << "internal: the cluster";
    EXPECT_TRUE(heated(pixel(a, 301, 100))) << "internal: the three";
    EXPECT_TRUE(heated(pixel(b, 100, 200))) << "public: the cluster";
    EXPECT_FALSE(heated(pixel(b, 301, 100))) << "public: three incidents are no surface";
    // No raw point either: the public picture has nothing on it besides the heat around the cluster.
    for (int y = 0; y < 300; y += 3) {
        for (int x = 0; x < 400; x += 3) {
            if (std::hypot(x - 100.0, y - 200.0) > 50) ASSERT_FALSE(heated(pixel(b, x, y))) << x << "," << y;
        }
    }
    auto refused = pub;
    refused.insert(refused.end(), {"--k", "4"});
    result = runLagebild(refused);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--k 4"), std::string::npos) << result.err;
}
