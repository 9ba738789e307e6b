#include "ui/panels/temporal_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/field_of_action.hpp"
#include "render/raster_overlay.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets/analysis_widgets.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

// The heat ramp's colour at t composed over white (the ramp fades out towards 0).
ImU32 rampOverWhite(float t) {
    const render::Color c = render::heatRamp(t);
    auto mix = [&](float v) { return v * c.a + (1 - c.a); };
    return ImGui::ColorConvertFloat4ToU32(ImVec4(mix(c.r), mix(c.g), mix(c.b), 1));
}

std::vector<std::string> weekdayNames(const Translator& tr) {
    std::vector<std::string> names;
    std::string_view all = tr(Str::QueryWeekdayNames);
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t end = std::min(all.find(',', start), all.size());
        names.emplace_back(all.substr(start, end - start));
        start = end + 1;
    }
    names.resize(7);
    return names;
}

}  // namespace

TemporalPanel::TemporalPanel(Workspace& workspace, const AnalysisController& analysis, const Layout& layout)
    : Panel(false), m_workspace(workspace), m_analysis(analysis), m_layout(layout) {}

void TemporalPanel::draw() {
    const Translator tr = m_workspace.tr();
    const ImVec2 size(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 30);
    // First shown in the lower left corner of the map (the query panel sits at its right edge).
    ImGui::SetNextWindowPos(ImVec2(m_layout.centre.x + 8 * m_layout.scale,
                                   m_layout.centre.y + std::max(0.0f, m_layout.centre.h - size.y - 8 * m_layout.scale)),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
    if (!beginAnalysisWindow(tr(Str::TemporalTitle), "temporal", openFlag(),
                             m_workspace.state() == DocumentState::Ready, tr(Str::AnalysisNoProject))) {
        return;
    }
    const QueryOutcome* outcome = m_analysis.outcome();
    if (!outcome || !outcome->error.empty() || !outcome->shownHourWeekday || outcome->result.rows.empty()) {
        ImGui::TextDisabled("%s", tr(Str::TemporalEmpty));
    } else {
        drawMatrix(*outcome);
        ImGui::Spacing();
        drawTrend(*outcome);
    }
    ImGui::End();
}

void TemporalPanel::drawMatrix(const QueryOutcome& outcome) {
    const Translator tr = m_workspace.tr();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::TemporalMatrix));
    const auto names = weekdayNames(tr);
    // The cells as the workspace's gate released them: public mode leaves cells under k blank (hatched).
    const project::SuppressedCounts& matrix = **outcome.shownHourWeekday;
    std::int64_t max = 1;
    for (const auto& row : matrix.cells) {
        for (const auto& v : row) max = std::max(max, v.value_or(0));
    }
    const float labelWidth = ImGui::CalcTextSize("Mo").x + ImGui::GetFontSize() * 0.6f;
    const float width = ImGui::GetContentRegionAvail().x - labelWidth;
    const float cell = std::max(6.0f, width / 24);
    const float cellHeight = std::max(cell * 0.8f, ImGui::GetTextLineHeight() * 1.1f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float top = origin.y + ImGui::GetTextLineHeight();
    for (int h = 0; h < 24; h += 3) {
        draw->AddText(ImVec2(origin.x + labelWidth + h * cell, origin.y), theme::kMutedText, std::to_string(h).c_str());
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int d = 0; d < 7; ++d) {
        const float y = top + d * cellHeight;
        draw->AddText(ImVec2(origin.x, y + (cellHeight - ImGui::GetTextLineHeight()) / 2), theme::kMutedText,
                      names[static_cast<std::size_t>(d)].c_str());
        for (int h = 0; h < 24; ++h) {
            const std::optional<std::int64_t>& shown =
                matrix.cell(static_cast<std::size_t>(d), static_cast<std::size_t>(h));
            const ImVec2 a(origin.x + labelWidth + h * cell, y);
            const ImVec2 b(a.x + cell - 1, a.y + cellHeight - 1);
            if (!shown) {
                draw->AddRectFilled(a, b, IM_COL32(236, 235, 232, 255));
                draw->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, a.y), IM_COL32(200, 198, 194, 255));
            } else {
                const std::int64_t n = *shown;
                draw->AddRectFilled(
                    a, b,
                    n == 0 ? IM_COL32(246, 245, 243, 255) : rampOverWhite(0.08f + 0.92f * static_cast<float>(n) / max));
            }
            if (ImGui::IsWindowHovered() && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) {
                const std::string value = shown ? formatInteger(*shown, m_workspace.language())
                                                : tr.format(Str::QuerySuppressed, m_workspace.outputGate().k());
                ImGui::SetTooltip(
                    "%s", tr.format(Str::TemporalCellTip, names[static_cast<std::size_t>(d)], h, h + 1, value).c_str());
            }
        }
    }
    ImGui::Dummy(ImVec2(labelWidth + 24 * cell, ImGui::GetTextLineHeight() + 7 * cellHeight));
}

