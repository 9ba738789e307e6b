// Musterstadt incidents: a police export (semicolon CSV, German dates, EPSG:25833) with believable structure:
// hotspots at the station (all day), in the Schlosspark at night, on the market on weekend nights, in the shop
// streets by day and in the Plattenbau estates in the evening, over a diffuse background where people live;
// more in summer, and fewer after the prevention measures were finished.
// Sections: [model] [sampling] [writing]

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/field_of_action.hpp"
#include "core/time.hpp"
#include "demo/random.hpp"
#include "demo/thematic.hpp"

namespace lb::demo::detail {
namespace {

// [model] --------------------------------------------------------------------------------------------------

constexpr std::size_t kFields = 6;  // in the order of core::FieldOfAction
using FieldWeights = std::array<double, kFields>;
using HourWeights = std::array<double, 24>;
using DayWeights = std::array<double, 7>;  // Monday first

// Seasonal factor by month (summer evenings outside), a table so that no libm result enters the output.
constexpr std::array<double, 12> kSeason = {0.74, 0.76, 0.86, 0.96, 1.1, 1.22, 1.3, 1.28, 1.12, 0.98, 0.84, 0.78};

constexpr HourWeights kAllDay = {0.5, 0.4, 0.3, 0.2, 0.2, 0.3, 0.8, 1.0, 1.0, 0.9, 1.0, 1.0,
                                 1.1, 1.2, 1.3, 1.5, 1.8, 2.0, 2.1, 2.2, 2.2, 2.0, 1.6, 1.0};
constexpr HourWeights kNight = {2.8,  2.2,  1.5,  0.9,  0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08,
                                0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 1.5,  2.5,  3.0,  3.0};
constexpr HourWeights kWeekendNight = {3.0, 2.5, 1.5, 0.5, 0, 0, 0, 0, 0, 0, 0,   0,
                                       0,   0,   0,   0,   0, 0, 0, 0, 0, 0, 2.0, 3.0};
constexpr HourWeights kShopHours = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.0, 1.0, 1.1,  1.3,
                                    1.3,  1.3,  1.3,  1.3,  1.3,  1.2,  1.0, 0.9, 0.2, 0.1, 0.05, 0.05};
constexpr HourWeights kEvening = {0.3, 0.2, 0.15, 0.1, 0.1, 0.1, 0.15, 0.2, 0.2, 0.2, 0.2, 0.2,
                                  0.3, 0.4, 0.6,  0.8, 1.0, 1.3, 1.5,  1.6, 1.6, 1.3, 1.0, 0.6};
constexpr HourWeights kEveryday = {0.3, 0.25, 0.2, 0.15, 0.15, 0.2, 0.5, 0.7, 0.8, 0.9, 1.0, 1.0,
                                   1.0, 1.0,  1.0, 1.0,  1.1,  1.2, 1.2, 1.2, 1.2, 1.2, 1.0, 0.8};

constexpr DayWeights kAllWeek = {1.0, 1.0, 1.0, 1.0, 1.15, 1.2, 1.0};
constexpr DayWeights kFriSat = {0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0};
constexpr DayWeights kWorkdays = {1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 0.1};

// A place where incidents cluster, with when and what happens there.
struct Hotspot {
    double share = 0.0;
    std::vector<Vec2> centres;     // drawn uniformly ...
    std::vector<double> weights;   // ... or with these weights
    std::vector<Polyline> lines;   // or along these streets
    double spread = 30.0;          // metres, standard deviation around a centre or across a street
    const Ring* inside = nullptr;  // keep points inside (the park)
    HourWeights hours{};
    DayWeights days{};
    bool overnight = false;  // hours before 6 belong to the night that began the day before
    FieldWeights fields{};
    std::int64_t effectFrom = 0;  // day from which a finished measure reduces incidents here
    double effect = 1.0;
};

// Offence words of a police export by field of action, with weights.
struct Offence {
    const char* text;
    double weight;
};
const std::vector<std::vector<Offence>> kOffences = {
    {{"Sachbeschädigung durch Graffiti", 6}, {"Sachbeschädigung", 3}, {"Sachbeschädigung an Kfz", 1}},
    {{"Illegale Müllablagerung", 4}, {"Verunreinigung öffentlicher Flächen", 3}, {"Wilder Sperrmüll", 2}},
    {{"Körperverletzung", 5}, {"Gefährliche Körperverletzung", 2}, {"Bedrohung", 2}, {"Raub", 1}, {"Nötigung", 1}},
    {{"Propagandadelikt", 4},
     {"Verwenden von Kennzeichen verfassungswidriger Organisationen", 2},
     {"Volksverhetzung", 1},
     {"Politisch motivierte Sachbeschädigung", 2}},
    {{"Verstoß BtMG", 6}, {"Besitz von Betäubungsmitteln", 3}, {"Handel mit Betäubungsmitteln", 1}},
    {{"Ruhestörung", 4}, {"Diebstahl", 3}, {"Ladendiebstahl", 2}, {"Hausfriedensbruch", 1}, {"Belästigung", 1}},
};

constexpr const char* kSources[] = {"Polizei", "Bürgerhinweis", "Ordnungsamt"};
// Who reports what: littering mostly through the Ordnungsamt and citizens, violence and drugs through the police.
constexpr std::array<std::array<double, 3>, kFields> kSourceWeights = {
    {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}, {0.85, 0.12, 0.03}, {0.8, 0.15, 0.05}, {0.9, 0.07, 0.03}, {0.6, 0.25, 0.15}}};

