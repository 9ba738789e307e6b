// `lagebild animate` (the heat map's time animation as MP4/GIF through ffmpeg) and the usage checks of
// `lagebild present`.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using namespace lb;

namespace {

class Animate : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        const auto demo = test::runLagebild({"demo", project(), "--incidents", "600"});
        ASSERT_EQ(demo.exitCode, 0) << demo.err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::string project() { return (*s_dir / "demo.sqlite").string(); }
    void SetUp() override {
        LAGEBILD_REQUIRE_PROGRAM("ffmpeg");
        LAGEBILD_REQUIRE_PROGRAM("ffprobe");
    }

    // ffprobe's decoded frame count, codec, pixel format and size of the first video stream.
    static nlohmann::json probe(const std::filesystem::path& file) {
        const auto run = test::runProgram(
            "ffprobe", {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                        "stream=nb_read_frames,codec_name,pix_fmt,width,height", "-of", "json", file.string()});
        EXPECT_EQ(run.exitCode, 0) << run.err;
        const auto streams = nlohmann::json::parse(run.out).at("streams");
        return streams.empty() ? nlohmann::json::object() : streams.at(0);
    }

    // No file of that name and no temporary one beside it.
    static void expectNoOutput(const test::TempDir& dir, const std::string& name) {
        EXPECT_FALSE(std::filesystem::exists(dir / name));
        for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
            EXPECT_EQ(entry.path().filename().string().find(name), std::string::npos) << entry.path();
        }
    }

    static test::TempDir* s_dir;
};

test::TempDir* Animate::s_dir = nullptr;

TEST_F(Animate, GifAndMp4HaveOneFramePerStep) {
    test::TempDir dir;
    const auto gif = dir / "hotspots.gif", mp4 = dir / "hotspots.mp4";
    const auto a = test::runLagebild({"animate", project(), "--out", gif.string(), "--from", "2025-01-01", "--to",
                                      "2025-06-30", "--size", "320x240", "--json"});
    ASSERT_EQ(a.exitCode, 0) << a.err;
    EXPECT_EQ(a.err, "");
    EXPECT_EQ(nlohmann::json::parse(a.out).at("frames"), 6);
    const auto g = probe(gif);
    EXPECT_EQ(g.at("codec_name"), "gif");
    EXPECT_EQ(g.at("nb_read_frames"), "6");

    const auto b = test::runLagebild({"animate", project(), "--out", mp4.string(), "--from", "2025-03-03", "--to",
                                      "2025-03-23", "--step", "week", "--size", "320x240", "--public"});
    ASSERT_EQ(b.exitCode, 0) << b.err;
    EXPECT_EQ(b.err, "");
    const auto m = probe(mp4);
    EXPECT_EQ(m.at("codec_name"), "h264");
    EXPECT_EQ(m.at("pix_fmt"), "yuv420p");
    EXPECT_EQ(m.at("width"), 320);
    EXPECT_EQ(m.at("height"), 240);
    EXPECT_EQ(m.at("nb_read_frames"), "3");  // ISO weeks 10, 11, 12 of 2025
}

TEST_F(Animate, DefaultPeriodIsTheIncidentsTimeRange) {
    // The demo's incidents span November 2024 to October 2026: 24 months.
    const auto range = test::runLagebild(
        {"sql", project(), "SELECT substr(MIN(time), 1, 7) || ' ' || substr(MAX(time), 1, 7) FROM incidents"});
    ASSERT_NE(range.out.find("2024-11 2026-10"), std::string::npos) << range.out;
    test::TempDir dir;
    const auto out = dir / "all.mp4";
    const auto run = test::runLagebild({"animate", project(), "--out", out.string(), "--size", "160x120", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json.at("frames"), 24);
    EXPECT_EQ(json.at("from"), "2024-11-01T00:00:00+01:00");
    EXPECT_EQ(json.at("to"), "2026-11-01T00:00:00+01:00");
    EXPECT_EQ(probe(out).at("nb_read_frames"), "24");
}

TEST_F(Animate, BadFlagsAreUsageErrors) {
    test::TempDir dir;
    const std::string out = (dir / "x.mp4").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--out", out, "--step", "day"}, "--step"},
        {{"--out", (dir / "x.avi").string()}, ".mp4 or .gif"},
        {{"--out", out, "--size", "321x240"}, "even"},
        {{"--out", out, "--size", "huge"}, "--size"},
        {{"--out", out, "--from", "2025-05-01", "--to", "2025-01-01"}, "empty"},
        {{"--out", out, "--from", "31.02.2025"}, "--from"},
        {{"--out", out, "--fps", "0"}, "--fps"},
        {{}, "--out"},
    };
    for (const auto& [flags, expected] : cases) {
        std::vector<std::string> args{"animate", project()};
        args.insert(args.end(), flags.begin(), flags.end());
        const auto run = test::runLagebild(args);
        EXPECT_EQ(run.exitCode, 2) << expected << ": " << run.err;
        EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
    }
    expectNoOutput(dir, "x.mp4");
    const auto missing = test::runLagebild({"animate", (dir / "none.sqlite").string(), "--out", out});
    EXPECT_EQ(missing.exitCode, 2) << missing.err;
    expectNoOutput(dir, "x.mp4");
}

