#pragma once

#include <string_view>

#include "core/bbox.hpp"

namespace lb::core {

// The one reader of a box given as text ("minx,miny,maxx,maxy", as every --bbox and --extent flag takes it):
// four finite numbers, the minimum below the maximum on both axes. A box with no width or height selects,
// renders and exports nothing, so it is refused like an inverted one; both are usage errors naming the flag.
BBox parseBBox(std::string_view text, std::string_view flag = "--bbox");

}  // namespace lb::core