void TemporalPanel::drawTrend(const QueryOutcome& outcome) {
    const Translator tr = m_workspace.tr();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::TemporalTrend));
    if (!outcome.shownMonthly) return;
    // Category × month as the gate released it: a suppressed month is a gap in its line.
    const project::SuppressedCounts& trend = **outcome.shownMonthly;
    const std::vector<std::string>& months = trend.columns;
    std::int64_t max = 1;
    for (const auto& row : trend.cells) {
        for (const auto& v : row) max = std::max(max, v.value_or(0));
    }
    if (months.empty()) return;
    const float axis = ImGui::CalcTextSize("00000").x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x - axis;
    const float height = ImGui::GetFontSize() * 9;
    const ImVec2 plot(origin.x + axis, origin.y + ImGui::GetTextLineHeight() * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(plot, ImVec2(plot.x + width, plot.y + height), IM_COL32(250, 249, 247, 255));
    for (int i = 0; i <= 4; ++i) {
        const float y = plot.y + height - height * i / 4.0f;
        draw->AddLine(ImVec2(plot.x, y), ImVec2(plot.x + width, y), theme::kPanelBorder);
        const std::string label = formatInteger(max * i / 4, m_workspace.language());
        draw->AddText(ImVec2(origin.x, y - ImGui::GetTextLineHeight() / 2), theme::kMutedText, label.c_str());
    }
    auto xOf = [&](std::size_t m) {
        return plot.x + (months.size() == 1 ? width / 2 : width * static_cast<float>(m) / (months.size() - 1));
    };
    const float thickness = std::max(1.5f, ImGui::GetFontSize() * 0.14f);
    for (std::size_t c = 0; c < trend.rows.size(); ++c) {
        const ImU32 colour = categoryColor(m_workspace.style(), trend.rows[c]);
        std::vector<ImVec2> points;
        const auto flush = [&] {
            if (points.size() == 1) draw->AddCircleFilled(points[0], thickness * 2, colour);
            if (points.size() > 1)
                draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, thickness);
            points.clear();
        };
        for (std::size_t m = 0; m < months.size(); ++m) {
            const std::optional<std::int64_t>& n = trend.cell(c, m);
            if (!n) {
                flush();
                continue;
            }
            points.emplace_back(xOf(m), plot.y + height - height * static_cast<float>(*n) / static_cast<float>(max));
        }
        flush();
    }
    // Month labels as many as fit without touching.
    const float labelWidth = ImGui::CalcTextSize("2025-00").x * 1.4f;
    const float spacing = months.size() > 1 ? width / static_cast<float>(months.size() - 1) : width;
    const auto step = static_cast<std::size_t>(std::max(1.0f, std::ceil(labelWidth / spacing)));
    for (std::size_t m = 0; m < months.size(); m += step) {
        const float w = ImGui::CalcTextSize(months[m].c_str()).x;
        draw->AddText(ImVec2(std::clamp(xOf(m) - w / 2, plot.x, plot.x + width - w), plot.y + height + 2),
                      theme::kMutedText, months[m].c_str());
    }
    ImGui::Dummy(ImVec2(axis + width, height + ImGui::GetTextLineHeight() * 1.8f));
    // Legend: one coloured mark and label per field of action in the result.
    const bool english = m_workspace.language() == Language::English;
    bool first = true;
    for (const std::string& category : trend.rows) {
        const auto field = core::parseFieldOfAction(category);
        const std::string label = field ? std::string(english ? core::fieldOfActionInfo(*field).labelEn
                                                              : core::fieldOfActionInfo(*field).labelDe)
                                        : category;
        const float need = ImGui::GetFontSize() * 1.2f + ImGui::CalcTextSize(label.c_str()).x;
        if (!first && ImGui::GetItemRectMax().x + need + ImGui::GetStyle().ItemSpacing.x <
                          ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
            ImGui::SameLine();
        }
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        draw->AddRectFilled(ImVec2(p.x, p.y + h * 0.4f), ImVec2(p.x + h * 0.9f, p.y + h * 0.6f),
                            categoryColor(m_workspace.style(), category));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(label.c_str());
    }
}

}  // namespace lb::ui
