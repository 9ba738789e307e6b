#pragma once

namespace lb::io::detail {

// GDAL OSM driver configuration: every layer keeps its OSM id and all tags (as HSTORE text); we map tags
// to columns ourselves so nothing is lost. Areas: GDAL's default list of area keys.
inline constexpr const char* kOsmConf = R"INI(
closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,historic,landuse,leisure,military,natural,office,place,shop,sport,tourism,highway=platform,public_transport=platform
report_all_nodes=no
report_all_ways=no
attribute_name_laundering=no

[points]
osm_id=yes
attributes=
all_tags=yes
unsignificant=created_by,converted_by,source,time,ele,attribution,fixme,FIXME,note

[lines]
osm_id=yes
attributes=
all_tags=yes

[multipolygons]
osm_id=yes
attributes=
all_tags=yes
ignore=area

[multilinestrings]
osm_id=yes
attributes=
all_tags=yes

[other_relations]
osm_id=yes
attributes=
all_tags=yes
)INI";

}  // namespace lb::io::detail
