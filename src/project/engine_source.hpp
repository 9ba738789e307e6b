#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/dataset.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// Loads project layers from the store into the engine's columnar tables: id, geometry, time (the
// `time` column where the layer has one) and the asked-for columns as text. Only columns of the schema's
// allow-list reach SQL; an unknown layer or column is a core::UsageError that lists the valid ones.
class StoreLayerSource : public engine::LayerSource {
public:
    explicit StoreLayerSource(store::ProjectStore& store) : m_store(store) {}

    std::unique_ptr<engine::FeatureTable> load(const std::string& layer,
                                               const std::vector<std::string>& attributes) override;
    std::vector<std::string> attributeNames(const std::string& layer) override;

private:
    store::ProjectStore& m_store;
};

}  // namespace lb::project
