#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

#include <unistd.h>

#include <filesystem>

using namespace lb;

namespace {
const char* kFixture = "osm/2-roads-2-buildings-park-with-pond-5-pois.osm";
}

TEST(Cli, InitImportInfoRoundTripWithEmptyStderr) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    auto r = test::runLagebild({"init", project});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    r = test::runLagebild({"import-osm", project, test::fixture(kFixture).string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    test::writeFile(dir / "inc.csv", "id,time,category,lat,lon\n1,2025-01-01 12:00,Gewalt,50.8196,12.5446\n");
    r = test::runLagebild({"import", project, "--layer", "incidents", (dir / "inc.csv").string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto imported = nlohmann::json::parse(r.out);
    EXPECT_EQ(imported.at("imported"), 1);
    EXPECT_EQ(imported.at("rejected"), 0);
    r = test::runLagebild({"info", project, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto info = nlohmann::json::parse(r.out);
    EXPECT_EQ(info.at("crs"), "EPSG:25833");
    std::map<std::string, nlohmann::json> layers;
    for (const auto& layer : info.at("layers")) layers[layer.at("name")] = layer;
    EXPECT_EQ(layers.size(), 13u);
    EXPECT_EQ(layers.at("roads").at("count"), 2);
    EXPECT_EQ(layers.at("pois").at("count"), 5);
    EXPECT_EQ(layers.at("incidents").at("count"), 1);
    EXPECT_NEAR(layers.at("incidents").at("extent")[0].get<double>(), 327048.945, 0.01);
    EXPECT_TRUE(layers.at("measures").at("extent").is_null());
}

TEST(Cli, BadInputExitsTwoAndLeavesTheProjectUnchanged) {
    test::TempDir dir;
    const std::string project = (dir / "p.sqlite").string();
    ASSERT_EQ(test::runLagebild({"init", project}).exitCode, 0);
    const auto before = test::fileDigest(project);

    test::writeFile(dir / "bild.osm.pbf", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'x'));
    auto r = test::runLagebild({"import-osm", project, (dir / "bild.osm.pbf").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("bild.osm.pbf"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("PNG"), std::string::npos) << r.err;

    r = test::runLagebild({"import-osm", project, (dir / "fehlt.osm").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("fehlt.osm: no such file"), std::string::npos) << r.err;

    r = test::runLagebild({"import", project, "--layer", "strassen", (dir / "x.csv").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown layer 'strassen'"), std::string::npos) << r.err;

    r = test::runLagebild({"import", project, "--layer", "incidents"});
    EXPECT_EQ(r.exitCode, 2);

    r = test::runLagebild({"info", (dir / "nichts.sqlite").string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no such project file"), std::string::npos) << r.err;

    EXPECT_EQ(test::fileDigest(project), before);
}

TEST(Cli, ReadOnlyLocationsGiveAClearError) {
    auto r = test::runLagebild({"init", "/proc/lagebild-test.sqlite"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("/proc/lagebild-test.sqlite"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists("/proc/lagebild-test.sqlite"));
}

TEST(Cli, ReadOnlyProjectIsRefusedAndUnchanged) {
    test::TempDir dir;
    const auto project = dir / "p.sqlite";
    ASSERT_EQ(test::runLagebild({"init", project.string()}).exitCode, 0);
    test::writeFile(dir / "inc.csv", "id,time,category,lat,lon\n1,2025-01-01 12:00,Gewalt,50.8196,12.5446\n");
    namespace fs = std::filesystem;
    fs::permissions(project, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path(), fs::perms::all);
    fs::permissions(dir / "inc.csv", fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
    const auto before = test::fileDigest(project);
    // Root may write any file, so run as an unprivileged user when we are root.
    const int user = ::geteuid() == 0 ? 65534 : -1;
    auto r = test::runProgram(LAGEBILD_BINARY,
                              {"import", project.string(), "--layer", "incidents", (dir / "inc.csv").string()}, user);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
    EXPECT_EQ(test::fileDigest(project), before);
    // Refused before SQLite opened it: no side files either.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        EXPECT_FALSE(std::filesystem::exists(project.string() + suffix)) << suffix;
    }
}

TEST(Cli, HelpExplainsEveryCommand) {
    auto r = test::runLagebild({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char* command : {"init", "demo", "import-osm", "import", "info"}) {
        EXPECT_NE(r.out.find(command), std::string::npos) << command;
    }
    r = test::runLagebild({"import", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char* flag : {"--layer", "--x", "--y", "--lat", "--lon", "--crs", "--time", "--category", "--id",
                             "--name", "--encoding", "--delimiter"}) {
        EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
    }
}
