#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/feature_table.hpp"

namespace lb::engine {

// Where layers come from. The project implements it over the store (the engine knows no SQL); tests may
// implement it over hand-made tables. load() throws core::UsageError for an unknown layer or attribute.
class LayerSource {
public:
    virtual ~LayerSource() = default;
    virtual std::unique_ptr<FeatureTable> load(const std::string& layer,
                                               const std::vector<std::string>& attributes) = 0;
    // The attributes a layer has (for optional ones such as a zone's population).
    virtual std::vector<std::string> attributeNames(const std::string& layer) = 0;
};

// The layers a session works on, loaded on first use and kept in memory. A table is loaded again (with
// the union of attributes) when a later query needs an attribute it lacks. Thread-safe. A table lives as
// long as someone holds it: a query that runs while the layer is loaded again or invalidated keeps its own.
class Dataset {
public:
    explicit Dataset(LayerSource& source) : m_source(source) {}

    std::shared_ptr<const FeatureTable> table(const std::string& layer,
                                              const std::vector<std::string>& attributes = {});
    std::vector<std::string> attributeNames(const std::string& layer) { return m_source.attributeNames(layer); }
    // Forgets a layer (after the project changed it).
    void invalidate(const std::string& layer);

private:
    LayerSource& m_source;
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const FeatureTable>> m_tables;
};

}  // namespace lb::engine
