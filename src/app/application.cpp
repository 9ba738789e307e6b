// Section index: [construction] [window] [imgui] [frame loop] [screenshot] [shutdown]
#include "app/application.hpp"

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <string_view>
#include <vector>

#include "app/script_driver.hpp"
#include "app/startup_clock.hpp"
#include "project/saved_views.hpp"
#include "render/glyph_atlas.hpp"
#include "render/png_image.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"
#include "ui/workspace.hpp"

namespace lb::app {
namespace {

Application* appOf(GLFWwindow* window) {
    return static_cast<Application*>(glfwGetWindowUserPointer(window));
}

// GLFW callbacks: forward to ImGui's backend (installed with install_callbacks = false) and note activity so
// the idle loop draws again.
void onFocus(GLFWwindow* w, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    appOf(w)->noteActivity();
}
void onCursorEnter(GLFWwindow* w, int entered) {
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    appOf(w)->noteActivity();
}
void onCursorPos(GLFWwindow* w, double, double) {
    appOf(w)->noteActivity();
}
void onMouseButton(GLFWwindow* w, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    appOf(w)->noteActivity();
}
void onScroll(GLFWwindow* w, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
    appOf(w)->noteActivity();
}
void onKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
    appOf(w)->noteActivity();
}
void onChar(GLFWwindow* w, unsigned int c) {
    ImGui_ImplGlfw_CharCallback(w, c);
    appOf(w)->noteActivity();
}
void onWindowChange(GLFWwindow* w, int, int) {
    appOf(w)->noteActivity();
}
void onRefresh(GLFWwindow* w) {
    appOf(w)->noteActivity();
}
void onGlfwError(int code, const char* description) {
    std::fprintf(stderr, "lagebild-gui: GLFW error %d: %s\n", code, description);
}

}  // namespace

// [construction]

Application::Application(AppOptions options) : m_options(std::move(options)) {
    m_configDir = ui::defaultConfigDir();
    m_settingsFile = m_configDir / "settings.json";
    m_iniFile = (m_configDir / "imgui.ini").string();
    auto loaded = ui::loadSettings(m_settingsFile);
    m_settings = std::move(loaded.settings);
    if (loaded.warning) {
        std::fprintf(stderr, "warning: %s\n", loaded.warning->c_str());
        m_settingsWarning = *loaded.warning;
    }
    if (!m_options.language.empty()) m_settings.language = m_options.language;
}

Application::~Application() {
    shutDown();
}

// [window]

bool Application::createWindow() {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::fprintf(stderr, "lagebild-gui: cannot initialise GLFW (no display? try xvfb-run)\n");
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    const bool fixedSize = m_options.size.has_value();
    int width = fixedSize ? m_options.size->first : m_settings.window.width;
    int height = fixedSize ? m_options.size->second : m_settings.window.height;
    if (!fixedSize && m_settings.window.maximized) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    m_window = glfwCreateWindow(width, height, "Lagebild", nullptr, nullptr);
    if (!m_window) {
        std::fprintf(stderr, "lagebild-gui: cannot create an OpenGL 3.3 core window\n");
        return false;
    }
    if (!fixedSize && m_settings.window.x >= 0 && m_settings.window.y >= 0) {
        glfwSetWindowPos(m_window, m_settings.window.x, m_settings.window.y);
    }
    glfwSetWindowUserPointer(m_window, this);
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(m_options.screenshot.empty() && !m_options.printStartupTime ? 1 : 0);
    float xs = 1, ys = 1;
    glfwGetWindowContentScale(m_window, &xs, &ys);
    m_contentScale = std::max(1.0f, xs);

    glfwSetWindowFocusCallback(m_window, onFocus);
    glfwSetCursorEnterCallback(m_window, onCursorEnter);
    glfwSetCursorPosCallback(m_window, onCursorPos);
    glfwSetMouseButtonCallback(m_window, onMouseButton);
    glfwSetScrollCallback(m_window, onScroll);
    glfwSetKeyCallback(m_window, onKey);
    glfwSetCharCallback(m_window, onChar);
    glfwSetWindowSizeCallback(m_window, onWindowChange);
    glfwSetFramebufferSizeCallback(m_window, onWindowChange);
    glfwSetWindowRefreshCallback(m_window, onRefresh);
    return true;
}

// [imgui]

