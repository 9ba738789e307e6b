// Projekt → Drucken / PDF… in the real lagebild-gui on a private Xvfb display (issue 11): the dialog paints
// its preview, and writing (on the document lane) gives an A4 PDF with the typed title; in the workstation's
// public mode the print is the public version without the incident legend.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "gui_test_support.hpp"
#include "support/test_support.hpp"

namespace lb::ui {
namespace {

TEST(GuiPrint, TheDialogWritesAnA4PdfWithTheTitle) {
    LAGEBILD_REQUIRE_PROGRAM("pdfinfo");
    LAGEBILD_REQUIRE_PROGRAM("pdftotext");
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "1500"}).exitCode, 0);
    const auto shot = dir / "print-dialog.png";
    std::string script = "wait_ready\n";
    script += "click @menu.project\nframes 3\nclick @menu.print\nframes 5\n";
    script += "click @print.title\nframes 2\ntype  Nord\nframes 3\nscreenshot " + shot.string() + "\n";
    script += "click @print.confirm\nframes 3\nwait_idle\nframes 3\nprint done\n";
    test::writeFile(dir / "print.txt", script);
    const auto run =
        guitest::runGui(dir, {project.string(), "--size", "1400x900", "--script", (dir / "print.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << "\n" << run.out;
    EXPECT_NE(run.out.find("\"label\":\"done\""), std::string::npos) << run.out;
    EXPECT_TRUE(std::filesystem::exists(shot));
    const auto pdf = dir / "demo-druck.pdf";
    ASSERT_TRUE(std::filesystem::exists(pdf));
    const auto info = test::runProgram("pdfinfo", {pdf.string()});
    EXPECT_NE(info.out.find("595.276 x 841.89 pts"), std::string::npos) << info.out;
    const auto text = test::runProgram("pdftotext", {pdf.string(), "-"});
    EXPECT_NE(text.out.find("Lagebild demo Nord"), std::string::npos) << text.out.substr(0, 2000);
    EXPECT_NE(text.out.find("Gewalt"), std::string::npos);  // internal: the incident legend
    EXPECT_EQ(text.out.find("ffentliche Fassung"), std::string::npos);
}

TEST(GuiPrint, InPublicModeThePrintIsThePublicVersion) {
    LAGEBILD_REQUIRE_PROGRAM("pdftotext");
    test::TempDir dir;
    const auto project = dir / "demo.sqlite";
    ASSERT_EQ(test::runLagebild({"demo", project.string(), "--incidents", "1500"}).exitCode, 0);
    std::string script = "wait_ready\n";
    script += "click @menu.view\nframes 3\nclick @menu.public_mode\nframes 3\nwait_idle\nframes 3\nexpect public on\n";
    script += "click @menu.project\nframes 3\nclick @menu.print\nframes 5\n";
    script += "click @print.confirm\nframes 3\nwait_idle\nframes 3\nprint done\n";
    test::writeFile(dir / "print.txt", script);
    const auto run =
        guitest::runGui(dir, {project.string(), "--size", "1400x900", "--script", (dir / "print.txt").string()});
    ASSERT_EQ(run.exitCode, 0) << run.err << "\n" << run.out;
    const auto pdf = dir / "demo-druck.pdf";
    ASSERT_TRUE(std::filesystem::exists(pdf));
    const auto text = test::runProgram("pdftotext", {pdf.string(), "-"});
    EXPECT_NE(text.out.find("\xc3\x96"
                            "ffentliche Fassung (k = 5)"),
              std::string::npos)
        << text.out.substr(0, 2000);
    for (const std::string label : {"Gewalt", "Drogen", "Beobachtung", "Streetwork-Route"}) {
        EXPECT_EQ(text.out.find(label), std::string::npos) << label;
    }
}

}  // namespace
}  // namespace lb::ui
