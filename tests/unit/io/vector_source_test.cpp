#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/vector_source.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

struct Row {
    long long line;
    std::vector<std::string> values;  // "" for null
    std::string problem;
};

std::vector<Row> readAll(io::VectorSource& source) {
    std::vector<Row> rows;
    core::Feature feature;
    while (source.next(feature)) {
        Row row{feature.sourceRow, {}, feature.problem};
        for (const auto& a : feature.attributes) row.values.push_back(core::toString(a.value));
        rows.push_back(std::move(row));
    }
    return rows;
}

class CsvSource : public ::testing::Test {
protected:
    std::vector<Row> read(const std::string& content, io::VectorSourceOptions options = {}) {
        test::writeFile(dir / "in.csv", content);
        source = std::make_unique<io::VectorSource>(dir / "in.csv", options);
        return readAll(*source);
    }
    test::TempDir dir;
    std::unique_ptr<io::VectorSource> source;
};

}  // namespace

TEST_F(CsvSource, RowsCarryThePhysicalLineAfterBlankLinesAndQuotedLineBreaks) {
    const auto rows = read(
        "id;note\r\n"                   // line 1
        "\r\n"                          // 2: blank
        "A;\"erste\r\n"                 // 3: a quoted field over two lines
        "zweite Zeile\"\r\n"            // 4
        "\r\n"                          // 5: blank
        "B;\"sagt \"\"Hallo\"\"\"\r\n"  // 6
        ";;\r\n"                        // 7: an empty spreadsheet row
        "C;letzte");                    // 8: no final line break
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].line, 3);
    EXPECT_EQ(rows[0].values[1], "erste\nzweite Zeile");
    EXPECT_EQ(rows[1].line, 6);
    EXPECT_EQ(rows[1].values[1], "sagt \"Hallo\"");
    EXPECT_EQ(rows[2].line, 8);
    EXPECT_EQ(rows[2].values[0], "C");
}

TEST_F(CsvSource, ANulByteMarksTheRowWithItsFieldInsteadOfCuttingTheValue) {
    const auto rows = read(std::string("id,name,note\nA,Bank,ok\nB,Ki\0osk,x\n", 33));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[0].problem.empty());
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_NE(rows[1].problem.find("NUL byte in field name"), std::string::npos) << rows[1].problem;
}

TEST_F(CsvSource, Windows1252HeaderAndValuesAreDecoded) {
    const auto rows = read(
        "Stra\xdf"
        "e;L\xe4nge;Breite\nHauptstra\xdf"
        "e;12,5;50,8\n");
    ASSERT_EQ(source->fieldNames().size(), 3u);
    EXPECT_EQ(source->fieldNames()[0], "Straße");
    EXPECT_EQ(source->fieldNames()[1], "Länge");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].values[0], "Hauptstraße");
    EXPECT_GT(source->recodedValues(), 0u);
    // With --encoding the header is decoded from that encoding too.
    read(
        "Stra\xdf"
        "e;x\nA;1\n",
        {.encoding = "ISO-8859-1"});
    EXPECT_EQ(source->fieldNames()[0], "Straße");
}

TEST_F(CsvSource, DelimiterIsDetectedFromTheHeaderOutsideQuotes) {
    auto rows = read("\"Kosten, EUR\";Ort;Datum\n\"1.234,56\";Markt;01.02.2025\n");
    EXPECT_EQ(source->fieldNames().size(), 3u);
    EXPECT_EQ(source->fieldNames()[0], "Kosten, EUR");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].values[0], "1.234,56");
    rows = read("a\tb\n1\t2\n");
    EXPECT_EQ(source->fieldNames().size(), 2u);
    rows = read("a|b\n1|2\n", {.delimiter = "|"});
    EXPECT_EQ(rows.at(0).values[1], "2");
}

TEST_F(CsvSource, MoreFieldsThanTheHeaderIsARowProblemShortRowsAreNull) {
    const auto rows = read("a,b\n1,2,3\n4\n5,6,\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_NE(rows[0].problem.find("3 fields, the header 2"), std::string::npos) << rows[0].problem;
    EXPECT_TRUE(rows[1].problem.empty());
    EXPECT_EQ(rows[1].values[1], "");
    EXPECT_TRUE(rows[2].problem.empty()) << "an empty trailing field is no extra data";
}

TEST_F(CsvSource, AnUnclosedQuoteFailsTheFileWithItsLine) {
    try {
        read("a,b\n1,2\n3,\"offen\n4,5\n");
        FAIL() << "an unclosed quote was accepted";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("in.csv: line 3: a quoted field is never closed"), std::string::npos)
            << e.what();
    }
}

TEST_F(CsvSource, AWktColumnIsTheGeometry) {
    const auto rows = read("id;WKT\n1;POINT (12.5 50.8)\n2;POINT (kaputt)\n");
    EXPECT_TRUE(source->hasGeometry());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[0].problem.empty());
    EXPECT_NE(rows[1].problem.find("cannot read the geometry in column WKT"), std::string::npos);
}

