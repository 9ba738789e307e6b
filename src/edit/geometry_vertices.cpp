#include "edit/geometry_vertices.hpp"

#include "edit/detail/geometry_parts.hpp"

namespace lb::edit {

GeometryVertices geometryVertices(const core::Wkb& wkb) {
    auto parsed = detail::parseGeometry(wkb);
    return GeometryVertices{parsed.type, std::move(parsed.parts)};
}

}  // namespace lb::edit
