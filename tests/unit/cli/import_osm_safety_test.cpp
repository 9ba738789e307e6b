// import-osm refuses files that would replace the base map with nothing or with a cut-off part of it:
// empty, header-only or truncated PBF/XML/bzip2 files exit 2 and leave the project byte for byte as it was.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "support/test_support.hpp"

using namespace lb;

namespace {

// n square buildings on a grid, as OSM XML.
std::string buildingsXml(int n) {
    return test::osmBuildingsXml(n, 100);
}

// Byte offsets where the PBF's blobs start (BlobHeader length, BlobHeader with datasize in field 3, blob),
// followed by the file size.
std::vector<std::size_t> blobStarts(const std::string& pbf) {
    std::vector<std::size_t> starts;
    std::size_t i = 0;
    while (i + 4 <= pbf.size()) {
        starts.push_back(i);
        const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(pbf[k]); };
        const std::size_t headerSize = (std::size_t{byte(i)} << 24) | (std::size_t{byte(i + 1)} << 16) |
                                       (std::size_t{byte(i + 2)} << 8) | std::size_t{byte(i + 3)};
        std::size_t j = i + 4, dataSize = 0;
        const std::size_t end = j + headerSize;
        while (j < end) {
            const std::uint8_t key = byte(j++);
            if ((key & 7) == 2) {  // length-delimited: type (1) or indexdata (2)
                std::size_t length = 0;
                for (int shift = 0;; shift += 7) {
                    const std::uint8_t b = byte(j++);
                    length |= std::size_t{static_cast<std::uint8_t>(b & 0x7f)} << shift;
                    if (b < 0x80) break;
                }
                j += length;
            } else {  // varint: datasize (3)
                std::size_t value = 0;
                for (int shift = 0;; shift += 7) {
                    const std::uint8_t b = byte(j++);
                    value |= std::size_t{static_cast<std::uint8_t>(b & 0x7f)} << shift;
                    if (b < 0x80) break;
                }
                if ((key >> 3) == 3) dataSize = value;
            }
        }
        i = end + dataSize;
    }
    starts.push_back(pbf.size());
    return starts;
}

class ImportOsmSafety : public ::testing::Test {
protected:
    void SetUp() override {
        m_project = (m_dir / "p.sqlite").string();
        ASSERT_EQ(test::runLagebild({"init", m_project}).exitCode, 0);
        test::writeFile(m_dir / "ok.osm", buildingsXml(20));
        const auto r = test::runLagebild({"import-osm", m_project, (m_dir / "ok.osm").string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }

    // Imports FILE, expects it refused with exit 2 and a message naming it, and the project unchanged.
    void expectRefused(const std::string& file, const std::string& what) {
        const auto digest = test::fileDigest(m_project);
        const auto r = test::runLagebild({"import-osm", m_project, (m_dir / file).string()});
        EXPECT_EQ(r.exitCode, 2) << what << ": " << r.out << r.err;
        EXPECT_NE(r.err.find(file), std::string::npos) << what << ": " << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << what << ": " << r.err;
        EXPECT_EQ(test::fileDigest(m_project), digest) << what;
        EXPECT_EQ(buildings(), 20) << what;
    }

    int buildings() {
        const auto info = test::runLagebild({"info", m_project, "--json"});
        const auto parsed = nlohmann::json::parse(info.out);
        for (const auto& layer : parsed.at("layers")) {
            if (layer.at("name").get<std::string>() == "buildings") return layer.at("count").get<int>();
        }
        ADD_FAILURE() << "no layer buildings in: " << info.out << info.err;
        return -1;
    }

    test::TempDir m_dir;
    std::string m_project;
};

}  // namespace

TEST_F(ImportOsmSafety, EmptyXmlIsRefused) {
    test::writeFile(m_dir / "leer.osm", "<?xml version=\"1.0\"?>\n<osm version=\"0.6\"></osm>\n");
    expectRefused("leer.osm", "empty <osm></osm>");
}

TEST_F(ImportOsmSafety, HeaderOnlyTruncatedAndGappedPbfsAreRefused) {
    LAGEBILD_REQUIRE_PROGRAM("osmium");
    // 3000 buildings: two node blocks and one way block. Uncompressed blobs: GDAL refuses zlib blobs of
    // such regular test data as a possible zip bomb (compression ratio over 100).
    test::writeFile(m_dir / "big.osm", buildingsXml(3000));
    const auto converted =
        test::runProgram("osmium", {"cat", (m_dir / "big.osm").string(), "-o", (m_dir / "big.osm.pbf").string(), "-f",
                                    "pbf,pbf_compression=none", "--overwrite"});
    ASSERT_EQ(converted.exitCode, 0) << converted.err;
    const std::string pbf = test::readFile(m_dir / "big.osm.pbf");
    const auto starts = blobStarts(pbf);
    ASSERT_EQ(starts.size(), 5u) << "expected header, two node blocks, one way block";

    test::writeFile(m_dir / "header.osm.pbf", pbf.substr(0, starts[1]));
    expectRefused("header.osm.pbf", "header-only PBF");
    test::writeFile(m_dir / "cut-at-block.osm.pbf", pbf.substr(0, starts[3]));
    expectRefused("cut-at-block.osm.pbf", "PBF cut at the block boundary before the ways");
    test::writeFile(m_dir / "cut-in-block.osm.pbf", pbf.substr(0, (starts[3] + starts[4]) / 2));
    expectRefused("cut-in-block.osm.pbf", "PBF cut inside the way block");
    test::writeFile(m_dir / "missing-block.osm.pbf", pbf.substr(0, starts[1]) + pbf.substr(starts[3]));
    // The way block without its node blocks: no way can be built.
    expectRefused("missing-block.osm.pbf", "PBF with its node blocks missing");

    // The whole file imports.
    const auto r = test::runLagebild({"import-osm", m_project, (m_dir / "big.osm.pbf").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(buildings(), 3000);
}

TEST_F(ImportOsmSafety, TruncatedBzip2IsRefusedAndMultiStreamBzip2ImportsWhole) {
    LAGEBILD_REQUIRE_PROGRAM("bzip2");
    const std::string xml = buildingsXml(3000);
    // pbzip2/lbzip2 style: two bzip2 streams one after the other.
    test::writeFile(m_dir / "part1", xml.substr(0, xml.size() / 2));
    test::writeFile(m_dir / "part2", xml.substr(xml.size() / 2));
    for (const char* part : {"part1", "part2"}) {
        ASSERT_EQ(test::runProgram("bzip2", {"-f", (m_dir / part).string()}).exitCode, 0);
    }
    const std::string first = test::readFile(m_dir / "part1.bz2");
    const std::string second = test::readFile(m_dir / "part2.bz2");

    test::writeFile(m_dir / "cut.osm.bz2", first.substr(0, first.size() / 2));
    expectRefused("cut.osm.bz2", "bzip2 cut inside its stream");
    test::writeFile(m_dir / "first-stream.osm.bz2", first);
    expectRefused("first-stream.osm.bz2", "bzip2 holding only the first of two streams");

    test::writeFile(m_dir / "multi.osm.bz2", first + second);
    const auto r = test::runLagebild({"import-osm", m_project, (m_dir / "multi.osm.bz2").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(buildings(), 3000);
}
