// Section index: [construction] [frame] [commands] [soak] [state]
#include "app/script_driver.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/layer.hpp"
#include "edit/edit_command.hpp"
#include "render/scene.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/edit/edit_controller.hpp"
#include "ui/panels/attribute_table_panel.hpp"
#include "ui/presentation.hpp"
#include "ui/shell.hpp"
#include "ui/workspace.hpp"

namespace lb::app {
namespace {

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

int keyCode(const std::string& name) {
    if (name == "escape") return GLFW_KEY_ESCAPE;
    if (name == "enter") return GLFW_KEY_ENTER;
    if (name == "backspace") return GLFW_KEY_BACKSPACE;
    if (name == "tab") return GLFW_KEY_TAB;
    if (name == "delete") return GLFW_KEY_DELETE;
    if (name == "home") return GLFW_KEY_HOME;
    if (name == "end") return GLFW_KEY_END;
    if (name == "left") return GLFW_KEY_LEFT;
    if (name == "right") return GLFW_KEY_RIGHT;
    if (name == "up") return GLFW_KEY_UP;
    if (name == "down") return GLFW_KEY_DOWN;
    if (name == "pageup") return GLFW_KEY_PAGE_UP;
    if (name == "pagedown") return GLFW_KEY_PAGE_DOWN;
    if (name == "space") return GLFW_KEY_SPACE;
    if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])))
        return GLFW_KEY_A + (std::toupper(static_cast<unsigned char>(name[0])) - 'A');
    return -1;
}

// The feature form is a dock tab: it reports itself as drawn (probeFact "form.open") each frame it is shown.
bool formOpen(const ui::ItemProbe& probe) {
    const auto fact = probe.fact("form.open");
    return fact && fact->second >= ImGui::GetFrameCount() - 2;
}

}  // namespace

// [construction]

ScriptDriver::ScriptDriver(ui::Shell& shell, std::vector<std::string> lines, std::string projectPath)
    : m_shell(shell), m_lines(std::move(lines)), m_project(std::move(projectPath)) {}

ScriptDriver::~ScriptDriver() = default;

std::unique_ptr<ScriptDriver> ScriptDriver::fromFile(ui::Shell& shell, const std::filesystem::path& file,
                                                     std::string projectPath) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the script");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return std::make_unique<ScriptDriver>(shell, std::move(lines), std::move(projectPath));
}

std::unique_ptr<ScriptDriver> ScriptDriver::soak(ui::Shell& shell, double seconds, std::uint32_t seed,
                                                 std::string projectPath) {
    auto driver = std::make_unique<ScriptDriver>(shell, std::vector<std::string>{"wait_ready"}, std::move(projectPath));
    driver->m_soak = true;
    driver->m_soakSeconds = seconds;
    driver->m_random.seed(seed);
    return driver;
}

void ScriptDriver::fail(const std::string& message) {
    std::fprintf(stderr, "script: line %zu: %s\n", m_line + 1, message.c_str());
    m_exitCode = kFailed;
    m_done = true;
}

bool ScriptDriver::ready() const {
    auto& ws = m_shell.workspace();
    return ws.state() == ui::DocumentState::Ready && m_shell.mapShown() && !m_shell.busy() && ws.renderer();
}

// [frame]

void ScriptDriver::noteFrameTime() {
    if (m_frameStart == std::chrono::steady_clock::time_point{}) return;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_frameStart).count();
    m_frameMsMax = std::max(m_frameMsMax, ms);
    m_frameMsSum += ms;
    ++m_statFrames;
}

void ScriptDriver::beforeFrame(ImGuiIO& io) {
    m_frameStart = std::chrono::steady_clock::now();
    ++m_frame;
    if (m_key >= 0) io.KeysDown[m_key] = false;
    m_key = -1;
    m_ctrl = false;
    auto& editor = m_shell.editor();
    if (editor.revision() != m_seenRevision) {
        m_seenRevision = editor.revision();
        if (const auto* last = editor.nextUndo(); last && last->kind() == edit::EditKind::FieldMark) ++m_marks;
    }
    if (!m_done) {
        if (m_line < m_lines.size()) {
            runCommand(io);
        } else if (m_soak) {
            soakStep(io);
        } else {
            m_done = true;
        }
    }
    io.MousePos = ImVec2(m_mouseX, m_mouseY);
    io.MouseDown[0] = m_down;
    io.KeyCtrl = m_ctrl;
    if (m_key >= 0) io.KeysDown[m_key] = true;
}

