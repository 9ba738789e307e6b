#include "edit/edit_commands.hpp"

#include "core/error.hpp"
#include "core/time.hpp"
#include "core/uuid.hpp"
#include "edit/detail/feature_command.hpp"
#include "edit/detail/geometry_parts.hpp"
#include "edit/form_spec.hpp"
#include "edit/geometry_check.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

using core::LayerId;
using detail::EditContext;
using detail::FeatureCommand;
using detail::FeatureSnapshot;
using Current = std::optional<FeatureSnapshot>;

std::string text(const AttributeValues& values, const char* column) {
    const auto it = values.find(column);
    return it == values.end() ? std::string() : core::toString(it->second);
}

// Checks rules that need the project: the route a visit names exists.
void checkReferences(EditContext& context, LayerId layer, const AttributeValues& values) {
    if (layer != LayerId::Visits) return;
    const std::string route = text(values, "route_uuid");
    if (route.empty()) return;
    store::Statement s(context.store().db(), "SELECT count(*) FROM routes WHERE uuid = ?");
    s.bind(1, route);
    if (!s.step() || s.columnInt(0) == 0) {
        throw ValidationError(layer, {{"route_uuid", "there is no route " + route, "die Route gibt es nicht"}});
    }
}

// A command that changes the geometry of an existing feature with `edit`.
std::unique_ptr<EditCommand> geometryEdit(EditKind kind, LayerId layer, std::string uuid,
                                          std::function<void(detail::GeometryParts&)> edit) {
    return std::make_unique<FeatureCommand>(
        kind, layer, uuid, [layer, uuid, edit = std::move(edit)](EditContext&, const Current& current) -> Current {
            FeatureSnapshot next = detail::requireFeature(current, layer, uuid);
            if (next.record.geometry.empty()) {
                throw core::InputError("layer " + std::string(core::layerInfo(layer).name) + ", feature " + uuid +
                                       " has no geometry to edit");
            }
            auto parts = detail::parseGeometry(next.record.geometry);
            edit(parts);
            next.record.geometry = checkedGeometry(layer, detail::toWkb(parts));
            return next;
        });
}

}  // namespace

std::string_view editKindId(EditKind kind) {
    switch (kind) {
        case EditKind::AddPoint:
            return "add_point";
        case EditKind::AddLine:
            return "add_line";
        case EditKind::AddPolygon:
            return "add_polygon";
        case EditKind::AddRecord:
            return "add_record";
        case EditKind::MoveFeature:
            return "move_feature";
        case EditKind::DeleteFeature:
            return "delete_feature";
        case EditKind::MoveVertex:
            return "move_vertex";
        case EditKind::InsertVertex:
            return "insert_vertex";
        case EditKind::DeleteVertex:
            return "delete_vertex";
        case EditKind::ReplaceGeometry:
            return "replace_geometry";
        case EditKind::UpdateAttributes:
            return "update_attributes";
        case EditKind::SetGraffitiStatus:
            return "set_graffiti_status";
        case EditKind::AttachPhoto:
            return "attach_photo";
        case EditKind::RemovePhoto:
            return "remove_photo";
        case EditKind::FieldMark:
            return "field_mark";
    }
    return "edit";
}

std::unique_ptr<EditCommand> addFeature(LayerId layer, core::Wkb geometry, AttributeValues values) {
    (void)formFor(layer);  // base-map layers: UsageError at once
    const EditKind kind = detail::addKindFor(geometry);
    std::string uuid = core::UuidGenerator().next();
    return std::make_unique<FeatureCommand>(
        kind, layer, uuid,
        [layer, uuid, geometry = std::move(geometry), values = std::move(values)](EditContext& context,
                                                                                  const Current& current) -> Current {
            if (current)
                throw core::InputError("layer " + std::string(core::layerInfo(layer).name) + " has a feature " + uuid +
                                       " already");
            FeatureSnapshot next;
            next.record.layer = layer;
            next.record.uuid = uuid;
            next.record.created = context.timestamp();
            next.record.author = context.author();
            AttributeValues given = values;
            if (layer == LayerId::Graffiti) {
                const std::string status = text(given, "status");
                if (!status.empty() && status != "gemeldet") {
                    throw ValidationError(layer, {{"status", "a new graffiti site starts as 'gemeldet'",
                                                   "ein neuer Graffiti-Standort beginnt mit „gemeldet“"}});
                }
                given["status"] = std::string("gemeldet");
            }
            // Check values and geometry together so that the message lists every problem at once.
            auto problems = validate(layer, given);
            if (auto bad = geometryProblem(layer, geometry)) problems.push_back(*bad);
            if (!problems.empty()) throw ValidationError(layer, std::move(problems));
            next.record.values = normalized(layer, given);
            next.record.geometry = checkedGeometry(layer, geometry);
            checkReferences(context, layer, next.record.values);
            if (layer == LayerId::Graffiti) {
                const std::string reported = text(next.record.values, "time");
                const std::string day = reported.empty() ? core::formatBerlin(core::now()) : reported;
                next.history.push_back({"gemeldet", day.substr(0, 10), std::nullopt, {}});
            }
            return next;
        });
}

