// Section index: [tab] [form] [result] [matches]
#include "ui/panels/query_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/field_of_action.hpp"
#include "core/layer.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/error_text.hpp"
#include "ui/format.hpp"
#include "ui/item_probe.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/theme.hpp"
#include "ui/widgets/analysis_widgets.hpp"
#include "ui/widgets/help_marker.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

const ImVec4 kErrorColour{0.75f, 0.1f, 0.1f, 1};

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(sep, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", text);
}

// A text field that reports true only when the user leaves it after editing.
// A date field: commits on every keystroke (the controller runs the query once the date is valid, so the
// count follows the typing), framed red while the text is incomplete or wrong.
bool dateField(const char* id, std::string& text, float width, const char* hint, bool error) {
    const DateInput state = dateInput(text);
    const bool red = error || state == DateInput::Incomplete || state == DateInput::Invalid;
    if (red) {
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.98f, 0.85f, 0.85f, 1));
        ImGui::PushStyleColor(ImGuiCol_Border, kErrorColour);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
    ImGui::SetNextItemWidth(width);
    const bool edited = ImGui::InputTextWithHint(id, hint, &text);
    if (red) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
    }
    return edited || ImGui::IsItemDeactivatedAfterEdit();
}

bool textField(const char* id, std::string& text, float width, const char* hint, bool error) {
    if (error) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.98f, 0.85f, 0.85f, 1));
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint(id, hint, &text);
    if (error) ImGui::PopStyleColor();
    return ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace

QueryPanel::QueryPanel(Workspace& workspace, AnalysisController& analysis, FileDialogPanel& fileDialog)
    : DockedPanel(false), m_workspace(workspace), m_analysis(analysis), m_fileDialog(fileDialog) {}

// [tab]

std::string QueryPanel::tabTitle() const {
    return m_workspace.tr()(Str::QueryTitle);
}

void QueryPanel::drawContent() {
    const Translator tr = m_workspace.tr();
    if (m_workspace.state() != DocumentState::Ready) {
        ImGui::TextDisabled("%s", tr(Str::AnalysisNoProject));
        return;
    }
    if (m_analysis.form() != m_synced) m_draft = m_synced = m_analysis.form();
    if (drawForm()) {
        m_analysis.setForm(m_draft);
        m_synced = m_draft;
    }
    ImGui::Separator();
    drawResult();
    drawMatchTable();
}

// [form]

