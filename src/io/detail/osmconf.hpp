#pragma once

namespace lb::io::detail {

// GDAL OSM driver configuration: every layer keeps its OSM id and all tags (as HSTORE text); we map tags
// to columns ourselves so nothing is lost. Areas: GDAL's default list of area keys.
// GDAL cuts the all_tags text of one feature at 8 KiB without a word (a node with ~1,000 tags loses the
// rest), so the keys Lagebild classifies by or keeps as columns are also requested as fields of their
// own (kMappedKeys, the same list as every layer's attributes=): the reader fills them back in.
inline constexpr const char* kMappedKeys[] = {"amenity",
                                              "shop",
                                              "leisure",
                                              "tourism",
                                              "highway",
                                              "public_transport",
                                              "railway",
                                              "man_made",
                                              "community_centre",
                                              "social_facility",
                                              "name",
                                              "opening_hours",
                                              "building",
                                              "building:levels",
                                              "addr:street",
                                              "addr:housenumber",
                                              "addr:postcode",
                                              "landuse",
                                              "natural",
                                              "waterway",
                                              "water",
                                              "ref",
                                              "lit",
                                              "bridge",
                                              "tunnel",
                                              "layer",
                                              "surface",
                                              "access",
                                              "foot",
                                              "oneway",
                                              "maxspeed",
                                              "service",
                                              "usage"};

inline constexpr const char* kOsmConf = R"INI(
closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,historic,landuse,leisure,military,natural,office,place,shop,sport,tourism,highway=platform,public_transport=platform
report_all_nodes=no
report_all_ways=no
attribute_name_laundering=no

[points]
osm_id=yes
attributes=amenity,shop,leisure,tourism,highway,public_transport,railway,man_made,community_centre,social_facility,name,opening_hours,building,building:levels,addr:street,addr:housenumber,addr:postcode,landuse,natural,waterway,water,ref,lit,bridge,tunnel,layer,surface,access,foot,oneway,maxspeed,service,usage
all_tags=yes
unsignificant=created_by,converted_by,source,time,ele,attribution,fixme,FIXME,note

[lines]
osm_id=yes
attributes=amenity,shop,leisure,tourism,highway,public_transport,railway,man_made,community_centre,social_facility,name,opening_hours,building,building:levels,addr:street,addr:housenumber,addr:postcode,landuse,natural,waterway,water,ref,lit,bridge,tunnel,layer,surface,access,foot,oneway,maxspeed,service,usage
all_tags=yes

[multipolygons]
osm_id=yes
attributes=amenity,shop,leisure,tourism,highway,public_transport,railway,man_made,community_centre,social_facility,name,opening_hours,building,building:levels,addr:street,addr:housenumber,addr:postcode,landuse,natural,waterway,water,ref,lit,bridge,tunnel,layer,surface,access,foot,oneway,maxspeed,service,usage
all_tags=yes
ignore=area

[multilinestrings]
osm_id=yes
attributes=amenity,shop,leisure,tourism,highway,public_transport,railway,man_made,community_centre,social_facility,name,opening_hours,building,building:levels,addr:street,addr:housenumber,addr:postcode,landuse,natural,waterway,water,ref,lit,bridge,tunnel,layer,surface,access,foot,oneway,maxspeed,service,usage
all_tags=yes

[other_relations]
osm_id=yes
attributes=amenity,shop,leisure,tourism,highway,public_transport,railway,man_made,community_centre,social_facility,name,opening_hours,building,building:levels,addr:street,addr:housenumber,addr:postcode,landuse,natural,waterway,water,ref,lit,bridge,tunnel,layer,surface,access,foot,oneway,maxspeed,service,usage
all_tags=yes
)INI";

}  // namespace lb::io::detail
