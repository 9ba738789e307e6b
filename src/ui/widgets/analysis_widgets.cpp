#include "ui/widgets/analysis_widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/widgets/help_marker.hpp"

namespace lb::ui {

unsigned int categoryColor(const render::Style& style, std::string_view category) {
    std::optional<render::Color> exact, other;
    if (const render::LayerStyle* incidents = style.find("incidents")) {
        for (const auto& cls : incidents->classes) {
            if (cls.value == category) exact = cls.symbolFill;
            if (cls.value == "*") other = cls.symbolFill;
        }
    }
    const render::Color c = exact.value_or(other.value_or(render::Color{0.5f, 0.5f, 0.5f, 1}));
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1));
}

Str countByLabel(std::string_view countBy) {
    if (countBy.empty()) return Str::CountByNone;
    if (countBy == "districts") return Str::CountByDistricts;
    if (countBy == "category") return Str::CountByCategory;
    if (countBy == "hour") return Str::CountByHour;
    if (countBy == "weekday") return Str::CountByWeekday;
    if (countBy == "month") return Str::CountByMonth;
    if (countBy == "hour-weekday") return Str::CountByHourWeekday;
    if (countBy == "month-category") return Str::CountByMonthCategory;
    return Str::CountByGrid;
}

bool beginAnalysisWindow(const char* title, const char* id, bool* open, bool ready, const char* noProject, int flags) {
    const std::string label = std::string(title) + "###" + id;
    if (!ImGui::Begin(label.c_str(), open, flags)) {
        ImGui::End();
        return false;
    }
    if (!ready) {
        ImGui::TextDisabled("%s", noProject);
        ImGui::End();
        return false;
    }
    return true;
}

float labelColumnWidth(std::initializer_list<const char*> labels) {
    float widest = 0;
    for (const char* label : labels) widest = std::max(widest, ImGui::CalcTextSize(label).x);
    // Room for a "(?)" marker behind the label.
    return widest + ImGui::CalcTextSize("(?)").x + ImGui::GetStyle().ItemSpacing.x * 2;
}

void labelledRow(const char* label, float labelWidth, const char* id, const char* help,
                 const std::function<void()>& draw) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    if (help) helpMarker(help);
    ImGui::SameLine(labelWidth);
    ImGui::SetNextItemWidth(-1);
    ImGui::PushID(id);
    draw();
    ImGui::PopID();
}

void sameLineOrWrap(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void drawBar(float fraction, unsigned int color) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(start, ImVec2(start.x + width * std::clamp(fraction, 0.0f, 1.0f), start.y + height * 0.8f),
                        color, 2.0f);
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace lb::ui
