// Section index: [reading] [selection] [window] [toolbar] [table] [editing] [copy and export] [splitter]
#include "ui/panels/attribute_table_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>

#include "edit/edit_commands.hpp"
#include "edit/form_spec.hpp"
#include "project/session.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/error_text.hpp"
#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/layout.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/widgets/analysis_widgets.hpp"
#include "ui/widgets/help_marker.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                    ImGuiWindowFlags_NoCollapse;

// Rows the script driver can click by name (table.row.N): the first ones in view.
constexpr std::size_t kProbedRows = 20;
// Up to this many rows, filters and the search apply while typing.
constexpr std::size_t kLiveFilterRows = 200000;

std::string errorText(const std::exception& e, Language language) {
    return localiseError(e.what(), language);
}

std::string layerName(core::LayerId layer) {
    return std::string(core::layerInfo(layer).name);
}

}  // namespace

AttributeTablePanel::AttributeTablePanel(Workspace& workspace, AnalysisController& analysis, EditController& editor,
                                         FileDialogPanel& fileDialog, JobRunner& jobs, const Layout& layout,
                                         DockState& docks)
    : Panel(false),
      m_workspace(workspace),
      m_analysis(analysis),
      m_editor(editor),
      m_fileDialog(fileDialog),
      m_layout(layout),
      m_docks(docks),
      m_runner(jobs, "table") {}

AttributeTablePanel::~AttributeTablePanel() = default;

// [reading]

void AttributeTablePanel::showLayer(core::LayerId layer) {
    setOpen(true);
    if (m_layer != layer) {
        m_layer = layer;
        m_loadedOnce = false;
    }
}

void AttributeTablePanel::showQueryResult() {
    const QueryOutcome* outcome = m_analysis.outcome();
    if (!outcome || !outcome->matches) return;
    const auto layer = core::layerFromName(outcome->matches->layer);
    if (!layer) return;
    showLayer(*layer);
    m_wantQueryMatches = true;
}

void AttributeTablePanel::reload() {
    m_loadedOnce = true;
    m_loadedGeneration = m_workspace.loadGeneration();
    m_loadedEditRevision = m_editor.revision();
    const std::uint64_t request = ++m_request;
    const std::shared_ptr<project::Session> reader = m_workspace.reader();
    if (!reader) return;
    const core::LayerId layer = *m_layer;
    const Language language = m_workspace.language();
    m_runner.submit("table", [this, request, reader, layer, language](core::Progress&) -> JobRunner::Completion {
        try {
            auto table =
                std::make_shared<const project::AttributeTable>(project::readAttributeTable(reader->store(), layer));
            return [this, request, table] {
                if (request != m_request) return;
                m_model.setTable(table);
                m_filterText.resize(m_model.columnCount());
                m_filterBad.resize(m_model.columnCount());
                // The map's selection wins after a reload only when it changed meanwhile.
                m_pushedSelection = m_model.selectionRevision();
            };
        } catch (const std::exception& e) {
            std::string text = errorText(e, language);
            return [this, request, text] {
                if (request != m_request) return;
                m_message = text;
                m_messageError = true;
            };
        }
    });
}

// [selection]

void AttributeTablePanel::pushSelection() {
    m_pushedSelection = m_model.selectionRevision();
    if (!m_layer || !m_model.table()) return;
    auto set = std::make_shared<render::FeatureSet>();
    set->layer = layerName(*m_layer);
    set->fids = m_model.selectedIds();
    if (set->fids.size() == 1) {
        m_workspace.select({set->layer, set->fids.front()});
    } else if (m_workspace.selection() && m_workspace.selection()->ref.layer == set->layer) {
        m_workspace.clearSelection();
    }
    m_seenMapSelection = m_workspace.selection() ? std::optional(m_workspace.selection()->ref) : std::nullopt;
    m_workspace.setTableSelection(set->fids.empty() ? nullptr : std::move(set));
}