void Application::setUpImGui() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    std::error_code ec;
    std::filesystem::create_directories(m_configDir, ec);
    io.IniFilename = m_iniFile.c_str();
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    loadFonts(m_contentScale);
    ui::applyTheme(m_contentScale);
    ImGui_ImplGlfw_InitForOpenGL(m_window, false);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_imguiReady = true;
}

void Application::loadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    // Latin-1 (ä ö ü ß …) plus the typographic characters the strings and help texts use (– „ “ … € →).
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    for (char32_t c : ui::theme::kExtraGlyphs) builder.AddChar(static_cast<ImWchar>(c));
    static_assert(sizeof(ImWchar) >= 2);
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    const std::string font = render::GlyphAtlas::defaultFontFile().string();
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.GlyphRanges = nullptr;
    if (!io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f * scale, &config, ranges.Data)) {
        std::fprintf(stderr, "warning: font %s not loaded; using ImGui's built-in font\n", font.c_str());
        io.Fonts->AddFontDefault();
    }
    // The atlas is built here, while `ranges` is alive (ImGui reads the ranges only while building).
    io.Fonts->Build();
}

// [frame loop]

int Application::run() {
    if (!createWindow()) {
        shutDown();
        return 1;
    }
    setUpImGui();
    ui::NativeKeys keys{GLFW_KEY_O, GLFW_KEY_E, GLFW_KEY_N, GLFW_KEY_Q, GLFW_KEY_F1};
    keys.z = GLFW_KEY_Z;
    keys.y = GLFW_KEY_Y;
    keys.del = GLFW_KEY_DELETE;
    keys.f5 = GLFW_KEY_F5;
    // GLFW names keys by their US position: on a German keyboard the key labelled Z is GLFW_KEY_Y.
    if (const char* name = glfwGetKeyName(GLFW_KEY_Y, 0); name && std::string_view(name) == "z") {
        std::swap(keys.z, keys.y);
    }
    m_shell = std::make_unique<ui::Shell>(m_settings, m_settingsFile, render::GlyphAtlas::defaultFontFile(), keys);
    m_shell->tasks().setWakeHook([] { glfwPostEmptyEvent(); });
    auto& workspace = m_shell->workspace();
    if (!m_settingsWarning.empty())
        workspace.notices().push({true, workspace.tr()(ui::Str::NoticeSettingsIgnored), {m_settingsWarning}});
    const std::string project = !m_options.project.empty() ? m_options.project : m_settings.lastProject;
    if (!project.empty()) workspace.openProject(project);
    if (!applyAnalysisOptions()) {
        shutDown();
        return 2;
    }
    if (m_options.fieldMode) m_shell->startFieldMode(m_options.fieldMark);
    if (m_options.present) {
        std::optional<std::vector<project::Slide>> slides;
        try {
            if (!m_options.slides.empty()) slides = project::readSlidesFile(m_options.slides);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "lagebild-gui: --slides %s\n", e.what());
            shutDown();
            return 2;
        }
        m_shell->requestPresentation(std::move(slides));
    }
    try {
        if (!m_options.script.empty()) m_script = ScriptDriver::fromFile(*m_shell, m_options.script, project);
        if (m_options.soakSeconds > 0)
            m_script = ScriptDriver::soak(*m_shell, m_options.soakSeconds, m_options.seed, project);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lagebild-gui: %s\n", e.what());
        shutDown();
        return 2;
    }
    if (m_script) ImGui::GetIO().UserData = &m_script->probe();

    const bool batch = !m_options.screenshot.empty() || m_options.printStartupTime || m_script;
    while (!m_done && !glfwWindowShouldClose(m_window) && !m_shell->quitRequested()) {
        const bool busy = m_shell->busy();
        if (batch) {
            glfwPollEvents();
        } else if (m_framesToDraw > 0) {
            glfwPollEvents();
        } else if (busy || m_shell->wantsFrame()) {
            glfwWaitEventsTimeout(1.0 / 30);  // progress animation or a map preview to finish, throttled
        } else {
            const bool focused = glfwGetWindowAttrib(m_window, GLFW_FOCUSED);
            glfwWaitEventsTimeout(focused ? 1.0 : 5.0);
        }
        if (!batch && m_framesToDraw == 0 && !m_shell->busy() && !m_shell->wantsFrame() &&
            !m_shell->tasks().pending()) {
            continue;
        }
        frame();
        if (m_framesToDraw > 0) --m_framesToDraw;
    }
    shutDown();
    return m_exitCode;
}