std::vector<Hotspot> hotspots(const Town& town) {
    const TownPlaces& p = town.places;
    auto day = [](int y, int m, int d) { return core::daysFromCivil(y, m, d); };
    std::vector<Hotspot> spots;

    Hotspot station;  // drugs and violence round the clock; fewer after the bushes were cut back
    station.share = 0.14;
    station.centres = {ringCentroid(p.forecourt), p.busStation, p.underpass, p.stationPath[p.stationPath.size() / 2],
                       p.station + Vec2{-60.0, 40.0}};
    station.spread = 25.0;
    station.hours = kAllDay;
    station.days = kAllWeek;
    station.fields = {0.15, 0.10, 0.30, 0.03, 0.37, 0.05};
    station.effectFrom = day(2025, 3, 15);
    station.effect = 0.8;
    spots.push_back(station);

    Hotspot park;  // the Schlosspark at night; much less once the new lighting was finished
    park.share = 0.12;
    park.centres = p.parkSpots;
    park.spread = 30.0;
    park.inside = &p.park;
    park.hours = kNight;
    park.days = kAllWeek;
    park.overnight = true;
    park.fields = {0.15, 0.25, 0.15, 0.02, 0.33, 0.10};
    park.effectFrom = day(2025, 10, 1);
    park.effect = 0.55;
    spots.push_back(park);

    Hotspot market;  // weekend nights on the market and at the bars; a little less since First Step opened
    market.share = 0.10;
    market.centres = {ringCentroid(p.market), ringCentroid(p.market)};
    for (Vec2 bar : p.bars) market.centres.push_back(bar);
    market.spread = 22.0;
    market.hours = kWeekendNight;
    market.days = kFriSat;
    market.overnight = true;
    market.fields = {0.08, 0.30, 0.45, 0.02, 0.0, 0.15};
    market.effectFrom = day(2025, 9, 1);
    market.effect = 0.85;
    spots.push_back(market);

    Hotspot shops;  // graffiti and damage in the shop streets by day
    shops.share = 0.08;
    shops.lines = p.shopStreets;
    shops.spread = 6.0;
    shops.hours = kShopHours;
    shops.days = kWorkdays;
    shops.fields = {0.55, 0.10, 0.05, 0.08, 0.0, 0.22};
    spots.push_back(shops);

    Hotspot estate;  // evenings in Plattenbau Ost (and a little in Nord)
    estate.share = 0.08;
    estate.centres = p.estateSpots;
    estate.spread = 35.0;
    estate.hours = kEvening;
    estate.days = kAllWeek;
    estate.fields = {0.25, 0.35, 0.18, 0.08, 0.09, 0.05};
    spots.push_back(estate);
    if (!p.estateNordSpots.empty()) {
        Hotspot nord = estate;
        nord.share = 0.03;
        nord.centres = p.estateNordSpots;
        spots.push_back(nord);
    }

    Hotspot background;  // everywhere people live or work
    background.share = 0.45;
    for (const TownBuilding& b : town.buildings) {
        background.centres.push_back(b.centre);
        background.weights.push_back(std::sqrt(b.inhabitants) + 0.5);  // damped: tower blocks do not dominate
    }
    background.spread = 20.0;
    background.hours = kEveryday;
    background.days = kAllWeek;
    background.fields = {0.28, 0.22, 0.15, 0.04, 0.06, 0.25};
    spots.push_back(background);
    return spots;
}

// [sampling] -----------------------------------------------------------------------------------------------