// What changed outside the table: the project (reload), the edits (reload), the map's selection (select the
// row and scroll to it), the query's matches (when they were asked for).
void AttributeTablePanel::followWorkspace() {
    m_model.setLanguage(m_workspace.language());
    if (m_workspace.state() != DocumentState::Ready) {
        if (m_model.table()) {
            m_model.setTable(nullptr);
            m_workspace.setTableSelection(nullptr);
        }
        m_loadedOnce = false;
        return;
    }
    if (!m_layer) {
        const auto& selection = m_workspace.selection();
        const auto fromMap = selection ? core::layerFromName(selection->ref.layer) : std::nullopt;
        m_layer = fromMap ? *fromMap : core::LayerId::Incidents;
    }
    if (!m_loadedOnce || m_loadedGeneration != m_workspace.loadGeneration() ||
        m_loadedEditRevision != m_editor.revision()) {
        reload();
    }
    const project::AttributeTable* table = m_model.table();
    if (!table || table->layer != *m_layer) return;

    const auto& selection = m_workspace.selection();
    const std::optional<render::FeatureRef> now = selection ? std::optional(selection->ref) : std::nullopt;
    if (now != m_seenMapSelection) {
        m_seenMapSelection = now;
        if (now && now->layer == layerName(*m_layer)) {
            const std::int64_t id = now->fid;
            m_model.selectIds(std::span(&id, 1));
            if (auto row = table->rowOf(id)) m_scrollToRow = static_cast<std::uint32_t>(*row);
        } else if (!now || m_model.selectedCount() <= 1) {
            m_model.clearSelection();
        }
        m_pushedSelection = m_model.selectionRevision();
        const auto ids = m_model.selectedIds();
        auto set = std::make_shared<render::FeatureSet>(render::FeatureSet{layerName(*m_layer), ids});
        m_workspace.setTableSelection(ids.size() > 1 ? std::move(set) : nullptr);
    }
    if (m_wantQueryMatches) {
        m_wantQueryMatches = false;
        const QueryOutcome* outcome = m_analysis.outcome();
        if (outcome && outcome->matches && outcome->matches->layer == layerName(*m_layer)) {
            m_model.setRestriction(outcome->matches);
        }
    }
}

// [window]

void AttributeTablePanel::draw() {
    if (!isOpen()) {
        if (m_workspace.tableSelection()) m_workspace.setTableSelection(nullptr);
        return;
    }
    followWorkspace();
    if (m_layout.bottom.h <= 0) return;
    drawSplitter();
    const Translator tr = m_workspace.tr();
    ImGui::SetNextWindowPos(ImVec2(m_layout.bottom.x, m_layout.bottom.y));
    ImGui::SetNextWindowSize(ImVec2(m_layout.bottom.w, m_layout.bottom.h));
    const std::string title =
        tr.format(Str::TableTitle, m_layer ? tr.layer(core::layerInfo(*m_layer).name) : std::string_view());
    bool open = true;
    if (ImGui::Begin((title + "###attribute_table").c_str(), &open, kFixed | ImGuiWindowFlags_NoScrollbar)) {
        drawToolbar();
        drawTable();
    }
    ImGui::End();
    if (!open) {
        setOpen(false);
        m_edit.reset();
        m_workspace.setTableSelection(nullptr);
    }
    if (m_model.selectionRevision() != m_pushedSelection) pushSelection();
}

// [toolbar]

