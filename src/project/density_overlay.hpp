#pragma once

#include <memory>

#include "analysis/kde.hpp"
#include "engine/query.hpp"
#include "render/raster_overlay.hpp"

namespace lb::engine {
class Dataset;
}

namespace lb::project {

// The incident-density heatmap of the features a query selects: KDE (by default the fast mode, whose error
// analysis/kde.hpp bounds) in incidents per km², as the renderer's raster overlay with the ramp's top at
// render::heatRampMaximum. `lagebild render --heatmap` and the GUI's heatmap layer both use it. Returns
// nullptr when the query selects no feature.
std::shared_ptr<render::RasterOverlay> densityOverlay(engine::Dataset& dataset, const engine::Query& query,
                                                      const analysis::KdeOptions& options);

// The KDE settings of the heatmap: quartic kernel, 200 m radius, 10 m cells, fast mode.
analysis::KdeOptions heatmapKdeDefaults();

// A KDE raster as the renderer's overlay: same grid, values in incidents per km², the ramp's top at
// render::heatRampMaximum, legend titles in German and English.
std::shared_ptr<render::RasterOverlay> toOverlay(analysis::KdeRaster raster);

}  // namespace lb::project
