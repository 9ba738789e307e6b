#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace lb::analysis {

// How a cell's hot-spot status changed between a baseline period and the current one, from the Gi* bins
// (−3 … 3) of both periods on the same grid. "Hot" means a hot-spot bin at ≥ 90 % confidence (bin ≥ 1):
//  - New: hot now, not before;            - Ceased: hot before, not now;
//  - Increased: hot in both, higher confidence now;  - Decreased: hot in both, lower confidence now;
//  - Persistent: hot in both at the same confidence; - None: hot in neither.
enum class HotspotChange { None, New, Persistent, Increased, Decreased, Ceased };

std::vector<HotspotChange> classifyHotspotChange(std::span<const int> binBefore, std::span<const int> binNow);
HotspotChange classifyHotspotChange(int binBefore, int binNow);
// "new", "persistent", "increased", "decreased", "ceased", "none"
std::string_view hotspotChangeName(HotspotChange change);

}  // namespace lb::analysis
