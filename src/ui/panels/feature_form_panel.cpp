// Section index: [sync] [fields] [graffiti status] [photos] [save]
#include "ui/panels/feature_form_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "edit/edit_session.hpp"
#include "edit/form_spec.hpp"
#include "edit/graffiti.hpp"
#include "edit/photos.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/edit/edit_tools.hpp"
#include "ui/edit/form_state.hpp"
#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/layout.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/theme.hpp"
#include "ui/widgets/date_picker.hpp"
#include "ui/widgets/gl_texture.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

const ImVec4 kErrorColor(0.75f, 0.1f, 0.1f, 1);

std::string_view label(const edit::FieldSpec& field, Language language) {
    return language == Language::English ? field.labelEn : field.labelDe;
}

std::string_view choiceLabel(const edit::ChoiceSpec& choice, Language language) {
    return language == Language::English ? choice.labelEn : choice.labelDe;
}

// A dropdown over (stored value, label) options; "—" (empty) first unless required. True when changed.
bool optionCombo(std::string& text, const std::vector<std::pair<std::string, std::string>>& options, bool required,
                 const Translator& tr) {
    std::string preview = text.empty() ? tr(Str::FormNone) : text;
    for (const auto& [value, name] : options) {
        if (value == text) preview = name;
    }
    bool changed = false;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##v", preview.c_str())) {
        if (!required && ImGui::Selectable(tr(Str::FormNone), text.empty())) {
            text.clear();
            changed = true;
        }
        for (const auto& [value, name] : options) {
            if (ImGui::Selectable(name.c_str(), value == text)) {
                text = value;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

FeatureFormPanel::FeatureFormPanel(Workspace& workspace, EditController& editor, EditTools& tools,
                                   FileDialogPanel& fileDialog, const Layout& layout)
    : DockedPanel(true),
      m_workspace(workspace),
      m_editor(editor),
      m_tools(tools),
      m_fileDialog(fileDialog),
      m_layout(layout) {}

FeatureFormPanel::~FeatureFormPanel() = default;

// [sync]

std::unique_ptr<FormState> FeatureFormPanel::load(core::LayerId layer, const std::string& uuid) {
    try {
        if (auto record = m_editor.session()->feature(layer, uuid)) {
            m_loadedRevision = m_editor.revision();
            return std::make_unique<FormState>(FormState::forFeature(*record, m_workspace.language()));
        }
    } catch (const std::exception& e) {
        m_saveError = e.what();
    }
    return nullptr;
}

void FeatureFormPanel::close() {
    m_form.reset();  // from the next frame on: this frame's widgets may still read the form
}

// Runs at the start of draw(), before anything reads the form; the only place that settles it.
void FeatureFormPanel::syncWithTools() {
    const auto& target = m_tools.target();
    // A request waits for the selection to reach the tools (the tool bar syncs them later in the frame).
    const bool editRequested = target && m_editor.session() && m_tools.takeEditRequest();
    const FormState* form = m_form.upcoming();
    if (auto pending = m_tools.takePending()) {
        m_form.replace(std::make_unique<FormState>(
            FormState::forNew(pending->layer, std::move(pending->geometry), m_workspace.language())));
        m_saveError.clear();
        requestFront();
    } else if (editRequested && target && m_editor.session()) {
        // Looking is a click; editing starts here, from an explicit request for the selected feature.
        if (!form || form->isNew() || form->uuid() != target->uuid || !form->dirty()) {
            m_saveError.clear();
            m_photoError.clear();
            m_nextStatus = 0;
            m_form.replace(load(target->layer, target->uuid));
            requestFront();
        }
    } else if (form && !form->isNew() && !form->dirty()) {
        // An open, unchanged form follows the selection (another feature, or none) and the store's edits.
        if (!target || !m_editor.session()) {
            m_form.reset();
        } else if (form->uuid() != target->uuid) {
            m_saveError.clear();
            m_photoError.clear();
            m_nextStatus = 0;
            m_form.replace(load(target->layer, target->uuid));
        } else if (m_loadedRevision != m_editor.revision()) {
            m_form.replace(load(target->layer, target->uuid));
        }
    }
    m_form.settle();
}

void FeatureFormPanel::update() {
    if (m_workspace.state() != DocumentState::Ready || !m_editor.isOpen()) {
        m_form.reset();
        m_form.settle();  // nothing reads the form in this frame
        dropPhotos();
        return;
    }
    syncWithTools();
    if (!m_form || m_form->isNew() || m_form->layer() != core::LayerId::Observations) dropPhotos();
}

std::string FeatureFormPanel::tabTitle() const {
    return m_workspace.tr()(Str::FormTab);
}

void FeatureFormPanel::drawContent() {
    if (!m_form) return;
    probeFact("form.open", "open");
    // From here to the end of drawContent() m_form stays the same object: buttons only ask for changes.
    FormState& form = *m_form;
    const Translator tr = m_workspace.tr();
    const std::string title =
        tr.format(form.isNew() ? Str::FormTitleNew : Str::FormTitleEdit, tr.layer(core::layerInfo(form.layer()).name));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", title.c_str());
    ImGui::Spacing();
    drawFields();
    if (!form.isNew() && form.layer() == core::LayerId::Graffiti) drawGraffitiStatus();
    if (!form.isNew() && form.layer() == core::LayerId::Observations) drawPhotos();
}

// [fields]

void FeatureFormPanel::drawFields() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    const bool german = language == Language::German;
    for (const auto& field : m_form->spec().fields) {
        ImGui::PushID(field.name.data(), field.name.data() + field.name.size());
        std::string caption(label(field, language));
        if (field.required) caption += " *";
        if (!field.unit.empty()) caption += " (" + std::string(field.unit) + ")";
        ImGui::TextUnformatted(caption.c_str());
        std::string& text = m_form->text(field.name);
        bool changed = false;
        ImGui::BeginDisabled(field.readOnly);
        switch (field.type) {
            case edit::FieldType::Choice: {
                std::vector<std::pair<std::string, std::string>> options;
                for (const auto& choice : field.choices)
                    options.emplace_back(choice.value, choiceLabel(choice, language));
                changed = optionCombo(text, options, field.required, tr);
                break;
            }
            case edit::FieldType::RouteRef: {
                std::vector<std::pair<std::string, std::string>> options;
                for (const auto& route : routes())
                    options.emplace_back(route.uuid, route.name.empty() ? route.uuid : route.name);
                changed = optionCombo(text, options, field.required, tr);
                break;
            }
            case edit::FieldType::LongText:
                changed = ImGui::InputTextMultiline("##v", &text, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
                break;
            case edit::FieldType::Date:
                ImGui::SetNextItemWidth(-ImGui::GetFrameHeight() * 1.8f);
                changed = ImGui::InputTextWithHint("##v", "TT.MM.JJJJ", &text);
                ImGui::SameLine();
                changed |= widgets::datePickerButton("date", text, tr(Str::CalendarWeekdays));
                break;
            default:
                ImGui::SetNextItemWidth(-FLT_MIN);
                changed = ImGui::InputText("##v", &text);
                break;
        }
        ImGui::EndDisabled();
        if (changed) m_form->markDirty();
        if (const std::string problem = m_form->problemOf(field.name, german); !problem.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kErrorColor, "%s", problem.c_str());
            ImGui::PopTextWrapPos();
        } else if (!field.hintDe.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", std::string(german ? field.hintDe : field.hintEn).c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    const bool valid = m_form->problems().empty();
    probeFact("form.state", std::string(core::layerInfo(m_form->layer()).name) + (valid ? " valid" : " invalid") +
                                (m_form->isNew() ? " new" : " stored"));
    if (!valid) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColor, "%s", tr(Str::FormInvalid));
        ImGui::PopTextWrapPos();
    }
    // Speichern on an unchanged stored feature closes the form and writes nothing (QGIS's OK).
    // Two buttons sharing the dock's width (never wider than 8 em each, never cut by the scroll bar).
    const float buttonWidth =
        std::min(ImGui::GetFontSize() * 8, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2);
    ImGui::BeginDisabled(!valid);
    if (ImGui::Button(tr(Str::FormSave), ImVec2(buttonWidth, 0))) save();
    probeItem("form.save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::FormCancel), ImVec2(buttonWidth, 0))) close();
    probeItem("form.cancel");
    if (!m_saveError.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColor, "%s", m_saveError.c_str());
        ImGui::PopTextWrapPos();
    }
}

// [graffiti status]

void FeatureFormPanel::drawGraffitiStatus() {
    const Translator tr = m_workspace.tr();
    auto* store = m_editor.store();
    if (!store) return;
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::GraffitiHistory));
    const auto& history = m_history.get(m_form->uuid(), m_editor.revision(),
                                        [&](const std::string& uuid) { return edit::graffitiHistory(*store, uuid); });
    if (!m_history.error().empty()) {
        ImGui::TextColored(kErrorColor, "%s", m_history.error().c_str());
        return;
    }
    const Language language = m_workspace.language();
    // A status as the UI names it ("legal gestaltet"), from the form's choices.
    const auto* statusSpec = edit::formFor(core::LayerId::Graffiti).find("status");
    auto statusLabel = [&](std::string_view value) -> std::string {
        if (statusSpec) {
            for (const auto& choice : statusSpec->choices) {
                if (choice.value == value)
                    return std::string(language == Language::German ? choice.labelDe : choice.labelEn);
            }
        }
        return std::string(value);
    };
    // One wrapped line per entry: nothing is cut in a narrow dock.
    ImGui::PushTextWrapPos(0);
    for (const auto& entry : history) {
        std::string line = formatTimestamp(entry.date, language) + "  " + statusLabel(entry.status);
        if (entry.costEur) line += "  " + formatEuro(*entry.costEur, language);
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::PopTextWrapPos();
    const auto derived = edit::deriveGraffiti(history);
    const std::string days = derived.daysToRemoval ? std::to_string(*derived.daysToRemoval) : "–";
    const std::string cost = formatDecimal(derived.totalCostEur, 0, language, true);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr.format(Str::GraffitiDerived, days, derived.recurrences, cost).c_str());
    ImGui::PopTextWrapPos();

    const auto next = edit::nextGraffitiStatuses(derived.currentStatus);
    if (next.empty()) {
        ImGui::TextDisabled("%s", tr(Str::GraffitiNoNext));
        return;
    }
    if (m_nextStatus >= static_cast<int>(next.size())) m_nextStatus = 0;
    // Labels above the fields, as in the form above: nothing is cut in a narrow dock (issue 18).
    ImGui::TextUnformatted(tr(Str::GraffitiNewStatus));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##new_status", statusLabel(next[static_cast<std::size_t>(m_nextStatus)]).c_str())) {
        for (std::size_t i = 0; i < next.size(); ++i) {
            if (ImGui::Selectable(statusLabel(next[i]).c_str(), static_cast<int>(i) == m_nextStatus))
                m_nextStatus = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted(tr(Str::GraffitiDate));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint("##status_date_text", "TT.MM.JJJJ", &m_statusDate);
    ImGui::SameLine();
    widgets::datePickerButton("status_date", m_statusDate, tr(Str::CalendarWeekdays));
    ImGui::TextUnformatted(tr(Str::GraffitiCost));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputText("##status_cost", &m_statusCost);
    ImGui::TextUnformatted(tr(Str::GraffitiNote));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##status_note", &m_statusNote);
    if (ImGui::Button(tr(Str::GraffitiChange))) {
        edit::GraffitiStatusChange change;
        change.status = std::string(next[static_cast<std::size_t>(m_nextStatus)]);
        change.date = m_statusDate;
        change.note = m_statusNote;
        try {
            if (!m_statusCost.empty()) {
                std::string cost = m_statusCost;
                std::replace(cost.begin(), cost.end(), ',', '.');  // "12,50" as typed in German
                std::size_t used = 0;
                change.costEur = std::stod(cost, &used);
                if (used != cost.size()) throw std::invalid_argument("cost");
            }
            const auto outcome = m_editor.apply(edit::setGraffitiStatus(m_form->uuid(), change));
            m_saveError = outcome.ok ? std::string() : outcome.error;
            if (outcome.ok) m_statusCost.clear(), m_statusNote.clear();
        } catch (const std::exception&) {
            m_saveError = tr(Str::FormInvalid);
        }
    }
}

// [photos]

void FeatureFormPanel::dropPhotos() {
    if (m_textures.empty() && m_photos.entries().empty()) return;
    m_textures.clear();
    m_photos.clear();
    m_confirmRemove = 0;
}

void FeatureFormPanel::drawPhotos() {
    const Translator tr = m_workspace.tr();
    const std::string uuid = m_form->uuid();
    if (m_photos.sync(m_editor, uuid)) {
        m_textures.clear();
        for (const auto& entry : m_photos.entries()) {
            const auto& px = entry.pixels;
            m_textures.push_back(
                px.rgba.empty() ? nullptr : std::make_unique<widgets::GlTexture>(px.width, px.height, px.rgba.data()));
        }
    }
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::PhotosTitle));
    if (!m_photos.error().empty()) ImGui::TextColored(kErrorColor, "%s", m_photos.error().c_str());
    if (m_photos.entries().empty()) ImGui::TextDisabled("%s", tr(Str::PhotosNone));
    const float edge = 96 * m_layout.scale;
    std::int64_t remove = 0;
    for (std::size_t i = 0; i < m_photos.entries().size(); ++i) {
        const auto& entry = m_photos.entries()[i];
        ImGui::PushID(static_cast<int>(entry.id));
        if (const auto* texture = m_textures[i].get()) {
            const float f = edge / static_cast<float>(std::max(texture->width(), texture->height()));
            ImGui::Image(texture->imguiId(), ImVec2(texture->width() * f, texture->height() * f));
        } else {
            ImGui::Dummy(ImVec2(edge, edge * 0.2f));
            ImGui::SameLine(0, 0);
            ImGui::TextDisabled("%s", tr(Str::PhotosPreviewBroken));
        }
        ImGui::SameLine();
        ImGui::BeginGroup();
        const std::string kind = entry.mimeType == "image/png" ? "PNG" : "JPEG";
        const std::string kb = std::to_string((entry.bytes + 1023) / 1024);
        std::string date = entry.created.substr(0, std::min<std::size_t>(16, entry.created.size()));
        std::replace(date.begin(), date.end(), 'T', ' ');  // "2025-03-14 10:00"
        ImGui::TextUnformatted(tr.format(Str::PhotosCaption, kind, kb, date).c_str());
        if (!entry.author.empty()) ImGui::TextDisabled("%s", entry.author.c_str());
        if (m_confirmRemove == entry.id) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kErrorColor, "%s", tr(Str::PhotosRemoveConfirm));
            ImGui::PopTextWrapPos();
            if (ImGui::SmallButton(tr(Str::PhotosRemoveYes))) remove = entry.id;
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(Str::FormCancel))) m_confirmRemove = 0;
        } else if (ImGui::SmallButton(tr(Str::PhotosRemove))) {
            m_confirmRemove = entry.id;
        }
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (remove != 0) {  // after the loop: the list reloads with the next sync
        const auto outcome = m_editor.removePhoto(uuid, remove);
        m_photoError = outcome.ok ? std::string() : outcome.error;
        m_confirmRemove = 0;
    }
    if (ImGui::Button(tr(Str::PhotosAttach))) {
        m_fileDialog.openPhoto([this, uuid](const std::filesystem::path& file) {
            const auto outcome = m_editor.attachPhoto(uuid, file);
            m_photoError = outcome.ok ? std::string() : outcome.error;
        });
    }
    if (!m_photoError.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColor, "%s", m_photoError.c_str());
        ImGui::PopTextWrapPos();
    }
}

