#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "project/public_gate.hpp"
#include "render/cairo/print_layout.hpp"
#include "render/classified_overlay.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace lb::project {

// The print format of an output path: .pdf or .svg (any case); nullopt otherwise.
std::optional<render::cairo::PrintFormat> printFormatOf(const std::filesystem::path& file);

// What a print is made of, every part as an OutputGate released it: a public print can only contain what the
// public gate let through (no incidents, routes, visits or observations; heat and hot-spot maps only where k
// incidents add up).
struct PrintInput {
    const render::Style* style = nullptr;
    const Released<render::SceneSnapshot>* scene = nullptr;
    const Released<render::RenderOptions>* options = nullptr;
    const Released<std::shared_ptr<const render::RasterOverlay>>* heatmap = nullptr;       // optional
    const Released<std::shared_ptr<const render::ClassifiedOverlay>>* hotspots = nullptr;  // optional
};

// The print layout (render/cairo/print_layout.hpp) written to `file` (.pdf or .svg) through io::AtomicOutput:
// the file appears complete or not at all. A public scene prints "Öffentliche Fassung (k = publicK)"; parts
// released for different audiences are refused (core::ProcessingError), as is a heat or hot-spot map released
// for internal use in a public print. Throws core::UsageError for another extension.
render::cairo::PrintResult writePrintLayout(const std::filesystem::path& file, const PrintInput& input,
                                            render::cairo::PrintSettings settings, int publicK = kMinimumPublicK);

// The picture the print layout paints (also for previews); the same checks as writePrintLayout.
render::cairo::MapPicture printPicture(const PrintInput& input);

}  // namespace lb::project
