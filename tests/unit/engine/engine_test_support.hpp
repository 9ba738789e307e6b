#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"

namespace lb::test {

// A LayerSource over hand-made features: every layer is a list of (id, WKB, time, attributes by name).
class FakeLayerSource : public engine::LayerSource {
public:
    struct Row {
        std::int64_t id;
        core::Wkb geometry;
        std::optional<core::Timestamp> time;
        std::map<std::string, std::string> attributes;
    };
    std::map<std::string, std::vector<Row>> layers;
    std::map<std::string, std::vector<std::string>> columns;

    std::unique_ptr<engine::FeatureTable> load(const std::string& layer,
                                               const std::vector<std::string>& attributes) override {
        const auto it = layers.find(layer);
        if (it == layers.end()) throw core::UsageError("unknown layer \"" + layer + "\"");
        for (const auto& a : attributes) {
            const auto& known = columns[layer];
            if (std::find(known.begin(), known.end(), a) == known.end()) {
                throw core::UsageError("layer " + layer + " has no attribute \"" + a + "\"");
            }
        }
        auto table = std::make_unique<engine::FeatureTable>(layer, attributes);
        for (const auto& row : it->second) {
            std::vector<std::string> values;
            for (const auto& a : attributes) {
                const auto v = row.attributes.find(a);
                values.push_back(v == row.attributes.end() ? std::string() : v->second);
            }
            table->append(row.id, row.geometry, row.time, values);
        }
        table->finish();
        return table;
    }
    std::vector<std::string> attributeNames(const std::string& layer) override { return columns[layer]; }
};

}  // namespace lb::test
