#include "ui/edit/form_state.hpp"

#include <algorithm>

#include "core/time.hpp"
#include "ui/format.hpp"

namespace lb::ui {

FormState::FormState(core::LayerId layer, std::string uuid, core::Wkb geometry)
    : m_layer(layer), m_spec(edit::formFor(layer)), m_uuid(std::move(uuid)), m_geometry(std::move(geometry)) {
    for (const auto& field : m_spec.fields) m_text[std::string(field.name)];
}

namespace {

bool isTimeField(const edit::FieldSpec& field) {
    return field.type == edit::FieldType::DateTime || field.type == edit::FieldType::Date;
}

}  // namespace

FormState FormState::forNew(core::LayerId layer, core::Wkb geometry, Language language) {
    FormState form(layer, {}, std::move(geometry));
    const std::string now = core::formatBerlin(core::now());
    const bool german = language == Language::German;
    for (const auto& field : form.m_spec.fields) {
        auto& text = form.m_text[std::string(field.name)];
        if (field.type == edit::FieldType::DateTime && field.required)
            text = german ? formatTimestamp(now, language) : now;
        if (field.type == edit::FieldType::Date && field.required) {
            text = german ? formatTimestamp(now.substr(0, 10), language) : now.substr(0, 10);
        }
        if (field.type == edit::FieldType::Choice && field.readOnly && !field.choices.empty())
            text = std::string(field.choices.front().value);
    }
    return form;
}

FormState FormState::forFeature(const edit::FeatureRecord& record, Language language) {
    FormState form(record.layer, record.uuid, {});
    for (const auto& field : form.m_spec.fields) {
        auto it = record.values.find(field.name);
        if (it == record.values.end()) continue;
        const std::string stored = core::toString(it->second);
        std::string& text = form.m_text[std::string(field.name)];
        text = stored;
        if (language == Language::German && (isTimeField(field) || field.type == edit::FieldType::Real) &&
            !stored.empty()) {
            // German: 05.05.2025 07:50 and 15,7 (normalized() reads both back).
            std::string shown = stored;
            if (isTimeField(field)) {
                shown = formatTimestamp(stored, language);
            } else {
                std::replace(shown.begin(), shown.end(), '.', ',');
            }
            if (shown != stored) {
                text = shown;
                form.m_shownAs[std::string(field.name)] = {shown, stored};
            }
        }
    }
    return form;
}

std::string& FormState::text(std::string_view field) {
    return m_text[std::string(field)];
}

edit::AttributeValues FormState::values() const {
    return values(false);
}

edit::AttributeValues FormState::values(bool withReadOnly) const {
    edit::AttributeValues values;
    for (const auto& field : m_spec.fields) {
        // Read-only fields are changed by their own action (graffiti status) or derived (visit duration): the
        // edit leaves them as stored, but the check sees them, as the session checks the merged values.
        if (field.readOnly && !isNew() && !withReadOnly) continue;
        const auto it = m_text.find(field.name);
        std::string text = it == m_text.end() ? std::string() : it->second;
        // A date or time left as shown keeps its stored value (seconds and offset included).
        if (const auto shown = m_shownAs.find(field.name); shown != m_shownAs.end() && shown->second.first == text) {
            text = shown->second.second;
        }
        values[std::string(field.name)] =
            text.find_first_not_of(" \t\r\n") == std::string::npos ? core::Value{} : core::Value{text};
    }
    return values;
}

std::vector<edit::FieldProblem> FormState::problems() const {
    // What the session will validate: the stored values with the form's edits on top (updateAttributes
    // merges them). Without the read-only ones a stored graffiti site's required status looked missing.
    return edit::validate(m_layer, values(true));
}

std::string FormState::problemOf(std::string_view field, bool german) const {
    std::string text;
    for (const auto& problem : problems()) {
        if (problem.field != field) continue;
        if (!text.empty()) text += "; ";
        text += german && !problem.messageDe.empty() ? problem.messageDe : problem.message;
    }
    return text;
}

std::unique_ptr<edit::EditCommand> FormState::command() const {
    if (!problems().empty()) return nullptr;
    // Normalised as the session will check them (read-only fields included), then written without the
    // read-only ones: the status keeps its own action, derived fields are derived again.
    auto values = edit::normalized(m_layer, this->values(!isNew()));
    if (isNew()) return edit::addFeature(m_layer, m_geometry, values);
    for (const auto& field : m_spec.fields) {
        if (field.readOnly) values.erase(std::string(field.name));
    }
    return edit::updateAttributes(m_layer, m_uuid, values);
}

}  // namespace lb::ui