TEST_F(CsvSource, TheFirstWktColumnIsTheGeometryASecondIsAnAttribute) {
    // A spreadsheet that kept an old geometry column next to the new one ("WKT", "wkt_alt" renamed to "wkt").
    test::writeFile(dir / "in.csv", "id;WKT;wkt\n1;POINT (12.5 50.8);LINESTRING (12 50, 13 51)\n");
    io::VectorSource csv(dir / "in.csv", {});
    core::Feature feature;
    ASSERT_TRUE(csv.next(feature));
    EXPECT_TRUE(feature.problem.empty()) << feature.problem;
    EXPECT_EQ(feature.geometry.size(), 21u) << "the point of the first WKT column (21 bytes of WKB), not the line";
    EXPECT_EQ(core::toString(feature.attributes.at(2).value), "LINESTRING (12 50, 13 51)");
}

TEST_F(CsvSource, AUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName) {
    const auto rows = read("\xEF\xBB\xBFid;Ort\n1;Markt\n");
    ASSERT_EQ(source->fieldNames().size(), 2u);
    EXPECT_EQ(source->fieldNames()[0], "id");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].values[1], "Markt");
    // Bytes that only start like a BOM are content (not UTF-8 here, so read as Windows-1252: "ï»x").
    read(
        "\xEF\xBB"
        "x;b\n1;2\n");
    EXPECT_EQ(source->fieldNames()[0],
              "\xC3\xAF\xC2\xBB"
              "x");
}

TEST_F(CsvSource, Utf16TextIsRefusedInBothByteOrders) {
    // Excel's "Unicode text" is UTF-16 little endian (FF FE); big endian (FE FF) is rarer. Both are refused.
    for (const std::string bom : {std::string("\xFF\xFE", 2), std::string("\xFE\xFF", 2)}) {
        std::string content = bom;
        for (const char c : std::string("id;Ort\n1;Markt\n")) {
            content += bom[0] == '\xFF' ? std::string{c, '\0'} : std::string{'\0', c};
        }
        try {
            read(content);
            FAIL() << "UTF-16 was read";
        } catch (const core::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("the file is UTF-16 text"), std::string::npos) << e.what();
        }
    }
}

TEST(GpxSource, ATrackOnlyFileIsReadFromItsTracksLayerNotTheEmptyWaypoints) {
    // GDAL opens a GPX as five layers (waypoints, routes, tracks, route_points, track_points); a streetwork
    // round recorded on a phone has only a track, so the first layer with features is the one to read.
    test::TempDir dir;
    test::writeFile(dir / "runde.gpx", R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Runde Altstadt</name><trkseg>
    <trkpt lat="50.8196" lon="12.5446"><time>2025-09-29T18:00:00Z</time></trkpt>
    <trkpt lat="50.8201" lon="12.5460"><time>2025-09-29T18:05:00Z</time></trkpt>
    <trkpt lat="50.8210" lon="12.5472"><time>2025-09-29T18:10:00Z</time></trkpt>
  </trkseg></trk>
</gpx>
)");
    io::VectorSource gpx(dir / "runde.gpx", {});
    EXPECT_TRUE(gpx.hasGeometry());
    core::Feature feature;
    ASSERT_TRUE(gpx.next(feature));
    EXPECT_FALSE(feature.geometry.empty()) << "the track's line";
    // A MultiLineString of one line of three points in ISO WKB: 1+4+4 + 1+4+4 + 3*16 bytes.
    EXPECT_EQ(feature.geometry.size(), 66u);
    EXPECT_FALSE(gpx.next(feature)) << "one track, one feature";
}

TEST_F(CsvSource, ASingleColumnFileSplitsOnCommasOnlyAndATieGoesToTheSemicolon) {
    // No delimiter in the header: one column, and the default is the comma, so a semicolon in a value stays.
    auto rows = read("Bemerkung\nMarkt; Ecke Kirchgasse\n");
    ASSERT_EQ(source->fieldNames().size(), 1u);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].problem.empty()) << rows[0].problem;
    EXPECT_EQ(rows[0].values[0], "Markt; Ecke Kirchgasse");
    // As many semicolons as commas in the header: German spreadsheets export with semicolons.
    rows = read("Straße, Hausnr.;Ort\nMarkt 5;Glauchau\n");
    ASSERT_EQ(source->fieldNames().size(), 2u);
    EXPECT_EQ(source->fieldNames()[0], "Straße, Hausnr.");
    EXPECT_EQ(rows.at(0).values[1], "Glauchau");
}

TEST_F(CsvSource, OldMacLineEndsAndSpacesBeforeAQuoteAreRead) {
    // Carriage returns alone end lines (classic Mac Excel exports): no character of the next line is lost.
    auto rows = read("id,Ort\r1,Markt\r2,Kirchgasse\r");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].values, (std::vector<std::string>{"1", "Markt"}));
    EXPECT_EQ(rows[1].values, (std::vector<std::string>{"2", "Kirchgasse"}));
    EXPECT_EQ(rows[1].line, 3);
    // ", " before a quoted value: the quotes still group (the comma inside is no delimiter).
    rows = read("id, Ort\n1, \"Markt, Ecke Kirchgasse\"\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].problem.empty()) << rows[0].problem;
    EXPECT_EQ(rows[0].values[1], "Markt, Ecke Kirchgasse");
}
