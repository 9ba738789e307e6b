#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "render/gl/gl_objects.hpp"
#include "render/point_lod.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::render::gl {

// The features of one style class of one scene layer, contiguous in the layer's GPU buffers. Polygons
// are sorted by area (largest first) so that level of detail is a prefix: the features at least
// `minArea` large are the first n, found by binary search.
struct ClassBatch {
    std::uint16_t classIndex = 0;
    const ClassStyle* style = nullptr;
    std::vector<std::uint32_t> features;   // scene feature indices, in buffer order (points: level 0's
                                           // instances, a multipoint once per part)
    std::vector<float> areas;              // polygons: area in m², descending
    GLint firstVertex = 0;                 // polygons: triangle vertices
    std::vector<std::uint32_t> vertexEnd;  // polygons: vertices before the end of feature i (relative)
    GLint firstSegment = 0;                // lines and polygon outlines: segment instances
    std::vector<std::uint32_t> segmentEnd;
    GLint firstPoint = 0;  // points: symbol instances; level 0 holds `features` in this order
    GLsizei pointCount = 0;
    std::vector<PointLevel> pointLevels;  // points: level of detail (see point_lod.hpp), level 0 first

    // How many features (a prefix) are at least minArea large; all when minArea <= 0.
    std::size_t visibleCount(double minArea) const;
};

// One scene layer in GPU buffers.
struct GpuLayer {
    const SceneLayer* layer = nullptr;  // in the renderer's current scene snapshot
    std::uint64_t revision = 0;         // layer->revision when uploaded (0: never reused)
    const LayerStyle* style = nullptr;
    std::vector<ClassBatch> batches;  // by drawing order of the class (ClassStyle::order, then style order)
    VertexArray fillVao;
    Buffer fillVbo;
    VertexArray segmentVao;
    Buffer segmentVbo;
    VertexArray pointVao;  // no attributes: symbols fetch their point from pointTexture
    Buffer pointVbo;
    Texture pointTexture;                             // buffer texture over pointVbo, RGBA32F per symbol
    PointGrid pointGrid;                              // points: the Morton grid of every batch's levels
    std::vector<std::array<double, 2>> labelAnchors;  // polygons: a label point per feature (scene order)
    std::size_t triangleFailures = 0;                 // polygons GEOS could not triangulate (drawn as outline only)
};

// Builds and uploads a layer; `origin` is subtracted from all coordinates (in double) before they
// become floats.
GpuLayer uploadLayer(const SceneLayer& layer, const LayerStyle& style, std::array<double, 2> origin);

// Segment instance layout: p0.x, p0.y, p1.x, p1.y, distance along the line at p0 (metres).
inline constexpr int kSegmentFloats = 5;
// Symbol layout in the point buffer texture: x, y, weight (the number of points it stands for), unused.
inline constexpr int kPointFloats = 4;

}  // namespace lb::render::gl
