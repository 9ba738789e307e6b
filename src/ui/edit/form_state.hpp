#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/layer.hpp"
#include "core/value.hpp"
#include "edit/edit_command.hpp"
#include "edit/edit_commands.hpp"
#include "edit/form_spec.hpp"
#include "ui/strings.hpp"

namespace lb::ui {

// The values an attribute form holds, as the user typed them (text per field), for a new feature (with its
// drawn geometry) or a stored one. values() and problems() check them against edit::formFor(layer) as
// they are typed; command() makes the edit only when nothing is wrong. No ImGui: unit-testable.
class FormState {
public:
    // Required dates and times start at today / now; a read-only status starts at its first choice. In the
    // German UI dates and times show as 05.05.2025 07:50 (local time), not as stored ISO text (issue 18); a
    // value left as shown is written back exactly as it was stored.
    static FormState forNew(core::LayerId layer, core::Wkb geometry, Language language = Language::German);
    static FormState forFeature(const edit::FeatureRecord& record, Language language = Language::German);

    core::LayerId layer() const { return m_layer; }
    const edit::FormSpec& spec() const { return m_spec; }
    bool isNew() const { return m_uuid.empty(); }
    const std::string& uuid() const { return m_uuid; }
    std::string& text(std::string_view field);
    bool dirty() const { return m_dirty; }
    void markDirty() { m_dirty = true; }

    // The values the edit writes (a stored feature's read-only fields stay as stored).
    edit::AttributeValues values() const;
    // Problems of the feature as it would be stored: a stored, valid feature opens without any.
    std::vector<edit::FieldProblem> problems() const;
    // The problem of one field in the language (empty: none).
    std::string problemOf(std::string_view field, bool german) const;
    // addFeature or updateAttributes; nullptr while problems() is not empty.
    std::unique_ptr<edit::EditCommand> command() const;

private:
    FormState(core::LayerId layer, std::string uuid, core::Wkb geometry);
    edit::AttributeValues values(bool withReadOnly) const;

    core::LayerId m_layer;
    edit::FormSpec m_spec;
    std::string m_uuid;
    core::Wkb m_geometry;
    std::map<std::string, std::string, std::less<>> m_text;
    // Per date/time or decimal field shown in German: (text as shown, value as stored).
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> m_shownAs;
    bool m_dirty = false;
};

}  // namespace lb::ui
