// Section index: [construction] [read] [jobs] [document actions] [view actions] [layer options]
// [selection and cursor] [notices]
#include "ui/workspace.hpp"
#include "ui/format.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <future>

#include "core/defaults.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "geo/crs.hpp"
#include "project/demo.hpp"
#include "project/map_request.hpp"
#include "project/print.hpp"
#include "project/project.hpp"
#include "project/session.hpp"
#include "render/gl/map_renderer.hpp"
#include "render/gl/render_target.hpp"
#include "render/pick.hpp"
#include "render/png_image.hpp"
#include "ui/error_text.hpp"
#include "ui/scene_patch.hpp"

namespace lb::ui {
namespace {

std::string errorText(const std::exception& e) {
    std::string text = e.what();
    if (const auto* error = dynamic_cast<const core::Error*>(&e); error && !error->hint().empty()) {
        text += "\n" + error->hint();
    }
    return text;
}

std::string absolutePath(const std::filesystem::path& path) {
    std::error_code ec;
    auto abs = std::filesystem::absolute(path, ec);
    return (ec ? path : abs.lexically_normal()).string();
}

}  // namespace

struct Workspace::LoadResult {
    std::string path;
    double sceneMs = 0;
    std::shared_ptr<project::Session> session;
    render::SceneSnapshot scene;
    std::shared_ptr<const render::GlyphAtlas> atlas;
};

// [construction]

Workspace::Workspace(Settings& settings, JobRunner& jobs, std::filesystem::path fontFile)
    : m_settings(settings), m_fontFile(std::move(fontFile)), m_jobs(jobs) {
    m_language = languageFromCode(settings.language);
    m_notices.setLanguage(m_language);
    m_layers.setChangedHook([this] {
        m_settingsDirty = true;
        optionsChanged();
    });
    m_camera.setChangedHook([this](const render::MapView& view) {
        if (m_projectPath.empty()) return;
        m_settings.views[m_projectPath] = SavedView{view.centerX, view.centerY, view.metresPerPixel};
        m_settingsDirty = true;
    });
    m_options.language = std::string(languageCode(m_language));
    m_options.labels = settings.labels;
    m_options.legend = settings.legend;
    try {
        m_style = render::Style::load(render::defaultStylePath());
    } catch (const std::exception& e) {
        m_notices.push({true, errorText(e), {}});
    }
}

Workspace::~Workspace() {
    // The owner stops the JobRunner first (its completions refer to this). The renderer owns GL objects; the
    // app destroys the workspace while its context is still current.
}

// [read]

std::string Workspace::projectName() const {
    return std::filesystem::path(m_projectPath).stem().string();
}

JobProgress Workspace::job() const {
    return m_jobs.progress(kJobLane);
}

bool Workspace::busy() const {
    return m_jobs.busy(kJobLane);
}

std::size_t Workspace::featureCount() const {
    std::size_t count = 0;
    if (m_scene) {
        for (const auto& layer : m_scene->layers) count += layer->featureCount();
    }
    return count;
}

core::BBox Workspace::layerExtent(const std::string& layer) const {
    core::BBox box;
    if (!m_scene) return box;
    for (const auto& sceneLayer : m_scene->layers) {
        if (sceneLayer->name == layer) box.add(sceneLayer->extent);
    }
    return box;
}

std::size_t Workspace::layerFeatureCount(const std::string& layer) const {
    std::size_t count = 0;
    if (!m_scene) return count;
    for (const auto& sceneLayer : m_scene->layers) {
        if (sceneLayer->name == layer) count += sceneLayer->featureCount();
    }
    return count;
}

std::optional<std::array<double, 2>> Workspace::toLonLat(double x, double y) const {
    if (!m_toWgs84) return std::nullopt;
    try {
        m_toWgs84->transform(x, y);
        return std::array<double, 2>{x, y};
    } catch (const std::exception&) {
        return std::nullopt;  // outside the CRS's area of use
    }
}

double Workspace::zoomLevel() const {
    const auto centre = toLonLat(m_camera.view().centerX, m_camera.view().centerY);
    const double lat = centre ? (*centre)[1] : 51.0;
    constexpr double kPi = 3.14159265358979323846;
    const double logicalMpp = m_camera.view().metresPerPixel * m_camera.view().pixelRatio;
    return std::log2(156543.03392 * std::cos(lat * kPi / 180.0) / logicalMpp);
}

// [jobs]

void Workspace::startJob(std::string title, Work work) {
    if (busy()) return;
    m_jobs.submit(
        kJobLane, "job",
        [this, work = std::move(work)](core::Progress& progress) -> JobRunner::Completion {
            try {
                return work(progress);
            } catch (const core::CancelledError&) {
                return [this] {
                    if (m_state == DocumentState::Loading) m_state = DocumentState::Empty;
                };
            } catch (const std::exception& e) {
                return [this, message = errorText(e)] {
                    if (m_state == DocumentState::Loading) {
                        m_state = DocumentState::Failed;
                        m_loadError = message;
                    }
                    m_notices.push({true, message, {}});
                };
            }
        },
        std::move(title));
}

void Workspace::cancelJob() {
    m_jobs.cancel(kJobLane);
}

// [document actions]

void Workspace::startLoad(const std::string& path, bool keepView) {
    if (!keepView) {
        m_state = DocumentState::Loading;
        m_loadError.clear();
    }
    const render::Style style = m_style;
    startJob(tr()(Str::MapLoading),
             [this, path, style, keepView, atlas = m_atlas, font = m_fontFile](core::Progress& progress) -> Completion {
                 const auto begin = std::chrono::steady_clock::now();
                 auto result = std::make_shared<LoadResult>();
                 result->path = path;
                 // The label font's atlas (FreeType work, no OpenGL) is made on a second thread while the project
                 // loads.
                 std::future<std::shared_ptr<const render::GlyphAtlas>> glyphs;
                 if (!atlas) {
                     glyphs = std::async(std::launch::async,
                                         [font] { return std::make_shared<const render::GlyphAtlas>(font); });
                 }
                 if (!std::filesystem::exists(path)) throw core::InputError(path + ": no such project file");
                 result->session = project::Session::open(path, project::Session::Access::ReadOnly,
                                                          project::Session::Threads::Shared);
                 result->scene = std::make_shared<const render::Scene>(result->session->loadScene(style, {}, progress));
                 result->session->shareScene(result->scene);
                 result->atlas = glyphs.valid() ? glyphs.get() : atlas;
                 result->sceneMs =
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
                 return [this, result, keepView] { finishLoad(*result, keepView); };
             });
}

void Workspace::finishLoad(LoadResult& result, bool keepView) {
    const bool sameProject = result.path == m_projectPath;
    m_reader = std::move(result.session);
    m_projectPath = result.path;
    m_scene = result.scene;
    if (result.atlas) m_atlas = result.atlas;
    m_crs = "EPSG:" + std::to_string(m_scene->srid);
    try {
        m_toWgs84 = std::make_unique<geo::CrsTransform>(m_crs, "EPSG:4326");
    } catch (const std::exception&) {
        m_toWgs84.reset();
    }
    const auto uploadBegin = std::chrono::steady_clock::now();
    try {
        if (m_renderer && sameProject) {
            m_renderer->setScene(drawnScene());
        } else {
            m_renderer = std::make_unique<render::gl::MapRenderer>(drawnScene(), m_style, m_atlas);
            applyOverlays();
        }
    } catch (const std::exception& e) {
        m_renderer.reset();
        m_state = DocumentState::Failed;
        m_loadError = errorText(e);
        m_notices.push({true, m_loadError, {}});
        return;
    }
    m_loadTimings = {result.sceneMs,
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - uploadBegin).count()};
    if (!sameProject) {
        m_selection.reset();
        m_options.highlight.reset();
    }
    ++m_loadGeneration;
    m_layers.applySaved();
    m_state = DocumentState::Ready;
    if (!(keepView && sameProject && m_camera.hasView())) {
        auto saved = m_settings.views.find(m_projectPath);
        if (saved != m_settings.views.end()) {
            m_camera.restore(saved->second.centerX, saved->second.centerY, saved->second.metresPerPixel);
        } else {
            zoomToAll();
        }
    }
    m_settings.noteProjectOpened(m_projectPath);
    m_settingsDirty = true;
    optionsChanged();
}

