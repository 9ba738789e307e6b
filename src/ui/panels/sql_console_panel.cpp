#include "ui/panels/sql_console_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "ui/analysis/analysis_controller.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/widgets/analysis_widgets.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

static_assert(kSqlKeptRows >= SqlConsolePanel::kMaxRows, "the controller keeps at least the rows the table shows");

void drawResult(const project::SqlResult& result, int index, Language language, const Translator& tr) {
    const int columns = static_cast<int>(std::min<std::size_t>(result.columns.size(), 64));
    if (columns == 0) {
        ImGui::TextDisabled("%s", tr(Str::SqlNoColumns));
        return;
    }
    const int rows = static_cast<int>(std::min<std::size_t>(result.rows.size(), SqlConsolePanel::kMaxRows));
    ImGui::TextDisabled("%s", formatInteger(static_cast<std::int64_t>(result.rowCount), language).c_str());
    if (result.rowCount > static_cast<std::size_t>(rows)) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr.format(Str::SqlCapped, SqlConsolePanel::kMaxRows).c_str());
    }
    const float height =
        std::min(ImGui::GetTextLineHeightWithSpacing() * (rows + 2.0f),
                 std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 6));
    ImGui::PushID(index);
    if (ImGui::BeginTable("result", columns,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
                          ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(result.columns[static_cast<std::size_t>(c)].c_str());
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(rows);
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                ImGui::TableNextRow();
                const auto& row = result.rows[static_cast<std::size_t>(r)];
                for (int c = 0; c < columns && static_cast<std::size_t>(c) < row.size(); ++c) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(core::toString(row[static_cast<std::size_t>(c)]).c_str());
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

}  // namespace

SqlConsolePanel::SqlConsolePanel(Workspace& workspace, AnalysisController& analysis, const Layout& layout)
    : Panel(false), m_workspace(workspace), m_analysis(analysis), m_layout(layout) {}

void SqlConsolePanel::draw() {
    const Translator tr = m_workspace.tr();
    const Language language = m_workspace.language();
    ImGui::SetNextWindowPos(ImVec2(m_layout.centre.x + 8 * m_layout.scale, m_layout.centre.y + 8 * m_layout.scale),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 30), ImGuiCond_FirstUseEver);
    if (!beginAnalysisWindow(tr(Str::SqlTitle), "sql_console", openFlag(), m_workspace.state() == DocumentState::Ready,
                             tr(Str::AnalysisNoProject))) {
        return;
    }
    ImGui::TextDisabled("%s", tr(Str::SqlHint));
    ImGui::InputTextMultiline("##sql", &m_sql, ImVec2(-1, ImGui::GetTextLineHeight() * 7));
    const bool ctrlEnter = ImGui::IsItemFocused() && ImGui::GetIO().KeyCtrl &&
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    const bool running = m_analysis.sqlRunning();
    if (running) ImGui::BeginDisabled();
    if (ImGui::Button(tr(Str::SqlRun), ImVec2(ImGui::GetFontSize() * 7, 0)) || (ctrlEnter && !running)) {
        m_analysis.runSql(m_sql);
    }
    if (running) ImGui::EndDisabled();
    ImGui::SameLine();
    if (running) {
        ImGui::TextDisabled("%s", tr(Str::SqlRunning));
    } else if (const SqlOutcome* outcome = m_analysis.sqlOutcome(); outcome && outcome->error.empty()) {
        std::size_t rows = 0;
        for (const auto& result : outcome->results) rows += result.rowCount;
        ImGui::TextDisabled("%s", tr.format(Str::SqlRows, formatInteger(static_cast<std::int64_t>(rows), language),
                                            formatDecimal(outcome->ms, 1, language))
                                      .c_str());
    }
    ImGui::Separator();
    if (const SqlOutcome* outcome = m_analysis.sqlOutcome()) {
        if (!outcome->error.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s %s", tr(Str::SqlError), outcome->error.c_str());
            ImGui::PopTextWrapPos();
        }
        for (std::size_t i = 0; i < outcome->results.size(); ++i) {
            drawResult(outcome->results[i], static_cast<int>(i), language, tr);
        }
    }
    ImGui::End();
}

}  // namespace lb::ui
