#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/bbox.hpp"
#include "core/defaults.hpp"

namespace lb::render {

enum class GeometryKind { Point, Line, Polygon };

// One layer's geometry in the project CRS, flattened for fast traversal. Feature f has the parts
// [featureParts[f], featureParts[f+1]); part p (a polygon, a line string or a point) has the rings
// [partRings[p], partRings[p+1]) — a polygon's first ring is its shell, the rest are holes; ring r has
// the coordinates [ringCoords[r], ringCoords[r+1]) of `xy` (interleaved x, y).
struct SceneLayer {
    std::string name;  // table name in the project, e.g. "roads"
    GeometryKind kind = GeometryKind::Point;
    std::vector<double> xy;
    std::vector<std::uint32_t> ringCoords{0};
    std::vector<std::uint32_t> partRings{0};
    std::vector<std::uint32_t> featureParts{0};
    std::vector<std::int64_t> fid;          // row id in the project table, per feature
    std::vector<std::uint16_t> classIndex;  // per feature, index into classNames
    std::vector<std::string> classNames;    // distinct class values ("" = unclassified)
    std::vector<std::string> labels;        // per feature label (UTF-8), empty when the layer has none
    core::BBox extent;
    // Which content this is: loaders stamp a layer once it is complete (nextSceneLayerRevision), copies keep
    // the stamp, so a renderer keeps the GPU buffers of a layer whose revision it already uploaded. 0: not
    // stamped (a layer built by hand), uploaded every time.
    std::uint64_t revision = 0;

    std::size_t featureCount() const { return fid.size(); }
    std::size_t coordCount() const { return xy.size() / 2; }
    core::BBox featureBounds(std::size_t feature) const;

    // Building blocks for loaders and tests.
    void beginFeature(std::int64_t id, std::string_view className, std::string_view label = {});
    void beginPart();  // starts a part of the current feature
    void beginRing();  // starts a ring of the current part
    void addCoord(double x, double y);
    std::uint16_t classId(std::string_view className);
};

using SceneLayerSnapshot = std::shared_ptr<const SceneLayer>;

// An immutable picture of the project for the renderer: it never reads the store itself. Layers are shared
// immutable snapshots: a scene patched after an edit shares every layer it did not replace with the scene
// before (no copy), and the engine may borrow a layer's coordinates instead of holding its own
// (project::Session::shareScene).
struct Scene {
    int srid = core::kDefaultProjectSrid;
    std::vector<SceneLayerSnapshot> layers;  // any order; the style decides the drawing order

    // Appends a finished layer.
    void add(SceneLayer layer) { layers.push_back(std::make_shared<const SceneLayer>(std::move(layer))); }
    const SceneLayer* find(std::string_view name) const;
    core::BBox extent() const;
};

using SceneSnapshot = std::shared_ptr<const Scene>;

// A new, process-wide unique revision for a finished scene layer (never 0).
std::uint64_t nextSceneLayerRevision();

// A new snapshot after an edit: `old` with every layer named in `names` replaced by the layers of `fresh` (a
// scene loaded for just those names). The other layers are the same shared snapshots (revision and all), so
// a renderer keeps their GPU buffers; the old snapshot stays valid for whoever holds it.
SceneSnapshot replaceSceneLayers(const Scene& old, Scene fresh, const std::vector<std::string>& names);

}  // namespace lb::render
