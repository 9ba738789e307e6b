// `lagebild render --out .pdf|.svg`: the vector print layout checked with the real tools (poppler's pdfinfo,
// pdftotext, pdffonts, pdfimages; xmllint) — page sizes, searchable text, embedded fonts, no images without a
// heat map, well-formed SVG — and the public print against the internal one: no incident legend rows, no
// incident symbols.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "support/test_support.hpp"

namespace fs = std::filesystem;
using lb::test::runLagebild;
using lb::test::runProgram;
using lb::test::TempDir;

namespace {

struct Demo {
    const TempDir& dir;
    fs::path project;
};

// One demo town for the program run (deterministic for its seed).
const Demo& demo() {
    static TempDir dir;
    static const Demo d{dir, [] {
                            const fs::path p = dir / "musterstadt.sqlite";
                            const auto r = runLagebild({"demo", p.string(), "--incidents", "1500"});
                            EXPECT_EQ(r.exitCode, 0) << r.err;
                            return p;
                        }()};
    return d;
}

fs::path print(const std::string& name, std::vector<std::string> extra = {}) {
    const fs::path out = demo().dir / name;
    std::vector<std::string> args{"render", demo().project.string(), "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = runLagebild(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return out;
}

// pdfinfo's "Page size: W x H pts", rounded to whole points.
std::pair<long, long> pageSize(const fs::path& pdf) {
    const auto r = runProgram("pdfinfo", {pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::smatch m;
    static const std::regex kSize(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)");
    if (!std::regex_search(r.out, m, kSize)) return {0, 0};
    return {std::lround(std::stod(m[1])), std::lround(std::stod(m[2]))};
}

std::string pdfText(const fs::path& pdf) {
    const auto r = runProgram("pdftotext", {"-layout", pdf.string(), "-"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.out;
}

// The fill colours an SVG uses, as 0–255 RGB triples (Cairo writes "fill:rgb(r%,g%,b%)").
std::set<std::array<int, 3>> svgFills(const std::string& svg) {
    std::set<std::array<int, 3>> fills;
    static const std::regex kFill(R"(fill:rgb\(([0-9.]+)%,([0-9.]+)%,([0-9.]+)%\))");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kFill); it != std::sregex_iterator(); ++it) {
        fills.insert({static_cast<int>(std::lround(std::stod((*it)[1]) * 2.55)),
                      static_cast<int>(std::lround(std::stod((*it)[2]) * 2.55)),
                      static_cast<int>(std::lround(std::stod((*it)[3]) * 2.55))});
    }
    return fills;
}

bool usesColour(const std::set<std::array<int, 3>>& fills, std::array<int, 3> colour) {
    for (const auto& f : fills) {
        if (std::abs(f[0] - colour[0]) <= 1 && std::abs(f[1] - colour[1]) <= 1 && std::abs(f[2] - colour[2]) <= 1)
            return true;
    }
    return false;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

// The incident classes of assets/styles/default.json: legend label and symbol colour.
const std::vector<std::pair<std::string, std::array<int, 3>>> kIncidentClasses{
    {"Gewalt", {0xd6, 0x27, 0x28}},
    {"Graffiti/Sachbesch\xc3\xa4"
     "digung",
     {0xff, 0x7f, 0x0e}},
    {"Verm\xc3\xbcllung", {0x8c, 0x6d, 0x31}},
    {"Drogen", {0x94, 0x67, 0xbd}},
    {"Extremismus", {0x1f, 0x3b, 0x73}}};

}  // namespace

TEST(PrintCli, PaperSizesAndOrientation) {
    LAGEBILD_REQUIRE_PROGRAM("pdfinfo");
    EXPECT_EQ(pageSize(print("a4.pdf")), (std::pair<long, long>{595, 842}));
    EXPECT_EQ(pageSize(print("a4l.pdf", {"--landscape"})), (std::pair<long, long>{842, 595}));
    EXPECT_EQ(pageSize(print("a3.pdf", {"--paper", "A3"})), (std::pair<long, long>{842, 1191}));
    EXPECT_EQ(pageSize(print("a0.pdf", {"--paper", "A0"})), (std::pair<long, long>{2384, 3370}));
    EXPECT_EQ(pageSize(print("a0l.pdf", {"--paper", "a0", "--landscape"})), (std::pair<long, long>{3370, 2384}));
}

TEST(PrintCli, TextIsSearchableWithEmbeddedFonts) {
    LAGEBILD_REQUIRE_PROGRAM("pdftotext");
    LAGEBILD_REQUIRE_PROGRAM("pdffonts");
    const fs::path pdf =
        print("text.pdf", {"--paper", "A0", "--title", "Lagebild Musterstadt Nord", "--date", "31.12.2025"});
    const std::string text = pdfText(pdf);
    for (const std::string expected : {"Lagebild Musterstadt Nord", "31.12.2025", "Gewalt", "Streetwork-Route",
                                       "Stadtteil", "\xc2\xa9 OpenStreetMap-Mitwirkende",
                                       "ETRS89 / UTM Zone 33N (EPSG:25833)", "Ma\xc3\x9fstab 1:", "Datenquellen:",
                                       "Leipziger Stra\xc3\x9f"
                                       "e"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text.substr(0, 3000);
    }
    EXPECT_EQ(text.find("ffentliche Fassung"), std::string::npos);
    const auto fonts = runProgram("pdffonts", {pdf.string()});
    ASSERT_EQ(fonts.exitCode, 0) << fonts.err;
    EXPECT_NE(fonts.out.find("DejaVuSans"), std::string::npos) << fonts.out;
    // every font row says emb = yes
    std::istringstream rows(fonts.out);
    std::string row;
    int fontRows = 0;
    for (int line = 0; std::getline(rows, row); ++line) {
        if (line < 2 || row.empty()) continue;
        ++fontRows;
        EXPECT_NE(row.find(" yes "), std::string::npos) << row;
    }
    EXPECT_GT(fontRows, 0);
}

TEST(PrintCli, NoImagesWithoutHeatmap) {
    LAGEBILD_REQUIRE_PROGRAM("pdfimages");
    auto imageRows = [](const fs::path& pdf) {
        const auto r = runProgram("pdfimages", {"-list", pdf.string()});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::istringstream rows(r.out);
        std::string row;
        int n = 0;
        for (int line = 0; std::getline(rows, row); ++line) n += line >= 2 && !row.empty() ? 1 : 0;
        return n;
    };
    EXPECT_EQ(imageRows(print("plain.pdf")), 0);
    EXPECT_GE(imageRows(print("heat.pdf", {"--heatmap"})), 1);
}

TEST(PrintCli, SvgIsWellFormedWithPaths) {
    LAGEBILD_REQUIRE_PROGRAM("xmllint");
    const fs::path svg = print("map.svg", {"--title", "SVG-Druck"});
    const auto lint = runProgram("xmllint", {"--noout", svg.string()});
    EXPECT_EQ(lint.exitCode, 0) << lint.err;
    const std::string content = lb::test::readFile(svg);
    EXPECT_GT(count(content, "<path"), 100u);
    EXPECT_NE(content.find("width=\"595.27"), std::string::npos) << content.substr(0, 400);
}

// The public print comes from the public gate's scene: the internal SVG draws the incident symbols (their
// colours) and lists their classes, the public one neither; it says it is the public version.
TEST(PrintCli, PublicPrintHasNoIncidents) {
    LAGEBILD_REQUIRE_PROGRAM("pdftotext");
    const std::string internal = lb::test::readFile(print("internal.svg"));
    const std::string publicSvg = lb::test::readFile(print("public.svg", {"--public", "--k", "7"}));
    const auto internalFills = svgFills(internal), publicFills = svgFills(publicSvg);
    for (const auto& [label, colour] : kIncidentClasses) {
        EXPECT_TRUE(usesColour(internalFills, colour)) << label;
        EXPECT_FALSE(usesColour(publicFills, colour)) << label << ": an incident colour in the public print";
    }
    const std::string internalText = pdfText(print("internal.pdf"));
    const std::string publicText = pdfText(print("public.pdf", {"--public", "--k", "7"}));
    for (const std::string label : {"Gewalt", "Drogen", "Extremismus", "Beobachtung", "Streetwork-Route"}) {
        EXPECT_NE(internalText.find(label), std::string::npos) << label;
        EXPECT_EQ(publicText.find(label), std::string::npos) << label << " in the public print's legend";
    }
    EXPECT_NE(publicText.find("\xc3\x96"
                              "ffentliche Fassung (k = 7)"),
              std::string::npos)
        << publicText;
    EXPECT_NE(publicText.find("Stadtteil"), std::string::npos);  // the public layers keep their legend
}

TEST(PrintCli, UnknownPaperIsAUsageErrorAndLeavesNoFile) {
    const fs::path out = demo().dir / "bad.pdf";
    const auto r = runLagebild({"render", demo().project.string(), "--out", out.string(), "--paper", "B5"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--paper"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("B5"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
    const auto ext = runLagebild({"render", demo().project.string(), "--out", (demo().dir / "m.jpg").string()});
    EXPECT_EQ(ext.exitCode, 2);
    EXPECT_NE(ext.err.find(".pdf"), std::string::npos) << ext.err;
}

// The print goes through the atomic output: only the finished file is left in its folder.
TEST(PrintCli, LeavesOnlyTheFinishedFile) {
    TempDir out;
    const auto r = runLagebild({"render", demo().project.string(), "--out", (out / "only.pdf").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(out.path())) {
        names.push_back(entry.path().filename().string());
    }
    EXPECT_EQ(names, std::vector<std::string>{"only.pdf"});
}
