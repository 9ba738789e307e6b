#include "edit/field_mark.hpp"

#include <nlohmann/json.hpp>

#include "core/time.hpp"
#include "edit/edit_commands.hpp"
#include "edit/edit_session.hpp"
#include "edit/photos.hpp"
#include "geo/wkb.hpp"

namespace lb::edit {

const FieldMarkInfo& fieldMarkInfo(FieldMarkKind kind) {
    return kFieldMarks[static_cast<std::size_t>(kind)];
}

FieldMarkResult markField(EditSession& session, FieldMarkKind kind, double x, double y, const std::string& note,
                          const std::optional<std::vector<std::uint8_t>>& photo) {
    const auto& info = fieldMarkInfo(kind);
    const std::string now = core::formatBerlin(core::now());
    std::vector<std::unique_ptr<EditCommand>> parts;
    FieldMarkResult result;
    AttributeValues observation{{"time", now}, {"category", std::string(info.category)}};
    if (!note.empty()) observation["note"] = note;
    if (kind == FieldMarkKind::Graffiti) {
        auto site = addFeature(core::LayerId::Graffiti, geo::pointWkb(x, y),
                               {{"time", now}, {"status", std::string("gemeldet")}});
        result.graffitiUuid = site->featureUuid();
        observation["attrs"] = nlohmann::json{{"graffiti_uuid", result.graffitiUuid}}.dump();
        parts.push_back(std::move(site));
    }
    auto added = addFeature(core::LayerId::Observations, geo::pointWkb(x, y), observation);
    result.observationUuid = added->featureUuid();
    parts.push_back(std::move(added));
    if (photo) parts.push_back(attachPhoto(result.observationUuid, *photo));
    session.apply(combined(EditKind::FieldMark, core::LayerId::Observations, result.observationUuid, std::move(parts)));
    return result;
}

}  // namespace lb::edit
