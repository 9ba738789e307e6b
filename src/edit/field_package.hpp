#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

// Field packages: a subset of a project that a streetworker takes along on a laptop (offline), edits in
// field mode, and brings back.
//
// A package is a Lagebild project file of the same schema, marked in lagebild_meta with
// `field_package_id` (a new uuid), `field_package_source` (the source project's `project_id`) and the
// export time, plus a table field_package_manifest(layer, uuid, modified) of every exported feature as it
// was at export. Merging compares three versions of each feature (export, package now, project now) by
// uuid and `modified`:
//   - new in the package → added to the project;
//   - changed only in the package → applied (keeping the package's `modified`);
//   - deleted only in the package → deleted in the project;
//   - changed (or deleted) on both sides since the export → a conflict: the project keeps its version,
//     the package's version is stored as JSON in the project's field_conflicts table for the planner,
//     and listed in the report. Nothing is overwritten.
// Merging the same package again changes nothing. The merge is one transaction with audit rows.

struct FieldExportOptions {
    std::optional<core::BBox> bbox;     // only features whose bounding box intersects it
    std::vector<core::LayerId> layers;  // thematic layers to take (empty: all thematic layers)
    bool includeBaseMap = true;         // copy the OSM base map (inside bbox) for the offline map
    std::string author;                 // audit log of the source project
};

struct FieldExportReport {
    std::string packageId;
    std::string sourceProjectId;
    std::vector<std::pair<core::LayerId, std::int64_t>> counts;  // features per exported layer
};

// Writes a new package file (refuses to overwrite one). A failure removes the half-written file.
FieldExportReport exportFieldPackage(store::ProjectStore& project, const std::filesystem::path& out,
                                     const FieldExportOptions& options);

struct MergeConflict {
    core::LayerId layer;
    std::string uuid;
    std::string reason;           // "changed in both", "deleted in the project, changed in the package", ...
    std::string projectModified;  // "" when deleted in the project
    std::string packageModified;  // "" when deleted in the package
};

struct FieldMergeReport {
    std::string packageId;
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t deleted = 0;
    std::int64_t unchanged = 0;
    std::vector<MergeConflict> conflicts;
};

// Merges a package into its source project. A file that is not a field package of this project →
// core::InputError, and the project is not changed.
FieldMergeReport mergeFieldPackage(store::ProjectStore& project, const std::filesystem::path& package,
                                   const std::string& author);

// Whether a file is a field package (checks the marker; throws nothing for foreign files).
bool isFieldPackage(const std::filesystem::path& file);

}  // namespace lb::edit