bool QueryPanel::drawForm() {
    const Translator tr = m_workspace.tr();
    const auto& error = m_analysis.formError();
    auto failed = [&](FormField field) { return error && error->field == field; };
    const float labelWidth = ImGui::GetFontSize() * 7;
    bool commit = false;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::QueryLayer));
    ImGui::SameLine(labelWidth);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##layer", std::string(tr.layer(m_draft.layer)).c_str())) {
        for (const auto& info : core::kLayers) {
            if (info.kind != core::LayerKind::Thematic) continue;
            const std::string name(info.name);
            if (ImGui::Selectable(std::string(tr.layer(name)).c_str(), name == m_draft.layer)) {
                m_draft.layer = name;
                commit = true;
            }
        }
        ImGui::EndCombo();
    }

    sectionTitle(tr(Str::QueryCategories));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("(%s)", tr(Str::QueryNoneMeansAll));
    ImGui::PopTextWrapPos();
    const bool english = m_workspace.language() == Language::English;
    // Two columns where the longest label fits twice, else one ("Graffiti/Sachbeschädigung" uncut).
    float widest = 0;
    for (const auto& field : core::kFieldsOfAction) {
        widest = std::max(widest, ImGui::CalcTextSize(std::string(english ? field.labelEn : field.labelDe).c_str()).x);
    }
    const float cellWidth = widest + ImGui::GetFrameHeight() * 1.6f + ImGui::GetStyle().ItemSpacing.x * 3;
    const int categoryColumns = ImGui::GetContentRegionAvail().x >= 2 * cellWidth ? 2 : 1;
    if (ImGui::BeginTable("categories", categoryColumns)) {
        for (std::size_t i = 0; i < core::kFieldsOfAction.size(); ++i) {
            ImGui::TableNextColumn();
            const auto& field = core::kFieldsOfAction[i];
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetFrameHeight();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h * 0.3f, p.y + h * 0.5f), h * 0.22f,
                                                        categoryColor(m_workspace.style(), field.id));
            ImGui::Dummy(ImVec2(h * 0.6f, h));
            ImGui::SameLine(0, 2);
            const std::string label =
                std::string(english ? field.labelEn : field.labelDe) + "##cat" + std::to_string(i);
            commit |= ImGui::Checkbox(label.c_str(), &m_draft.categories[i]);
        }
        ImGui::EndTable();
    }

    sectionTitle(tr(Str::QueryPeriod));
    const float dateWidth = ImGui::GetFontSize() * 6.5f;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::QueryFrom));
    ImGui::SameLine();
    commit |= dateField("##from", m_draft.from, dateWidth, tr(Str::QueryDateHint), failed(FormField::From));
    probeItem("query.from");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(Str::QueryTo));
    ImGui::SameLine();
    commit |= dateField("##to", m_draft.to, dateWidth, tr(Str::QueryDateHint), failed(FormField::To));
    probeItem("query.to");
    if (!datesComplete(m_draft) && !error) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "%s", tr(Str::QueryDateIncomplete));
        ImGui::PopTextWrapPos();
    }

    commit |= ImGui::Checkbox(tr(Str::QueryHours), &m_draft.hoursOn);
    helpMarker(tr(Str::HelpQueryHours));
    if (m_draft.hoursOn) {
        ImGui::SetNextItemWidth(-1);
        int hours[2] = {m_draft.hourFrom, m_draft.hourTo};
        if (ImGui::SliderInt2("##hours", hours, 0, 24, "%d:00")) {
            m_draft.hourFrom = std::clamp(hours[0], 0, 23);
            m_draft.hourTo = std::clamp(hours[1], 0, 24);
            commit = true;
        }
        ImGui::TextDisabled("%s", tr.format(Str::QueryHoursRange, m_draft.hourFrom, m_draft.hourTo).c_str());
    }

    sectionTitle(tr(Str::QueryWeekdays));
    const auto names = split(tr(Str::QueryWeekdayNames), ',');
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t d = 0; d < 7 && d < names.size(); ++d) {
        // Wrap the row in a narrow dock instead of cutting "Fr", "Sa", "So" off.
        const float width =
            ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(names[d].c_str()).x;
        if (d) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        bool on = m_draft.weekdays[d];
        if (ImGui::Checkbox((names[d] + "##wd" + std::to_string(d)).c_str(), &on)) {
            m_draft.weekdays[d] = on;
            commit = true;
        }
    }

    ImGui::Spacing();
    commit |= ImGui::Checkbox(tr(Str::QueryInside), &m_draft.insideOn);
    helpMarker(tr(Str::HelpQueryInside));
    if (m_draft.insideOn) {
        commit |= textField("##inside", m_draft.inside, -1, tr(Str::QueryLayerRefHint), failed(FormField::Inside));
    }
    commit |= ImGui::Checkbox(tr(Str::QueryWithin), &m_draft.withinOn);
    helpMarker(tr(Str::HelpQueryWithin));
    if (m_draft.withinOn) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
        if (ImGui::InputDouble("##metres", &m_draft.withinMetres, 0, 0, "%.0f")) {
            m_draft.withinMetres = std::max(0.0, m_draft.withinMetres);
        }
        commit |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(Str::QueryMetresOf));
        commit |= textField("##of", m_draft.withinOf, -1, tr(Str::QueryLayerRefHint), failed(FormField::Within));
    }

    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::QueryCountBy));
    ImGui::SameLine(labelWidth);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##count_by", tr(countByLabel(m_draft.countBy)))) {
        for (auto choice : kCountByChoices) {
            if (ImGui::Selectable(tr(countByLabel(choice)), choice == m_draft.countBy)) {
                m_draft.countBy = std::string(choice);
                commit = true;
            }
        }
        ImGui::EndCombo();
    }
    if (error) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "%s", tr(error->message));
        ImGui::PopTextWrapPos();
    }
    if (ImGui::SmallButton(tr(Str::QueryReset))) {
        m_draft = QueryForm{};
        commit = true;
    }
    return commit;
}

// [result]