struct Incident {
    std::int32_t day;     // index from the first day
    std::int16_t minute;  // local wall-clock minute of the day
    std::uint8_t field;
    std::uint8_t offence;
    std::uint8_t source;
    Vec2 pos;  // town metres
};

template <std::size_t N>
std::size_t pickIndex(DemoRandom& rng, const std::array<double, N>& weights) {
    double total = 0.0;
    for (double w : weights) total += w;
    double r = rng.uniform() * total;
    for (std::size_t i = 0; i < N; ++i) {
        if (r < weights[i]) return i;
        r -= weights[i];
    }
    return N - 1;
}

// Cumulative weights for fast weighted drawing among many centres.
std::size_t pickCumulative(DemoRandom& rng, const std::vector<double>& cumulative) {
    const double r = rng.uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), r);
    return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

bool inRiver(Vec2 p) {
    return std::abs(p.x - riverX(p.y)) < riverHalfWidth(p.y) + 2.0;
}

class IncidentSampler {
public:
    IncidentSampler(const Town& town, std::uint64_t seed)
        : m_rng(DemoRandom::stream(seed, static_cast<std::uint64_t>(DemoStream::Incidents))),
          m_spots(hotspots(town)),
          m_firstDay(firstDemoDay()),
          m_days(static_cast<std::int32_t>(lastDemoDay() - m_firstDay + 1)) {
        for (const Hotspot& h : m_spots) {
            m_shares.push_back(h.share);
            std::vector<double> cumulative;
            double sum = 0.0;
            for (std::size_t i = 0; i < h.centres.size(); ++i) {
                sum += h.weights.empty() ? 1.0 : h.weights[i];
                cumulative.push_back(sum);
            }
            m_cumulative.push_back(std::move(cumulative));
            std::vector<double> lengths;
            for (const Polyline& line : h.lines) lengths.push_back(polylineLength(line));
            m_lineCumulative.push_back(cumulativeOf(lengths));
            m_lineLengths.push_back(std::move(lengths));
        }
        for (const auto& list : kOffences) {
            std::vector<double> weights;
            for (const Offence& o : list) weights.push_back(o.weight);
            m_offenceWeights.push_back(std::move(weights));
        }
        for (std::int32_t d = 0; d < m_days + 1; ++d) {
            const core::CivilTime date = core::civilFromUnix((m_firstDay + d) * 86400);
            m_month.push_back(static_cast<std::uint8_t>(date.month - 1));
            // 1970-01-01 was a Thursday; Monday = 0.
            m_weekday.push_back(static_cast<std::uint8_t>(((m_firstDay + d) % 7 + 10) % 7));
            m_springForward.push_back(date.month == 3 && date.day >= 25 && m_weekday.back() == 6);
        }
    }

    Incident next() {
        const std::size_t spotIndex = m_rng.weighted(m_shares);
        const Hotspot& h = m_spots[spotIndex];
        Incident inc{};
        // When: a day by season, weekday and measure effect (rejection sampling), then an hour.
        const double maxWeight = 1.3 * *std::max_element(h.days.begin(), h.days.end());
        for (;;) {
            const auto d = static_cast<std::int32_t>(m_rng.index(static_cast<std::size_t>(m_days)));
            double w = kSeason[m_month[static_cast<std::size_t>(d)]] * h.days[m_weekday[static_cast<std::size_t>(d)]];
            if (m_firstDay + d >= h.effectFrom && h.effectFrom > 0) w *= h.effect;
            if (m_rng.uniform() * maxWeight >= w) continue;
            int hour = static_cast<int>(pickIndex(m_rng, h.hours));
            std::int32_t calendarDay = d;
            if (h.overnight && hour < 6) ++calendarDay;
            if (calendarDay >= m_days) continue;
            if (hour == 2 && m_springForward[static_cast<std::size_t>(calendarDay)]) hour = 3;  // 02:xx does not exist
            int minute = static_cast<int>(m_rng.index(60));
            if (m_rng.chance(0.3)) minute -= minute % 15;  // many reports give rounded times
            inc.day = calendarDay;
            inc.minute = static_cast<std::int16_t>(hour * 60 + minute);
            break;
        }
        // What and who reported it.
        inc.field = static_cast<std::uint8_t>(pickIndex(m_rng, h.fields));
        inc.offence = static_cast<std::uint8_t>(m_rng.weighted(m_offenceWeights[inc.field]));
        inc.source = static_cast<std::uint8_t>(pickIndex(m_rng, kSourceWeights[inc.field]));
        // Where.
        inc.pos = place(spotIndex);
        return inc;
    }

private:
    Vec2 place(std::size_t spotIndex) {
        const Hotspot& h = m_spots[spotIndex];
        Vec2 fallback;
        for (int attempt = 0; attempt < 12; ++attempt) {
            Vec2 p;
            if (!h.lines.empty()) {
                const std::size_t line = pickCumulative(m_rng, m_lineCumulative[spotIndex]);
                const PolylinePoint at = pointAlong(h.lines[line], m_rng.uniform() * m_lineLengths[spotIndex][line]);
                fallback = at.pos;
                p = at.pos + perpLeft(at.dir) * (h.spread * m_rng.normal());
            } else {
                fallback = h.centres[pickCumulative(m_rng, m_cumulative[spotIndex])];
                const double dx = h.spread * m_rng.normal();
                const double dy = h.spread * m_rng.normal();
                p = fallback + Vec2{dx, dy};
            }
            if (inRiver(p)) continue;
            if (h.inside && !pointInRing(p, *h.inside)) continue;
            return p;
        }
        return fallback;
    }

