#include "ui/analysis/heatmap.hpp"

namespace lb::ui {

analysis::KdeOptions kdeOptions(const HeatmapSettings& settings) {
    analysis::KdeOptions options = project::heatmapKdeDefaults();
    options.radius = settings.radius;
    options.cell = settings.cell;
    return options;
}

}  // namespace lb::ui
