#include "edit/field_package.hpp"

// Section index: [package marker] [export] [merge]

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "core/error.hpp"
#include "core/temp_files.hpp"
#include "core/uuid.hpp"
#include "edit/detail/edit_context.hpp"
#include "edit/detail/feature_command.hpp"
#include "edit/detail/feature_snapshot.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatial_index.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

using core::LayerId;
using store::Statement;

// [package marker]
std::optional<std::string> meta(store::ProjectStore& store, const std::string& key) {
    Statement s(store.db(), "SELECT value FROM lagebild_meta WHERE key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.columnText(0);
}

void putMeta(store::ProjectStore& store, const std::string& key, const std::string& value) {
    Statement s(store.db(),
                "INSERT INTO lagebild_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?2");
    s.bind(1, key).bind(2, value).run();
}

// The project's id, created on first use (inside the caller's transaction).
std::string projectId(store::ProjectStore& store) {
    if (auto id = meta(store, "project_id")) return *id;
    const std::string id = core::UuidGenerator().next();
    putMeta(store, "project_id", id);
    return id;
}

std::vector<LayerId> exportedLayers(const FieldExportOptions& options) {
    std::vector<LayerId> layers = options.layers;
    if (layers.empty()) {
        for (const auto& layer : core::kLayers) {
            if (layer.kind == core::LayerKind::Thematic) layers.push_back(layer.id);
        }
    }
    for (const LayerId layer : layers) {
        if (core::layerInfo(layer).kind != core::LayerKind::Thematic) {
            throw core::UsageError("layer " + std::string(core::layerInfo(layer).name) +
                                   " is base map; field packages take thematic layers (the base map comes along)");
        }
    }
    // Routes before visits (visits refer to routes), as in kLayers.
    std::sort(layers.begin(), layers.end());
    layers.erase(std::unique(layers.begin(), layers.end()), layers.end());
    return layers;
}

// Copies a base-map layer's rows inside `area` column by column, then indexes them.
void copyBaseLayer(store::ProjectStore& from, store::ProjectStore& to, LayerId layer, const core::BBox* area) {
    const std::string name(core::layerInfo(layer).name);
    std::string columns;
    std::string params;
    for (const auto& column : store::layerColumns(layer)) {
        columns += store::quoteIdentifier(column.name) + ", ";
        params += "?, ";
    }
    std::string sql = "SELECT " + columns + "geometry FROM " + store::quoteIdentifier(name);
    if (area) {
        sql += " WHERE id IN (SELECT pkid FROM " + store::quoteIdentifier("idx_" + name + "_geometry") +
               " WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND ymin <= ?)";
    }
    Statement read(from.db(), sql);
    if (area) read.bind(1, area->minX).bind(2, area->maxX).bind(3, area->minY).bind(4, area->maxY);
    Statement write(
        to.db(), "INSERT INTO " + store::quoteIdentifier(name) + " (" + columns + "geometry) VALUES (" + params + "?)");
    const auto defs = store::layerColumns(layer);
    while (read.step()) {
        for (std::size_t i = 0; i < defs.size(); ++i) {
            const int c = static_cast<int>(i);
            if (read.isNull(c)) {
                write.bind(c + 1, nullptr);
            } else if (defs[i].type == store::ColumnType::Integer) {
                write.bind(c + 1, read.columnInt(c));
            } else if (defs[i].type == store::ColumnType::Real) {
                write.bind(c + 1, read.columnDouble(c));
            } else {
                write.bind(c + 1, read.columnTextView(c));
            }
        }
        const int g = static_cast<int>(defs.size());
        if (read.isNull(g)) {
            write.bind(g + 1, nullptr);
        } else {
            write.bindBlob(g + 1, read.columnBlob(g));
        }
        write.run();
    }
    store::spatial_index::rebuild(to.db(), layer);
}

}  // namespace

bool isFieldPackage(const std::filesystem::path& file) {
    try {
        auto store = store::ProjectStore::open(file, store::ProjectStore::Access::ReadOnly);
        return meta(*store, "field_package_id").has_value();
    } catch (const core::Error&) {
        return false;
    }
}

