#pragma once

#include <set>
#include <string>
#include <vector>

#include "ui/panel.hpp"

namespace lb::ui {

class Workspace;
class DockedPanel;
struct DockState;
struct Layout;

// The docks around the map (issue 18): the right dock's window with one tab per shown DockedPanel (query,
// heatmap, Gi*, feature form, field mode, feature information) wrapped onto as many rows as they need so
// that no label is cut; the strips of collapsed docks; the splitters between the docks and the map, whose
// widths go into the user settings. The map canvas takes the rest (Layout::centre).
class DockPanel : public Panel {
public:
    DockPanel(Workspace& workspace, const Layout& layout, DockState& state);
    std::string_view id() const override { return "docks"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Adds a tab; tabs keep the order they were added in.
    void add(DockedPanel& panel);
    // Whether the right dock has a tab to show (the layout gives it room then).
    bool anyShown() const;

private:
    DockedPanel* chooseFront(const std::vector<DockedPanel*>& shown);
    void drawRightDock(const std::vector<DockedPanel*>& shown, DockedPanel& front);
    void drawTabStrip(const std::vector<DockedPanel*>& shown, DockedPanel*& front);
    void drawCollapsedStrip(const char* id, bool left);
    void drawSplitter(const char* id, bool left);

    Workspace& m_workspace;
    const Layout& m_layout;
    DockState& m_state;
    std::vector<DockedPanel*> m_tabs;
    std::set<std::string, std::less<>> m_shownBefore;  // tab ids shown in the previous frame
    bool m_firstFrame = true;
};

}  // namespace lb::ui
