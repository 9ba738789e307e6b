#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "ui/item_probe.hpp"

struct ImGuiIO;

namespace lb::ui {
class Shell;
}

namespace lb::app {

// Drives lagebild-gui like a user through ImGui's input (ImGui 1.86: io.MousePos, io.MouseDown[],
// io.KeysDown[], io.AddInputCharacter, set after the GLFW backend's NewFrame and before ImGui::NewFrame),
// from a script (--script FILE) or from a seeded random generator (--soak SECONDS). One command a line,
// '#' starts a comment:
//   wait_ready | wait_idle | frames N
//   click X Y | click @ITEM | dblclick X Y | dblclick @ITEM | move X Y    (window pixels; @ITEM: ItemProbe key)
//   click_feature LAYER | dblclick_feature LAYER   (the layer's first feature; other layers hidden meanwhile)
//   key NAME | ctrl NAME   (escape enter backspace tab delete home end left right up down, or a letter)
//   type TEXT   (one character per frame)        show_query / show_heatmap / show_hotspots (their dock tabs)
//   wheel X Y N | wheel @ITEM N   (N wheel notches there; negative scrolls down)
//   expect form closed|open | expect form_state TEXT | expect selection LAYER|none | expect count N
//   expect language de|en | expect armed ID|none | expect marks N   (field marks saved in this run)
//   expect heatmap on|off | expect hotspots on|off | expect public on|off
//   show_table LAYER   (the attribute table on a layer)
//   expect table_rows N | table_sort COLUMN asc|desc|none | table_first VALUE (the sorted column's stored value
//   in the first row, else its id) | table_selected N | table_layer LAYER
//   present_start [N] | present_next | present_prev | present_stop | present_play   (the presentation; play
//   toggles the time animation) | wait_present (flight landed, overlay computed) | save_slide NAME
//   expect slide N|none | expect slides N | expect presenting on|off
//   expect playing on|off | expect frames N (time animation windows) | expect caption TEXT
//   keys also: pageup pagedown space
//   print LABEL   (one JSON line with the state on stdout)       screenshot FILE.png
//   stats_reset   (frame-time statistics start again; print reports frames, frame_ms_max, frame_ms_mean)
// A failed expectation prints "script: line N: ..." to stderr and ends the run with exit code 3.
class ScriptDriver {
public:
    static constexpr int kFailed = 3;

    ScriptDriver(ui::Shell& shell, std::vector<std::string> lines, std::string projectPath);
    // A random soak: clicks, drags, keys, characters, wheel and menu entries for `seconds`, seeded.
    static std::unique_ptr<ScriptDriver> soak(ui::Shell& shell, double seconds, std::uint32_t seed,
                                              std::string projectPath);
    static std::unique_ptr<ScriptDriver> fromFile(ui::Shell& shell, const std::filesystem::path& file,
                                                  std::string projectPath);
    ~ScriptDriver();

    ui::ItemProbe& probe() { return m_probe; }
    // Feeds this frame's input (after the backend's NewFrame, before ImGui::NewFrame).
    void beforeFrame(ImGuiIO& io);
    // After the frame was drawn (state checks, screenshots: `shot` writes the back buffer).
    template <typename Shot>
    void afterFrame(Shot&& shot) {
        noteFrameTime();
        if (!m_screenshot.empty()) {
            if (!shot(m_screenshot)) fail("screenshot " + m_screenshot + " failed");
            m_screenshot.clear();
        }
    }
    bool done() const { return m_done; }
    int exitCode() const { return m_exitCode; }

private:
    struct Step;
    void runCommand(ImGuiIO& io);
    void soakStep(ImGuiIO& io);
    bool ready() const;
    void fail(const std::string& message);
    std::optional<std::pair<float, float>> itemCentre(const std::string& key) const;
    std::optional<std::pair<float, float>> featurePoint(const std::string& layer);
    std::string stateJson(const std::string& label) const;

    ui::Shell& m_shell;
    std::vector<std::string> m_lines;
    std::string m_project;
    ui::ItemProbe m_probe;
    std::size_t m_line = 0;
    int m_phase = 0;  // progress within the current command
    int m_wait = 0;
    float m_mouseX = 1, m_mouseY = 1;
    bool m_down = false;
    int m_key = -1;  // held for this frame only
    bool m_ctrl = false;
    std::string m_typing;
    std::size_t m_typed = 0;
    std::vector<std::pair<std::string, bool>> m_savedVisibility;
    std::string m_screenshot;
    std::uint64_t m_frame = 0;
    int m_marks = 0;
    std::uint64_t m_seenRevision = 0;
    bool m_done = false;
    int m_exitCode = 0;
    // soak
    bool m_soak = false;
    double m_soakSeconds = 0;
    std::mt19937 m_random;
    std::uint64_t m_soakEvents = 0;
    double m_startTime = -1;
    // Frame times (beforeFrame → afterFrame: input, UI, ImGui's draw data rendered; no buffer swap) since
    // the last `stats_reset`, for `print` and the attribute table's benchmark.
    void noteFrameTime();
    std::chrono::steady_clock::time_point m_frameStart{};
    double m_frameMsMax = 0, m_frameMsSum = 0;
    std::uint64_t m_statFrames = 0;
};

}  // namespace lb::app