// [export]
FieldExportReport exportFieldPackage(store::ProjectStore& project, const std::filesystem::path& out,
                                     const FieldExportOptions& options) {
    if (std::filesystem::exists(out)) {
        throw core::InputError(out.string() + ": a file of that name exists already",
                               "choose another name or remove the file");
    }
    const auto layers = exportedLayers(options);
    const core::BBox* area = options.bbox ? &*options.bbox : nullptr;
    FieldExportReport report;
    report.packageId = core::UuidGenerator().next();
    {
        store::WriteTransaction tx(project);
        report.sourceProjectId = projectId(project);
        project.audit("field_export", std::nullopt, "", "", "",
                      "package=" + report.packageId + " file=" + out.filename().string(), options.author);
        tx.commit();
    }
    // Written under a temporary name and renamed at the end: a failure leaves no half-written package.
    const std::filesystem::path part = out.string() + ".part";
    auto cleanup = [&] {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(part.string() + suffix, ec);
    };
    cleanup();
    std::vector<std::unique_ptr<core::TempFileGuard>> guards;  // removed if a signal ends the process
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        guards.push_back(std::make_unique<core::TempFileGuard>(part.string() + suffix));
    }
    try {
        auto package = store::ProjectStore::create(part, project.crs());
        store::WriteTransaction tx(*package);
        putMeta(*package, "field_package_id", report.packageId);
        putMeta(*package, "field_package_source", report.sourceProjectId);
        putMeta(*package, "field_package_exported", detail::timestampMillis());
        package->db().exec(store::kFieldPackageManifestSql);
        Statement manifest(package->db(), "INSERT INTO field_package_manifest(layer, uuid, modified) VALUES (?, ?, ?)");
        std::set<std::string> routes;
        for (const LayerId layer : layers) {
            std::int64_t count = 0;
            for (const auto& [uuid, modified] : detail::listFeatures(project, layer, area)) {
                auto snapshot = detail::loadSnapshot(project, layer, uuid);
                if (!snapshot) continue;
                if (layer == LayerId::Routes) {
                    routes.insert(uuid);
                    snapshot->linkedVisits.clear();
                }
                if (layer == LayerId::Visits) {
                    // A visit whose route stays at home keeps its link only in the project.
                    auto& route = snapshot->record.values["route_uuid"];
                    if (!routes.count(core::toString(route))) route = core::Value{};
                }
                detail::writeSnapshot(*package, *snapshot);
                manifest.bind(1, core::layerInfo(layer).name).bind(2, uuid).bind(3, snapshot->record.modified).run();
                ++count;
            }
            report.counts.emplace_back(layer, count);
        }
        if (options.includeBaseMap) {
            for (const auto& layer : core::kLayers) {
                if (layer.kind == core::LayerKind::BaseMap) copyBaseLayer(project, *package, layer.id, area);
            }
        }
        package->audit("field_export", std::nullopt, "", "", "", "package of project " + report.sourceProjectId,
                       options.author);
        tx.commit();
        // One self-contained file to carry: no WAL beside it.
        package->db().exec("PRAGMA journal_mode = DELETE;");
        package.reset();
        std::filesystem::rename(part, out);
    } catch (...) {
        cleanup();
        throw;
    }
    return report;
}

