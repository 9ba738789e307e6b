// Section index: [tabs] [right dock] [strips and splitters]
#include "ui/panels/dock_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/docked_panel.hpp"
#include "ui/layout.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

ImVec2 pos(const Rect& r) {
    return ImVec2(r.x, r.y);
}

ImVec2 size(const Rect& r) {
    return ImVec2(r.w, r.h);
}

}  // namespace

DockPanel::DockPanel(Workspace& workspace, const Layout& layout, DockState& state)
    : Panel(true), m_workspace(workspace), m_layout(layout), m_state(state) {}

void DockPanel::add(DockedPanel& panel) {
    m_tabs.push_back(&panel);
}

bool DockPanel::anyShown() const {
    return std::any_of(m_tabs.begin(), m_tabs.end(), [](const DockedPanel* p) { return p->tabShown(); });
}

// [tabs]

// The front tab: one that asked for it, else one that has just appeared (after the first frame: on
// start the saved front tab wins), else the saved one, else the first.
DockedPanel* DockPanel::chooseFront(const std::vector<DockedPanel*>& shown) {
    // Several at once (a double-click selects and asks to edit): the first in tab order wins, so an explicit
    // request (the form) is not hidden by Objektinformationen following the same click.
    DockedPanel* front = nullptr;
    DockedPanel* appearedFirst = nullptr;
    for (auto* panel : shown) {
        const bool appeared = !m_firstFrame && !m_shownBefore.contains(panel->id());
        if (panel->takeFrontRequest() && !front) front = panel;
        if (appeared && !appearedFirst) appearedFirst = panel;
    }
    if (!front) front = appearedFirst;
    if (!front) {
        for (auto* panel : shown) {
            if (panel->id() == m_state.rightTab) front = panel;
        }
    }
    if (!front) front = shown.front();
    m_shownBefore.clear();
    for (auto* panel : shown) m_shownBefore.emplace(panel->id());
    m_firstFrame = false;
    return front;
}

void DockPanel::drawTabStrip(const std::vector<DockedPanel*>& shown, DockedPanel*& front) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
    bool first = true;
    for (auto* panel : shown) {
        const std::string title = panel->tabTitle();
        const float width = ImGui::CalcTextSize(title.c_str()).x + style.FramePadding.x * 2;
        // Wrap onto the next row instead of cutting a label.
        if (!first) {
            ImGui::SameLine(0, style.ItemSpacing.x * 0.5f);
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        first = false;
        const bool active = panel == front;
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(active ? ImGuiCol_TabActive : ImGuiCol_Tab));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_TabHovered));
        if (active) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        const std::string label = title + "###tab_" + std::string(panel->id());
        if (ImGui::Button(label.c_str())) front = panel;
        // Middle click closes a tab, as in browsers.
        if (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) panel->closeTab();
        ImGui::PopStyleColor(active ? 3 : 2);
    }
}

// [right dock]

void DockPanel::drawRightDock(const std::vector<DockedPanel*>& shown, DockedPanel& chosen) {
    DockedPanel* front = &chosen;
    ImGui::SetNextWindowPos(pos(m_layout.right));
    ImGui::SetNextWindowSize(size(m_layout.right));
    // The title bar's arrow collapses the dock into a strip (the window itself never stays collapsed).
    ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
    const std::string title = front->tabTitle() + "###right_dock";
    bool open = true;
    const bool expanded = ImGui::Begin(title.c_str(), &open, kFixed | ImGuiWindowFlags_NoScrollbar);
    if (ImGui::IsWindowCollapsed()) m_state.rightCollapsed = true;
    if (expanded) {
        if (shown.size() > 1) {
            drawTabStrip(shown, front);
            ImGui::Separator();
        }
        m_state.rightTab = std::string(front->id());
        ImGui::BeginChild(("##content_" + std::string(front->id())).c_str(), ImVec2(0, 0), false);
        front->drawContent();
        ImGui::EndChild();
    }
    ImGui::End();
    if (!open) front->closeTab();
}

void DockPanel::draw() {
    std::vector<DockedPanel*> shown;
    for (auto* panel : m_tabs) {
        if (panel->tabShown()) shown.push_back(panel);
    }
    if (m_layout.leftCollapsed) drawCollapsedStrip("##left_strip", true);
    drawSplitter("##left_splitter", true);
    if (shown.empty()) {
        m_shownBefore.clear();
        m_firstFrame = false;
        return;
    }
    DockedPanel* front = chooseFront(shown);
    if (m_layout.rightCollapsed) {
        // A tab that asks for the front (a new form, a selection) opens the dock again.
        if (front->id() != m_state.rightTab) m_state.rightCollapsed = false;
        m_state.rightTab = std::string(front->id());
        drawCollapsedStrip("##right_strip", false);
        return;
    }
    drawRightDock(shown, *front);
    drawSplitter("##right_splitter", false);
}

// [strips and splitters]

void DockPanel::drawCollapsedStrip(const char* id, bool left) {
    const Translator tr = m_workspace.tr();
    const Rect& r = left ? m_layout.left : m_layout.right;
    ImGui::SetNextWindowPos(pos(r));
    ImGui::SetNextWindowSize(size(r));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2 * m_layout.scale, 4 * m_layout.scale));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::Begin(id, nullptr, kFixed | ImGuiWindowFlags_NoDecoration);
    ImGui::PopStyleVar(2);
    if (ImGui::ArrowButton("##expand", left ? ImGuiDir_Right : ImGuiDir_Left)) {
        (left ? m_state.leftCollapsed : m_state.rightCollapsed) = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::DockExpand));
    ImGui::End();
}

void DockPanel::drawSplitter(const char* id, bool left) {
    const Rect& r = left ? m_layout.leftSplitter : m_layout.rightSplitter;
    if (r.w <= 0 || r.h <= 0) return;
    ImGui::SetNextWindowPos(pos(r));
    ImGui::SetNextWindowSize(size(r));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin(id, nullptr, kFixed | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoNav);
    ImGui::PopStyleVar(3);
    ImGui::InvisibleButton("##drag", size(r));
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (hovered && !active) ImGui::SetTooltip("%s", m_workspace.tr()(Str::DockSplitterHint));
    const ImGuiCol colour = active    ? ImGuiCol_SeparatorActive
                            : hovered ? ImGuiCol_SeparatorHovered
                                      : ImGuiCol_Separator;
    ImGui::GetWindowDrawList()->AddRectFilled(pos(r), ImVec2(r.x + r.w, r.y + r.h), ImGui::GetColorU32(colour));
    float& width = left ? m_state.leftWidth : m_state.rightWidth;
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        width = 0;  // back to the default
    } else if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        const float mouse = ImGui::GetIO().MousePos.x;
        const float pixels =
            left ? mouse - m_layout.left.x - r.w * 0.5f : m_layout.right.x + m_layout.right.w - mouse - r.w * 0.5f;
        width = std::max(kMinDockWidth, pixels / m_layout.scale);
    }
    ImGui::End();
}

}  // namespace lb::ui