void AttributeTablePanel::drawToolbar() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    const bool ready = m_workspace.state() == DocumentState::Ready;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float checkbox = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    auto textWidth = [](const char* text) { return ImGui::CalcTextSize(text).x; };

    // First line: the layer, the search and the counts; items wrap instead of being cut (issue 18).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::TableLayer));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
    const std::string current = m_layer ? std::string(tr.layer(core::layerInfo(*m_layer).name)) : std::string();
    if (ImGui::BeginCombo("##table_layer", current.c_str())) {
        for (const auto& info : core::kLayers) {
            const bool chosen = m_layer == info.id;
            if (ImGui::Selectable(std::string(tr.layer(info.name)).c_str(), chosen)) showLayer(info.id);
            probeItem("table.layer." + std::string(info.name));
        }
        ImGui::EndCombo();
    }
    probeItem("table.layer");

    const float searchWidth = ImGui::GetFontSize() * 11;
    sameLineOrWrap(searchWidth);
    ImGui::SetNextItemWidth(searchWidth);
    char search[256];
    std::snprintf(search, sizeof search, "%s", m_search.c_str());
    const std::string searchHint = std::string(tr(Str::TableSearch)) + " " + tr(Str::TableSearchHint);
    const bool searchEdited = ImGui::InputTextWithHint("##table_search", searchHint.c_str(), search, sizeof search);
    if (searchEdited) m_search = search;
    const bool small = !m_model.table() || m_model.table()->rows() <= kLiveFilterRows;
    if ((searchEdited && small) || ImGui::IsItemDeactivatedAfterEdit()) m_model.setSearch(m_search);
    probeItem("table.search");

    const auto* table = m_model.table();
    const std::size_t total = table ? table->rows() : 0;
    const std::string rows =
        tr.format(Str::TableRows, formatInteger(static_cast<std::int64_t>(m_model.visible().size()), language),
                  formatInteger(static_cast<std::int64_t>(total), language));
    sameLineOrWrap(textWidth(rows.c_str()));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", rows.c_str());
    if (m_model.selectedCount() > 0) {
        const std::string selected =
            tr.format(Str::TableSelected, formatInteger(static_cast<std::int64_t>(m_model.selectedCount()), language));
        sameLineOrWrap(textWidth(selected.c_str()));
        ImGui::TextDisabled("%s", selected.c_str());
    }
    if (m_runner.busy()) {
        sameLineOrWrap(textWidth(tr(Str::TableLoading)));
        ImGui::TextDisabled("%s", tr(Str::TableLoading));
    }

    // Second line: which rows show, and what can be done with the selection.
    bool onlySelected = m_model.onlySelected();
    if (ImGui::Checkbox(tr(Str::TableOnlySelected), &onlySelected)) m_model.setOnlySelected(onlySelected);
    const QueryOutcome* outcome = m_analysis.outcome();
    const bool haveMatches = outcome && outcome->matches && m_layer && outcome->matches->layer == layerName(*m_layer);
    if (haveMatches || m_model.restricted()) {
        sameLineOrWrap(checkbox + textWidth(tr(Str::TableOnlyMatches)));
        bool only = m_model.restricted();
        if (ImGui::Checkbox(tr(Str::TableOnlyMatches), &only)) {
            m_model.setRestriction(only && haveMatches ? outcome->matches : nullptr);
        }
        probeItem("table.only_matches");
    }
    const bool any = m_model.selectedCount() > 0;
    ImGui::BeginDisabled(!any || !ready);
    sameLineOrWrap(buttonWidth(tr(Str::TableZoom)));
    if (ImGui::Button(tr(Str::TableZoom))) {
        const core::BBox box = m_model.selectionBounds();
        if (!box.empty()) m_workspace.camera().zoomToExtent(box);
    }
    sameLineOrWrap(buttonWidth(tr(Str::TableClearSelection)));
    if (ImGui::Button(tr(Str::TableClearSelection))) m_model.clearSelection();
    ImGui::EndDisabled();
    ImGui::BeginDisabled(m_model.visible().empty());
    sameLineOrWrap(buttonWidth(tr(Str::TableSelectAll)));
    if (ImGui::Button(tr(Str::TableSelectAll))) m_model.selectAllVisible();
    ImGui::EndDisabled();
    if (m_workspace.publicMode()) m_public = true;  // in public mode every copy and export is public
    const bool refused = m_public && m_layer && gate().refusal(*m_layer).has_value();
    ImGui::BeginDisabled(!any || refused);
    sameLineOrWrap(buttonWidth(tr(Str::TableCopy)));
    if (ImGui::Button(tr(Str::TableCopy))) copySelection();
    probeItem("table.copy");
    sameLineOrWrap(buttonWidth(tr(Str::TableExport)));
    if (ImGui::Button(tr(Str::TableExport))) exportSelection();
    ImGui::EndDisabled();
    const float marker = textWidth("(?)") + spacing;
    sameLineOrWrap(checkbox + textWidth(tr(Str::TablePublic)) + 2 * marker);
    ImGui::BeginDisabled(m_workspace.publicMode());
    ImGui::Checkbox(tr(Str::TablePublic), &m_public);
    ImGui::EndDisabled();
    probeItem("table.public");
    helpMarker(refused ? tr(Str::TablePublicRefused) : tr(Str::TablePublicHint));
    helpMarker(tr(Str::TableEditHint));
    if (!m_message.empty()) {
        ImGui::PushTextWrapPos(0);
        if (m_messageError) {
            ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", m_message.c_str());
        } else {
            ImGui::TextDisabled("%s", m_message.c_str());
        }
        ImGui::PopTextWrapPos();
    }
}

// [table]

