#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "render/map_view.hpp"
#include "ui/panel.hpp"

namespace lb::render::gl {
class MapRenderer;
class RenderTarget;
}  // namespace lb::render::gl

namespace lb::ui {

class Workspace;
class FileDialogPanel;
class MapTool;
class Presentation;
struct Layout;

// The map in the middle: renders the view into an offscreen target whenever the view or the options
// change and shows it as an image. Drag or arrow keys pan, the wheel zooms around the cursor, + / - zoom,
// Home (Pos1) shows everything, a click identifies the feature under the cursor, a double-click or E edits it. Without
// a project it shows the start screen, while loading the progress.
class MapCanvasPanel : public Panel {
public:
    MapCanvasPanel(Workspace& workspace, FileDialogPanel& fileDialog, const Layout& layout);
    ~MapCanvasPanel() override;
    std::string_view id() const override { return "map"; }
    bool persistsOpenState() const override { return false; }
    void draw() override;

    // Frames in which the map (not the start screen or progress) was shown.
    std::uint64_t mapFrames() const { return m_mapFrames; }
    // The canvas shows a moved copy of the last frame while the view changes; it needs one more frame
    // (the real render) once the view has been still for a moment.
    bool previewPending() const { return m_previewShown; }
    // Editing modes in priority order: the first active one gets the mouse and keys (map_tool.hpp).
    void addTool(MapTool& tool) { m_tools.push_back(&tool); }
    // Called for a double-click on a feature (after selecting it) and for the E key with a selection: the
    // explicit "edit" intent; a single click only selects and shows.
    void setEditRequestHook(std::function<void()> hook) { m_editRequest = std::move(hook); }
    // While the presentation is active the canvas draws with its options and takes no input (the
    // presentation panel has the keys).
    void setPresentation(Presentation* presentation) { m_presentation = presentation; }

private:
    void drawMap(float x, float y, float width, float height);
    void handleInput(float x, float y, float width, float height);
    MapTool* activeTool() const;
    void forwardKeys(MapTool& tool);
    void drawLoading();
    void drawStartScreen();

    Workspace& m_workspace;
    FileDialogPanel& m_fileDialog;
    const Layout& m_layout;
    std::unique_ptr<render::gl::RenderTarget> m_target;
    render::MapView m_lastView;
    std::uint64_t m_lastRevision = 0;
    Presentation* m_presentation = nullptr;
    std::uint64_t m_lastPresentationRevision = 0;
    const render::gl::MapRenderer* m_lastRenderer = nullptr;
    render::MapView m_seenView;  // the view of the previous frame, rendered or previewed
    std::chrono::steady_clock::time_point m_viewChangedAt{};
    bool m_previewShown = false;
    bool m_pressed = false;
    bool m_dragged = false;
    bool m_toolDrag = false;  // the active tool took this drag
    std::vector<MapTool*> m_tools;
    std::function<void()> m_editRequest;
    std::uint64_t m_mapFrames = 0;
};

}  // namespace lb::ui