void QueryPanel::drawResult() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    sectionTitle(tr(Str::QueryResult));
    const QueryOutcome* outcome = m_analysis.outcome();
    if (m_analysis.busy()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(Str::QueryComputing));
    }
    if (!outcome) return;
    // No stale number: while the form cannot be run (a date half typed) the last count does not belong to it.
    if (!datesComplete(m_draft) || m_analysis.formError()) {
        ImGui::TextDisabled("%s", tr(Str::QueryResultPending));
        return;
    }
    if (!outcome->error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "%s %s", tr(Str::QueryFailed),
                           localiseError(outcome->error, language).c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    // The numbers as the workspace's gate released them (public mode: under k suppressed, "< k" shown).
    const std::int64_t k = m_workspace.outputGate().k();
    const auto printed = [&](const std::optional<std::int64_t>& value) {
        return value ? formatInteger(*value, language) : tr.format(Str::QuerySuppressed, k);
    };
    const std::optional<std::int64_t> total = outcome->shownTotal();
    const std::string count = printed(total);
    // While the next run computes, the previous count is shown greyed: it is about to change.
    if (m_analysis.busy()) {
        ImGui::TextDisabled("%s", tr.format(Str::QueryCount, count).c_str());
    } else {
        ImGui::TextUnformatted(tr.format(Str::QueryCount, count).c_str());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr.format(Str::QueryTiming, formatDecimal(outcome->queryMs, 1, language)).c_str());

    if (!outcome->rowsShown) {
        // Public mode: the matches of a sensitive layer are neither drawn nor listed, only counted.
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr.format(Str::QueryPublicAggregates, k).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::BeginDisabled(!outcome->rowsShown);
    bool shown = m_analysis.matchesShown() && outcome->rowsShown;
    if (ImGui::Checkbox(tr(Str::QueryShowOnMap), &shown)) m_analysis.showMatches(shown);
    sameLineOrWrap(buttonWidth(tr(Str::QueryZoomTo)));
    if (ImGui::Button(tr(Str::QueryZoomTo))) m_analysis.zoomToMatches();
    ImGui::EndDisabled();
    if (m_showTable && outcome->matches && outcome->rowsShown) {
        sameLineOrWrap(buttonWidth(tr(Str::TableShowQuery)));
        if (ImGui::Button(tr(Str::TableShowQuery))) m_showTable();
        probeItem("query.as_table");
    }
    AnalysisController& analysis = m_analysis;
    const std::string base = m_workspace.projectName().empty() ? "abfrage" : m_workspace.projectName() + "-abfrage";
    ImGui::BeginDisabled(!outcome->rowsShown);
    if (ImGui::Button(tr(Str::QueryExportMatches))) {
        m_fileDialog.openQueryExport(
            base + ".gpkg", [&analysis](const std::filesystem::path& file) { analysis.exportResult(file, false); });
    }
    ImGui::EndDisabled();
    const bool grouped = !outcome->result.groups.empty();
    if (grouped) {
        sameLineOrWrap(buttonWidth(tr(Str::QueryExportGroups)));
        if (ImGui::Button(tr(Str::QueryExportGroups))) {
            m_fileDialog.openQueryExport(base + "-gruppen.csv", [&analysis](const std::filesystem::path& file) {
                analysis.exportResult(file, true);
            });
        }
    }
    if (!grouped || !outcome->shownCounts) return;
    const project::SuppressedCounts& counts = **outcome->shownCounts;
    std::int64_t maxCount = 1;
    bool rates = false;
    for (std::size_t i = 0; i < outcome->result.groups.size(); ++i) {
        maxCount = std::max(maxCount, counts.cell(i).value_or(0));
        rates |= outcome->result.groups[i].ratePerThousand.has_value();
    }
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * 12.5f,
                                  ImGui::GetTextLineHeightWithSpacing() * (outcome->result.groups.size() + 1.5f));
    if (ImGui::BeginTable("groups", rates ? 4 : 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                              ImGuiTableFlags_SizingStretchProp,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Str::QueryGroup), ImGuiTableColumnFlags_WidthStretch, 0.40f);
        ImGui::TableSetupColumn(tr(Str::QueryGroupCount), ImGuiTableColumnFlags_WidthStretch, 0.18f);
        if (rates) ImGui::TableSetupColumn(tr(Str::QueryRate), ImGuiTableColumnFlags_WidthStretch, 0.18f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.30f);
        ImGui::TableHeadersRow();
        const bool byCategory = outcome->query.countBy.kind == engine::GroupKind::Category;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(outcome->result.groups.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& g = outcome->result.groups[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(byCategory ? displayValue("category", g.key, language).c_str() : g.key.c_str());
                ImGui::TableNextColumn();
                const std::optional<std::int64_t>& n = counts.cell(static_cast<std::size_t>(i));
                ImGui::TextUnformatted(printed(n).c_str());
                if (rates) {
                    ImGui::TableNextColumn();
                    // The rate of a suppressed count would give the count away: suppressed with it.
                    ImGui::TextUnformatted(
                        n && g.ratePerThousand ? formatDecimal(*g.ratePerThousand, 2, language).c_str() : "–");
                }
                ImGui::TableNextColumn();
                drawBar(static_cast<float>(n.value_or(0)) / static_cast<float>(maxCount),
                        byCategory ? categoryColor(m_workspace.style(), g.key) : theme::kAccent);
            }
        }
        ImGui::EndTable();
    }
}

// [matches]

void QueryPanel::drawMatchTable() {
    const Translator tr = m_workspace.tr();
    const QueryOutcome* outcome = m_analysis.outcome();
    if (!outcome || !outcome->error.empty() || outcome->sample.empty()) return;
    const std::string header = tr.format(Str::QueryMatchTable, static_cast<int>(AnalysisController::kSampleRows));
    if (!ImGui::CollapsingHeader((header + "###matches").c_str())) return;
    const int columns = static_cast<int>(std::min<std::size_t>(outcome->columns.size(), 64));
    if (!ImGui::BeginTable("matches", columns,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
                           ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < columns; ++c) {
        ImGui::TableSetupColumn(std::string(tr.column(outcome->columns[static_cast<std::size_t>(c)])).c_str());
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(outcome->sample.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const auto& row = outcome->sample[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            for (int c = 0; c < columns; ++c) {
                ImGui::TableNextColumn();
                const std::size_t i = static_cast<std::size_t>(c);
                ImGui::TextUnformatted(displayValue(outcome->columns[i], row[i], m_workspace.language()).c_str());
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace lb::ui