void AttributeTablePanel::drawTable() {
    const project::AttributeTable* table = m_model.table();
    if (!table || !m_layer || table->layer != *m_layer) {
        if (m_runner.busy()) ImGui::TextDisabled("%s", m_workspace.tr()(Str::TableLoading));
        return;
    }
    const Translator tr = m_workspace.tr();
    // Public mode: the screen is an output too; the rows of a layer with personal data are not shown.
    if (m_workspace.publicMode() && m_workspace.outputGate().refusal(*m_layer)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr(Str::TablePublicRefused));
        ImGui::PopTextWrapPos();
        return;
    }
    const int columns = static_cast<int>(std::min<std::size_t>(m_model.columnCount(), 64));
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
                                  ImGuiTableFlags_Hideable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_SizingFixedFit;
    const std::string tableId = "##attributes_" + layerName(*m_layer);
    if (!ImGui::BeginTable(tableId.c_str(), columns, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 2);  // the feature number and the header + filter rows stay
    for (int c = 0; c < columns; ++c) {
        const std::string name = m_model.columnName(static_cast<std::size_t>(c));
        const std::string label = std::string(c == 0 ? tr(Str::InfoFeatureId) : tr.column(name)) + "###" + name;
        ImGuiTableColumnFlags columnFlags =
            c == 0 ? ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide : 0;
        // Fitted to the header and the rows in sight; the uuid (for support requests) gets a narrow one.
        if (name == "uuid") columnFlags |= ImGuiTableColumnFlags_WidthFixed;
        ImGui::TableSetupColumn(label.c_str(), columnFlags, name == "uuid" ? ImGui::GetFontSize() * 6 : 0.0f);
    }
    // Headers one by one so each can be clicked by name (table.header.COLUMN).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        probeItem("table.header." + m_model.columnName(static_cast<std::size_t>(c)));
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const auto& spec = specs->Specs[0];
            m_model.sortBy(spec.ColumnIndex, spec.SortDirection == ImGuiSortDirection_Descending);
        } else {
            m_model.sortBy(-1, false);
        }
        specs->SpecsDirty = false;
    }
    // The filter row.
    ImGui::TableNextRow();
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const auto column = static_cast<std::size_t>(c);
        char buffer[128];
        std::snprintf(buffer, sizeof buffer, "%s", column < m_filterText.size() ? m_filterText[column].c_str() : "");
        ImGui::SetNextItemWidth(-FLT_MIN);
        const bool bad = column < m_filterBad.size() && m_filterBad[column];
        if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 0.6f));
        const std::string id = "##filter_" + m_model.columnName(column);
        const bool edited = ImGui::InputTextWithHint(id.c_str(), tr(Str::TableFilterHint), buffer, sizeof buffer);
        if (bad) ImGui::PopStyleColor();
        probeItem("table.filter." + m_model.columnName(column));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
            ImGui::TextUnformatted(bad ? tr(Str::TableBadFilter) : tr(Str::HelpTableFilter));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (edited && column < m_filterText.size()) m_filterText[column] = buffer;
        // Large tables filter when the field is left or Enter is pressed, not on every key (a text filter over
        // a million distinct values takes a few hundred milliseconds: bench/attribute_table_bench).
        const bool apply = (edited && table->rows() <= kLiveFilterRows) || ImGui::IsItemDeactivatedAfterEdit();
        if (apply && column < m_filterText.size()) {
            m_filterBad[column] = !m_model.setFilter(column, m_filterText[column]);
        }
    }

    const auto visible = m_model.visible();
    const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
    if (m_scrollToRow) {
        if (auto index = m_model.visibleIndexOf(*m_scrollToRow)) {
            const float view = ImGui::GetWindowHeight() - 3 * rowHeight;
            const float y = static_cast<float>(*index) * rowHeight;
            if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + view)
                ImGui::SetScrollY(std::max(0.0f, y - view / 2));
        }
        m_scrollToRow.reset();
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible.size()), rowHeight);
    const ImGuiIO& io = ImGui::GetIO();
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::uint32_t row = visible[static_cast<std::size_t>(i)];
            ImGui::TableNextRow(0, rowHeight);
            ImGui::PushID(static_cast<int>(row));
            ImGui::TableSetColumnIndex(0);
            const std::string number = std::to_string(table->ids[row]);
            const bool picked =
                ImGui::Selectable(number.c_str(), m_model.selected(row),
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                                      ImGuiSelectableFlags_AllowDoubleClick);
            if (static_cast<std::size_t>(i) < kProbedRows) probeItem("table.row." + std::to_string(i));
            const bool hovered = ImGui::IsItemHovered();
            if (picked) {
                const RowPick how = io.KeyShift ? RowPick::Extend : io.KeyCtrl ? RowPick::Toggle : RowPick::Replace;
                if (!(how == RowPick::Replace && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))) {
                    m_model.pick(static_cast<std::size_t>(i), how);
                }
            }
            if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                for (int c = 1; c < columns; ++c) {
                    if (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered) {
                        beginEdit(static_cast<std::size_t>(c), row);
                    }
                }
            }
            for (int c = 1; c < columns; ++c) {
                if (!ImGui::TableSetColumnIndex(c)) continue;
                drawCell(static_cast<std::size_t>(c), row);
                if (i == 0) probeItem("table.cell." + m_model.columnName(static_cast<std::size_t>(c)));
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    probeItem("table.body");  // the whole table (the benchmark scrolls with the wheel over it)
    if (!visible.empty()) {
        const auto first = visible.front();
        probeFact("table.first", m_model.sortColumn() > 0 ? std::string(m_model.stored(
                                                                static_cast<std::size_t>(m_model.sortColumn()), first))
                                                          : std::to_string(table->ids[first]));
    }
    probeFact("table.rows", std::to_string(visible.size()));
    probeFact("table.sort", m_model.sortColumn() < 0
                                ? std::string("none")
                                : m_model.columnName(static_cast<std::size_t>(m_model.sortColumn())) +
                                      (m_model.sortDescending() ? " desc" : " asc"));
}

