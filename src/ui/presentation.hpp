#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "project/public_gate.hpp"
#include "project/saved_views.hpp"
#include "project/time_animation.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "ui/camera_flight.hpp"
#include "ui/job_runner.hpp"

namespace lb::store {
class ProjectStore;
}
namespace lb::render {
class Scene;
struct ClassifiedOverlay;
}  // namespace lb::render
namespace lb::render::gl {
class MapRenderer;
}

namespace lb::ui {

class Workspace;
class AnalysisController;

// The town logo, decoded on a worker: RGBA, rows top to bottom.
struct LogoPixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
};

// The slides of the open project (the `views` table) or of a slides file, the saved-view edits, and the
// presentation itself: which slide shows, the animated flight between slides, the slide's heat map or Gi*
// layer and the time animation (one heat map per month, all computed ahead on the "analysis" lane before it
// plays), the public mode (on whenever a presentation starts) and the render options the map canvas draws
// with while presenting. No ImGui and no GL: the panels draw it, update() gets the clock from them.
class Presentation {
public:
    static constexpr const char* kSlidesLane = "slides";
    static constexpr const char* kAnalysisLane = "analysis";
    static constexpr double kFlightSeconds = 1.0;
    static constexpr double kSpeeds[] = {0.5, 1, 2, 4};  // months per second

    Presentation(Workspace& workspace, AnalysisController& analysis, JobRunner& jobs);
    ~Presentation();

    // [slides]
    const std::vector<project::Slide>& slides() const { return m_slides; }
    // The slides come from a file (`--slides`): they are shown but not edited.
    bool fromFile() const { return m_fromFile; }
    bool slidesBusy() const;
    // Reads the project's saved views (and logo) again, on the slides lane.
    void reloadSlides();
    // Uses these slides instead of the project's (a slides file).
    void useSlides(std::vector<project::Slide> slides);
    // The current map view, layers, query, time window and overlay as a definition.
    project::ViewDefinition currentView(const std::string& caption) const;
    void saveCurrentView(const std::string& name, const std::string& caption);
    void renameSlide(const std::string& uuid, const std::string& name);
    void moveSlide(const std::string& uuid, int delta);
    // Deletes a slide; undoDelete() puts the last deleted one back as it was.
    void deleteSlide(const std::string& uuid);
    bool canUndoDelete() const { return m_deleted.has_value(); }
    void undoDelete();
    // The logo setting (project settings, kLogoSetting); "" removes it.
    void setLogo(const std::string& path);
    const std::string& logoPath() const { return m_logoPath; }
    const LogoPixels& logo() const { return m_logo; }
    // Increases whenever the logo pixels change (the panel uploads them again).
    std::uint64_t logoGeneration() const { return m_logoGeneration; }
    const std::string& lastError() const { return m_error; }

    // [presenting]
    bool active() const { return m_active; }
    // Starts with the given slide (0-based); false (and nothing happens) without slides or a loaded project.
    bool start(int first = 0);
    void stop();
    int current() const { return m_current; }
    const project::Slide* slide() const;
    void next();
    void previous();
    void goTo(int index);
    bool flying() const { return m_flight.has_value(); }
    // The slide's overlay or time animation is being computed.
    bool computing() const;
    // The workstation's public mode (Workspace::publicMode): on at every start; off only after the user
    // confirmed (the panel asks). Leaving the presentation keeps it on.
    bool publicMode() const { return m_public; }
    void setPublicMode(bool on);

    // [time animation]
    bool playing() const { return m_playing; }
    void togglePlay();
    void faster();
    void slower();
    double speed() const { return kSpeeds[m_speed]; }
    // Windows of the time animation (empty until computed) and the one shown.
    const std::vector<project::TimeWindow>& windows() const { return m_windows; }
    int frame() const { return m_frame; }

    // Per frame, with the time in seconds: moves the flight and the time animation on.
    void update(double now);
    // The gate of everything the presentation shows: public (k = 5) unless the presenter turned it off.
    project::OutputGate gate() const;
    // The presentation's own renderer (made in update() while active): the gate's scene — in public mode
    // without the sensitive layers — with the slide's heat map or Gi* layer. nullptr while not presenting.
    render::gl::MapRenderer* renderer() { return m_renderer.get(); }
    // What the map canvas draws with while presenting (through the gate), and a counter that changes with it.
    const render::RenderOptions& renderOptions() const { return m_options; }
    std::uint64_t revision() const { return m_revision; }

private:
    void edit(std::string title, std::function<void(store::ProjectStore&)> change);
    void applySlide(bool animate);
    void requestOverlay();
    void requestFrames();
    void showFrame(int frame);
    void rebuildOptions();
    void ensureRenderer();
    void setHeat(std::shared_ptr<const render::RasterOverlay> heat);
    void setHot(std::shared_ptr<const render::ClassifiedOverlay> hot);
    void resetAnimation();

    Workspace& m_workspace;
    AnalysisController& m_analysis;
    JobRunner& m_jobs;
    std::vector<project::Slide> m_slides;
    bool m_fromFile = false;
    std::optional<project::Slide> m_deleted;
    std::string m_logoPath;
    LogoPixels m_logo;
    std::uint64_t m_logoGeneration = 0;
    std::string m_error;
    std::uint64_t m_editCounter = 0;

    bool m_active = false;
    bool m_public = true;  // what the shown overlays and the renderer were made for
    int m_current = 0;
    std::uint64_t m_slideGeneration = 0;  // changes with every slide shown: late results of an earlier one are dropped
    std::optional<CameraFlight> m_flight;
    double m_flightStart = -1;
    double m_now = 0;
    std::array<double, 3> m_viewBefore{0, 0, 1};  // centre and resolution when the presentation started
    bool m_overlayPending = false;
    bool m_framesPending = false;
    bool m_playing = false;
    int m_speed = 1;
    std::vector<project::TimeWindow> m_windows;
    std::vector<std::shared_ptr<const render::RasterOverlay>> m_frames;
    std::unique_ptr<render::gl::MapRenderer> m_renderer;
    const render::Scene* m_rendererScene = nullptr;  // the workspace scene the renderer was made from
    bool m_rendererPublic = true;
    std::shared_ptr<const render::ClassifiedOverlay> m_hot;
    std::shared_ptr<const render::RasterOverlay> m_heat;
    std::shared_ptr<const render::RasterOverlay> m_slideHeat;
    int m_frame = -1;
    double m_playStart = 0;
    int m_playFirstFrame = 0;
    render::RenderOptions m_options;
    std::uint64_t m_revision = 1;
    std::uint64_t m_seenWorkspaceRevision = 0;
};

}  // namespace lb::ui
