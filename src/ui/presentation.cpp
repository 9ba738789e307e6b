// Section index: [slides] [presenting] [overlays and time animation] [frame]
#include "ui/presentation.hpp"

#include <algorithm>
#include <cmath>

#include "project/density_overlay.hpp"
#include "project/gistar_overlay.hpp"
#include "project/hotspots.hpp"
#include "project/map_request.hpp"
#include "project/project.hpp"
#include "project/session.hpp"
#include "render/classified_overlay.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/glyph_atlas.hpp"
#include "ui/analysis/analysis_controller.hpp"
#include "ui/analysis/hotspot_settings.hpp"
#include "ui/error_text.hpp"
#include "ui/workspace.hpp"

namespace lb::ui {
namespace {

// The logo is drawn small; anything larger than this is refused rather than decoded.
constexpr std::int64_t kLogoMaxPixels = 4096 * 4096;

}  // namespace

Presentation::Presentation(Workspace& workspace, AnalysisController& analysis, JobRunner& jobs)
    : m_workspace(workspace), m_analysis(analysis), m_jobs(jobs) {}

Presentation::~Presentation() = default;  // the owner destroys it while the GL context is current

// [slides]

bool Presentation::slidesBusy() const {
    return m_jobs.busy(kSlidesLane);
}

void Presentation::useSlides(std::vector<project::Slide> slides) {
    m_slides = std::move(slides);
    m_fromFile = true;
    m_current = std::clamp(m_current, 0, std::max(0, static_cast<int>(m_slides.size()) - 1));
}

void Presentation::reloadSlides() {
    const auto session = m_workspace.reader();
    if (!session) return;
    const bool fromFile = m_fromFile;
    m_jobs.submit(kSlidesLane, "reload", [this, session, fromFile](core::Progress&) -> JobRunner::Completion {
        std::vector<project::Slide> slides;
        std::string error, logoPath;
        LogoPixels logo;
        try {
            if (!fromFile) slides = project::readSlides(session->store());
            logoPath = project::logoSetting(session->store());
            if (!logoPath.empty()) {
                const auto image = project::loadLogo(logoPath, kLogoMaxPixels);
                logo = LogoPixels{image.width, image.height, image.pixels};
            }
        } catch (const std::exception& e) {
            error = e.what();
        }
        return [this, fromFile, slides = std::move(slides), error, logoPath, logo = std::move(logo)]() mutable {
            if (!fromFile && m_fromFile == fromFile) m_slides = std::move(slides);
            m_logoPath = logoPath;
            m_logo = std::move(logo);
            ++m_logoGeneration;
            m_error = error;
            if (!error.empty()) m_workspace.notices().push({true, error, {}});
        };
    });
}

void Presentation::edit(std::string title, std::function<void(store::ProjectStore&)> change) {
    const std::string path = m_workspace.projectPath();
    if (path.empty() || m_fromFile) return;
    m_jobs.submit(
        kSlidesLane, "edit-" + std::to_string(++m_editCounter),
        [this, path, change = std::move(change)](core::Progress&) -> JobRunner::Completion {
            std::string error;
            try {
                auto writable = project::Project::open(path, false);
                change(writable->store());
            } catch (const std::exception& e) {
                error = e.what();
            }
            return [this, error] {
                if (!error.empty()) m_workspace.notices().push({true, error, {}});
                reloadSlides();
            };
        },
        std::move(title));
}

project::ViewDefinition Presentation::currentView(const std::string& caption) const {
    project::ViewDefinition d;
    d.extent = m_workspace.view().bounds();
    std::vector<std::string> visible;
    for (const auto& layer : m_workspace.layers().order()) {
        if (m_workspace.layers().state(layer).visible) visible.push_back(layer);
    }
    d.layers = visible;
    const auto built = buildQuery(m_analysis.form());
    if (built.query) {
        d.query = *built.query;
        d.from = d.query.from;
        d.to = d.query.to;
        d.query.from.reset();
        d.query.to.reset();
    }
    d.caption = caption;
    d.overlay = m_analysis.hotspots().on  ? project::SlideOverlay::GiStar
                : m_analysis.heatmap().on ? project::SlideOverlay::Heatmap
                                          : project::SlideOverlay::None;
    return d;
}

void Presentation::saveCurrentView(const std::string& name, const std::string& caption) {
    if (!m_workspace.camera().hasView()) return;
    const auto definition = currentView(caption);
    edit(name, [name, definition](store::ProjectStore& store) { project::addSlide(store, name, definition); });
}

void Presentation::renameSlide(const std::string& uuid, const std::string& name) {
    edit(name, [uuid, name](store::ProjectStore& store) { project::renameSlide(store, uuid, name); });
}

void Presentation::moveSlide(const std::string& uuid, int delta) {
    edit("move", [uuid, delta](store::ProjectStore& store) { project::moveSlide(store, uuid, delta); });
}

void Presentation::deleteSlide(const std::string& uuid) {
    const auto it = std::find_if(m_slides.begin(), m_slides.end(), [&](const auto& s) { return s.uuid == uuid; });
    if (it == m_slides.end()) return;
    m_deleted = *it;
    edit("delete", [uuid](store::ProjectStore& store) { project::deleteSlide(store, uuid); });
}

void Presentation::undoDelete() {
    if (!m_deleted) return;
    const project::Slide slide = *m_deleted;
    m_deleted.reset();
    edit("restore", [slide](store::ProjectStore& store) { project::restoreSlide(store, slide); });
}

void Presentation::setLogo(const std::string& path) {
    edit("logo", [path](store::ProjectStore& store) {
        if (!path.empty()) project::loadLogo(path, kLogoMaxPixels);  // refuses what cannot be shown
        project::setLogo(store, path);
    });
}

// [presenting]

const project::Slide* Presentation::slide() const {
    if (!m_active || m_current < 0 || m_current >= static_cast<int>(m_slides.size())) return nullptr;
    return &m_slides[static_cast<std::size_t>(m_current)];
}

bool Presentation::start(int first) {
    if (m_slides.empty() || m_workspace.state() != DocumentState::Ready || !m_workspace.camera().hasView())
        return false;
    m_active = true;
    m_workspace.setPublicMode(true);  // every presentation starts public (and the workstation stays so after it)
    m_public = true;
    const auto& view = m_workspace.view();
    m_viewBefore = {view.centerX, view.centerY, view.metresPerPixel};
    m_current = std::clamp(first, 0, static_cast<int>(m_slides.size()) - 1);
    applySlide(false);
    return true;
}

void Presentation::stop() {
    if (!m_active) return;
    m_active = false;
    m_flight.reset();
    m_playing = false;
    ++m_slideGeneration;  // late results of its jobs are dropped (the lane is the analysis panels' too: no cancel)
    m_overlayPending = m_framesPending = false;
    m_heat.reset();
    m_hot.reset();
    m_frames.clear();
    m_renderer.reset();  // its GPU buffers go; the workspace's renderer and overlays were never touched
    m_rendererScene = nullptr;
    m_workspace.camera().restore(m_viewBefore[0], m_viewBefore[1], m_viewBefore[2]);  // the view before it
    ++m_revision;
}

void Presentation::next() {
    if (m_active && m_current + 1 < static_cast<int>(m_slides.size())) goTo(m_current + 1);
}

void Presentation::previous() {
    if (m_active && m_current > 0) goTo(m_current - 1);
}

void Presentation::goTo(int index) {
    if (!m_active || index < 0 || index >= static_cast<int>(m_slides.size()) || index == m_current) return;
    m_current = index;
    applySlide(true);
}

void Presentation::setPublicMode(bool on) {
    m_workspace.setPublicMode(on);  // the workstation's one switch
    if (m_public == on) return;
    m_public = on;
    // Everything shown came through the other gate: computed again through this one.
    if (m_active) {
        resetAnimation();
        setHeat(nullptr);
        setHot(nullptr);
        requestOverlay();
    }
    rebuildOptions();
}

project::OutputGate Presentation::gate() const {
    return m_workspace.outputGate();
}

void Presentation::resetAnimation() {
    ++m_slideGeneration;
    m_playing = false;
    m_windows.clear();
    m_frames.clear();
    m_frame = -1;
    m_framesPending = false;
}

void Presentation::setHeat(std::shared_ptr<const render::RasterOverlay> heat) {
    m_heat = std::move(heat);
    if (m_renderer) m_renderer->setHeatmap(m_heat);
    ++m_revision;
}

void Presentation::setHot(std::shared_ptr<const render::ClassifiedOverlay> hot) {
    m_hot = std::move(hot);
    if (m_renderer) m_renderer->setClassifiedOverlay(m_hot);
    ++m_revision;
}

void Presentation::ensureRenderer() {
    const auto& scene = m_workspace.sceneSnapshot();
    if (m_renderer && scene.get() == m_rendererScene && m_rendererPublic == m_public) return;
    m_renderer.reset();
    m_rendererScene = scene.get();
    m_rendererPublic = m_public;
    if (!scene) return;
    try {
        const auto released = gate().scene(scene);
        m_renderer = std::make_unique<render::gl::MapRenderer>(released.value(), m_workspace.style(),
                                                               render::GlyphAtlas::defaultFontFile());
        if (m_heat) m_renderer->setHeatmap(m_heat);
        if (m_hot) m_renderer->setClassifiedOverlay(m_hot);
    } catch (const std::exception& e) {
        m_workspace.notices().push({true, e.what(), {}});
        stop();
    }
    ++m_revision;
}

void Presentation::applySlide(bool animate) {
    const project::Slide& s = m_slides[static_cast<std::size_t>(m_current)];
    resetAnimation();
    const auto& view = m_workspace.view();
    const auto target = render::MapView::fit(s.definition.extent, view.width, view.height, view.pixelRatio, 0.03);
    const FlightView to{target.centerX, target.centerY, target.metresPerPixel * view.width};
    if (animate) {
        m_flight.emplace(FlightView{view.centerX, view.centerY, view.metresPerPixel * view.width}, to);
        m_flightStart = -1;  // the next update() starts the clock
    } else {
        m_flight.reset();
        m_workspace.camera().restore(target.centerX, target.centerY, target.metresPerPixel);
    }
    setHeat(nullptr);
    setHot(nullptr);
    m_slideHeat.reset();
    requestOverlay();
    rebuildOptions();
}

bool Presentation::computing() const {
    return m_overlayPending || m_framesPending;
}

// [overlays and time animation]

void Presentation::requestOverlay() {
    const project::Slide& s = m_slides[static_cast<std::size_t>(m_current)];
    const auto session = m_workspace.reader();
    if (!session || s.definition.overlay == project::SlideOverlay::None) {
        m_overlayPending = false;
        return;
    }
    m_overlayPending = true;
    const auto generation = m_slideGeneration;
    const auto definition = s.definition;
    const project::OutputGate released = gate();
    m_jobs.submit(kAnalysisLane, "present.overlay",
                  [this, session, definition, generation, released](core::Progress&) -> JobRunner::Completion {
                      std::shared_ptr<const render::RasterOverlay> heat;
                      std::shared_ptr<const render::ClassifiedOverlay> hot;
                      std::string error;
                      try {
                          const auto query = definition.effectiveQuery();
                          if (definition.overlay == project::SlideOverlay::Heatmap) {
                              heat = project::gatedDensity(session->dataset(), query, project::heatmapKdeDefaults(),
                                                           released);
                          } else {
                              auto request = giStarRequest(HotspotSettings{});
                              request.query = query;
                              const auto table = project::giStarTable(session->dataset(), request, session->crs());
                              hot = released.hotspots(table).value();
                          }
                      } catch (const std::exception& e) {
                          error = e.what();
                      }
                      return [this, heat, hot, error, generation] {
                          if (generation != m_slideGeneration) return;
                          m_overlayPending = false;
                          if (!error.empty()) m_workspace.notices().push({false, error, {}});
                          m_slideHeat = heat;
                          if (!m_playing) setHeat(heat);
                          setHot(hot);
                      };
                  });
}

void Presentation::requestFrames() {
    const project::Slide* s = slide();
    const auto session = m_workspace.reader();
    if (!s || !session) return;
    m_framesPending = true;
    const auto generation = m_slideGeneration;
    const auto definition = s->definition;
    const std::string language = m_workspace.options().language;
    const project::OutputGate released = gate();
    m_jobs.submit(
        kAnalysisLane, "present.frames",
        [this, session, definition, generation, language, released](core::Progress& progress) -> JobRunner::Completion {
            std::vector<project::TimeWindow> windows;
            std::vector<std::shared_ptr<const render::RasterOverlay>> frames;
            std::string error;
            try {
                auto from = definition.from, to = definition.to;
                if (!from || !to) {
                    const auto range = project::timeRange(session->dataset());
                    if (range && !from) from = range->first;
                    if (range && !to) to = range->second;
                }
                if (from && to) windows = project::timeWindows(*from, *to, project::TimeStep::Month, language);
                engine::Query base = definition.query;
                frames = project::heatmapFrames(session->dataset(), base, windows, project::heatmapKdeDefaults(),
                                                released, progress);
            } catch (const core::CancelledError&) {
                throw;
            } catch (const std::exception& e) {
                error = e.what();
            }
            return [this, windows = std::move(windows), frames = std::move(frames), error, generation] {
                if (generation != m_slideGeneration) return;
                m_framesPending = false;
                if (!error.empty()) m_workspace.notices().push({false, error, {}});
                if (frames.empty()) return;
                m_windows = windows;
                m_frames = frames;
                m_playing = true;
                m_playStart = m_now;
                m_playFirstFrame = 0;
                showFrame(0);
            };
        });
}

void Presentation::togglePlay() {
    if (!m_active) return;
    if (m_playing) {
        m_playing = false;
        rebuildOptions();
        return;
    }
    if (m_frames.empty()) {
        if (!m_framesPending) requestFrames();
        return;
    }
    m_playing = true;
    m_playStart = m_now;
    m_playFirstFrame = std::max(0, m_frame);
    rebuildOptions();
}

void Presentation::faster() {
    m_speed = std::min(m_speed + 1, static_cast<int>(std::size(kSpeeds)) - 1);
    m_playStart = m_now;
    m_playFirstFrame = std::max(0, m_frame);
}

void Presentation::slower() {
    m_speed = std::max(m_speed - 1, 0);
    m_playStart = m_now;
    m_playFirstFrame = std::max(0, m_frame);
}

void Presentation::showFrame(int frame) {
    if (frame == m_frame || frame < 0 || frame >= static_cast<int>(m_frames.size())) return;
    m_frame = frame;
    setHeat(m_frames[static_cast<std::size_t>(frame)]);
    rebuildOptions();
}

// [frame]

void Presentation::update(double now) {
    m_now = now;
    if (!m_active) return;
    // Switched elsewhere (the workstation's switch): what is shown follows it.
    if (m_workspace.publicMode() != m_public) setPublicMode(m_workspace.publicMode());
    ensureRenderer();
    if (!m_active) return;
    if (m_flight) {
        if (m_flightStart < 0) m_flightStart = now;
        const double t = (now - m_flightStart) / kFlightSeconds;
        const FlightView v = m_flight->at(t);
        const auto& view = m_workspace.view();
        m_workspace.camera().restore(v.x, v.y, v.width / std::max(1, view.width));
        if (t >= 1) m_flight.reset();
    }
    if (m_playing && !m_frames.empty()) {
        const int count = static_cast<int>(m_frames.size());
        const int step = static_cast<int>(std::floor((now - m_playStart) * speed()));
        showFrame((m_playFirstFrame + step) % count);
    }
    if (m_workspace.revision() != m_seenWorkspaceRevision) rebuildOptions();
}

void Presentation::rebuildOptions() {
    m_seenWorkspaceRevision = m_workspace.revision();
    render::RenderOptions o = m_workspace.options();
    o.highlight.reset();
    o.highlightSet.reset();
    o.legend = true;
    o.legendScale = 1.8f;
    // The month shown by the time animation (also while paused on it).
    const bool dated = m_frame >= 0 && m_frame < static_cast<int>(m_windows.size());
    o.caption = dated ? m_windows[static_cast<std::size_t>(m_frame)].label : std::string();
    if (const project::Slide* s = slide(); s && s->definition.layers) {
        for (const auto& layer : m_workspace.layers().order()) {
            const bool visible = std::find(s->definition.layers->begin(), s->definition.layers->end(), layer) !=
                                 s->definition.layers->end();
            o.layers[layer].visible = visible;
        }
    }
    o.heatmap = o.classifiedOverlay = true;
    m_options = gate().renderOptions(std::move(o)).value();
    ++m_revision;
}

}  // namespace lb::ui
