#include <gtest/gtest.h>

#include "support/test_support.hpp"

using namespace lb;

namespace {
const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";
}

// --bbox minx,miny,maxx,maxy with a minimum above its maximum, or with no width or height, is a usage error
// (exit 2, the flag named, the same message everywhere: one parser) on every command that takes a box, and
// nothing is written.
TEST(CliBBox, InvertedAndEmptyBoxesAreUsageErrorsOnEveryCommandThatTakesOne) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    ASSERT_EQ(test::runLagebild({"import-osm", project, test::fixture(kFixture).string()}).exitCode, 0);
    const auto before = test::fileDigest(project);
    const std::string good = "326000,5631000,329000,5634000";
    for (const std::string inverted : {"329000,5631000,326000,5634000", "326000,5634000,329000,5631000",
                                       "326000,5631000,326000,5634000", "1,1,1,1"}) {
        const bool empty = inverted == "1,1,1,1" || inverted.rfind("326000,5631000,326000", 0) == 0;
        const std::string expected = empty ? "the box is empty" : "min must not exceed max";
        const std::vector<std::vector<std::string>> commands = {
            {"query", project, "--layer", "pois", "--bbox", inverted},
            {"hotspots", project, "--method", "kde", "--bbox", inverted, "--out", (dir / "k.tif").string()},
            {"render", project, "--out", (dir / "m.png").string(), "--bbox", inverted},
            {"bench-render", project, "--frames", "1", "--bbox", inverted},
            {"field-export", project, "--out", (dir / "f.sqlite").string(), "--bbox", inverted},
        };
        for (const auto& args : commands) {
            const auto r = test::runLagebild(args);
            EXPECT_EQ(r.exitCode, 2) << args[0] << " " << inverted << ": " << r.err;
            EXPECT_NE(r.err.find("--bbox \"" + inverted + "\": " + expected), std::string::npos)
                << args[0] << ": " << r.err;
            EXPECT_EQ(test::fileDigest(project), before) << args[0];
        }
        for (const char* out : {"k.tif", "m.png", "f.sqlite"}) EXPECT_FALSE(std::filesystem::exists(dir / out)) << out;
    }
    // The same box the right way round works (the test above is not refusing every box).
    const auto r = test::runLagebild({"query", project, "--layer", "pois", "--bbox", good});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}
