#include "engine/dataset.hpp"

#include <algorithm>

namespace lb::engine {

std::shared_ptr<const FeatureTable> Dataset::table(const std::string& layer,
                                                   const std::vector<std::string>& attributes) {
    std::lock_guard lock(m_mutex);
    auto it = m_tables.find(layer);
    std::vector<std::string> wanted = attributes;
    if (it != m_tables.end()) {
        const bool complete = std::all_of(attributes.begin(), attributes.end(),
                                          [&](const std::string& a) { return it->second->hasAttribute(a); });
        if (complete) return it->second;
        for (const auto& a : it->second->attributeNames()) wanted.push_back(a);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::shared_ptr<const FeatureTable> loaded = m_source.load(layer, wanted);
    m_tables[layer] = loaded;
    return loaded;
}

void Dataset::invalidate(const std::string& layer) {
    std::lock_guard lock(m_mutex);
    auto it = m_tables.find(layer);
    if (it == m_tables.end()) return;
    m_tables.erase(it);
}

}  // namespace lb::engine