TEST_F(Animate, FailedEncoderLeavesNoFileAndSaysWhy) {
    test::TempDir dir;
    const auto fake = dir / "fake-ffmpeg";
    test::writeFile(fake, "#!/bin/sh\ncat >/dev/null\necho 'fake: the codec exploded' >&2\nexit 3\n");
    std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
    const auto out = dir / "v.mp4";
    const auto run =
        test::runProgram("env", {"LAGEBILD_FFMPEG=" + fake.string(), LAGEBILD_BINARY, "animate", project(), "--out",
                                 out.string(), "--from", "2025-01-01", "--to", "2025-02-28", "--size", "160x120"});
    EXPECT_EQ(run.exitCode, 1) << run.err;
    EXPECT_NE(run.err.find("the codec exploded"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("exit status 3"), std::string::npos) << run.err;
    expectNoOutput(dir, "v.mp4");

    // An encoder that stops reading at once (broken pipe) is an error too, not a crash.
    const auto quit = test::runProgram("env", {"LAGEBILD_FFMPEG=/bin/false", LAGEBILD_BINARY, "animate", project(),
                                               "--out", out.string(), "--size", "640x480"});
    EXPECT_EQ(quit.exitCode, 1) << quit.err;
    EXPECT_NE(quit.err.find("/bin/false"), std::string::npos) << quit.err;
    expectNoOutput(dir, "v.mp4");
    const auto absent = test::runProgram("env", {"LAGEBILD_FFMPEG=/nonexistent/ffmpeg", LAGEBILD_BINARY, "animate",
                                                 project(), "--out", out.string(), "--size", "160x120"});
    EXPECT_EQ(absent.exitCode, 1) << absent.err;
    EXPECT_NE(absent.err.find("cannot start"), std::string::npos) << absent.err;
    expectNoOutput(dir, "v.mp4");
}

TEST_F(Animate, KilledAnimateLeavesNoHalfWrittenFile) {
    test::TempDir dir;
    const auto out = dir / "long.mp4";
    int killedMidway = 0;
    for (const int signal : {SIGTERM, SIGKILL}) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::execl(LAGEBILD_BINARY, LAGEBILD_BINARY, "animate", project().c_str(), "--out", out.c_str(), "--step",
                    "week", "--size", "1280x720", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        ::kill(pid, signal);
        int status = 0;
        ::waitpid(pid, &status, 0);
        // SIGTERM cancels (exit 130, cli/exit_codes.hpp), SIGKILL kills.
        if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 130)) ++killedMidway;
        EXPECT_FALSE(std::filesystem::exists(out)) << "signal " << signal;
    }
    EXPECT_EQ(killedMidway, 2) << "animate finished before the kill";
    // SIGTERM removes the temporary file at once; after SIGKILL the next writer of the target does.
    const auto again = test::runLagebild({"animate", project(), "--out", out.string(), "--from", "2025-01-01", "--to",
                                          "2025-01-31", "--size", "160x120"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string(), "long.mp4");
}

TEST_F(Animate, PresentRefusesABadSlidesFileBeforeOpeningAWindow) {
    test::TempDir dir;
    const auto slides = dir / "slides.json";
    test::writeFile(slides, R"({"slides": [{"name": "Markt", "extent": [1, 2, 3]}]})");
    const auto run = test::runLagebild({"present", project(), "--slides", slides.string()});
    EXPECT_EQ(run.exitCode, 2) << run.err;
    EXPECT_NE(run.err.find("view 'Markt'"), std::string::npos) << run.err;
    const auto missing = test::runLagebild({"present", (dir / "none.sqlite").string()});
    EXPECT_EQ(missing.exitCode, 2) << missing.err;
    const auto noFile = test::runLagebild({"present", project(), "--slides", (dir / "none.json").string()});
    EXPECT_EQ(noFile.exitCode, 2) << noFile.err;
}

}  // namespace
