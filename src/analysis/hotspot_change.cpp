#include "analysis/hotspot_change.hpp"

#include "core/error.hpp"

namespace lb::analysis {

HotspotChange classifyHotspotChange(int binBefore, int binNow) {
    const bool hotBefore = binBefore > 0, hotNow = binNow > 0;
    if (hotNow && !hotBefore) return HotspotChange::New;
    if (hotBefore && !hotNow) return HotspotChange::Ceased;
    if (!hotNow) return HotspotChange::None;
    if (binNow > binBefore) return HotspotChange::Increased;
    if (binNow < binBefore) return HotspotChange::Decreased;
    return HotspotChange::Persistent;
}

std::vector<HotspotChange> classifyHotspotChange(std::span<const int> binBefore, std::span<const int> binNow) {
    if (binBefore.size() != binNow.size()) throw core::UsageError("hot-spot change: the two grids differ in size");
    std::vector<HotspotChange> out(binNow.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = classifyHotspotChange(binBefore[i], binNow[i]);
    return out;
}

std::string_view hotspotChangeName(HotspotChange change) {
    switch (change) {
        case HotspotChange::New:
            return "new";
        case HotspotChange::Persistent:
            return "persistent";
        case HotspotChange::Increased:
            return "increased";
        case HotspotChange::Decreased:
            return "decreased";
        case HotspotChange::Ceased:
            return "ceased";
        case HotspotChange::None:
            break;
    }
    return "none";
}

}  // namespace lb::analysis