std::unique_ptr<EditCommand> moveFeature(LayerId layer, std::string uuid, double dx, double dy) {
    return geometryEdit(EditKind::MoveFeature, layer, std::move(uuid), [dx, dy](detail::GeometryParts& parts) {
        for (auto& part : parts.parts) {
            for (auto& ring : part) {
                for (auto& [x, y] : ring) {
                    x += dx;
                    y += dy;
                }
            }
        }
    });
}

std::unique_ptr<EditCommand> deleteFeature(LayerId layer, std::string uuid) {
    return std::make_unique<FeatureCommand>(EditKind::DeleteFeature, layer, uuid,
                                            [layer, uuid](EditContext&, const Current& current) -> Current {
                                                (void)formFor(layer);
                                                detail::requireFeature(current, layer, uuid);
                                                return std::nullopt;
                                            });
}

std::unique_ptr<EditCommand> moveVertex(LayerId layer, std::string uuid, VertexRef vertex, double x, double y) {
    return geometryEdit(EditKind::MoveVertex, layer, std::move(uuid), [vertex, x, y](detail::GeometryParts& parts) {
        auto& ring = detail::ringOf(parts, vertex);
        ring[static_cast<std::size_t>(vertex.index)] = {x, y};
    });
}

std::unique_ptr<EditCommand> insertVertex(LayerId layer, std::string uuid, VertexRef at, double x, double y) {
    return geometryEdit(EditKind::InsertVertex, layer, std::move(uuid), [at, x, y](detail::GeometryParts& parts) {
        if (parts.type == geo::WkbType::Point || parts.type == geo::WkbType::MultiPoint) {
            throw core::InputError("a point has no vertices to insert between");
        }
        auto& ring = detail::ringOf(parts, at, true);
        ring.insert(ring.begin() + at.index, {x, y});
    });
}

std::unique_ptr<EditCommand> deleteVertex(LayerId layer, std::string uuid, VertexRef vertex) {
    return geometryEdit(EditKind::DeleteVertex, layer, std::move(uuid), [vertex](detail::GeometryParts& parts) {
        auto& ring = detail::ringOf(parts, vertex);
        if (parts.type == geo::WkbType::Point || parts.type == geo::WkbType::MultiPoint) {
            throw core::InputError("a point's only vertex cannot be deleted; delete the feature instead");
        }
        const std::size_t minimum = parts.isPolygonal() ? 3 : 2;
        if (ring.size() <= minimum) {
            throw core::InputError(std::string(parts.isPolygonal() ? "a polygon ring" : "a line") + " needs at least " +
                                   std::to_string(minimum) + " vertices; delete the feature instead");
        }
        ring.erase(ring.begin() + vertex.index);
    });
}

std::unique_ptr<EditCommand> replaceGeometry(LayerId layer, std::string uuid, core::Wkb geometry) {
    return std::make_unique<FeatureCommand>(
        EditKind::ReplaceGeometry, layer, uuid,
        [layer, uuid, geometry = std::move(geometry)](EditContext&, const Current& current) -> Current {
            FeatureSnapshot next = detail::requireFeature(current, layer, uuid);
            next.record.geometry = checkedGeometry(layer, geometry);
            return next;
        });
}

std::unique_ptr<EditCommand> updateAttributes(LayerId layer, std::string uuid, AttributeValues changes) {
    (void)formFor(layer);
    return std::make_unique<FeatureCommand>(
        EditKind::UpdateAttributes, layer, uuid,
        [layer, uuid, changes = std::move(changes)](EditContext& context, const Current& current) -> Current {
            FeatureSnapshot next = detail::requireFeature(current, layer, uuid);
            if (layer == LayerId::Graffiti && changes.count("status") &&
                text(changes, "status") != text(next.record.values, "status")) {
                throw ValidationError(layer, {{"status",
                                               "change the status with the status action so that the "
                                               "history stays complete",
                                               "den Status bitte über „Status ändern“ setzen (Verlauf)"}});
            }
            AttributeValues merged = next.record.values;
            for (const auto& [column, value] : changes) merged[column] = value;
            next.record.values = normalized(layer, merged);
            checkReferences(context, layer, next.record.values);
            return next;
        });
}

std::unique_ptr<EditCommand> combined(EditKind kind, LayerId layer, std::string featureUuid,
                                      std::vector<std::unique_ptr<EditCommand>> parts) {
    return std::make_unique<detail::CombinedCommand>(kind, layer, std::move(featureUuid), std::move(parts));
}

}  // namespace lb::edit
