#include "ui/analysis/heatmap.hpp"

namespace lb::ui {

analysis::KdeOptions kdeOptions(const HeatmapSettings& settings) {
    analysis::KdeOptions options;
    options.kernel = analysis::Kernel::Quartic;
    options.radius = settings.radius;
    options.cell = settings.cell;
    options.mode = analysis::KdeMode::Fast;
    return options;
}

std::shared_ptr<const render::RasterOverlay> toOverlay(const analysis::KdeRaster& raster) {
    auto overlay = std::make_shared<render::RasterOverlay>();
    overlay->originX = raster.grid.originX;
    overlay->originY = raster.grid.originY;
    overlay->cell = raster.grid.cell;
    overlay->columns = static_cast<int>(raster.grid.columns);
    overlay->rows = static_cast<int>(raster.grid.rows);
    overlay->values = raster.density;
    overlay->maxValue = render::heatRampMaximum(overlay->values);
    overlay->legend = "Vorfalldichte je km²";
    overlay->legendEn = "Incident density per km²";
    return overlay;
}

}  // namespace lb::ui
