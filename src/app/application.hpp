#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "app/app_options.hpp"
#include "ui/settings.hpp"

struct GLFWwindow;

namespace lb::ui {
class Shell;
}

namespace lb::app {

class ScriptDriver;

// The GUI composition root: GLFW window with an OpenGL 3.3 core context, Dear ImGui with its GLFW and
// OpenGL3 backends, the frame loop and the screenshot / startup-time modes. Everything the user sees is
// the ui::Shell; this class only feeds it frames and events.
class Application {
public:
    explicit Application(AppOptions options);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    // Runs until the window closes; returns the process exit code.
    int run();

    // Called from GLFW callbacks: input or a window change happened, draw a few frames.
    void noteActivity() { m_framesToDraw = 3; }

private:
    bool createWindow();
    void setUpImGui();
    void loadFonts(float scale);
    void frame();
    bool screenshotDue();
    // --query-json, --heatmap and --gistar; false (after a message) when the query file cannot be used.
    bool applyAnalysisOptions();
    bool writeScreenshot(const std::string& file);
    void storeWindowPlacement();
    // Full screen on the primary monitor while presenting (not with --size), the window as before afterwards.
    void syncFullScreen();
    void shutDown();

    AppOptions m_options;
    std::chrono::steady_clock::time_point m_mainStart = std::chrono::steady_clock::now();
    std::filesystem::path m_configDir;
    std::filesystem::path m_settingsFile;
    std::string m_iniFile;  // ImGui keeps the pointer
    ui::Settings m_settings;
    std::string m_settingsWarning;
    GLFWwindow* m_window = nullptr;  // owned; destroyed in shutDown()
    bool m_imguiReady = false;
    std::unique_ptr<ui::Shell> m_shell;
    std::unique_ptr<ScriptDriver> m_script;  // --script / --soak
    float m_contentScale = 1;
    std::string m_title;
    int m_framesToDraw = 3;
    std::uint64_t m_frames = 0;
    std::uint64_t m_mapFrames = 0;
    std::uint64_t m_mapFramesBusy = 0;  // map frames drawn up to the last frame with background work
    bool m_startupReported = false;
    std::uint64_t m_clickFrame = 0;  // frame of the --click press (0: not yet)
    std::uint64_t m_helpFrame = 0;   // frame in which --open-help opened the help (0: not yet)
    bool m_fullScreen = false;
    int m_windowed[4] = {0, 0, 0, 0};  // x, y, width, height before going full screen
    bool m_done = false;
    int m_exitCode = 0;
};

}  // namespace lb::app