void Workspace::openProject(const std::filesystem::path& path) {
    if (busy()) return;
    startLoad(absolutePath(path), false);
}

void Workspace::createProject(const std::filesystem::path& path) {
    if (busy()) return;
    const std::string target = absolutePath(path);
    startJob(tr()(Str::MapLoading), [this, target](core::Progress&) -> Completion {
        project::Project::create(target, std::string(core::kDefaultProjectCrs));
        return [this, target] { startLoad(target, false); };
    });
}

void Workspace::createDemo(const std::filesystem::path& path) {
    if (busy()) return;
    const std::string target = absolutePath(path);
    startJob(tr()(Str::JobDemo), [this, target](core::Progress& progress) -> Completion {
        project::createDemo(target, demo::DemoOptions{}, progress);
        return [this, target] { startLoad(target, false); };
    });
}

void Workspace::closeProject() {
    if (busy()) return;
    m_renderer.reset();
    m_scene.reset();
    m_reader.reset();
    m_toWgs84.reset();
    m_selection.reset();
    m_options.highlight.reset();
    m_options.highlightSet.reset();
    m_heatmap.reset();
    m_hotspots.reset();
    ++m_loadGeneration;
    m_cursor.reset();
    m_projectPath.clear();
    m_state = DocumentState::Empty;
    m_camera.reset();
    m_settings.lastProject.clear();
    m_settingsDirty = true;
    optionsChanged();
}