// [merge]
FieldMergeReport mergeFieldPackage(store::ProjectStore& project, const std::filesystem::path& packagePath,
                                   const std::string& author) {
    const std::string name = packagePath.string();
    std::unique_ptr<store::ProjectStore> package;
    try {
        package = store::ProjectStore::open(packagePath, store::ProjectStore::Access::ReadOnly);
    } catch (const core::InputError& e) {
        throw core::InputError(std::string(e.what()) + " — not a field package; nothing was merged",
                               "give a file written by `lagebild field-export`");
    }
    FieldMergeReport report;
    const auto packageId = meta(*package, "field_package_id");
    if (!packageId) {
        throw core::InputError(name + ": a Lagebild project, but not a field package; nothing was merged",
                               "give a file written by `lagebild field-export`");
    }
    report.packageId = *packageId;
    const std::string source = meta(*package, "field_package_source").value_or("");
    if (source != meta(project, "project_id").value_or("-")) {
        throw core::InputError(name + ": the field package was exported from another project; nothing was merged");
    }
    // The version of each feature at export time.
    std::map<std::pair<std::string, std::string>, std::string> exported;
    {
        Statement s(package->db(), "SELECT layer, uuid, modified FROM field_package_manifest");
        while (s.step()) exported[{s.columnText(0), s.columnText(1)}] = s.columnText(2);
    }

    store::WriteTransaction tx(project);
    const detail::EditContext::Written noEarlierWrites;
    detail::EditContext context(project, author.empty() ? project.author() : author, detail::timestampMillis(),
                                "field_merge:", noEarlierWrites);
    Statement conflict(project.db(), R"SQL(
INSERT INTO field_conflicts(package_id, layer, feature_uuid, reason, project_modified, package_modified,
                            package_values, detected)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(package_id, layer, feature_uuid) DO UPDATE SET reason = ?4, project_modified = ?5,
    package_modified = ?6, package_values = ?7)SQL");
    auto recordConflict = [&](LayerId layer, const std::string& uuid, const std::string& reason,
                              const std::optional<detail::FeatureSnapshot>& mine,
                              const std::optional<detail::FeatureSnapshot>& theirs) {
        MergeConflict c{layer, uuid, reason, mine ? mine->record.modified : "", theirs ? theirs->record.modified : ""};
        conflict.bind(1, report.packageId).bind(2, core::layerInfo(layer).name).bind(3, uuid).bind(4, reason);
        if (mine) conflict.bind(5, c.projectModified);
        if (theirs) {
            conflict.bind(6, c.packageModified).bind(7, detail::snapshotJson(*theirs).dump());
        }
        conflict.bind(8, context.timestamp());
        conflict.run();
        report.conflicts.push_back(std::move(c));
    };
    // Audit actions are the edit kinds prefixed like undo/redo: "field_merge:add_point",
    // "field_merge:update_attributes" (any change from the field), "field_merge:delete_feature".
    for (const auto& info : core::kLayers) {
        if (info.kind != core::LayerKind::Thematic) continue;
        const LayerId layer = info.id;
        std::set<std::string> inPackage;
        for (const auto& [uuid, packageModified] : detail::listFeatures(*package, layer)) {
            inPackage.insert(uuid);
            const auto theirs = detail::loadSnapshot(*package, layer, uuid);
            const auto mine = detail::loadSnapshot(project, layer, uuid);
            const auto at = exported.find({std::string(info.name), uuid});
            const std::string mineModified = mine ? mine->record.modified : "";
            if (mine && mineModified == packageModified) {
                ++report.unchanged;  // the same version on both sides (merged before)
            } else if (at == exported.end()) {
                if (mine) {
                    recordConflict(layer, uuid,
                                   "added in the package, but the project has a different feature "
                                   "with this uuid",
                                   mine, theirs);
                } else {
                    detail::writeSnapshot(project, *theirs);
                    context.audit(detail::addKindFor(theirs->record.geometry), layer, uuid, std::nullopt, theirs);
                    ++report.added;
                }
            } else if (packageModified == at->second) {
                ++report.unchanged;  // not changed in the field; the project's version stands
            } else if (!mine) {
                recordConflict(layer, uuid, "deleted in the project, changed in the package", mine, theirs);
            } else if (mineModified == at->second) {
                detail::writeSnapshot(project, *theirs);
                context.audit(EditKind::UpdateAttributes, layer, uuid, mine, theirs);
                ++report.updated;
            } else {
                recordConflict(layer, uuid, "changed in both since the export", mine, theirs);
            }
        }
        for (const auto& [key, exportedModified] : exported) {
            if (key.first != info.name || inPackage.count(key.second)) continue;
            const std::string& uuid = key.second;
            const auto mine = detail::loadSnapshot(project, layer, uuid);
            if (!mine) {
                ++report.unchanged;  // deleted on both sides
            } else if (mine->record.modified == exportedModified) {
                detail::removeFeature(project, layer, uuid);
                context.audit(EditKind::DeleteFeature, layer, uuid, mine, std::nullopt);
                ++report.deleted;
            } else {
                recordConflict(layer, uuid, "deleted in the package, changed in the project", mine, std::nullopt);
            }
        }
    }
    project.audit("field_merge", std::nullopt, "", "", "",
                  "package=" + report.packageId + " added=" + std::to_string(report.added) +
                      " updated=" + std::to_string(report.updated) + " deleted=" + std::to_string(report.deleted) +
                      " conflicts=" + std::to_string(report.conflicts.size()),
                  context.author());
    tx.commit();
    return report;
}

}  // namespace lb::edit
