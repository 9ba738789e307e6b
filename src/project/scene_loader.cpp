#include "project/scene_loader.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include "core/error.hpp"
#include "core/layer.hpp"
#include "geo/wkb_reader.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

using render::GeometryKind;
using render::SceneLayer;

// Reads a geometry (geo::readWkb) into scene layers, one per geometry kind: each kind's layer gets the
// feature once, and every point, line and polygon of it as a part.
class WkbWalker {
public:
    WkbWalker(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    template <typename LayerFor>
    void walk(LayerFor&& layerFor, std::int64_t id, std::string_view cls, std::string_view label) {
        m_layerFor = [&](GeometryKind kind) -> SceneLayer& { return layerFor(kind); };
        m_id = id;
        m_class = cls;
        m_label = label;
        geo::readWkb(m_data, m_size, *this);
    }

    // geo::readWkb's handler
    void point(double x, double y) {
        SceneLayer& layer = start(GeometryKind::Point);
        layer.beginPart();
        layer.beginRing();
        layer.addCoord(x, y);
    }
    void beginLine(std::uint32_t) {
        m_current = &start(GeometryKind::Line);
        m_current->beginPart();
        m_current->beginRing();
    }
    void beginPolygon(std::uint32_t) {
        m_current = &start(GeometryKind::Polygon);
        m_current->beginPart();
    }
    void beginRing(std::uint32_t, std::uint32_t) { m_current->beginRing(); }
    void coord(double x, double y) { m_current->addCoord(x, y); }

private:
    SceneLayer& start(GeometryKind kind) {
        SceneLayer& layer = m_layerFor(kind);
        if (!m_startedKinds[static_cast<int>(kind)]) {
            layer.beginFeature(m_id, m_class, m_label);
            m_startedKinds[static_cast<int>(kind)] = true;
        }
        return layer;
    }

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::function<SceneLayer&(GeometryKind)> m_layerFor;
    SceneLayer* m_current = nullptr;
    std::int64_t m_id = 0;
    std::string_view m_class, m_label;
    bool m_startedKinds[3] = {false, false, false};
};

}  // namespace

void appendPolygons(render::SceneLayer& layer, const core::Wkb& wkb, std::int64_t id, std::string_view className) {
    render::SceneLayer ignored;
    WkbWalker walker(wkb.data(), wkb.size());
    walker.walk([&](GeometryKind kind) -> SceneLayer& { return kind == GeometryKind::Polygon ? layer : ignored; }, id,
                className, {});
}

render::Scene loadScene(store::ProjectStore& store, const render::Style& style,
                        const std::vector<std::string>& onlyLayers, core::Progress& progress) {
    render::Scene scene;
    scene.srid = store.srid();
    for (const auto& layerStyle : style.layers) {
        if (!onlyLayers.empty() &&
            std::find(onlyLayers.begin(), onlyLayers.end(), layerStyle.layer) == onlyLayers.end()) {
            continue;
        }
        const auto layerId = core::layerFromName(layerStyle.layer);
        if (!layerId) throw core::InputError("style: unknown layer \"" + layerStyle.layer + "\"");
        if (scene.find(layerStyle.layer)) continue;  // drawn twice in the style: read once

        // Columns come from the style but reach SQL only through the schema's allow-list.
        std::string sql = "SELECT id, geometry";
        int classColumns = 0;
        for (const auto& column : layerStyle.classBy) {
            if (!store::findColumn(*layerId, column)) {
                throw core::InputError("style: layer " + layerStyle.layer + " has no column \"" + column + "\"");
            }
            sql += ", " + store::quoteIdentifier(column);
            ++classColumns;
        }
        const bool hasLabel = !layerStyle.labelBy.empty();
        if (hasLabel) {
            if (!store::findColumn(*layerId, layerStyle.labelBy)) {
                throw core::InputError("style: layer " + layerStyle.layer + " has no column \"" + layerStyle.labelBy +
                                       "\"");
            }
            sql += ", " + store::quoteIdentifier(layerStyle.labelBy);
        }
        sql += " FROM " + store::quoteIdentifier(layerStyle.layer) + " WHERE geometry IS NOT NULL ORDER BY id";

        const std::int64_t total = store.count(*layerId);
        progress.beginStage("Lade " + std::string(core::layerInfo(*layerId).displayName),
                            static_cast<std::uint64_t>(total));
        SceneLayer parts[3];
        for (int k = 0; k < 3; ++k) {
            parts[k].name = layerStyle.layer;
            parts[k].kind = static_cast<GeometryKind>(k);
        }
        if (layerStyle.layer == "incidents") {
            parts[0].xy.reserve(static_cast<std::size_t>(total) * 2);
            parts[0].fid.reserve(static_cast<std::size_t>(total));
        }
        store::Statement select(store.db(), sql);
        core::Wkb wkb;
        while (select.step()) {
            const std::int64_t id = select.columnInt(0);
            const auto blob = select.columnBlobView(1);
            std::string_view cls;
            for (int c = 0; c < classColumns; ++c) {
                cls = select.columnTextView(2 + c);
                if (!cls.empty()) break;
            }
            const std::string_view label = hasLabel ? select.columnTextView(2 + classColumns) : std::string_view{};
            try {
                wkb = store::spatialiteToWkb(blob.data(), blob.size());
                WkbWalker walker(wkb.data(), wkb.size());
                walker.walk([&](GeometryKind kind) -> SceneLayer& { return parts[static_cast<int>(kind)]; }, id, cls,
                            label);
            } catch (const core::InputError& error) {
                throw core::InputError(store.path().string() + ": layer " + layerStyle.layer + ", feature " +
                                       std::to_string(id) + ": " + error.what());
            }
            progress.step();
        }
        progress.finishStage();
        for (auto& part : parts) {
            if (part.fid.empty()) continue;
            part.revision = render::nextSceneLayerRevision();
            scene.add(std::move(part));
        }
    }
    return scene;
}

std::vector<std::pair<std::string, std::string>> featureAttributes(store::ProjectStore& store, const std::string& layer,
                                                                   std::int64_t id) {
    const auto layerId = core::layerFromName(layer);
    if (!layerId) throw core::InputError("unknown layer \"" + layer + "\"");
    std::string sql = "SELECT id";
    const auto columns = store::layerColumns(*layerId);
    for (const auto& column : columns) sql += ", " + store::quoteIdentifier(column.name);
    sql += " FROM " + store::quoteIdentifier(layer) + " WHERE id = ?";
    store::Statement select(store.db(), sql);
    select.bind(1, id);
    if (!select.step()) throw core::InputError("layer " + layer + " has no feature " + std::to_string(id));
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("id", std::to_string(id));
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (select.isNull(static_cast<int>(i) + 1)) continue;
        std::string value = select.columnText(static_cast<int>(i) + 1);
        if (value.empty()) continue;
        out.emplace_back(std::string(columns[i].name), std::move(value));
    }
    return out;
}

std::optional<std::int64_t> featureIdOf(store::ProjectStore& store, core::LayerId layer, const std::string& uuid) {
    const std::string name(core::layerInfo(layer).name);
    store::Statement select(store.db(), "SELECT id FROM " + store::quoteIdentifier(name) + " WHERE uuid = ?");
    select.bind(1, uuid);
    if (!select.step()) return std::nullopt;
    return select.columnInt(0);
}

}  // namespace lb::project