// [commands]

std::optional<std::pair<float, float>> ScriptDriver::itemCentre(const std::string& key) const {
    const auto rect = m_probe.find(key);
    if (!rect || rect->frame < ImGui::GetFrameCount() - 3) return std::nullopt;  // not drawn lately
    return std::pair{rect->cx(), rect->cy()};
}

// The window pixel of the layer's first feature, with the view zoomed to it and every other layer hidden.
std::optional<std::pair<float, float>> ScriptDriver::featurePoint(const std::string& layerName) {
    auto& ws = m_shell.workspace();
    const render::Scene* scene = ws.scene();
    if (!scene) return std::nullopt;
    for (const auto& snapshot : scene->layers) {
        const render::SceneLayer& layer = *snapshot;
        if (layer.name != layerName || layer.featureCount() == 0) continue;
        double x = 0, y = 0;
        if (layer.kind == render::GeometryKind::Line) {
            const std::uint32_t first = layer.ringCoords[layer.partRings[layer.featureParts[0]]];
            const std::uint32_t end = layer.ringCoords[layer.partRings[layer.featureParts[0]] + 1];
            const std::uint32_t mid = first + (end - first) / 2;
            x = layer.xy[2 * mid];
            y = layer.xy[2 * mid + 1];
            if (end - first == 2) {  // two vertices: the segment's middle
                x = (layer.xy[2 * first] + layer.xy[2 * first + 2]) / 2;
                y = (layer.xy[2 * first + 1] + layer.xy[2 * first + 3]) / 2;
            }
        } else {
            const core::BBox box = layer.featureBounds(0);
            x = (box.minX + box.maxX) / 2;
            y = (box.minY + box.maxY) / 2;
        }
        const auto screen = ws.view().toScreen(x, y);
        const auto& layout = m_shell.layout();
        return std::pair{layout.centre.x + static_cast<float>(screen[0]) / layout.framebufferScale,
                         layout.centre.y + static_cast<float>(screen[1]) / layout.framebufferScale};
    }
    return std::nullopt;
}

