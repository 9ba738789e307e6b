#include "ui/widgets/date_picker.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>

namespace lb::ui::widgets {
namespace {

namespace chr = std::chrono;

chr::year_month_day parseOrToday(const std::string& text) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%d", &y, &m, &d) == 3 ||
        (std::sscanf(text.c_str(), "%d.%d.%d", &d, &m, &y) == 3)) {
        const chr::year_month_day date{chr::year(y), chr::month(static_cast<unsigned>(m)),
                                       chr::day(static_cast<unsigned>(d))};
        if (date.ok()) return date;
    }
    return chr::year_month_day{chr::floor<chr::days>(chr::system_clock::now())};
}

}  // namespace

bool datePickerButton(const char* id, std::string& date, const char* weekdays) {
    ImGui::PushID(id);
    bool picked = false;
    // The shown month lives in the field's window storage (no function-local state).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID("ym");
    if (ImGui::Button("...")) {
        const auto start = parseOrToday(date);
        storage->SetInt(
            key, static_cast<int>(start.year()) * 12 + static_cast<int>(static_cast<unsigned>(start.month())) - 1);
        ImGui::OpenPopup("calendar");
    }
    if (ImGui::BeginPopup("calendar")) {
        int ym = storage->GetInt(key);
        if (ImGui::ArrowButton("prev", ImGuiDir_Left)) --ym;
        ImGui::SameLine();
        const chr::year_month month{chr::year(ym / 12), chr::month(static_cast<unsigned>(ym % 12 + 1))};
        ImGui::Text("%02u.%d", static_cast<unsigned>(month.month()), static_cast<int>(month.year()));
        ImGui::SameLine();
        if (ImGui::ArrowButton("next", ImGuiDir_Right)) ++ym;
        storage->SetInt(key, ym);
        ImGui::TextDisabled("%s", weekdays);
        const chr::weekday first{chr::sys_days{month / 1}};
        const int offset = static_cast<int>(first.iso_encoding()) - 1;
        const unsigned last = static_cast<unsigned>((month / chr::last).day());
        const float cell = ImGui::GetFontSize() * 1.6f;
        for (int i = 0; i < offset; ++i) {
            ImGui::Dummy(ImVec2(cell, cell));
            ImGui::SameLine();
        }
        for (unsigned day = 1; day <= last; ++day) {
            char label[8];
            std::snprintf(label, sizeof label, "%u", day);
            if (ImGui::Button(label, ImVec2(cell, cell))) {
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(month.year()),
                              static_cast<unsigned>(month.month()), day);
                date = text;
                picked = true;
                ImGui::CloseCurrentPopup();
            }
            if ((offset + static_cast<int>(day)) % 7 != 0) ImGui::SameLine();
        }
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return picked;
}

}  // namespace lb::ui::widgets
