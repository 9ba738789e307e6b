#pragma once

#include <string>
#include <string_view>

#include "core/layer.hpp"

namespace lb::edit {

namespace detail {
class EditContext;
}

// What an edit does. The id is stable (audit log `action`, translation keys of the GUI's menu texts such
// as "Punkt hinzufügen"/"Add point"); never rename one.
enum class EditKind {
    AddPoint,           // "add_point"
    AddLine,            // "add_line"
    AddPolygon,         // "add_polygon"
    AddRecord,          // "add_record" (a feature without geometry: a visit without location)
    MoveFeature,        // "move_feature"
    DeleteFeature,      // "delete_feature"
    MoveVertex,         // "move_vertex"
    InsertVertex,       // "insert_vertex"
    DeleteVertex,       // "delete_vertex"
    ReplaceGeometry,    // "replace_geometry"
    UpdateAttributes,   // "update_attributes"
    SetGraffitiStatus,  // "set_graffiti_status"
    AttachPhoto,        // "attach_photo"
    RemovePhoto,        // "remove_photo"
    FieldMark,          // "field_mark" (one button press in field mode: observation, maybe graffiti + photo)
};

std::string_view editKindId(EditKind kind);

// One user action on the project. Built by the factory functions of edit_commands.hpp, graffiti.hpp,
// photos.hpp and field_mark.hpp; applied, undone and redone only through an EditSession, which runs each
// step in its own committed, audited transaction.
class EditCommand {
public:
    virtual ~EditCommand() = default;
    EditCommand(const EditCommand&) = delete;
    EditCommand& operator=(const EditCommand&) = delete;

    EditKind kind() const { return m_kind; }
    core::LayerId layer() const { return m_layer; }
    // The feature the command works on; for additions the uuid the new feature gets (known before apply).
    const std::string& featureUuid() const { return m_featureUuid; }

    // For EditSession: do (first time and redo) / undo the change inside the session's transaction.
    virtual void apply(detail::EditContext& context) = 0;
    virtual void revert(detail::EditContext& context) = 0;

protected:
    EditCommand(EditKind kind, core::LayerId layer, std::string featureUuid)
        : m_kind(kind), m_layer(layer), m_featureUuid(std::move(featureUuid)) {}

private:
    EditKind m_kind;
    core::LayerId m_layer;
    std::string m_featureUuid;
};

}  // namespace lb::edit
