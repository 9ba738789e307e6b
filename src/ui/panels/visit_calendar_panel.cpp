#include "ui/panels/visit_calendar_panel.hpp"

#include <imgui.h>

#include <chrono>
#include <map>
#include <string>

#include "edit/visit_calendar.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {

VisitCalendarPanel::VisitCalendarPanel(Workspace& workspace, EditController& editor)
    : Panel(false), m_workspace(workspace), m_editor(editor) {
    const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    m_year = static_cast<int>(today.year());
    m_month = static_cast<int>(static_cast<unsigned>(today.month()));
}

void VisitCalendarPanel::draw() {
    if (!isOpen()) return;
    auto* store = m_editor.store();
    const Translator tr = m_workspace.tr();
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 50, ImGui::GetFontSize() * 16), ImGuiCond_FirstUseEver);
    const std::string title = std::string(tr(Str::CalendarTitle)) + "###visit_calendar";
    if (!ImGui::Begin(title.c_str(), openFlag()) || !store) {
        ImGui::End();
        return;
    }
    if (ImGui::Button(tr(Str::CalendarPrev)) && --m_month < 1) m_month = 12, --m_year;
    ImGui::SameLine();
    ImGui::Text("%02d.%d", m_month, m_year);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::CalendarNext)) && ++m_month > 12) m_month = 1, ++m_year;

    std::vector<edit::VisitDay> days;
    try {
        days = edit::visitCalendar(*store, m_year, m_month);
    } catch (const std::exception& e) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", e.what());
    }
    if (days.empty()) {
        ImGui::TextDisabled("%s", tr(Str::CalendarNoVisits));
        ImGui::End();
        return;
    }
    // One row per route (in the calendar's order), one column per day of the month.
    std::vector<std::pair<std::string, std::map<int, const edit::VisitDay*>>> rows;
    for (const auto& day : days) {
        const std::string name = day.routeUuid.empty() ? tr(Str::CalendarNoRoute) : day.routeName;
        if (rows.empty() || rows.back().first != name) rows.push_back({name, {}});
        rows.back().second[day.day] = &day;
    }
    const std::chrono::year_month month{std::chrono::year(m_year), std::chrono::month(static_cast<unsigned>(m_month))};
    const int last = static_cast<int>(static_cast<unsigned>((month / std::chrono::last).day()));
    if (ImGui::BeginTable("calendar", last + 1,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(tr(Str::CalendarRoute));
        for (int d = 1; d <= last; ++d) ImGui::TableSetupColumn(std::to_string(d).c_str());
        ImGui::TableHeadersRow();
        for (const auto& [name, cells] : rows) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(name.c_str());
            for (const auto& [d, day] : cells) {
                ImGui::TableSetColumnIndex(d);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(120, 170, 230, 120));
                ImGui::Text("%d", day->visits);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip(
                        "%s",
                        tr.format(Str::CalendarVisits, day->visits, static_cast<long long>(day->contacts)).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace lb::ui
