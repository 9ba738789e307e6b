#include "edit/geometry_check.hpp"

#include <cmath>

#include "core/error.hpp"
#include "edit/detail/geometry_parts.hpp"
#include "geo/geos_context.hpp"
#include "geo/wkb.hpp"

namespace lb::edit {
namespace {

using core::LayerId;
using geo::WkbType;

FieldProblem problem(std::string en, std::string de) {
    return {"geometry", std::move(en), std::move(de)};
}

bool typeAllowed(LayerId layer, WkbType type) {
    switch (core::layerInfo(layer).geometryType) {
        case core::GeometryType::Point:
            return type == WkbType::Point;
        case core::GeometryType::LineString:
            return type == WkbType::LineString;
        case core::GeometryType::MultiPolygon:
            return type == WkbType::Polygon || type == WkbType::MultiPolygon;
        case core::GeometryType::Geometry:
            return type == WkbType::Point || type == WkbType::LineString || type == WkbType::Polygon ||
                   type == WkbType::MultiPolygon;
    }
    return false;
}

std::string expected(LayerId layer) {
    switch (core::layerInfo(layer).geometryType) {
        case core::GeometryType::Point:
            return "a point";
        case core::GeometryType::LineString:
            return "a line";
        case core::GeometryType::MultiPolygon:
            return "a polygon";
        case core::GeometryType::Geometry:
            break;
    }
    return "a point, line or polygon";
}

double lineLength(const std::vector<geo::Coord>& line) {
    double length = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        length += std::hypot(line[i].first - line[i - 1].first, line[i].second - line[i - 1].second);
    }
    return length;
}

}  // namespace

std::optional<FieldProblem> geometryProblem(LayerId layer, const core::Wkb& geometry) {
    (void)formFor(layer);  // base-map layers are not edited
    if (geometry.empty()) {
        if (core::layerInfo(layer).geometryRequired) return problem("is required", "fehlt");
        return std::nullopt;
    }
    if (const std::string bad = geo::wkbProblem(geometry); !bad.empty()) return problem(bad, "ungültige Geometrie");
    const WkbType type = geo::wkbType(geometry);
    if (!typeAllowed(layer, type)) {
        return problem("layer " + std::string(core::layerInfo(layer).name) + " needs " + expected(layer),
                       "falscher Geometrietyp für diese Ebene");
    }
    const auto parts = detail::parseGeometry(geometry);
    for (const auto& part : parts.parts) {
        for (const auto& ring : part) {
            if (type == WkbType::LineString && (ring.size() < 2 || lineLength(ring) == 0)) {
                return problem("a line needs at least two different points",
                               "eine Linie braucht mindestens zwei verschiedene Punkte");
            }
            if (parts.isPolygonal() && ring.size() < 3) {
                return problem("a polygon ring needs at least three corners",
                               "ein Polygon braucht mindestens drei Ecken");
            }
        }
    }
    geo::GeosContext geos;
    try {
        if (parts.isPolygonal()) {
            if (const std::string reason = geos.invalidReason(geometry); !reason.empty()) {
                return problem("invalid polygon: " + reason,
                               "ungültiges Polygon (z. B. Selbstüberschneidung): " + reason);
            }
            if (geos.area(geometry) <= 0) return problem("the polygon has no area", "das Polygon hat keine Fläche");
        }
        if (type == WkbType::LineString && layer != LayerId::Routes && !geos.isSimple(geometry)) {
            return problem("the line crosses itself", "die Linie überschneidet sich selbst");
        }
    } catch (const core::InputError& e) {
        return problem(e.what(), "ungültige Geometrie");
    }
    return std::nullopt;
}

core::Wkb checkedGeometry(LayerId layer, core::Wkb geometry) {
    if (auto bad = geometryProblem(layer, geometry)) throw ValidationError(layer, {*bad});
    if (!geometry.empty()) {
        geo::normalizeWkb(geometry);
        if (core::layerInfo(layer).geometryType == core::GeometryType::MultiPolygon) geo::promoteToMulti(geometry);
    }
    return geometry;
}

}  // namespace lb::edit
