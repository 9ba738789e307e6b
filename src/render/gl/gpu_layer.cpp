#include "render/gl/gpu_layer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "geo/geos_context.hpp"
#include "render/class_batches.hpp"

namespace lb::render::gl {
namespace {

void appendSegments(const SceneLayer& layer, std::uint32_t ring, std::array<double, 2> origin,
                    std::vector<float>& out) {
    const std::uint32_t begin = layer.ringCoords[ring], end = layer.ringCoords[ring + 1];
    double distance = 0;
    for (std::uint32_t c = begin; c + 1 < end; ++c) {
        const double x0 = layer.xy[2 * c], y0 = layer.xy[2 * c + 1];
        const double x1 = layer.xy[2 * c + 2], y1 = layer.xy[2 * c + 3];
        out.push_back(static_cast<float>(x0 - origin[0]));
        out.push_back(static_cast<float>(y0 - origin[1]));
        out.push_back(static_cast<float>(x1 - origin[0]));
        out.push_back(static_cast<float>(y1 - origin[1]));
        out.push_back(static_cast<float>(distance));
        distance += std::hypot(x1 - x0, y1 - y0);
    }
}

void setupSegmentVao(GpuLayer& gpu, const std::vector<float>& segments) {
    gpu.segmentVao = makeVertexArray();
    gpu.segmentVbo = makeBuffer();
    glBindVertexArray(gpu.segmentVao.get());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.segmentVbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(float)), segments.data(),
                 GL_STATIC_DRAW);
    for (GLuint i = 0; i < 3; ++i) {
        glEnableVertexAttribArray(i);
        glVertexAttribDivisor(i, 1);
    }
    glBindVertexArray(0);
}

}  // namespace

std::size_t ClassBatch::visibleCount(double minArea) const {
    if (minArea <= 0 || areas.empty()) return features.size();
    // areas are descending: the first index with area < minArea
    const auto it = std::partition_point(areas.begin(), areas.end(), [&](float a) { return a >= minArea; });
    return static_cast<std::size_t>(it - areas.begin());
}

