#pragma once

#include <cstddef>
#include <memory>

#include "io/table_writer.hpp"
#include "render/classified_overlay.hpp"

namespace lb::project {

// A Gi* table (giStarTable / giStarOfRows) as the renderer's classified overlay: the significant cells or
// zones (gi_bin ≠ 0) with their polygons, classed by gi_bin in render::giStarOverlayStyle(); cells that
// are not significant are left out (nothing to draw, and a city's grid has tens of thousands).
struct GiStarOverlay {
    std::shared_ptr<render::ClassifiedOverlay> overlay;
    std::size_t units = 0;  // cells or zones analysed
    std::size_t hot = 0;    // gi_bin > 0
    std::size_t cold = 0;   // gi_bin < 0
};

// Throws core::UsageError when the table has no gi_bin column or no geometries.
GiStarOverlay toGiStarOverlay(const io::OutputTable& table);

}  // namespace lb::project