void Workspace::importOsm(const std::filesystem::path& file) {
    if (busy() || m_projectPath.empty()) return;
    const std::string path = m_projectPath;
    startJob(tr()(Str::JobImportOsm), [this, path, file](core::Progress& progress) -> Completion {
        auto writable = project::Project::open(path, false);
        const auto report = writable->importOsm(file, progress);
        std::int64_t total = 0;
        for (const auto& [layer, count] : report.counts) total += count;
        return [this, path, file, total] {
            m_notices.push(
                {false,
                 tr().format(Str::NoticeImported, file.filename().string(), static_cast<long long>(total), 0LL),
                 {}});
            startLoad(path, true);
        };
    });
}

void Workspace::importThematic(core::LayerId layer, const std::filesystem::path& file) {
    if (busy() || m_projectPath.empty()) return;
    const std::string path = m_projectPath;
    startJob(tr()(Str::JobImportThematic), [this, path, layer, file](core::Progress& progress) -> Completion {
        auto writable = project::Project::open(path, false);
        const auto report = writable->importLayer(layer, file, io::ImportMapping{}, project::ImportOptions{}, progress);
        return [this, path, file, report] {
            Notice notice{false,
                          tr().format(Str::NoticeImported, file.filename().string(),
                                      static_cast<long long>(report.imported), static_cast<long long>(report.rejected)),
                          report.warnings};
            if (!report.rejections.empty()) {
                notice.details.push_back(tr()(Str::NoticeRejected));
                notice.details.insert(notice.details.end(), report.rejections.begin(), report.rejections.end());
            }
            m_notices.push(std::move(notice));
            startLoad(path, true);
        };
    });
}

void Workspace::exportPng(const std::filesystem::path& file, bool publicMode) {
    if (!m_renderer || !m_camera.hasView() || !m_scene) return;
    try {
        render::gl::RenderTarget target(m_camera.view().width, m_camera.view().height, 4);
        if (publicMode && !m_publicMode) {
            // A public picture of an internal session: the gate's scene in a renderer of its own, without the
            // heat and hot-spot maps, which were computed for internal use.
            const project::OutputGate gate = project::OutputGate::forPublic();
            auto options = gate.renderOptions(m_options);
            render::gl::MapRenderer renderer(*gate.scene(m_scene), m_style, m_atlas);
            renderer.render(m_camera.view(), *options, target);
            m_notices.push({false, tr()(Str::NoticePublicExportWithoutAnalysis), {}});
        } else {
            render::RenderOptions options = this->options();
            options.highlight.reset();
            m_renderer->render(m_camera.view(), options, target);
        }
        render::Image image{m_camera.view().width, m_camera.view().height, target.readPixels()};
        render::writePng(file, image);
        m_notices.push({false, tr().format(Str::NoticeExported, file.string()), {}});
    } catch (const std::exception& e) {
        m_notices.push({true, errorText(e), {}});
    }
}