GpuLayer uploadLayer(const SceneLayer& layer, const LayerStyle& style, std::array<double, 2> origin) {
    GpuLayer gpu;
    gpu.layer = &layer;
    gpu.revision = layer.revision;
    gpu.style = &style;

    // Group features by class; classes without a style are not drawn at all.
    for (StyleBatch& group : styleBatches(layer, style)) {
        ClassBatch batch;
        batch.classIndex = group.classIndex;
        batch.style = group.style;
        batch.features = std::move(group.features);
        gpu.batches.push_back(std::move(batch));
    }

    std::vector<float> segments;
    if (layer.kind == GeometryKind::Polygon) {
        geo::GeosContext geos;
        std::vector<float> vertices;
        std::vector<double> triangles;
        gpu.labelAnchors.resize(layer.featureCount());
        for (auto& batch : gpu.batches) {
            std::vector<double> areas(layer.featureCount());
            for (auto f : batch.features) areas[f] = featureArea(layer, f);
            std::stable_sort(batch.features.begin(), batch.features.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return areas[a] > areas[b]; });
            batch.firstVertex = static_cast<GLint>(vertices.size() / 2);
            batch.firstSegment = static_cast<GLint>(segments.size() / kSegmentFloats);
            for (auto f : batch.features) {
                batch.areas.push_back(static_cast<float>(areas[f]));
                gpu.labelAnchors[f] = labelAnchor(layer, f);
                for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
                    const std::uint32_t firstRing = layer.partRings[p];
                    const std::uint32_t ringCount = layer.partRings[p + 1] - firstRing;
                    triangles.clear();
                    if (!geos.triangulatePolygon(layer.xy.data(), layer.ringCoords.data() + firstRing, ringCount,
                                                 triangles)) {
                        ++gpu.triangleFailures;
                    }
                    for (std::size_t i = 0; i < triangles.size(); i += 2) {
                        vertices.push_back(static_cast<float>(triangles[i] - origin[0]));
                        vertices.push_back(static_cast<float>(triangles[i + 1] - origin[1]));
                    }
                    for (std::uint32_t r = firstRing; r < firstRing + ringCount; ++r) {
                        appendSegments(layer, r, origin, segments);
                    }
                }
                batch.vertexEnd.push_back(static_cast<std::uint32_t>(vertices.size() / 2 - batch.firstVertex));
                batch.segmentEnd.push_back(
                    static_cast<std::uint32_t>(segments.size() / kSegmentFloats - batch.firstSegment));
            }
        }
        gpu.fillVao = makeVertexArray();
        gpu.fillVbo = makeBuffer();
        glBindVertexArray(gpu.fillVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, gpu.fillVbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(),
                     GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glBindVertexArray(0);
        setupSegmentVao(gpu, segments);
    } else if (layer.kind == GeometryKind::Line) {
        for (auto& batch : gpu.batches) {
            batch.firstSegment = static_cast<GLint>(segments.size() / kSegmentFloats);
            for (auto f : batch.features) {
                for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
                    for (std::uint32_t r = layer.partRings[p]; r < layer.partRings[p + 1]; ++r) {
                        appendSegments(layer, r, origin, segments);
                    }
                }
                batch.segmentEnd.push_back(
                    static_cast<std::uint32_t>(segments.size() / kSegmentFloats - batch.firstSegment));
            }
        }
        setupSegmentVao(gpu, segments);
    } else {
        core::BBox extent;
        for (std::size_t i = 0; i + 1 < layer.xy.size(); i += 2) extent.add(layer.xy[i], layer.xy[i + 1]);
        gpu.pointGrid = PointGrid::covering(extent);
        std::vector<float> points;
        for (auto& batch : gpu.batches) {
            // One instance per point part; `owner` maps it back to its feature.
            std::vector<double> xy;
            std::vector<std::uint32_t> owner;
            xy.reserve(2 * batch.features.size());
            owner.reserve(batch.features.size());
            for (auto f : batch.features) {
                for (std::uint32_t p = layer.featureParts[f]; p < layer.featureParts[f + 1]; ++p) {
                    const std::uint32_t c = layer.ringCoords[layer.partRings[p]];
                    xy.push_back(layer.xy[2 * c]);
                    xy.push_back(layer.xy[2 * c + 1]);
                    owner.push_back(f);
                }
            }
            const PointLod lod = buildPointLod(gpu.pointGrid, xy);
            batch.firstPoint = static_cast<GLint>(points.size() / kPointFloats);
            batch.pointCount = static_cast<GLsizei>(lod.levels.front().count());
            batch.pointLevels = lod.levels;
            std::vector<std::uint32_t> ordered(batch.pointCount);
            for (std::size_t i = 0; i < ordered.size(); ++i) ordered[i] = owner[lod.source[i]];
            batch.features = std::move(ordered);
            points.reserve(points.size() + kPointFloats * lod.source.size());
            for (std::size_t i = 0; i < lod.source.size(); ++i) {
                points.push_back(static_cast<float>(xy[2 * lod.source[i]] - origin[0]));
                points.push_back(static_cast<float>(xy[2 * lod.source[i] + 1] - origin[1]));
                points.push_back(lod.weight[i]);
                points.push_back(0.0f);
            }
        }
        // The symbols read their points from a buffer texture (3 vertices per point, no instancing: a
        // software rasteriser runs its whole vertex pipeline once per instance). The vertex array has no
        // attributes; core profiles need one bound to draw.
        GLint maxTexels = 0;
        glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &maxTexels);
        if (points.size() / kPointFloats > static_cast<std::size_t>(maxTexels)) {
            throw std::runtime_error("layer " + layer.name + ": " + std::to_string(points.size() / kPointFloats) +
                                     " point symbols exceed this OpenGL's buffer texture limit of " +
                                     std::to_string(maxTexels));
        }
        gpu.pointVao = makeVertexArray();
        gpu.pointVbo = makeBuffer();
        glBindBuffer(GL_TEXTURE_BUFFER, gpu.pointVbo.get());
        glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(points.size() * sizeof(float)), points.data(),
                     GL_STATIC_DRAW);
        gpu.pointTexture = makeTexture();
        glBindTexture(GL_TEXTURE_BUFFER, gpu.pointTexture.get());
        glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, gpu.pointVbo.get());
        glBindTexture(GL_TEXTURE_BUFFER, 0);
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }
    return gpu;
}

}  // namespace lb::render::gl
