#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "project/layer_export.hpp"
#include "project/public_gate.hpp"
#include "render/cairo/print_layout.hpp"
#include "render/map_view.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "ui/camera.hpp"
#include "ui/job_runner.hpp"
#include "ui/layer_options.hpp"
#include "ui/notices.hpp"
#include "ui/settings.hpp"
#include "ui/strings.hpp"

namespace lb::core {
class Progress;
}
namespace lb::geo {
class CrsTransform;
}
namespace lb::project {
class Session;
}
namespace lb::render {
class GlyphAtlas;
struct ClassifiedOverlay;
struct RasterOverlay;
}  // namespace lb::render
namespace lb::render::gl {
class MapRenderer;
}

namespace lb::ui {

enum class DocumentState { Empty, Loading, Ready, Failed };

// The feature shown in the info panel.
struct Selection {
    render::FeatureRef ref;
    std::vector<std::pair<std::string, std::string>> attributes;  // (column, value)
    core::BBox bounds;
};

struct CursorPosition {
    double x = 0, y = 0;  // project CRS
    std::optional<std::array<double, 2>> lonLat;
};

// The open document as the workstation sees it, and every action the panels can take on it. Domain work
// goes through project/ (open, load, import, demo); this class adds what only the UI has: the view, the
// layer panel's render options, the selection, background jobs and their results. Main thread only;
// its jobs (load, create, import) run one at a time on the JobRunner's "document" lane.
class Workspace {
public:
    static constexpr const char* kJobLane = "document";

    Workspace(Settings& settings, JobRunner& jobs, std::filesystem::path fontFile);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // [read]
    Translator tr() const { return Translator(m_language); }
    Language language() const { return m_language; }
    const Settings& settings() const { return m_settings; }
    DocumentState state() const { return m_state; }
    const std::string& projectPath() const { return m_projectPath; }
    std::string projectName() const;  // file name without extension
    const std::string& projectCrs() const { return m_crs; }
    const std::string& loadError() const { return m_loadError; }
    JobProgress job() const;
    bool busy() const;
    const render::Style& style() const { return m_style; }
    const render::Scene* scene() const { return m_scene.get(); }
    const render::SceneSnapshot& sceneSnapshot() const { return m_scene; }
    render::gl::MapRenderer* renderer() { return m_renderer.get(); }
    // The options the map is drawn with, through the output gate (public mode: no sensitive layer, no
    // highlight). The layer panel's own choices are layers().
    render::RenderOptions options() const { return *outputGate().renderOptions(m_options); }
    // [public mode] One switch for everything the workstation shows and writes (DESIGN.md privacy): the map
    // draws a scene without the sensitive layers and heat and hot-spot maps by the public rules, and every
    // export and copy passes the same gate. The presentation starts in it.
    bool publicMode() const { return m_publicMode; }
    void setPublicMode(bool on);
    project::OutputGate outputGate() const;
    // The view (zoom, pan, canvas) and the notices are parts of their own.
    Camera& camera() { return m_camera; }
    const Camera& camera() const { return m_camera; }
    const render::MapView& view() const { return m_camera.view(); }
    Notices& notices() { return m_notices; }
    const Notices& notices() const { return m_notices; }
    // Increases whenever anything besides the view changes what the map shows.
    std::uint64_t revision() const { return m_revision; }
    const std::optional<Selection>& selection() const { return m_selection; }
    const std::optional<CursorPosition>& cursor() const { return m_cursor; }
    std::size_t featureCount() const;
    core::BBox layerExtent(const std::string& layer) const;
    std::size_t layerFeatureCount(const std::string& layer) const;
    // The layer panel's choices: visibility, opacity, order, labels, legend.
    LayerOptions& layers() { return m_layers; }
    const LayerOptions& layers() const { return m_layers; }
    // Longitude/latitude of a point in the project CRS; nullopt without a transform or outside its area.
    std::optional<std::array<double, 2>> toLonLat(double x, double y) const;
    // Web map zoom level (0 = whole world in 256 px) of the current resolution at the view centre.
    double zoomLevel() const;
    double lastFrameMs() const { return m_lastFrameMs; }
    // How long the last project load took: reading the scene (worker) and uploading it (main thread).
    struct LoadTimings {
        double sceneMs = 0;
        double uploadMs = 0;
    };
    LoadTimings loadTimings() const { return m_loadTimings; }
    bool settingsDirty() const { return m_settingsDirty; }
    // Increases with every project load (also a reload after an import) and close.
    std::uint64_t loadGeneration() const { return m_loadGeneration; }
    // Increases whenever layers were read again after an edit (reloadLayers).
    std::uint64_t dataGeneration() const { return m_dataGeneration; }
    // The open project's one read-only session, shared by every thread of the workstation (the scene loads,
    // the analysis worker, the attribute table, the info panel); its dataset borrows the scene's geometry.
    // nullptr while no project is loaded.
    const std::shared_ptr<project::Session>& reader() const { return m_reader; }