void AttributeTablePanel::drawCell(std::size_t column, std::uint32_t row) {
    if (m_edit && m_edit->column == column && m_edit->row == row) {
        const auto* spec = edit::formFor(*m_layer).find(m_model.columnName(column));
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (spec && spec->type == edit::FieldType::Choice) {
            const bool german = m_workspace.language() == Language::German;
            if (m_edit->frames++ == 0) ImGui::OpenPopup("##choice");
            if (ImGui::BeginPopup("##choice")) {
                for (const auto& choice : spec->choices) {
                    if (ImGui::Selectable(std::string(german ? choice.labelDe : choice.labelEn).c_str())) {
                        std::snprintf(m_edit->buffer.data(), m_edit->buffer.size(), "%s",
                                      std::string(choice.value).c_str());
                        commitEdit();
                        ImGui::CloseCurrentPopup();
                        break;
                    }
                }
                ImGui::EndPopup();
            } else {
                m_edit.reset();  // closed without a choice
            }
            if (m_edit) ImGui::TextUnformatted(m_model.display(column, row).c_str());
            return;
        }
        if (m_edit->frames++ == 0) ImGui::SetKeyboardFocusHere();
        const bool enter = ImGui::InputText("##cell", m_edit->buffer.data(), m_edit->buffer.size(),
                                            ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        probeItem("table.cell_edit");
        if (enter) {
            commitEdit();
        } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
                   (m_edit->frames > 2 && !ImGui::IsItemActive())) {
            m_edit.reset();
        }
        return;
    }
    const auto& name = m_model.table()->columns[column - 1].name();
    if (m_workspace.publicMode() && !m_workspace.outputGate().columnAllowed(name)) {
        ImGui::TextDisabled("–");  // public mode: authors, notes, photos… are not on the screen either
        return;
    }
    const std::string text = m_model.display(column, row);
    if (name == "uuid") {
        ImGui::TextDisabled("%s", text.c_str());
    } else {
        ImGui::TextUnformatted(text.c_str());
    }
}

// [editing]

bool AttributeTablePanel::editable(std::size_t column) const {
    if (!m_layer || core::layerInfo(*m_layer).kind != core::LayerKind::Thematic || column == 0) return false;
    const std::string name = m_model.columnName(column);
    if (project::isBookkeepingColumn(name)) return false;
    const auto* spec = edit::formFor(*m_layer).find(name);
    return spec && !spec->readOnly && spec->type != edit::FieldType::RouteRef;
}

void AttributeTablePanel::beginEdit(std::size_t column, std::uint32_t row) {
    if (!editable(column) || !m_editor.isOpen()) return;
    CellEdit edit;
    edit.column = column;
    edit.row = row;
    const auto* spec = edit::formFor(*m_layer).find(m_model.columnName(column));
    const bool german = m_workspace.language() == Language::German;
    std::string text(m_model.stored(column, row));
    if (spec && (spec->type == edit::FieldType::Date || spec->type == edit::FieldType::DateTime)) {
        if (german && !text.empty()) text = formatTimestamp(text, Language::German);
    } else if (spec && spec->type == edit::FieldType::Real && german) {
        std::replace(text.begin(), text.end(), '.', ',');
    }
    std::snprintf(edit.buffer.data(), edit.buffer.size(), "%s", text.c_str());
    m_edit = edit;
}

