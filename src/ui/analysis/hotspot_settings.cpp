#include "ui/analysis/hotspot_settings.hpp"

namespace lb::ui {

bool HotspotSettings::recomputes(const HotspotSettings& before) const {
    if (on != before.on) return on;
    return on && (zones != before.zones || cell != before.cell || distance != before.distance || fdr != before.fdr);
}

project::GiStarRequest giStarRequest(const HotspotSettings& settings) {
    project::GiStarRequest request;
    if (settings.zones) {
        request.zones = kHotspotZones;
    } else {
        request.cell = settings.cell;
    }
    request.options.distance = settings.distance;
    request.options.fdr = settings.fdr;
    return request;
}

}  // namespace lb::ui
