#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace lb::core {

// The layers of a project. The identifier is the table name in the project file, the `--layer` value
// of the CLI and the name `info` prints (CLI.md); the display name is the German UI label.
// The GUI takes both languages' layer names from its catalogue (assets/i18n/, keys "layer.<name>"); the
// CLI and the progress stages use displayName below ui/, and tests/unit/ui/strings_test.cpp keeps the German
// catalogue entries equal to it.
enum class LayerId {
    Roads,
    Buildings,
    Landuse,
    Water,
    Railways,
    Pois,
    Incidents,
    Graffiti,
    Routes,
    Visits,
    Measures,
    Observations,
    Districts,
};

enum class LayerKind { BaseMap, Thematic };

// SpatiaLite geometry type of the layer's `geometry` column.
enum class GeometryType { Point, LineString, MultiPolygon, Geometry };

struct LayerInfo {
    LayerId id;
    std::string_view name;         // table name, CLI name
    std::string_view displayName;  // German UI label
    LayerKind kind;
    GeometryType geometryType;
    bool geometryRequired;  // visits may lack a location
    bool sensitive;         // DSGVO: raw features never in public outputs
};

inline constexpr std::array<LayerInfo, 13> kLayers{{
    {LayerId::Roads, "roads", "Straßen und Wege", LayerKind::BaseMap, GeometryType::LineString, true, false},
    {LayerId::Buildings, "buildings", "Gebäude", LayerKind::BaseMap, GeometryType::MultiPolygon, true, false},
    {LayerId::Landuse, "landuse", "Flächennutzung und Grün", LayerKind::BaseMap, GeometryType::MultiPolygon, true,
     false},
    {LayerId::Water, "water", "Gewässer", LayerKind::BaseMap, GeometryType::Geometry, true, false},
    {LayerId::Railways, "railways", "Bahnstrecken", LayerKind::BaseMap, GeometryType::LineString, true, false},
    {LayerId::Pois, "pois", "Orte (POI)", LayerKind::BaseMap, GeometryType::Point, true, false},
    {LayerId::Incidents, "incidents", "Vorfälle", LayerKind::Thematic, GeometryType::Point, true, true},
    {LayerId::Graffiti, "graffiti", "Graffiti-Standorte", LayerKind::Thematic, GeometryType::Point, true, false},
    {LayerId::Routes, "routes", "Streetwork-Routen", LayerKind::Thematic, GeometryType::LineString, true, true},
    {LayerId::Visits, "visits", "Streetwork-Einsätze", LayerKind::Thematic, GeometryType::Point, false, true},
    {LayerId::Measures, "measures", "Präventionsmaßnahmen", LayerKind::Thematic, GeometryType::Geometry, true, false},
    {LayerId::Observations, "observations", "Beobachtungen", LayerKind::Thematic, GeometryType::Point, true, true},
    {LayerId::Districts, "districts", "Stadtteile und Zonen", LayerKind::Thematic, GeometryType::MultiPolygon, true,
     false},
}};

const LayerInfo& layerInfo(LayerId id);
std::optional<LayerId> layerFromName(std::string_view name);
// "roads buildings ..." for error messages.
std::string_view layerNamesList(LayerKind kind);
std::string_view geometryTypeName(GeometryType type);  // "POINT", "LINESTRING", "MULTIPOLYGON", "GEOMETRY"

}  // namespace lb::core