void AttributeTablePanel::commitEdit() {
    if (!m_edit || !m_model.table()) return;
    const std::string name = m_model.columnName(m_edit->column);
    const std::string uuid(m_model.table()->uuid(m_edit->row));
    const std::string text(m_edit->buffer.data());
    m_edit.reset();
    edit::AttributeValues changes;
    changes[name] = text.empty() ? core::Value{} : core::Value{text};
    const EditOutcome outcome = m_editor.apply(edit::updateAttributes(*m_layer, uuid, std::move(changes)));
    if (outcome.ok) {
        m_message.clear();
        return;
    }
    // Name the column as the header does ("Fläche (m²): -5 liegt außerhalb von 0–100000").
    std::string reason = outcome.error;
    if (!outcome.problems.empty()) {
        reason.clear();
        const Translator tr = m_workspace.tr();
        for (const auto& problem : outcome.problems) {
            if (!reason.empty()) reason += "; ";
            const bool german = m_workspace.language() == Language::German;
            reason += std::string(tr.column(problem.field)) + ": " + (german ? problem.messageDe : problem.message);
        }
    }
    m_message = m_workspace.tr().format(Str::TableEditFailed, reason);
    m_messageError = true;
}

// [copy and export]

project::OutputGate AttributeTablePanel::gate() const {
    return m_public || m_workspace.publicMode() ? project::OutputGate::forPublic() : project::OutputGate::internal();
}

void AttributeTablePanel::copySelection() {
    if (!m_model.table()) return;
    try {
        const auto rows = m_model.selectedRows();
        const std::string text = project::selectionText(*m_model.table(), rows, gate());
        ImGui::SetClipboardText(text.c_str());
        m_message = m_workspace.tr().format(
            Str::TableCopied, formatInteger(static_cast<std::int64_t>(rows.size()), m_workspace.language()));
        m_messageError = false;
    } catch (const std::exception& e) {
        m_message = errorText(e, m_workspace.language());
        m_messageError = true;
    }
}

void AttributeTablePanel::exportSelection() {
    if (!m_model.table() || !m_layer) return;
    const std::string base = (m_workspace.projectName().empty() ? std::string("lagebild") : m_workspace.projectName()) +
                             "-" + layerName(*m_layer);
    auto table = m_model.sharedTable();
    auto rows = std::make_shared<const std::vector<std::uint32_t>>(m_model.selectedRows());
    const project::OutputGate gate = this->gate();
    const std::shared_ptr<project::Session> reader = m_workspace.reader();
    if (!reader) return;
    m_fileDialog.openQueryExport(base + ".gpkg", [this, table, rows, gate, reader](const std::filesystem::path& file) {
        const Language language = m_workspace.language();
        m_runner.submit("export",
                        [this, table, rows, gate, reader, file, language](core::Progress&) -> JobRunner::Completion {
                            std::string error;
                            try {
                                project::writeSelection(file, reader->store(), *table, *rows, gate);
                            } catch (const std::exception& e) {
                                error = errorText(e, language);
                            }
                            return [this, error, file, count = rows->size()] {
                                if (error.empty()) {
                                    m_workspace.notices().push(
                                        {false, file.filename().string() + ": " + std::to_string(count), {}});
                                } else {
                                    m_workspace.notices().push({true, error, {}});
                                }
                            };
                        });
    });
}

// [splitter]

void AttributeTablePanel::drawSplitter() {
    const Rect& r = m_layout.bottomSplitter;
    if (r.h <= 0) return;
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##bottom_splitter", nullptr, kFixed | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoNav);
    ImGui::PopStyleVar(3);
    ImGui::InvisibleButton("##drag", ImVec2(r.w, r.h));
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    const ImGuiCol colour = active    ? ImGuiCol_SeparatorActive
                            : hovered ? ImGuiCol_SeparatorHovered
                                      : ImGuiCol_Separator;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h),
                                              ImGui::GetColorU32(colour));
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        m_docks.bottomHeight = 0;  // back to the default
    } else if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        const float bottom = m_layout.bottom.y + m_layout.bottom.h;
        const float pixels = bottom - ImGui::GetIO().MousePos.y - r.h * 0.5f;
        m_docks.bottomHeight = std::max(kMinBottomHeight, pixels / m_layout.scale);
    }
    ImGui::End();
}

}  // namespace lb::ui
