#include "ui/theme.hpp"

#include <imgui.h>

namespace lb::ui {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1) {
    return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a);
}

}  // namespace

void applyTheme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 2;
    style.FrameRounding = 3;
    style.PopupRounding = 3;
    style.GrabRounding = 3;
    style.ScrollbarRounding = 3;
    style.TabRounding = 3;
    style.WindowBorderSize = 1;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;
    style.WindowPadding = ImVec2(10, 10);
    style.FramePadding = ImVec2(7, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 13;
    style.GrabMinSize = 10;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(0x22, 0x25, 0x29);
    c[ImGuiCol_TextDisabled] = rgb(0x8a, 0x8f, 0x96);
    c[ImGuiCol_WindowBg] = rgb(0xf7, 0xf7, 0xf6);
    c[ImGuiCol_ChildBg] = rgb(0xff, 0xff, 0xff, 0);
    c[ImGuiCol_PopupBg] = rgb(0xff, 0xff, 0xff);
    c[ImGuiCol_Border] = rgb(0xcb, 0xd0, 0xd4);
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgb(0xff, 0xff, 0xff);
    c[ImGuiCol_FrameBgHovered] = rgb(0xe8, 0xf0, 0xf9);
    c[ImGuiCol_FrameBgActive] = rgb(0xd6, 0xe5, 0xf5);
    c[ImGuiCol_TitleBg] = rgb(0xe9, 0xea, 0xec);
    c[ImGuiCol_TitleBgActive] = rgb(0xdf, 0xe3, 0xe8);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0xe9, 0xea, 0xec);
    c[ImGuiCol_MenuBarBg] = rgb(0xec, 0xed, 0xef);
    c[ImGuiCol_ScrollbarBg] = rgb(0xf0, 0xf0, 0xf0);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xc4, 0xc8, 0xcc);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xa8, 0xae, 0xb4);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x90, 0x96, 0x9c);
    c[ImGuiCol_CheckMark] = rgb(0x1f, 0x6a, 0xb8);
    c[ImGuiCol_SliderGrab] = rgb(0x1f, 0x6a, 0xb8);
    c[ImGuiCol_SliderGrabActive] = rgb(0x17, 0x55, 0x96);
    c[ImGuiCol_Button] = rgb(0xec, 0xee, 0xf0);
    c[ImGuiCol_ButtonHovered] = rgb(0xd9, 0xe6, 0xf4);
    c[ImGuiCol_ButtonActive] = rgb(0xc2, 0xd7, 0xee);
    c[ImGuiCol_Header] = rgb(0xdd, 0xe8, 0xf4);
    c[ImGuiCol_HeaderHovered] = rgb(0xd0, 0xe0, 0xf2);
    c[ImGuiCol_HeaderActive] = rgb(0xbd, 0xd4, 0xee);
    c[ImGuiCol_Separator] = rgb(0xd4, 0xd7, 0xdb);
    c[ImGuiCol_PlotHistogram] = rgb(0x1f, 0x6a, 0xb8);
    c[ImGuiCol_TableHeaderBg] = rgb(0xe9, 0xeb, 0xee);
    c[ImGuiCol_TableBorderStrong] = rgb(0xcb, 0xd0, 0xd4);
    c[ImGuiCol_TableBorderLight] = rgb(0xe0, 0xe3, 0xe6);
    c[ImGuiCol_TableRowBg] = rgb(0xff, 0xff, 0xff, 0);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x00, 0x00, 0x00, 0.03f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x20, 0x20, 0x20, 0.30f);

    style.ScaleAllSizes(scale);
}

}  // namespace lb::ui
