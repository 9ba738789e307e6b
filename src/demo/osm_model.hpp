#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "demo/geometry.hpp"

namespace lb::demo::detail {

class Wgs84Projector;

using Tags = std::vector<std::pair<std::string, std::string>>;

struct OsmNode {
    Vec2 pos;
    Tags tags;
};

struct OsmWay {
    std::vector<std::int64_t> refs;
    Tags tags;
};

struct OsmMember {
    std::int64_t wayId = 0;
    std::string role;
};

struct OsmRelation {
    std::vector<OsmMember> members;
    Tags tags;
};

// The OSM objects of the demo town in creation order. Ids are 1-based positions in each list; the writer
// puts all nodes before all ways and relations, so every reference points to an object written earlier.
class OsmModel {
public:
    std::int64_t addNode(Vec2 pos, Tags tags = {});
    // A node shared by every caller that passes exactly the same position (road junctions).
    std::int64_t sharedNode(Vec2 pos);
    std::int64_t addWay(std::vector<std::int64_t> refs, Tags tags);
    // A closed way over new nodes for the ring (first node repeated at the end).
    std::int64_t addArea(const Ring& ring, Tags tags);
    std::int64_t addRelation(std::vector<OsmMember> members, Tags tags);
    void addNodeTag(std::int64_t node, std::string key, std::string value);

    const std::vector<OsmNode>& nodes() const { return m_nodes; }
    const std::vector<OsmWay>& ways() const { return m_ways; }
    const std::vector<OsmRelation>& relations() const { return m_relations; }
    const OsmNode& node(std::int64_t id) const { return m_nodes[static_cast<std::size_t>(id - 1)]; }

private:
    std::vector<OsmNode> m_nodes;
    std::vector<OsmWay> m_ways;
    std::vector<OsmRelation> m_relations;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> m_shared;  // millimetre key → node id
};

// Writes the model as OSM XML 0.6: nodes, then ways, then relations, each in id order.
void writeOsmXml(const OsmModel& model, const Wgs84Projector& projector, const std::filesystem::path& path);

}  // namespace lb::demo::detail
