#include "demo/osm_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "demo/output.hpp"

namespace lb::demo::detail {

std::int64_t OsmModel::addNode(Vec2 pos, Tags tags) {
    m_nodes.push_back({pos, std::move(tags)});
    return static_cast<std::int64_t>(m_nodes.size());
}

std::int64_t OsmModel::sharedNode(Vec2 pos) {
    const std::pair<std::int64_t, std::int64_t> key{std::llround(pos.x * 1000.0), std::llround(pos.y * 1000.0)};
    const auto it = m_shared.find(key);
    if (it != m_shared.end()) return it->second;
    const std::int64_t id = addNode(pos);
    m_shared.emplace(key, id);
    return id;
}

std::int64_t OsmModel::addWay(std::vector<std::int64_t> refs, Tags tags) {
    m_ways.push_back({std::move(refs), std::move(tags)});
    return static_cast<std::int64_t>(m_ways.size());
}

std::int64_t OsmModel::addArea(const Ring& ring, Tags tags) {
    std::vector<std::int64_t> refs;
    refs.reserve(ring.size() + 1);
    for (Vec2 p : ring) refs.push_back(addNode(p));
    refs.push_back(refs.front());
    return addWay(std::move(refs), std::move(tags));
}

std::int64_t OsmModel::addRelation(std::vector<OsmMember> members, Tags tags) {
    m_relations.push_back({std::move(members), std::move(tags)});
    return static_cast<std::int64_t>(m_relations.size());
}

void OsmModel::addNodeTag(std::int64_t node, std::string key, std::string value) {
    Tags& tags = m_nodes[static_cast<std::size_t>(node - 1)].tags;
    for (const auto& [k, v] : tags) {
        if (k == key) return;
    }
    tags.emplace_back(std::move(key), std::move(value));
}

namespace {

void writeTags(TextFile& out, const Tags& tags) {
    for (const auto& [k, v] : tags) out << "    <tag k=\"" << xmlEscape(k) << "\" v=\"" << xmlEscape(v) << "\"/>\n";
}

}  // namespace

void writeOsmXml(const OsmModel& model, const Wgs84Projector& projector, const std::filesystem::path& path) {
    std::vector<double> lon;
    std::vector<double> lat;
    lon.reserve(model.nodes().size());
    lat.reserve(model.nodes().size());
    for (const OsmNode& n : model.nodes()) {
        lon.push_back(n.pos.x);
        lat.push_back(n.pos.y);
    }
    projector.lonLat(lon, lat);

    TextFile out(path);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<osm version=\"0.6\" generator=\"lagebild-demo\">\n";
    if (!lon.empty()) {
        const auto [minLon, maxLon] = std::minmax_element(lon.begin(), lon.end());
        const auto [minLat, maxLat] = std::minmax_element(lat.begin(), lat.end());
        out << "  <bounds minlat=\"";
        out.fixed(*minLat, 7) << "\" minlon=\"";
        out.fixed(*minLon, 7) << "\" maxlat=\"";
        out.fixed(*maxLat, 7) << "\" maxlon=\"";
        out.fixed(*maxLon, 7) << "\"/>\n";
    }
    for (std::size_t i = 0; i < model.nodes().size(); ++i) {
        const OsmNode& n = model.nodes()[i];
        out << "  <node id=\"";
        out.integer(static_cast<std::int64_t>(i + 1)) << "\" version=\"1\" lat=\"";
        out.fixed(lat[i], 7) << "\" lon=\"";
        out.fixed(lon[i], 7);
        if (n.tags.empty()) {
            out << "\"/>\n";
        } else {
            out << "\">\n";
            writeTags(out, n.tags);
            out << "  </node>\n";
        }
    }
    for (std::size_t i = 0; i < model.ways().size(); ++i) {
        const OsmWay& w = model.ways()[i];
        out << "  <way id=\"";
        out.integer(static_cast<std::int64_t>(i + 1)) << "\" version=\"1\">\n";
        for (std::int64_t ref : w.refs) {
            out << "    <nd ref=\"";
            out.integer(ref) << "\"/>\n";
        }
        writeTags(out, w.tags);
        out << "  </way>\n";
    }
    for (std::size_t i = 0; i < model.relations().size(); ++i) {
        const OsmRelation& r = model.relations()[i];
        out << "  <relation id=\"";
        out.integer(static_cast<std::int64_t>(i + 1)) << "\" version=\"1\">\n";
        for (const OsmMember& m : r.members) {
            out << "    <member type=\"way\" ref=\"";
            out.integer(m.wayId) << "\" role=\"" << xmlEscape(m.role) << "\"/>\n";
        }
        writeTags(out, r.tags);
        out << "  </relation>\n";
    }
    out << "</osm>\n";
    out.close();
}

}  // namespace lb::demo::detail
