#include "edit/detail/feature_command.hpp"

#include "core/error.hpp"
#include "geo/wkb.hpp"

namespace lb::edit::detail {

FeatureCommand::FeatureCommand(EditKind kind, core::LayerId layer, std::string uuid, Change change)
    : EditCommand(kind, layer, std::move(uuid)), m_change(std::move(change)) {}

void FeatureCommand::apply(EditContext& context) {
    const auto current = loadSnapshot(context.store(), layer(), featureUuid());
    if (!m_computed) {
        m_after = m_change(context, current);
        m_before = current;
        m_computed = true;
    } else {
        context.checkUnchanged(layer(), featureUuid(), current);
    }
    write(context, current, m_after);
}

void FeatureCommand::revert(EditContext& context) {
    const auto current = loadSnapshot(context.store(), layer(), featureUuid());
    context.checkUnchanged(layer(), featureUuid(), current);
    write(context, current, m_before);
}

void FeatureCommand::write(EditContext& context, const std::optional<FeatureSnapshot>& current,
                           const std::optional<FeatureSnapshot>& target) {
    if (target) {
        FeatureSnapshot written = *target;
        written.record.modified =
            laterModified(context.timestamp(), current ? current->record.modified : std::string());
        writeSnapshot(context.store(), written);
        context.recordWrite(layer(), featureUuid(), written.record.modified);
        context.audit(kind(), layer(), featureUuid(), current, written);
    } else {
        removeFeature(context.store(), layer(), featureUuid());
        context.recordWrite(layer(), featureUuid(), "");
        context.audit(kind(), layer(), featureUuid(), current, std::nullopt);
    }
}

CombinedCommand::CombinedCommand(EditKind kind, core::LayerId layer, std::string uuid,
                                 std::vector<std::unique_ptr<EditCommand>> parts)
    : EditCommand(kind, layer, std::move(uuid)), m_parts(std::move(parts)) {}

void CombinedCommand::apply(EditContext& context) {
    for (auto& part : m_parts) part->apply(context);
}

void CombinedCommand::revert(EditContext& context) {
    for (auto it = m_parts.rbegin(); it != m_parts.rend(); ++it) (*it)->revert(context);
}

EditKind addKindFor(const core::Wkb& geometry) {
    if (geometry.empty()) return EditKind::AddRecord;
    switch (geo::wkbType(geometry)) {
        case geo::WkbType::Point:
        case geo::WkbType::MultiPoint:
            return EditKind::AddPoint;
        case geo::WkbType::LineString:
        case geo::WkbType::MultiLineString:
            return EditKind::AddLine;
        default:
            return EditKind::AddPolygon;
    }
}

const FeatureSnapshot& requireFeature(const std::optional<FeatureSnapshot>& current, core::LayerId layer,
                                      const std::string& uuid) {
    if (!current) {
        throw core::InputError("layer " + std::string(core::layerInfo(layer).name) + " has no feature " + uuid,
                               "it may have been deleted; nothing was changed");
    }
    return *current;
}

}  // namespace lb::edit::detail