    static std::vector<double> cumulativeOf(const std::vector<double>& values) {
        std::vector<double> out;
        double sum = 0.0;
        for (double v : values) out.push_back(sum += v);
        return out;
    }

    DemoRandom m_rng;
    std::vector<Hotspot> m_spots;
    std::vector<double> m_shares;
    std::vector<std::vector<double>> m_cumulative;
    std::vector<std::vector<double>> m_lineLengths;
    std::vector<std::vector<double>> m_lineCumulative;
    std::vector<std::vector<double>> m_offenceWeights;
    std::int64_t m_firstDay;
    std::int32_t m_days;
    std::vector<std::uint8_t> m_month;
    std::vector<std::uint8_t> m_weekday;
    std::vector<bool> m_springForward;
};

}  // namespace

// [writing] ------------------------------------------------------------------------------------------------

void writeIncidents(const Town& town, std::uint64_t seed, std::size_t count, const std::filesystem::path& path,
                    core::Progress& progress) {
    progress.beginStage("Vorfälle erzeugen", count);
    IncidentSampler sampler(town, seed);
    std::vector<Incident> incidents;
    incidents.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        incidents.push_back(sampler.next());
        progress.step();
    }
    // Police exports list cases by time; equal times keep their drawing order.
    std::stable_sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
        return a.day != b.day ? a.day < b.day : a.minute < b.minute;
    });
    progress.finishStage();

    progress.beginStage("Vorfälle schreiben", count);
    // "dd.mm.yyyy" for every day of the period.
    const std::int64_t first = firstDemoDay();
    std::vector<std::string> dates;
    std::vector<int> years;
    for (std::int64_t d = first; d <= lastDemoDay(); ++d) {
        const core::CivilTime t = core::civilFromUnix(d * 86400);
        std::string text;
        appendInteger(text, t.day, 2);
        text.push_back('.');
        appendInteger(text, t.month, 2);
        text.push_back('.');
        appendInteger(text, t.year, 4);
        dates.push_back(std::move(text));
        years.push_back(t.year);
    }
    std::vector<std::string> fieldLabels;
    for (const core::FieldOfActionInfo& info : core::kFieldsOfAction) fieldLabels.emplace_back(info.labelDe);

    TextFile out(path);
    out << "Vorgang;Tatzeit;Handlungsfeld;Delikt;Quelle;Rechtswert;Hochwert\n";
    const Vec2 origin = town.origin;
    int year = 0;
    std::int64_t serial = 0;
    std::string row;
    for (const Incident& inc : incidents) {
        const auto day = static_cast<std::size_t>(inc.day);
        if (years[day] != year) {
            year = years[day];
            serial = 0;
        }
        row.clear();
        row += "VG-";
        appendInteger(row, year, 4);
        row.push_back('-');
        appendInteger(row, ++serial, 6);
        row.push_back(';');
        row += dates[day];
        row.push_back(' ');
        appendInteger(row, inc.minute / 60, 2);
        row.push_back(':');
        appendInteger(row, inc.minute % 60, 2);
        row.push_back(';');
        row += fieldLabels[inc.field];
        row.push_back(';');
        row += kOffences[inc.field][inc.offence].text;
        row.push_back(';');
        row += kSources[inc.source];
        row.push_back(';');
        appendFixed(row, origin.x + inc.pos.x, 2);
        row.push_back(';');
        appendFixed(row, origin.y + inc.pos.y, 2);
        row.push_back('\n');
        out << row;
        progress.step();
    }
    out.close();
    progress.finishStage();
}

}  // namespace lb::demo::detail
