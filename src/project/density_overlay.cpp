#include "project/density_overlay.hpp"

#include "project/hotspots.hpp"

namespace lb::project {

analysis::KdeOptions heatmapKdeDefaults() {
    analysis::KdeOptions options;
    options.kernel = analysis::Kernel::Quartic;
    options.radius = analysis::kDefaultKdeRadiusMetres;
    options.cell = 10;
    options.mode = analysis::KdeMode::Fast;
    return options;
}

std::shared_ptr<render::RasterOverlay> densityOverlay(engine::Dataset& dataset, const engine::Query& query,
                                                      const analysis::KdeOptions& options) {
    const Locations points = locationsOf(dataset, query);
    if (points.x.empty() && !options.extent) return nullptr;
    return toOverlay(analysis::kernelDensity(points.x, points.y, options));
}

std::shared_ptr<render::RasterOverlay> toOverlay(analysis::KdeRaster raster) {
    auto overlay = std::make_shared<render::RasterOverlay>();
    overlay->originX = raster.grid.originX;
    overlay->originY = raster.grid.originY;
    overlay->cell = raster.grid.cell;
    overlay->columns = static_cast<int>(raster.grid.columns);
    overlay->rows = static_cast<int>(raster.grid.rows);
    overlay->values = std::move(raster.density);
    overlay->maxValue = render::heatRampMaximum(overlay->values);
    // Both languages here, not in the UI catalogue (assets/i18n/): `lagebild render --heatmap` uses it too.
    overlay->legend = "Vorfalldichte je km\u00b2";
    overlay->legendEn = "Incident density per km\u00b2";
    return overlay;
}

}  // namespace lb::project