void Workspace::exportLayers(const std::filesystem::path& file, std::optional<int> publicK,
                             project::ExportOptions options) {
    if (!m_reader) return;
    std::shared_ptr<project::Session> reader = m_reader;
    startJob(tr()(Str::ExportJob),
             [this, reader, file, publicK, options = std::move(options),
              style = m_style](core::Progress& progress) -> Completion {
                 const project::OutputGate gate =
                     publicK ? project::OutputGate::forPublic(*publicK) : project::OutputGate::internal();
                 const auto report = project::exportProject(reader->store(), file, gate, options, style, progress);
                 std::vector<std::string> details;
                 for (const auto& [name, count] : report.tables) {
                     const std::string label = name == project::kIncidentsGrid        ? tr()(Str::ExportLayerGrid)
                                               : name == project::kIncidentsDistricts ? tr()(Str::ExportLayerDistricts)
                                                                                      : std::string(tr().layer(name));
                     details.push_back(label + ": " + formatInteger(static_cast<std::int64_t>(count), m_language));
                 }
                 return [this, file, details = std::move(details)] {
                     m_notices.push({false,
                                     tr().format(Str::ExportDone, file.filename().string(),
                                                 formatInteger(static_cast<std::int64_t>(details.size()), m_language)),
                                     details});
                 };
             });
}

// [print]

struct Workspace::PrintParts {
    project::Released<render::SceneSnapshot> scene;
    project::Released<render::RenderOptions> options;
    std::optional<ReleasedHeatmap> heatmap;
    std::optional<ReleasedHotspots> hotspots;

    project::PrintInput input(const render::Style& style) const {
        project::PrintInput in;
        in.style = &style;
        in.scene = &scene;
        in.options = &options;
        in.heatmap = heatmap ? &*heatmap : nullptr;
        in.hotspots = hotspots ? &*hotspots : nullptr;
        return in;
    }
};

Workspace::PrintParts Workspace::printParts() const {
    const project::OutputGate gate = outputGate();
    render::RenderOptions options = m_options;
    options.highlight.reset();
    options.highlightSet.reset();
    PrintParts parts{gate.scene(m_scene), gate.renderOptions(std::move(options)), std::nullopt, std::nullopt};
    // Only the overlays the map shows, released for the current audience.
    if (m_heatmap && m_heatmapReleased && **m_heatmapReleased == m_heatmap &&
        m_heatmapReleased->audience() == gate.audience()) {
        parts.heatmap = m_heatmapReleased;
    }
    if (m_hotspots && m_hotspotsReleased && **m_hotspotsReleased == m_hotspots &&
        m_hotspotsReleased->audience() == gate.audience()) {
        parts.hotspots = m_hotspotsReleased;
    }
    return parts;
}

core::BBox Workspace::printArea() const {
    if (m_camera.hasView()) return m_camera.view().bounds();
    return m_scene ? m_scene->extent() : core::BBox{};
}

render::cairo::MapPicture Workspace::printPicture() const {
    if (!m_scene) return {};
    const PrintParts parts = printParts();
    render::cairo::MapPicture picture = project::printPicture(parts.input(m_style));
    picture.atlas = m_atlas;
    return picture;
}

void Workspace::writePrint(const std::filesystem::path& file, render::cairo::PrintSettings settings) {
    if (!m_scene) return;
    auto parts = std::make_shared<const PrintParts>(printParts());
    settings.area = printArea();
    settings.language = m_language == Language::English ? "en" : "de";
    startJob(tr()(Str::PrintJob), [this, parts, file, settings, style = m_style](core::Progress&) -> Completion {
        project::writePrintLayout(file, parts->input(style), settings);
        return [this, file] { m_notices.push({false, tr().format(Str::NoticeExported, file.string()), {}}); };
    });
}