void Application::frame() {
    if (m_options.click && m_clickFrame == 0 && m_mapFrames >= 1 && !m_shell->busy()) {
        // A real click through GLFW and ImGui's backend: move the pointer, press now, release next frame.
        glfwSetCursorPos(m_window, m_options.click->first, m_options.click->second);
        ImGui_ImplGlfw_MouseButtonCallback(m_window, GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS, 0);
        m_clickFrame = m_frames + 1;
    }
    if (m_options.select && m_clickFrame == 0 && m_mapFrames >= 1 && !m_shell->busy()) {
        m_shell->workspace().select(render::FeatureRef{m_options.select->first, m_options.select->second});
        if (m_options.edit) m_shell->requestEdit();
        m_clickFrame = m_frames + 1;  // the screenshot waits for the selection like for a click
    }
    // --open-help: once the map (or the start screen) is up, so the help window opens over it as from the menu.
    const auto state = m_shell->workspace().state();
    const bool noMap = state == ui::DocumentState::Empty || state == ui::DocumentState::Failed;
    const bool settled = m_mapFrames >= 1 || (m_frames >= 1 && noMap);
    if (m_helpFrame == 0 && settled && !m_options.openHelp.empty()) {
        if (const auto help = helpTarget(m_options.openHelp)) m_shell->showHelp(help->page, help->section);
        m_helpFrame = m_frames + 1;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (m_script) m_script->beforeFrame(ImGui::GetIO());
    ImGui::NewFrame();
    int fbWidth = 0, fbHeight = 0, winWidth = 0, winHeight = 0;
    glfwGetFramebufferSize(m_window, &fbWidth, &fbHeight);
    glfwGetWindowSize(m_window, &winWidth, &winHeight);
    const float fbScale = winWidth > 0 ? static_cast<float>(fbWidth) / static_cast<float>(winWidth) : 1.0f;
    m_shell->frame(m_contentScale, fbScale);
    ImGui::Render();
    syncFullScreen();

    // The map canvas rendered into its own framebuffer: back to the window's.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fbWidth, fbHeight);
    glClearColor(0.97f, 0.97f, 0.965f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++m_frames;
    if (m_shell->mapShown()) ++m_mapFrames;

    if (!m_options.screenshot.empty() && screenshotDue()) {
        if (!writeScreenshot(m_options.screenshot)) m_exitCode = 1;
        m_done = true;
    }
    if (m_script) {
        m_script->afterFrame([this](const std::string& file) { return writeScreenshot(file); });
        if (m_script->done()) {
            m_exitCode = m_script->exitCode();
            m_done = true;
        }
    }
    glfwSwapBuffers(m_window);

    if (m_shell->mapShown() && !m_startupReported) {
        m_startupReported = true;
        double ms = millisecondsSinceProcessStart();
        if (ms < 0) {
            ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_mainStart).count();
        }
        if (m_options.printStartupTime) {
            const auto timings = m_shell->workspace().loadTimings();
            std::fprintf(stderr, "first complete frame after %.0f ms\n", ms);
            std::fprintf(stderr, "  (scene loaded in %.0f ms, uploaded in %.0f ms, first map frame %.0f ms)\n",
                         timings.sceneMs, timings.uploadMs, m_shell->workspace().lastFrameMs());
            if (m_options.screenshot.empty()) m_done = true;
        }
    }
    if (m_options.printStartupTime && m_options.screenshot.empty()) {
        const auto state = m_shell->workspace().state();
        if ((state == ui::DocumentState::Empty || state == ui::DocumentState::Failed) && !m_shell->busy() &&
            m_frames > 3) {
            std::fprintf(stderr, "lagebild-gui: no project was loaded\n");
            m_exitCode = 1;
            m_done = true;
        }
    }
    if (m_title != m_shell->windowTitle()) {
        m_title = m_shell->windowTitle();
        glfwSetWindowTitle(m_window, m_title.c_str());
    }
}

bool Application::applyAnalysisOptions() {
    ui::AnalysisController& analysis = m_shell->analysis();
    if (!m_options.queryJson.empty()) {
        if (auto error = analysis.loadQueryFile(m_options.queryJson)) {
            std::fprintf(stderr, "lagebild-gui: --query-json %s\n", error->c_str());
            return false;
        }
        m_shell->showQueryPanel();
    }
    if (m_options.heatmap) {
        ui::HeatmapSettings heat = analysis.heatmap();
        heat.on = true;
        analysis.setHeatmap(heat);
        m_shell->showHeatmapPanel();
    }
    if (m_options.gistar) {
        ui::HotspotSettings hot = analysis.hotspots();
        hot.on = true;
        analysis.setHotspots(hot);
        m_shell->showHotspotPanel();
    }
    return true;
}

// [screenshot]

bool Application::screenshotDue() {
    // With --open-help: two frames after it opened (ImGui lays out the tab bar and scroll bar in the second).
    if (!m_options.openHelp.empty() && (m_helpFrame == 0 || m_frames < m_helpFrame + 2)) return false;
    // With --click or --select: a few frames later, when the pick, highlight, info panel and form are drawn.
    if (m_options.click || m_options.select) {
        if (m_clickFrame == 0 || m_frames < m_clickFrame + 3 || m_shell->busy()) return false;
        const auto& selection = m_shell->workspace().selection();
        if (m_options.fieldMark) {
            std::fprintf(stderr, "field mark: %s\n", m_shell->editor().canUndo() ? "saved" : "not saved");
        } else if (selection) {
            std::fprintf(stderr, "picked: %s %lld (%zu attributes)\n", selection->ref.layer.c_str(),
                         static_cast<long long>(selection->ref.fid), selection->attributes.size());
        } else {
            std::fprintf(stderr, "picked: nothing\n");
        }
        return true;
    }
    // Queries and the heatmap run in the background: the picture shows their result.
    if (m_shell->busy()) {
        m_mapFramesBusy = m_mapFrames;
        return false;
    }
    // The second frame with the map (after the last background work): the first one lets ImGui settle
    // sizes that depend on content.
    if (m_mapFrames >= 2 && m_mapFrames >= m_mapFramesBusy + 2) return true;
    const auto state = m_shell->workspace().state();
    if (m_shell->busy() || state == ui::DocumentState::Loading || state == ui::DocumentState::Ready) return false;
    // No project (start screen) or a failed load: the start screen is the picture.
    if (m_frames >= 3) {
        if (state == ui::DocumentState::Failed) m_exitCode = 1;
        return true;
    }
    return false;
}

bool Application::writeScreenshot(const std::string& file) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    render::Image image{width, height, std::vector<std::uint8_t>(pixels.size())};
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y) {  // GL's first row is the bottom one
        std::copy_n(pixels.data() + (height - 1 - y) * row, row, image.rgba.data() + y * row);
    }
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    try {
        render::writePng(file, image);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lagebild-gui: %s\n", e.what());
        return false;
    }
    return true;
}