    // [document actions] — errors become notices, never exceptions.
    void openProject(const std::filesystem::path& path);
    void createProject(const std::filesystem::path& path);  // empty project in core::kDefaultProjectCrs
    void createDemo(const std::filesystem::path& path);
    void closeProject();
    void importOsm(const std::filesystem::path& file);
    void importThematic(core::LayerId layer, const std::filesystem::path& file);
    // Renders the current view through the map renderer into an offscreen target and writes a PNG; a
    // public picture passes the public gate (project::OutputGate): in public mode what the map shows, else a
    // picture drawn from the gate's public scene without the internal heat and hot-spot maps.
    void exportPng(const std::filesystem::path& file, bool publicMode);
    // Exports layers (project/layer_export.hpp) on the document lane with progress; a notice tells what was
    // written or what went wrong. `publicK` set: through OutputGate::forPublic(*publicK), else internal.
    void exportLayers(const std::filesystem::path& file, std::optional<int> publicK, project::ExportOptions options);
    // The print layout (project/print.hpp) of what the map shows: the current view's ground area, the gate's
    // scene and options (no highlight) and the heat and hot-spot maps shown; written on the document lane
    // through the same function as `lagebild render --out .pdf|.svg`, ending with a notice. In public mode the
    // print is the public version. printPicture() is the same picture for the dialog's preview.
    void writePrint(const std::filesystem::path& file, render::cairo::PrintSettings settings);
    render::cairo::MapPicture printPicture() const;
    core::BBox printArea() const;
    void cancelJob();
    // Reads these layers again from the project into the scene, at once (after an edit: the edited
    // feature shows in the next frame). Keeps the view; the selection follows its feature or goes.
    void reloadLayers(const std::vector<std::string>& layers);

    // [view actions that need the document] (the rest: camera())
    void zoomToAll();
    void zoomToLayer(const std::string& layer);
    void zoomToSelection();

    // [layer and map options]
    void setLayerColor(const std::string& layer, const render::Color& color);
    void setLanguage(Language language);
    // Analysis results on the map: many highlighted features (nullptr: none) and the density heatmap.
    void setHighlightSet(std::shared_ptr<const render::FeatureSet> set);
    // The rows selected in the attribute table, highlighted above the query's matches while there are any
    // (nullptr or an empty set: none).
    void setTableSelection(std::shared_ptr<const render::FeatureSet> set);
    const std::shared_ptr<const render::FeatureSet>& tableSelection() const { return m_tableHighlight; }
    // An overlay released for another audience than the current mode's (computed before a switch) is not
    // shown.
    using ReleasedHeatmap = project::Released<std::shared_ptr<const render::RasterOverlay>>;
    using ReleasedHotspots = project::Released<std::shared_ptr<const render::ClassifiedOverlay>>;
    void setHeatmap(std::optional<ReleasedHeatmap> overlay, float opacity);
    // The Getis-Ord Gi* hot and cold spots as a classified overlay (nothing: none).
    void setHotspots(std::optional<ReleasedHotspots> overlay, float opacity);

    // [selection and cursor]
    void selectAt(double sx, double sy);
    void select(const render::FeatureRef& ref);
    // Selects a thematic feature by its uuid (a feature just added); nothing happens when it is not found.
    void selectFeature(core::LayerId layer, const std::string& uuid);
    void clearSelection();
    void setCursor(std::optional<std::array<double, 2>> screen);
    void setLastFrameMs(double ms) { m_lastFrameMs = ms; }

    // [settings]
    void markSettingsDirty() { m_settingsDirty = true; }
    void markSettingsSaved() { m_settingsDirty = false; }

private:
    using Completion = std::function<void()>;
    using Work = std::function<Completion(core::Progress&)>;
    struct LoadResult;

    void startJob(std::string title, Work work);
    void startLoad(const std::string& path, bool keepView);
    void finishLoad(LoadResult& result, bool keepView);
    void optionsChanged();
    void rebuildRenderer();
    // The scene the renderer draws: the document's scene through the output gate.
    render::SceneSnapshot drawnScene() const;
    void applyOverlays();

    Settings& m_settings;
    std::filesystem::path m_fontFile;
    std::shared_ptr<const render::GlyphAtlas> m_atlas;  // made once, on the first load's worker thread
    Language m_language = Language::German;

    DocumentState m_state = DocumentState::Empty;
    std::string m_projectPath;
    std::string m_crs;
    std::string m_loadError;
    std::shared_ptr<project::Session> m_reader;  // see reader()
    std::unique_ptr<geo::CrsTransform> m_toWgs84;
    render::Style m_style;
    render::SceneSnapshot m_scene;
    std::unique_ptr<render::gl::MapRenderer> m_renderer;
    render::RenderOptions m_options;
    LayerOptions m_layers{m_options, m_style, m_settings};
    Camera m_camera;
    std::uint64_t m_revision = 1;
    std::optional<Selection> m_selection;
    std::optional<CursorPosition> m_cursor;
    double m_lastFrameMs = 0;
    LoadTimings m_loadTimings;
    Notices m_notices;
    bool m_settingsDirty = false;
    std::uint64_t m_loadGeneration = 0;
    std::uint64_t m_dataGeneration = 0;
    std::shared_ptr<const render::FeatureSet> m_queryHighlight;  // setHighlightSet
    std::shared_ptr<const render::FeatureSet> m_tableHighlight;  // setTableSelection
    bool m_publicMode = false;
    std::shared_ptr<const render::RasterOverlay> m_heatmap;       // given again to every new renderer
    std::shared_ptr<const render::ClassifiedOverlay> m_hotspots;  // likewise
    project::Audience m_heatmapAudience = project::Audience::Internal;
    project::Audience m_hotspotsAudience = project::Audience::Internal;
    // The overlays as released, for prints: used while they are the ones shown (m_heatmap, m_hotspots).
    std::optional<ReleasedHeatmap> m_heatmapReleased;
    std::optional<ReleasedHotspots> m_hotspotsReleased;
    struct PrintParts;
    PrintParts printParts() const;

    JobRunner& m_jobs;
};

}  // namespace lb::ui