const std::vector<edit::RouteName>& FeatureFormPanel::routes() {
    static const std::vector<edit::RouteName> kNone;
    auto* store = m_editor.store();
    if (!store) return kNone;
    const auto loadsBefore = m_routes.loads();
    const auto& routes = m_routes.get(0, m_editor.revision(), [&](int) { return edit::routeNames(*store); });
    if (m_routes.loads() != loadsBefore && !m_routes.error().empty()) m_saveError = m_routes.error();
    return routes;
}

// [save]

void FeatureFormPanel::save() {
    std::unique_ptr<edit::EditCommand> command;
    try {
        command = m_form->command();
    } catch (const std::exception& e) {
        m_saveError = e.what();
        return;
    }
    if (!command) return;
    const bool isNew = m_form->isNew();
    if (!isNew && !m_form->dirty()) {
        close();  // nothing changed: nothing to write
        return;
    }
    const auto outcome = m_editor.apply(std::move(command));
    if (!outcome.ok) {
        m_saveError = outcome.error;  // the form keeps the values: nothing was saved
        return;
    }
    m_saveError.clear();
    if (isNew) {
        // The new feature becomes the selection: the info panel shows it from the next frame on.
        m_workspace.selectFeature(m_form->layer(), outcome.featureUuid);
    }
    close();
}

}  // namespace lb::ui
