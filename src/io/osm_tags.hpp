#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/layer.hpp"

namespace lb::io {

using OsmTags = std::vector<std::pair<std::string, std::string>>;

// Parses GDAL's all_tags text ("key"=>"value","k2"=>"v2", with \" and \\ escapes). Throws
// core::InputError on malformed text.
OsmTags parseHstoreTags(std::string_view text);
const std::string* findTag(const OsmTags& tags, std::string_view key);

// Which of GDAL's OSM layers a feature came from.
enum class OsmGeometryKind { Point, Line, Area };

// The Lagebild layers an OSM feature belongs to (possibly several: a school building is a building and,
// at its point on surface, a POI; possibly none). Pure function of the tags, unit-tested.
std::vector<core::LayerId> classifyOsm(OsmGeometryKind kind, const OsmTags& tags);

// Whether a feature with these tags is a POI relevant to prevention work.
bool isPreventionPoi(const OsmTags& tags);

}  // namespace lb::io
