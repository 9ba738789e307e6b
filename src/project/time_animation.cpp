#include "project/time_animation.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "engine/dataset.hpp"
#include "engine/feature_table.hpp"
#include "project/hotspots.hpp"

namespace lb::project {
namespace {

constexpr const char* kMonthsDe[] = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                     "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr const char* kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

core::CivilTime localCivil(core::Timestamp t) {
    return core::civilFromUnix(t.unixSeconds + core::berlinOffsetSeconds(t.unixSeconds));
}

core::Timestamp localMidnight(std::int64_t days) {
    const core::CivilTime c = core::civilFromUnix(days * 86400);
    return core::fromBerlinLocal(core::CivilTime{c.year, c.month, c.day, 0, 0, 0});
}

std::string two(int v) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", v);
    return buffer;
}

}  // namespace

std::optional<TimeStep> timeStepFromName(const std::string& name) {
    if (name == "month") return TimeStep::Month;
    if (name == "week") return TimeStep::Week;
    return std::nullopt;
}

std::vector<TimeWindow> timeWindows(core::Timestamp from, core::Timestamp to, TimeStep step,
                                    const std::string& language) {
    std::vector<TimeWindow> windows;
    if (!(from < to)) return windows;
    const bool en = language == "en";
    const core::CivilTime start = localCivil(from);
    if (step == TimeStep::Month) {
        int year = start.year, month = start.month;
        core::Timestamp begin = core::fromBerlinLocal(core::CivilTime{year, month, 1, 0, 0, 0});
        while (begin < to) {
            const int nextYear = month == 12 ? year + 1 : year, nextMonth = month == 12 ? 1 : month + 1;
            const core::Timestamp end = core::fromBerlinLocal(core::CivilTime{nextYear, nextMonth, 1, 0, 0, 0});
            const char* name = (en ? kMonthsEn : kMonthsDe)[month - 1];
            windows.push_back({begin, end, std::string(name) + " " + std::to_string(year)});
            begin = end;
            year = nextYear;
            month = nextMonth;
        }
        return windows;
    }
    const std::int64_t day = core::daysFromCivil(start.year, start.month, start.day);
    std::int64_t monday = day - ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    for (core::Timestamp begin = localMidnight(monday); begin < to;) {
        const core::Timestamp end = localMidnight(monday + 7);
        // ISO 8601: the week belongs to the year of its Thursday.
        const core::CivilTime thursday = core::civilFromUnix((monday + 3) * 86400);
        const std::int64_t yearStart = core::daysFromCivil(thursday.year, 1, 1);
        const int week = static_cast<int>((monday + 3 - yearStart) / 7 + 1);
        const core::CivilTime first = core::civilFromUnix(monday * 86400);
        const core::CivilTime last = core::civilFromUnix((monday + 6) * 86400);
        std::string label = (en ? "Week " : "KW ") + std::to_string(week) + "/" + std::to_string(thursday.year);
        label += en ? " (" + std::to_string(first.year) + "-" + two(first.month) + "-" + two(first.day) + " – " +
                          two(last.month) + "-" + two(last.day) + ")"
                    : " (" + two(first.day) + "." + two(first.month) + ".–" + two(last.day) + "." + two(last.month) +
                          "." + std::to_string(last.year) + ")";
        windows.push_back({begin, end, std::move(label)});
        begin = end;
        monday += 7;
    }
    return windows;
}

std::optional<std::pair<core::Timestamp, core::Timestamp>> timeRange(engine::Dataset& dataset,
                                                                     const std::string& layer) {
    const auto table = dataset.table(layer);
    if (!table || !table->hasTime()) return std::nullopt;
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    for (std::size_t row = 0; row < table->size(); ++row) {
        const std::int64_t t = table->time(row);
        if (t == engine::kNoTime) continue;
        lo = std::min(lo, t);
        hi = std::max(hi, t);
    }
    if (lo > hi) return std::nullopt;
    return std::pair{core::Timestamp{lo}, core::Timestamp{hi + 1}};
}

std::shared_ptr<const render::RasterOverlay> gatedDensity(engine::Dataset& dataset, const engine::Query& query,
                                                          const analysis::KdeOptions& options, const OutputGate& gate) {
    const Locations points = locationsOf(dataset, query);
    return gate.density(points.x, points.y, options).value();
}

std::vector<std::shared_ptr<const render::RasterOverlay>> heatmapFrames(
    engine::Dataset& dataset, const engine::Query& base, const std::vector<TimeWindow>& windows,
    analysis::KdeOptions options, const OutputGate& gate, core::Progress& progress) {
    std::vector<std::shared_ptr<const render::RasterOverlay>> frames;
    if (!options.extent) {
        engine::Query all = base;
        all.from.reset();
        all.to.reset();
        const Locations points = locationsOf(dataset, all);
        if (points.x.empty()) return frames;
        // The radius the gate will use (public: at least its minimum), so that no frame's kernel is cut off.
        const double radius = gate.isPublic() ? std::max(options.radius, kMinimumPublicKdeRadius) : options.radius;
        core::BBox box;
        for (std::size_t i = 0; i < points.x.size(); ++i) box.add(points.x[i], points.y[i]);
        box.add(box.minX - radius, box.minY - radius);
        box.add(box.maxX + radius, box.maxY + radius);
        options.extent = box;
    }
    progress.beginStage("heat map per window", windows.size());
    std::vector<std::shared_ptr<const render::RasterOverlay>> released;
    float top = 0;
    for (const TimeWindow& window : windows) {
        progress.checkCancelled();
        engine::Query query = base;
        query.from = window.from;
        query.to = window.to;
        auto overlay = gatedDensity(dataset, query, options, gate);
        top = std::max(top, overlay ? overlay->maxValue : 0.0f);
        released.push_back(std::move(overlay));
        progress.step();
    }
    progress.finishStage();
    for (auto& frame : released) {
        if (!frame) {
            frames.push_back(nullptr);
            continue;
        }
        auto scaled = std::make_shared<render::RasterOverlay>(*frame);
        scaled->maxValue = top > 0 ? top : 1;
        frames.push_back(std::move(scaled));
    }
    return frames;
}

}  // namespace lb::project
