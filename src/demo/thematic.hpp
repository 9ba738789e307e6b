#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "demo/geometry.hpp"
#include "demo/output.hpp"
#include "demo/town.hpp"

namespace lb::demo::detail {

// The period the demo data covers: two years ending 2026-10-31 (Berlin local dates).
inline constexpr int kFirstYear = 2024, kFirstMonth = 11, kFirstDay = 1;
inline constexpr int kLastYear = 2026, kLastMonth = 10, kLastDay = 31;

// Random-number streams of the parts of the demo (see DemoRandom::stream).
enum class DemoStream : std::uint64_t {
    Town = 1,
    Districts,
    Routes,
    Visits,
    Graffiti,
    Measures,
    Observations,
    Incidents
};

// A streetwork route as written to routes.geojson.
struct DemoRoute {
    std::string id;
    std::string name;
    std::string team;
    Polyline line;  // town metres
};

// The total of all graffiti removal and mural costs (the programme budget), EUR.
inline constexpr std::int64_t kGraffitiBudgetEur = 29250;

void writeDistricts(const Town& town, const Wgs84Projector& projector, std::uint64_t seed,
                    const std::filesystem::path& path);
std::vector<DemoRoute> writeRoutes(const Town& town, const Wgs84Projector& projector,
                                   const std::filesystem::path& path);
void writeVisits(const std::vector<DemoRoute>& routes, const Wgs84Projector& projector, std::uint64_t seed,
                 const std::filesystem::path& path);
void writeGraffiti(const Town& town, const Wgs84Projector& projector, std::uint64_t seed,
                   const std::filesystem::path& path);
void writeMeasures(const Town& town, const Wgs84Projector& projector, const std::filesystem::path& path);
void writeObservations(const Town& town, const Wgs84Projector& projector, std::uint64_t seed,
                       const std::filesystem::path& path);
// Police-export style CSV (semicolons, German dates, EPSG:25833 metres).
void writeIncidents(const Town& town, std::uint64_t seed, std::size_t count, const std::filesystem::path& path,
                    core::Progress& progress);

// Helpers shared by the thematic writers.
std::int64_t firstDemoDay();            // days since 1970-01-01 of 2024-11-01
std::int64_t lastDemoDay();             // of 2026-10-31
std::string isoDate(std::int64_t day);  // "2025-03-14"
// "2025-03-14T22:15:00+01:00" for a Berlin wall-clock time on a day.
std::string isoLocal(std::int64_t day, int hour, int minute);

}  // namespace lb::demo::detail