// [shutdown]

void Application::storeWindowPlacement() {
    if (!m_window || m_options.size) return;
    auto& w = m_settings.window;
    if (m_fullScreen) {  // the window as it was before the presentation
        w = ui::WindowPlacement{m_windowed[0], m_windowed[1], m_windowed[2], m_windowed[3], false};
        return;
    }
    w.maximized = glfwGetWindowAttrib(m_window, GLFW_MAXIMIZED);
    if (!w.maximized) {
        glfwGetWindowPos(m_window, &w.x, &w.y);
        glfwGetWindowSize(m_window, &w.width, &w.height);
    }
}

void Application::syncFullScreen() {
    const bool want = m_shell->presenting() && !m_options.size;
    if (want == m_fullScreen) return;
    m_fullScreen = want;
    if (want) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(m_window, &m_windowed[0], &m_windowed[1]);
        glfwGetWindowSize(m_window, &m_windowed[2], &m_windowed[3]);
        glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(m_window, nullptr, m_windowed[0], m_windowed[1], m_windowed[2], m_windowed[3], 0);
    }
    noteActivity();
}

void Application::shutDown() {
    if (m_imguiReady) ImGui::GetIO().UserData = nullptr;
    m_script.reset();
    if (m_shell) {
        storeWindowPlacement();
        m_shell->saveSettings(true);
        m_shell.reset();  // GL objects of the map go while the context is current
    }
    if (m_imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        m_imguiReady = false;
    }
    if (m_window) {
        glfwDestroyWindow(m_window);
        m_window = nullptr;
        glfwTerminate();
    }
}

}  // namespace lb::app
