#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/kde.hpp"
#include "core/progress.hpp"
#include "core/time.hpp"
#include "engine/query.hpp"
#include "project/public_gate.hpp"
#include "render/raster_overlay.hpp"

namespace lb::engine {
class Dataset;
}

namespace lb::project {

// The time animation of the heat map (`lagebild animate`, the presentation's play button): one window per
// calendar month or ISO week (Europe/Berlin wall clock), each with its own density.
enum class TimeStep { Month, Week };

struct TimeWindow {
    core::Timestamp from;  // inclusive: local midnight of the month's first day / the week's Monday
    core::Timestamp to;    // exclusive: the next window's start
    std::string label;     // "März 2025" / "KW 12/2025" (German), "March 2025" / "Week 12/2025" (English)
};

// "month" / "week"; nullopt for anything else.
std::optional<TimeStep> timeStepFromName(const std::string& name);
// The windows that meet [from, to) (to exclusive), the first one the window containing `from`. Empty when
// from >= to. `language` "de" or "en" chooses the labels.
std::vector<TimeWindow> timeWindows(core::Timestamp from, core::Timestamp to, TimeStep step,
                                    const std::string& language = "de");

// The times of a layer's features: [first, last + 1 s); nullopt when no feature has a time.
std::optional<std::pair<core::Timestamp, core::Timestamp>> timeRange(engine::Dataset& dataset,
                                                                     const std::string& layer = "incidents");

// One density per window over the same grid (options.extent: the base query's features over the whole
// period, grown by the radius, when not set), each through the gate (public: OutputGate::density's minimum
// radius and k incidents per shown cell), and every overlay's ramp top then set to the highest of all
// windows' so that colours mean the same in every frame (a copy of the released overlay: only the colour
// scale differs). A window without incidents gets an all-zero overlay. Cancellable through `progress` (one
// step per window). Empty when the base query selects nothing and no extent was given.
std::vector<std::shared_ptr<const render::RasterOverlay>> heatmapFrames(
    engine::Dataset& dataset, const engine::Query& base, const std::vector<TimeWindow>& windows,
    analysis::KdeOptions options, const OutputGate& gate, core::Progress& progress = core::Progress::none());

// The heat map of one query through the gate (the presentation's slides).
std::shared_ptr<const render::RasterOverlay> gatedDensity(engine::Dataset& dataset, const engine::Query& query,
                                                          const analysis::KdeOptions& options, const OutputGate& gate);

}  // namespace lb::project
