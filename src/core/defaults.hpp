#pragma once

#include <string_view>

namespace lb::core {

// The CRS a new project gets when none is given (`init`, the GUI's "Neues Projekt", the demo town): ETRS89 /
// UTM zone 33N, the metric CRS Saxony's offices exchange data in.
inline constexpr std::string_view kDefaultProjectCrs = "EPSG:25833";
inline constexpr int kDefaultProjectSrid = 25833;

}  // namespace lb::core