void ScriptDriver::runCommand(ImGuiIO& io) {
    const auto w = words(m_lines[m_line]);
    auto next = [&] {
        ++m_line;
        m_phase = 0;
        m_wait = 0;
    };
    if (w.empty() || w[0][0] == '#') return next();
    const std::string& cmd = w[0];
    auto& ws = m_shell.workspace();
    auto& analysis = m_shell.analysis();
    auto target = [&](std::size_t at) -> std::optional<std::pair<float, float>> {
        if (w.size() > at && w[at][0] == '@') return itemCentre(w[at].substr(1));
        if (w.size() > at + 1) return std::pair{std::stof(w[at]), std::stof(w[at + 1])};
        return std::nullopt;
    };
    if (cmd == "wait_ready" || cmd == "wait_idle") {
        const bool ok = cmd == "wait_ready" ? ready() : !m_shell.busy();
        m_phase = ok ? m_phase + 1 : 0;
        if (m_phase >= 3) return next();  // three quiet frames: ImGui has settled the layout
        if (++m_wait > 60 * 300) fail(cmd + " timed out");
        return;
    }
    if (cmd == "frames") {
        if (++m_phase > std::stoi(w.at(1))) next();
        return;
    }
    if (cmd == "move") {
        const auto at = target(1);
        if (!at) return fail("no such place");
        m_mouseX = at->first, m_mouseY = at->second;
        return next();
    }
    if (cmd == "click" || cmd == "dblclick" || cmd == "click_feature" || cmd == "dblclick_feature") {
        const bool feature = cmd.ends_with("_feature");
        const bool dbl = cmd.starts_with("dbl");
        if (m_phase == 0) {
            if (feature) {
                // Only the target layer visible, zoomed to its first feature; the click picks it.
                m_savedVisibility.clear();
                for (const auto& layer : ws.scene()->layers) {
                    m_savedVisibility.emplace_back(layer->name, ws.layers().state(layer->name).visible);
                    ws.layers().setVisible(layer->name, layer->name == w.at(1));
                }
                if (!featurePoint(w.at(1))) return fail("layer " + w.at(1) + " has no features");
                const render::Scene* scene = ws.scene();
                for (const auto& layer : scene->layers) {
                    if (layer->name == w.at(1)) ws.camera().zoomToExtent(layer->featureBounds(0));
                }
            }
            m_phase = 1;
            return;
        }
        if (m_phase == 1) {  // wait for the map (and the items) to settle
            if (!ready() && ++m_wait < 60 * 120) return;
            if (++m_wait < 4) return;
            const auto at = feature ? featurePoint(w.at(1)) : target(1);
            if (!at) return fail("nothing to click at: " + m_lines[m_line]);
            m_mouseX = at->first, m_mouseY = at->second;
            m_phase = 2;
            return;
        }
        const int step = m_phase - 2;  // 0 press, 1 release, (2 press, 3 release)
        m_down = step % 2 == 0;
        ++m_phase;
        if (step == (dbl ? 3 : 1)) {
            if (feature) {
                for (const auto& [name, visible] : m_savedVisibility) ws.layers().setVisible(name, visible);
            }
            next();
        }
        return;
    }
    if (cmd == "key" || cmd == "ctrl") {
        const int key = keyCode(w.at(1));
        if (key < 0) return fail("unknown key " + w.at(1));
        if (m_phase == 0) {
            m_key = key;
            m_ctrl = cmd == "ctrl";
            if (cmd == "key" && w[1].size() == 1) io.AddInputCharacter(static_cast<unsigned>(w[1][0]));
            m_phase = 1;
            return;
        }
        return next();
    }
    if (cmd == "type") {
        const auto start = m_lines[m_line].find("type") + 5;
        const std::string text = start < m_lines[m_line].size() ? m_lines[m_line].substr(start) : std::string();
        if (m_phase < static_cast<int>(text.size())) {
            // One character (not byte) a frame: UTF-8 sequences go in whole, as a keyboard types them.
            const auto at = static_cast<std::size_t>(m_phase);
            const auto lead = static_cast<unsigned char>(text[at]);
            const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            io.AddInputCharactersUTF8(text.substr(at, length).c_str());
            m_phase += static_cast<int>(length);
            return;
        }
        return next();
    }
    if (cmd == "wheel") {  // wheel X Y N | wheel @ITEM N: N notches (negative: scroll down)
        const auto at = target(1);
        if (!at) return fail("nothing to scroll at: " + m_lines[m_line]);
        m_mouseX = at->first, m_mouseY = at->second;
        if (m_phase++ == 1) io.MouseWheel += std::stof(w.back());
        if (m_phase > 2) next();
        return;
    }
    if (cmd == "show_query") {
        m_shell.showQueryPanel();
        return next();
    }
    if (cmd == "show_heatmap") {
        m_shell.showHeatmapPanel();
        return next();
    }
    if (cmd == "show_hotspots") {
        m_shell.showHotspotPanel();
        return next();
    }
    if (cmd == "present_start" || cmd == "present_next" || cmd == "present_prev" || cmd == "present_stop" ||
        cmd == "present_play") {
        auto& p = m_shell.presentation();
        if (cmd == "present_start") {
            if (!p.start(w.size() > 1 ? std::stoi(w[1]) - 1 : 0)) return fail("the presentation did not start");
        } else if (cmd == "present_next") {
            p.next();
        } else if (cmd == "present_prev") {
            p.previous();
        } else if (cmd == "present_stop") {
            p.stop();
        } else {
            p.togglePlay();
        }
        return next();
    }
    if (cmd == "wait_present") {  // the flight has landed and the slide's overlay (or frames) are computed
        const auto& p = m_shell.presentation();
        const bool quiet = !p.flying() && !p.computing() && !m_shell.busy() && !p.slidesBusy();
        m_phase = quiet ? m_phase + 1 : 0;
        if (m_phase >= 3) return next();
        if (++m_wait > 60 * 300) fail("wait_present timed out");
        return;
    }
    if (cmd == "save_slide") {  // save_slide NAME: the current view as a slide (as Ansicht → Folien does)
        m_shell.presentation().saveCurrentView(w.at(1), "");
        return next();
    }
    if (cmd == "show_table") {
        const auto layer = core::layerFromName(w.at(1));
        if (!layer) return fail("unknown layer " + w.at(1));
        m_shell.showAttributeTable(*layer);
        return next();
    }
    if (cmd == "screenshot") {
        m_screenshot = w.at(1);
        return next();
    }
    if (cmd == "stats_reset") {
        m_frameMsMax = m_frameMsSum = 0;
        m_statFrames = 0;
        return next();
    }
    if (cmd == "print") {
        std::printf("%s\n", stateJson(w.size() > 1 ? w[1] : "").c_str());
        std::fflush(stdout);
        return next();
    }
    if (cmd == "expect") {
        const std::string what = w.at(1);
        const std::string rest = m_lines[m_line].substr(m_lines[m_line].find(what) + what.size() + 1);
        std::string actual;
        if (what == "form") {
            actual = formOpen(m_probe) ? "open" : "closed";
        } else if (what == "form_state") {
            const auto fact = m_probe.fact("form.state");
            actual = fact && formOpen(m_probe) && fact->second >= ImGui::GetFrameCount() - 2 ? fact->first : "none";
        } else if (what == "selection") {
            actual = ws.selection() ? ws.selection()->ref.layer : "none";
        } else if (what == "count") {
            const auto* outcome = analysis.outcome();
            actual = outcome && !analysis.formError() ? std::to_string(outcome->result.count()) : "none";
            if (analysis.busy() && ++m_wait < 60 * 120) return;  // the count of the finished run
        } else if (what == "language") {
            actual = ws.language() == ui::Language::English ? "en" : "de";
        } else if (what == "armed") {
            const auto fact = m_probe.fact("field.armed");
            actual = fact ? fact->first : "none";
        } else if (what == "public") {
            actual = ws.publicMode() ? "on" : "off";
        } else if (what == "heatmap" || what == "hotspots") {
            actual = (what == "heatmap" ? analysis.heatmap().on : analysis.hotspots().on) ? "on" : "off";
        } else if (what.starts_with("table_")) {
            // The table's state as its last frame drew it (after the layer was read).
            const auto& table = m_shell.attributeTable();
            if ((table.busy() || m_shell.busy()) && ++m_wait < 60 * 120) return;
            if (what == "table_selected") {
                actual = std::to_string(table.model().selectedCount());
            } else if (what == "table_layer") {
                actual = table.layer() ? std::string(core::layerInfo(*table.layer()).name) : "none";
            } else {
                const auto fact = m_probe.fact("table." + what.substr(6));
                if ((!fact || fact->second < ImGui::GetFrameCount() - 2) && ++m_wait < 60 * 10) return;
                actual = fact ? fact->first : "none";
            }
        } else if (what == "slide" || what == "slides" || what == "presenting" || what == "playing" ||
                   what == "frames" || what == "caption") {
            const auto& p = m_shell.presentation();
            if (what == "slides" && p.slidesBusy() && ++m_wait < 60 * 60) return;
            actual = what == "slide"        ? (p.active() ? std::to_string(p.current() + 1) : "none")
                     : what == "slides"     ? std::to_string(p.slides().size())
                     : what == "presenting" ? (p.active() ? "on" : "off")
                     : what == "playing"    ? (p.playing() ? "on" : "off")
                     : what == "frames"     ? std::to_string(p.windows().size())
                                            : p.renderOptions().caption;
        } else if (what == "marks") {
            actual = std::to_string(m_marks);
        } else {
            return fail("unknown expectation " + what);
        }
        if (actual != rest) return fail("expected " + what + " " + rest + ", got " + actual);
        return next();
    }
    fail("unknown command " + cmd);
}

