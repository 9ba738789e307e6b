#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "render/scene.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// Loads project layers from the store into the engine's columnar tables: id, geometry, time (the
// `time` column where the layer has one) and the asked-for columns as text. Only columns of the schema's
// allow-list reach SQL; an unknown layer or column is a core::UsageError that lists the valid ones.
class StoreLayerSource : public engine::LayerSource {
public:
    // Where a layer's geometry may be borrowed instead of read and decoded again: the render scene's one
    // layer of that name (nullptr: none). It is used only when it holds every row of the table, in id order.
    using GeometryDonor = std::function<render::SceneLayerSnapshot(const std::string& layer)>;

    explicit StoreLayerSource(store::ProjectStore& store) : m_store(store) {}
    void setGeometryDonor(GeometryDonor donor) { m_donor = std::move(donor); }

    std::unique_ptr<engine::FeatureTable> load(const std::string& layer,
                                               const std::vector<std::string>& attributes) override;
    std::vector<std::string> attributeNames(const std::string& layer) override;

private:
    // Reads the rows; with `borrowFrom`, without their geometry, which the scene layer gives (nullptr when its
    // rows turn out not to be the table's).
    std::unique_ptr<engine::FeatureTable> read(const std::string& layer, const std::vector<std::string>& attributes,
                                               const render::SceneLayerSnapshot& borrowFrom);

    store::ProjectStore& m_store;
    GeometryDonor m_donor;
};

}  // namespace lb::project
