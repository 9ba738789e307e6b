// Section index: [frame] [map] [input] [loading and start screen]
#include "ui/panels/map_canvas_panel.hpp"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdint>

#include "render/gl/map_renderer.hpp"
#include "render/gl/render_target.hpp"
#include "ui/layout.hpp"
#include "ui/map_tool.hpp"
#include "ui/panels/file_dialog_panel.hpp"
#include "ui/presentation.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

constexpr int kSamples = 4;  // multisampling: smooth polygon edges, as `lagebild render --samples 4`
// While the view keeps changing (drag, wheel, keys) and a frame takes longer than this, the canvas moves
// and scales the last frame instead of rendering each step, and renders once the view has been still
// for kSettle: panning stays smooth with a million incidents on a software rasteriser.
constexpr double kPreviewAboveMs = 40;
constexpr auto kSettle = std::chrono::milliseconds(150);

bool sameView(const render::MapView& a, const render::MapView& b) {
    return a.centerX == b.centerX && a.centerY == b.centerY && a.metresPerPixel == b.metresPerPixel &&
           a.width == b.width && a.height == b.height && a.pixelRatio == b.pixelRatio;
}

ImVec4 toImGui(const render::Color& c) {
    return ImVec4(c.r, c.g, c.b, c.a);
}

}  // namespace

MapCanvasPanel::MapCanvasPanel(Workspace& workspace, FileDialogPanel& fileDialog, const Layout& layout)
    : Panel(true), m_workspace(workspace), m_fileDialog(fileDialog), m_layout(layout) {}

MapCanvasPanel::~MapCanvasPanel() = default;

// [frame]

void MapCanvasPanel::draw() {
    const auto& area = m_layout.centre;
    ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
    ImGui::SetNextWindowSize(ImVec2(area.w, area.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, toImGui(m_workspace.style().background));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##map", nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    const bool ready = m_workspace.state() == DocumentState::Ready && m_workspace.renderer();
    if (ready) {
        drawMap(area.x, area.y, area.w, area.h);
    } else if (m_workspace.state() == DocumentState::Loading || m_workspace.busy()) {
        drawLoading();
    } else {
        drawStartScreen();
    }
    ImGui::End();
}

// [map]

void MapCanvasPanel::drawMap(float x, float y, float width, float height) {
    const float fb = m_layout.framebufferScale;
    const int pixelWidth = std::max(1, static_cast<int>(std::lround(width * fb)));
    const int pixelHeight = std::max(1, static_cast<int>(std::lround(height * fb)));
    m_workspace.camera().setCanvas(pixelWidth, pixelHeight, m_layout.scale);

    const bool presenting = m_presentation && m_presentation->active();
    if (!presenting) handleInput(x, y, width, height);
    const render::RenderOptions& options = presenting ? m_presentation->renderOptions() : m_workspace.options();
    const std::uint64_t presentationRevision = presenting ? m_presentation->revision() : 0;

    // While presenting only the presentation's renderer (the gate's scene) draws; none yet: nothing is shown.
    auto* renderer = presenting ? m_presentation->renderer() : m_workspace.renderer();
    if (!renderer) return;
    const auto& view = m_workspace.view();
    if (!m_target) {
        m_target = std::make_unique<render::gl::RenderTarget>(pixelWidth, pixelHeight, kSamples);
        m_lastRenderer = nullptr;
    } else if (m_target->width() != pixelWidth || m_target->height() != pixelHeight) {
        m_target->resize(pixelWidth, pixelHeight);
        m_lastRenderer = nullptr;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!sameView(view, m_seenView)) m_viewChangedAt = now;
    m_seenView = view;
    const bool sameOptions =
        m_workspace.revision() == m_lastRevision && presentationRevision == m_lastPresentationRevision;
    const bool onlyViewChanged =
        renderer == m_lastRenderer && sameOptions && view.width == m_lastView.width && view.height == m_lastView.height;
    m_previewShown = onlyViewChanged && !sameView(view, m_lastView) && m_workspace.lastFrameMs() > kPreviewAboveMs &&
                     now - m_viewChangedAt < kSettle;
    if (!m_previewShown && (renderer != m_lastRenderer || !sameOptions || !sameView(view, m_lastView))) {
        const auto begin = std::chrono::steady_clock::now();
        renderer->render(view, options, *m_target);
        m_workspace.setLastFrameMs(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
        m_lastRenderer = renderer;
        m_lastRevision = m_workspace.revision();
        m_lastPresentationRevision = presentationRevision;
        m_lastView = view;
    }
    // The target's texture has GL's bottom-up rows: flip vertically. A preview places the last frame where
    // its ground lies in the current view.
    const auto texture =
        static_cast<ImTextureID>(reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_target->texture())));
    const auto shown = view.imageRectOf(m_lastView);
    ImGui::GetWindowDrawList()->AddImage(texture, ImVec2(x + shown[0] / fb, y + shown[1] / fb),
                                         ImVec2(x + shown[2] / fb, y + shown[3] / fb), ImVec2(0, 1), ImVec2(1, 0));
    if (MapTool* tool = activeTool()) tool->drawOverlay(*ImGui::GetWindowDrawList(), view, OverlayFrame{x, y, fb});
    ++m_mapFrames;
}

// [input]

