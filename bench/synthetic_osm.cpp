#include "synthetic_osm.hpp"

#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "geo/crs.hpp"

namespace lb::bench {
namespace {

class Writer {
public:
    explicit Writer(const std::filesystem::path& file) : m_file(std::fopen(file.c_str(), "w"), std::fclose) {
        if (!m_file) throw std::runtime_error("cannot write " + file.string());
        std::setvbuf(m_file.get(), nullptr, _IOFBF, 1 << 20);
        std::fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"lagebild-bench\">\n",
                   m_file.get());
    }
    ~Writer() {
        if (m_file) std::fputs("</osm>\n", m_file.get());
    }
    std::FILE* f() { return m_file.get(); }

private:
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> m_file;
};

}  // namespace

SyntheticOsmStats writeSyntheticOsm(const std::filesystem::path& file, std::size_t minNodes) {
    SyntheticOsmStats stats;
    geo::CrsTransform toWgs("EPSG:25833", "EPSG:4326");
    // Blocks of 100 m with a 4x4 grid of 12 m x 10 m buildings each: 64 nodes per block plus street nodes.
    const auto blocks = static_cast<std::size_t>(std::ceil(std::sqrt(double(minNodes) / 64.0)));
    const double originX = 320000, originY = 5628000, block = 100;
    Writer out(file);
    std::int64_t nodeId = 0, wayId = 0, relationId = 0;
    auto node = [&](double x, double y, const char* tags = nullptr) {
        toWgs.transform(x, y);
        ++nodeId;
        ++stats.nodes;
        if (tags) {
            std::fprintf(out.f(), " <node id=\"%lld\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\">%s</node>\n",
                         static_cast<long long>(nodeId), y, x, tags);
        } else {
            std::fprintf(out.f(), " <node id=\"%lld\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n",
                         static_cast<long long>(nodeId), y, x);
        }
        return nodeId;
    };
    // Street grid nodes first (OSM files list nodes before ways).
    std::vector<std::int64_t> grid((blocks + 1) * (blocks + 1));
    for (std::size_t j = 0; j <= blocks; ++j) {
        for (std::size_t i = 0; i <= blocks; ++i)
            grid[j * (blocks + 1) + i] = node(originX + i * block, originY + j * block);
    }
    // Buildings: 4 corner nodes each; POI nodes every seventh block.
    std::vector<std::int64_t> buildingStart;
    buildingStart.reserve(blocks * blocks * 16);
    for (std::size_t j = 0; j < blocks; ++j) {
        for (std::size_t i = 0; i < blocks; ++i) {
            const double bx = originX + i * block + 14, by = originY + j * block + 14;
            for (int k = 0; k < 16; ++k) {
                const double x = bx + (k % 4) * 18, y = by + (k / 4) * 18;
                buildingStart.push_back(node(x, y));
                node(x + 12, y);
                node(x + 12, y + 10);
                node(x, y + 10);
            }
            if ((i + j) % 7 == 0) {
                node(originX + i * block + 5, originY + j * block + 5,
                     (i % 2) ? "<tag k=\"highway\" v=\"street_lamp\"/>" : "<tag k=\"amenity\" v=\"bench\"/>");
                ++stats.pois;
            }
        }
    }
    // Streets: one way per grid line.
    auto street = [&](bool horizontal, std::size_t line) {
        std::fprintf(out.f(), " <way id=\"%lld\" version=\"1\">", static_cast<long long>(++wayId));
        for (std::size_t k = 0; k <= blocks; ++k) {
            const std::size_t idx = horizontal ? line * (blocks + 1) + k : k * (blocks + 1) + line;
            std::fprintf(out.f(), "<nd ref=\"%lld\"/>", static_cast<long long>(grid[idx]));
        }
        std::fprintf(out.f(),
                     "<tag k=\"highway\" v=\"%s\"/><tag k=\"name\" v=\"%s %zu\"/><tag k=\"lit\" v=\"%s\"/></way>\n",
                     line % 5 == 0 ? "secondary" : "residential", horizontal ? "Querstraße" : "Längsstraße", line,
                     line % 3 == 0 ? "no" : "yes");
        ++stats.ways;
        ++stats.roads;
    };
    for (std::size_t line = 0; line <= blocks; ++line) {
        street(true, line);
        street(false, line);
    }
    // Building ways. Of every 50 buildings, the first two are untagged ways that form one building as a
    // two-part multipolygon relation (written below), so relations are exercised as well.
    for (std::size_t b = 0; b < buildingStart.size(); ++b) {
        const std::int64_t n = buildingStart[b];
        const bool member = b % 50 == 0 || b % 50 == 1;
        std::fprintf(out.f(),
                     " <way id=\"%lld\" version=\"1\"><nd ref=\"%lld\"/><nd ref=\"%lld\"/><nd ref=\"%lld\"/><nd "
                     "ref=\"%lld\"/><nd ref=\"%lld\"/>%s</way>\n",
                     static_cast<long long>(++wayId), static_cast<long long>(n), static_cast<long long>(n + 1),
                     static_cast<long long>(n + 2), static_cast<long long>(n + 3), static_cast<long long>(n),
                     member ? "" : "<tag k=\"building\" v=\"yes\"/>");
        ++stats.ways;
        if (!member) ++stats.buildings;
    }
    for (std::size_t b = 0; b + 1 < buildingStart.size(); b += 50) {
        const long long first = static_cast<long long>(wayId - static_cast<std::int64_t>(buildingStart.size()) + 1 + b);
        std::fprintf(out.f(),
                     " <relation id=\"%lld\" version=\"1\"><member type=\"way\" ref=\"%lld\" role=\"outer\"/><member "
                     "type=\"way\" ref=\"%lld\" role=\"outer\"/><tag k=\"type\" v=\"multipolygon\"/><tag "
                     "k=\"building\" v=\"apartments\"/></relation>\n",
                     static_cast<long long>(++relationId), first, first + 1);
        ++stats.relations;
        ++stats.buildings;
    }
    if (std::ferror(out.f())) throw std::runtime_error("write error on " + file.string());
    return stats;
}

}  // namespace lb::bench