// [soak]

void ScriptDriver::soakStep(ImGuiIO& io) {
    const double now = ImGui::GetTime();
    if (m_startTime < 0) m_startTime = now;
    if (now - m_startTime > m_soakSeconds) {
        std::fprintf(stderr, "soak: %llu events in %.0f s, %llu frames\n",
                     static_cast<unsigned long long>(m_soakEvents), now - m_startTime,
                     static_cast<unsigned long long>(m_frame));
        m_done = true;
        return;
    }
    auto& ws = m_shell.workspace();
    // Random menu entries may close the project: open it again, the soak goes on.
    if (ws.state() == ui::DocumentState::Empty && !m_project.empty() && !m_shell.busy()) ws.openProject(m_project);
    const ImVec2 size = io.DisplaySize;
    std::uniform_real_distribution<float> px(0, size.x), py(0, size.y);
    std::uniform_int_distribution<int> kind(0, 99);
    ++m_soakEvents;
    const int k = kind(m_random);
    if (m_down) {  // a press lasts one to a few frames (drags move meanwhile)
        if (k < 40) {
            m_down = false;
        } else {
            m_mouseX = std::clamp(m_mouseX + std::uniform_real_distribution<float>(-40, 40)(m_random), 0.f, size.x - 1);
            m_mouseY = std::clamp(m_mouseY + std::uniform_real_distribution<float>(-40, 40)(m_random), 0.f, size.y - 1);
        }
        return;
    }
    if (k < 45) {
        m_mouseX = px(m_random), m_mouseY = py(m_random);
        // Not the Projekt menu's Beenden and quit: the first menu of the bar is left alone.
        if (!(m_mouseY < ImGui::GetFrameHeight() && m_mouseX < 90)) m_down = k < 35;
    } else if (k < 60) {
        static constexpr const char* kKeys[] = {"escape", "enter", "backspace", "tab",  "delete", "home",
                                                "left",   "right", "up",        "down", "e"};
        m_key = keyCode(kKeys[std::uniform_int_distribution<int>(0, 10)(m_random)]);
    } else if (k < 63) {
        m_key = keyCode(k == 60 ? "z" : k == 61 ? "y" : "e");  // undo, redo, export dialog
        m_ctrl = true;
    } else if (k < 85) {
        static constexpr const char kChars[] = "0123456789.:-+ abcdeäöüß,;=*/";
        const int last = static_cast<int>(sizeof kChars) - 2;
        io.AddInputCharacter(static_cast<unsigned char>(kChars[std::uniform_int_distribution<int>(0, last)(m_random)]));
    } else {
        io.MouseWheel += std::uniform_int_distribution<int>(-2, 2)(m_random);
    }
}

