#include "core/layer.hpp"

namespace lb::core {

const LayerInfo& layerInfo(LayerId id) {
    return kLayers[static_cast<std::size_t>(id)];
}

std::optional<LayerId> layerFromName(std::string_view name) {
    for (const auto& layer : kLayers) {
        if (layer.name == name) return layer.id;
    }
    return std::nullopt;
}

std::string_view layerNamesList(LayerKind kind) {
    return kind == LayerKind::BaseMap ? "roads buildings landuse water railways pois"
                                      : "incidents graffiti routes visits measures observations districts";
}

std::string_view geometryTypeName(GeometryType type) {
    switch (type) {
        case GeometryType::Point:
            return "POINT";
        case GeometryType::LineString:
            return "LINESTRING";
        case GeometryType::MultiPolygon:
            return "MULTIPOLYGON";
        case GeometryType::Geometry:
            return "GEOMETRY";
    }
    return "GEOMETRY";
}

}  // namespace lb::core