void MapCanvasPanel::handleInput(float x, float y, float width, float height) {
    ImGuiIO& io = ImGui::GetIO();
    const float fb = m_layout.framebufferScale;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::InvisibleButton("##canvas", ImVec2(width, height),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const double mx = (io.MousePos.x - x) * fb;
    const double my = (io.MousePos.y - y) * fb;

    MapTool* tool = activeTool();
    const auto world = m_workspace.view().toWorld(mx, my);
    const MapPointer pointer{mx, my, world[0], world[1]};
    const bool left = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    if (ImGui::IsItemActivated()) {
        m_pressed = true;
        m_dragged = false;
        m_toolDrag = tool && left && tool->press(pointer);
    }
    if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f * m_layout.scale) ||
                                  ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f * m_layout.scale))) {
        m_dragged = true;
        if (m_toolDrag && tool && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            tool->drag(pointer);
        } else if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
            m_workspace.camera().panPixels(io.MouseDelta.x * fb, io.MouseDelta.y * fb);
        }
    }
    if (ImGui::IsItemDeactivated()) {
        const bool leftUp = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
        const bool taken = tool && leftUp && (m_toolDrag || !m_dragged) && tool->release(pointer, m_dragged);
        if (!taken && m_pressed && !m_dragged && leftUp) m_workspace.selectAt(mx, my);
        m_pressed = false;
        m_toolDrag = false;
    }
    if (tool && hovered) {
        tool->hover(pointer);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) tool->rightClick(pointer);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        const bool taken = tool && tool->doubleClick(pointer);
        if (!taken && m_editRequest) {
            m_workspace.selectAt(mx, my);  // the feature under this click, whatever the first one picked
            if (m_workspace.selection()) m_editRequest();
        }
    }
    if (hovered && io.MouseWheel != 0) m_workspace.camera().zoomAround(std::pow(1.25, io.MouseWheel), mx, my);

    if (hovered || ImGui::IsItemActive()) {
        m_workspace.setCursor(std::array<double, 2>{mx, my});
        ImGui::SetMouseCursor(m_dragged ? ImGuiMouseCursor_ResizeAll : ImGuiMouseCursor_Arrow);
    } else if (m_workspace.cursor()) {
        m_workspace.setCursor(std::nullopt);
    }

    // Keyboard: whenever no text field has the keyboard and no modal dialog is up.
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const double step = 0.125;
    const auto& view = m_workspace.view();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
        m_workspace.camera().panPixels(view.width * step, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
        m_workspace.camera().panPixels(-view.width * step, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
        m_workspace.camera().panPixels(0, view.height * step);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
        m_workspace.camera().panPixels(0, -view.height * step);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) m_workspace.zoomToAll();
    if (tool) forwardKeys(*tool);
    if (!tool && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) m_workspace.clearSelection();
    // + and - as typed characters, whatever the keyboard layout (German keyboards have their own + key).
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == '+' || c == '=') m_workspace.camera().zoomCentre(1.5);
        if (c == '-') m_workspace.camera().zoomCentre(1 / 1.5);
        if ((c == 'e' || c == 'E') && !io.KeyCtrl && m_editRequest && m_workspace.selection()) m_editRequest();
    }
}

MapTool* MapCanvasPanel::activeTool() const {
    for (auto* tool : m_tools) {
        if (tool->active()) return tool;
    }
    return nullptr;
}

void MapCanvasPanel::forwardKeys(MapTool& tool) {
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); };
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) tool.key(MapKey::Enter);
    if (pressed(ImGuiKey_Escape)) tool.key(MapKey::Escape);
    if (pressed(ImGuiKey_Delete)) tool.key(MapKey::Delete);
    if (pressed(ImGuiKey_Backspace)) tool.key(MapKey::Backspace);
}

// [loading and start screen]

void MapCanvasPanel::drawLoading() {
    const Translator tr = m_workspace.tr();
    const JobProgress job = m_workspace.job();
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x * 0.6f, 460 * m_layout.scale);
    ImGui::SetCursorPos(ImVec2((size.x - width) / 2, size.y * 0.42f));
    ImGui::BeginGroup();
    ImGui::TextUnformatted(job.running ? job.title.c_str() : tr(Str::MapLoading));
    ImGui::ProgressBar(job.total ? job.fraction() : -1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(width, 0),
                       job.total ? nullptr : "");
    ImGui::TextDisabled("%s", job.stage.c_str());
    if (job.running && ImGui::Button(tr(Str::JobCancel))) m_workspace.cancelJob();
    ImGui::EndGroup();
}

void MapCanvasPanel::drawStartScreen() {
    const Translator tr = m_workspace.tr();
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x * 0.8f, 520 * m_layout.scale);
    ImGui::SetCursorPos(ImVec2((size.x - width) / 2, size.y * 0.25f));
    ImGui::BeginGroup();
    ImGui::SetWindowFontScale(1.8f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "%s", tr(Str::StartTitle));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("%s", tr(Str::StartSubtitle));
    ImGui::Dummy(ImVec2(0, 12 * m_layout.scale));
    if (m_workspace.state() == DocumentState::Failed) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", tr(Str::MapLoadFailed));
        ImGui::TextWrapped("%s", m_workspace.loadError().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 8 * m_layout.scale));
    }
    const ImVec2 button((width - ImGui::GetStyle().ItemSpacing.x) / 2, ImGui::GetFrameHeight() * 1.8f);
    if (ImGui::Button(tr(Str::StartOpen), button)) m_fileDialog.open(FilePurpose::OpenProject);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::StartDemo), button)) m_fileDialog.open(FilePurpose::CreateDemo);
    const auto& recent = m_workspace.settings().recentProjects;
    if (!recent.empty()) {
        ImGui::Dummy(ImVec2(0, 12 * m_layout.scale));
        ImGui::TextUnformatted(tr(Str::StartRecent));
        ImGui::Separator();
        for (const auto& path : recent) {
            if (ImGui::Selectable(path.c_str(), false, 0, ImVec2(width, 0))) {
                m_workspace.openProject(path);
                break;
            }
        }
    }
    ImGui::EndGroup();
}

}  // namespace lb::ui