// [state]

std::string ScriptDriver::stateJson(const std::string& label) const {
    const auto& ws = m_shell.workspace();
    const auto* outcome = m_shell.analysis().outcome();
    nlohmann::json out{{"label", label},
                       {"selection", ws.selection() ? ws.selection()->ref.layer : ""},
                       {"form_open", formOpen(m_probe)},
                       {"language", ws.language() == ui::Language::English ? "en" : "de"},
                       {"marks", m_marks}};
    if (outcome && !m_shell.analysis().formError()) {
        out["count"] = outcome->result.count();
        // What the result panels print (through the workspace's gate): null where suppressed.
        const auto value = [](const std::optional<std::int64_t>& v) {
            return v ? nlohmann::json(*v) : nlohmann::json();
        };
        if (outcome->shownCounts) {
            out["shown_total"] = value(outcome->shownTotal());
            auto groups = nlohmann::json::array();
            const auto& counts = **outcome->shownCounts;
            for (std::size_t r = 0; r < counts.rows.size(); ++r)
                groups.push_back({counts.rows[r], value(counts.cell(r))});
            out["shown_groups"] = groups;
        }
        if (outcome->shownHourWeekday) {
            auto cells = nlohmann::json::array();
            for (const auto& row : (*outcome->shownHourWeekday)->cells) {
                for (const auto& v : row) cells.push_back(value(v));
            }
            out["shown_hour_weekday"] = cells;
        }
        out["sample_rows"] = outcome->sample.size();
        out["rows_shown"] = outcome->rowsShown;
    }
    out["frames"] = m_statFrames;
    out["frame_ms_max"] = m_frameMsMax;
    out["frame_ms_mean"] = m_statFrames ? m_frameMsSum / static_cast<double>(m_statFrames) : 0.0;
    const auto& table = m_shell.attributeTable().model();
    if (table.table()) {
        out["table_rows"] = table.visible().size();
        out["table_sort_ms"] = table.lastSortMs();
        out["table_filter_ms"] = table.lastFilterMs();
    }
    // Resident memory now and at its peak (Linux /proc), for the memory benchmarks.
    if (std::ifstream status("/proc/self/status"); status) {
        for (std::string line; std::getline(status, line);) {
            const auto field = line.rfind("VmRSS:", 0) == 0   ? "rss_mib"
                               : line.rfind("VmHWM:", 0) == 0 ? "peak_rss_mib"
                                                              : "";
            if (*field) out[field] = std::stod(line.substr(6)) / 1024.0;
        }
    }
    return out.dump();
}

}  // namespace lb::app
