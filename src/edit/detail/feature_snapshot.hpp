#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/bbox.hpp"
#include "edit/edit_commands.hpp"
#include "edit/graffiti.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit::detail {

struct PhotoRow {
    std::int64_t id = 0;  // 0: not stored yet
    std::string mimeType;
    std::vector<std::uint8_t> data;
    std::vector<std::uint8_t> thumbnail;
    std::string created;
    std::string author;
    bool operator==(const PhotoRow&) const = default;
};

// Everything that belongs to one feature and goes with it when it is deleted and restored: the row, and
// its dependent rows (graffiti status history, observation photos, the visits linked to a route).
struct FeatureSnapshot {
    FeatureRecord record;
    std::vector<GraffitiStatusEntry> history;
    std::vector<PhotoRow> photos;
    std::vector<std::string> linkedVisits;
};

std::optional<FeatureSnapshot> loadSnapshot(store::ProjectStore& store, core::LayerId layer, const std::string& uuid);
// Inserts or updates the feature (matched by uuid), its spatial index entry and its dependent rows, as the
// snapshot says (its created/modified/author included). Inside the caller's transaction.
void writeSnapshot(store::ProjectStore& store, const FeatureSnapshot& snapshot);
// Deletes a feature; the schema's foreign keys remove its dependent rows.
void removeFeature(store::ProjectStore& store, core::LayerId layer, const std::string& uuid);
// uuid → modified of every feature of a layer, optionally only those whose bounding box meets `area`.
std::vector<std::pair<std::string, std::string>> listFeatures(store::ProjectStore& store, core::LayerId layer,
                                                              const core::BBox* area = nullptr);

// The snapshot's values as JSON for the audit log and conflict records (photos as a count, never data).
nlohmann::json snapshotJson(const FeatureSnapshot& snapshot);

}  // namespace lb::edit::detail