void Workspace::reloadLayers(const std::vector<std::string>& layers) {
    if (!m_reader || !m_scene || !m_renderer) return;
    try {
        auto fresh = m_reader->loadScene(m_style, layers);
        m_scene = render::replaceSceneLayers(*m_scene, std::move(fresh), layers);
        m_renderer->setScene(drawnScene());
        m_reader->shareScene(m_scene, layers);  // the dataset reads the edited layers again
        ++m_dataGeneration;
    } catch (const std::exception& e) {
        m_notices.push({true, errorText(e), {}});
        return;
    }
    if (m_selection) {
        const auto* layer = m_scene->find(m_selection->ref.layer);
        const bool present = layer && sceneHasFeature(*m_scene, m_selection->ref);
        if (present) {
            select(m_selection->ref);
        } else if (layer || std::find(layers.begin(), layers.end(), m_selection->ref.layer) != layers.end()) {
            clearSelection();
        }
    }
    optionsChanged();
}

// [view actions]

void Workspace::zoomToAll() {
    if (m_scene) m_camera.fitAll(m_scene->extent());
}

void Workspace::zoomToLayer(const std::string& layer) {
    auto extent = layerExtent(layer);
    if (extent.empty()) return;
    if (extent.width() < 50 && extent.height() < 50) {  // a single point: show its surroundings
        extent.add(extent.minX - 100, extent.minY - 100);
        extent.add(extent.maxX + 100, extent.maxY + 100);
    }
    m_camera.fit(extent);
}

void Workspace::zoomToSelection() {
    if (!m_selection || m_selection->bounds.empty()) return;
    auto box = m_selection->bounds;
    box.add(box.minX - 60, box.minY - 60);
    box.add(box.maxX + 60, box.maxY + 60);
    m_camera.fit(box);
}

void Workspace::optionsChanged() {
    ++m_revision;
}

// [layer options]

void Workspace::setLayerColor(const std::string& layer, const render::Color& color) {
    auto it = std::find_if(m_style.layers.begin(), m_style.layers.end(),
                           [&](const render::LayerStyle& s) { return s.layer == layer; });
    if (it == m_style.layers.end() || it->classes.empty()) return;
    auto& first = it->classes.front();
    if (first.symbolFill) {
        first.symbolFill = color;
    } else if (first.fill) {
        first.fill = color;
    } else if (first.line) {
        first.line = color;
    }
    rebuildRenderer();
}

void Workspace::rebuildRenderer() {
    if (!m_scene) return;
    try {
        m_renderer = std::make_unique<render::gl::MapRenderer>(drawnScene(), m_style, m_atlas);
        applyOverlays();
    } catch (const std::exception& e) {
        m_notices.push({true, errorText(e), {}});
    }
    optionsChanged();
}

void Workspace::setLanguage(Language language) {
    m_language = language;
    m_notices.setLanguage(language);
    m_options.language = std::string(languageCode(language));
    m_settings.language = m_options.language;
    m_settingsDirty = true;
    optionsChanged();
}

void Workspace::setHighlightSet(std::shared_ptr<const render::FeatureSet> set) {
    m_queryHighlight = std::move(set);
    auto shown = m_tableHighlight && !m_tableHighlight->fids.empty() ? m_tableHighlight : m_queryHighlight;
    if (shown == m_options.highlightSet) return;
    m_options.highlightSet = std::move(shown);
    optionsChanged();
}

void Workspace::setTableSelection(std::shared_ptr<const render::FeatureSet> set) {
    m_tableHighlight = std::move(set);
    setHighlightSet(m_queryHighlight);
}

void Workspace::setHeatmap(std::optional<ReleasedHeatmap> overlay, float opacity) {
    std::shared_ptr<const render::RasterOverlay> shown;
    if (overlay && overlay->audience() == outputGate().audience()) shown = **overlay;
    if (shown == m_heatmap && opacity == m_options.heatmapOpacity) return;
    if (shown != m_heatmap && m_renderer) m_renderer->setHeatmap(shown);
    m_heatmap = std::move(shown);
    m_heatmapAudience = outputGate().audience();
    m_heatmapReleased = m_heatmap ? overlay : std::nullopt;
    m_options.heatmapOpacity = opacity;
    optionsChanged();
}

void Workspace::setHotspots(std::optional<ReleasedHotspots> overlay, float opacity) {
    std::shared_ptr<const render::ClassifiedOverlay> shown;
    if (overlay && overlay->audience() == outputGate().audience()) shown = **overlay;
    if (shown == m_hotspots && opacity == m_options.classifiedOpacity) return;
    if (shown != m_hotspots && m_renderer) m_renderer->setClassifiedOverlay(shown);
    m_hotspots = std::move(shown);
    m_hotspotsAudience = outputGate().audience();
    m_hotspotsReleased = m_hotspots ? overlay : std::nullopt;
    m_options.classifiedOpacity = opacity;
    optionsChanged();
}

// [public mode]

project::OutputGate Workspace::outputGate() const {
    return m_publicMode ? project::OutputGate::forPublic() : project::OutputGate::internal();
}

void Workspace::setPublicMode(bool on) {
    if (on == m_publicMode) return;
    m_publicMode = on;
    // Overlays computed for the other audience leave the map at once; the analysis computes them again.
    if (m_heatmap && m_heatmapAudience != outputGate().audience()) {
        m_heatmap.reset();
        if (m_renderer) m_renderer->setHeatmap(nullptr);
    }
    if (m_hotspots && m_hotspotsAudience != outputGate().audience()) {
        m_hotspots.reset();
        if (m_renderer) m_renderer->setClassifiedOverlay(nullptr);
    }
    if (m_renderer && m_scene) m_renderer->setScene(drawnScene());
    if (on) clearSelection();
    optionsChanged();
}

render::SceneSnapshot Workspace::drawnScene() const {
    return *outputGate().scene(m_scene);
}

void Workspace::applyOverlays() {
    if (!m_renderer) return;
    if (m_heatmap) m_renderer->setHeatmap(m_heatmap);
    if (m_hotspots) m_renderer->setClassifiedOverlay(m_hotspots);
}

// [selection and cursor]

void Workspace::selectAt(double sx, double sy) {
    if (!m_scene || !m_camera.hasView()) return;
    const auto ref = render::pick(*drawnScene(), m_style, m_camera.view(), options(), sx, sy);
    if (!ref) {
        clearSelection();
        return;
    }
    select(*ref);
}

void Workspace::selectFeature(core::LayerId layer, const std::string& uuid) {
    if (!m_reader || uuid.empty()) return;
    try {
        if (const auto id = m_reader->featureIdOf(layer, uuid)) {
            select(render::FeatureRef{std::string(core::layerInfo(layer).name), *id});
        }
    } catch (const std::exception& e) {
        m_notices.push({true, errorText(e), {}});
    }
}

void Workspace::select(const render::FeatureRef& ref) {
    if (!m_scene) return;
    Selection selection;
    selection.ref = ref;
    for (const auto& snapshot : m_scene->layers) {
        const render::SceneLayer& layer = *snapshot;
        if (layer.name != ref.layer) continue;
        for (std::size_t f = 0; f < layer.featureCount(); ++f) {
            if (layer.fid[f] == ref.fid) selection.bounds.add(layer.featureBounds(f));
        }
    }
    try {
        if (m_reader) selection.attributes = m_reader->featureAttributes(ref.layer, ref.fid);
    } catch (const std::exception& e) {
        m_notices.push({true, errorText(e), {}});
    }
    m_selection = std::move(selection);
    m_options.highlight = ref;
    optionsChanged();
}

void Workspace::clearSelection() {
    if (!m_selection && !m_options.highlight) return;
    m_selection.reset();
    m_options.highlight.reset();
    optionsChanged();
}

void Workspace::setCursor(std::optional<std::array<double, 2>> screen) {
    if (!screen || !m_camera.hasView()) {
        m_cursor.reset();
        return;
    }
    const auto world = m_camera.view().toWorld((*screen)[0], (*screen)[1]);
    m_cursor = CursorPosition{world[0], world[1], toLonLat(world[0], world[1])};
}

// [notices]

}  // namespace lb::ui
