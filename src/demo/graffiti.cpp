// Musterstadt thematic files: graffiti sites with their status history, and streetworkers' field observations.
// Sections: [graffiti] [observations]

#include <algorithm>
#include <cmath>

#include "core/time.hpp"
#include "demo/random.hpp"
#include "demo/thematic.hpp"

namespace lb::demo::detail {

// [graffiti] -----------------------------------------------------------------------------------------------

namespace {

struct Site {
    std::string name;
    Vec2 at;
    double areaMin;
    double areaMax;
    double legalChance;         // chance that the wall is given to a legal mural instead of cleaned
    std::int64_t muralDay = 0;  // when a mural programme (a measure) finished here; 0 if none
};

std::vector<Site> graffitiSites(const Town& town) {
    const TownPlaces& p = town.places;
    // The murals of the measures "Legale Wandgestaltung Unterführung Bahnhof" and "Legale Graffitiwand
    // Jugendhaus Treff" (demo_thematic.cpp) were finished on these days.
    const std::int64_t underpassMurals = core::daysFromCivil(2025, 7, 15);
    const std::int64_t youthMural = core::daysFromCivil(2025, 6, 27);
    const Vec2 tunnelN = p.underpassPath[1];
    const Vec2 tunnelS = p.underpassPath[2];
    const Polyline& haupt = p.shopStreets[0];
    const Polyline& bahnhof = p.shopStreets[3];
    const Vec2 market = ringCentroid(p.market);
    auto along = [](const Polyline& line, double f) { return pointAlong(line, f * polylineLength(line)).pos; };
    auto spot = [](const std::vector<Vec2>& spots, std::size_t i, Vec2 fallback) {
        return spots.empty() ? fallback : spots[i % spots.size()];
    };
    std::vector<Site> sites = {
        // Station and underpass.
        {"Unterführung Bahnhof, Nordeingang", tunnelN, 8.0, 25.0, 0.5},
        {"Unterführung Bahnhof, Tunnelwand West", lerp(tunnelN, tunnelS, 0.4) + Vec2{-2.0, 0.0}, 20.0, 60.0, 0.8,
         underpassMurals},
        {"Unterführung Bahnhof, Tunnelwand Ost", lerp(tunnelN, tunnelS, 0.6) + Vec2{2.0, 0.0}, 20.0, 60.0, 0.8,
         underpassMurals},
        {"Unterführung Bahnhof, Südeingang", tunnelS, 8.0, 25.0, 0.5},
        {"Unterführung Bahnhof, Treppe", lerp(tunnelN, p.underpassPath[0], 0.5), 3.0, 10.0, 0.1},
        {"Bahnhofsweg, Lärmschutzwand", along(p.stationPath, 0.5), 10.0, 30.0, 0.3},
        {"Bahnhofsweg, Trafostation", along(p.stationPath, 0.85), 4.0, 12.0, 0.1},
        {"Bahnhofsgebäude, Rückseite", p.station + Vec2{6.0, -9.0}, 6.0, 20.0, 0.0},
        {"Bahnhofsvorplatz, Fahrradständer", p.forecourt[0] + Vec2{5.0, 4.0}, 2.0, 6.0, 0.0},
        {"Busbahnhof, Wartehalle", p.busStation, 3.0, 9.0, 0.0},
        {"Busbahnhof, Fahrplanvitrine", p.busStation + Vec2{16.0, 2.0}, 1.5, 4.0, 0.0},
        {"Am Bahnhof, Stromkasten", p.station + Vec2{-80.0, 47.0}, 1.5, 3.0, 0.0},
        {"Am Bahndamm, Stützmauer", tunnelS + Vec2{-60.0, -40.0}, 10.0, 35.0, 0.2},
        {"Bahnhofstraße, Ladenfront", along(bahnhof, 0.6), 3.0, 10.0, 0.0},
        {"P+R Bahnhof, Mauer", p.station + Vec2{-100.0, 22.0}, 6.0, 18.0, 0.1},
        // Market and old town.
        {"Markt, Brunnen", market, 1.5, 5.0, 0.0},
        {"Rathaus, Seitenwand", p.townHall + Vec2{20.0, 0.0}, 4.0, 12.0, 0.0},
        {"Am Markt, Trafostation", market + Vec2{-62.0, -40.0}, 4.0, 10.0, 0.2},
        {"Am Markt, Schaufenster", market + Vec2{60.0, -30.0}, 2.0, 6.0, 0.0},
        {"Hauptstraße, Rollladen", along(haupt, 0.35), 2.0, 8.0, 0.0},
        {"Hauptstraße, Hauswand", along(haupt, 0.7), 4.0, 14.0, 0.0},
        {"Kirchgasse, Torbogen", p.church + Vec2{-24.0, 16.0}, 3.0, 8.0, 0.0},
        {"Stadtkirche, Sakristeimauer", p.church + Vec2{22.0, -10.0}, 3.0, 9.0, 0.0},
        {"Schloßgasse, Hauswand", p.firstStep + Vec2{-40.0, 45.0}, 3.0, 10.0, 0.0},
        {"Töpfergasse, Garagentor", p.firstStep + Vec2{-60.0, -50.0}, 2.0, 6.0, 0.0},
        // Schlosspark.
        {"Schlosspark, Pavillon", spot(p.parkSpots, 3, p.castle), 4.0, 15.0, 0.1},
        {"Schlosspark, Teichmauer", along(p.pondPath, 0.2), 5.0, 18.0, 0.0},
        {"Schlosspark, Spielplatz", spot(p.parkSpots, 0, p.castle), 2.0, 6.0, 0.0},
        {"Schlossmauer, Westseite", p.castle + Vec2{-30.0, 0.0}, 8.0, 25.0, 0.0},
        {"Schlossmauer, Tor", p.castle + Vec2{0.0, -24.0}, 3.0, 8.0, 0.0},
        {"Schlosspark, Bank am Teich", along(p.pondPath, 0.55), 1.0, 3.0, 0.0},
        {"Schlosssteg", along(p.pondPath, 0.5) + Vec2{-70.0, 20.0}, 3.0, 12.0, 0.0},
        {"Schlosspark, Nordeingang", along(p.parkMainPath, 0.72), 2.0, 8.0, 0.0},
        {"Schlosspark, Geräteschuppen", along(p.parkMainPath, 0.55) + Vec2{6.0, 0.0}, 4.0, 12.0, 0.2},
        {"Muldenweg, Brückenpfeiler", Vec2{riverX(-400.0) + 26.0, -398.0}, 10.0, 30.0, 0.3},
        // Plattenbau Ost.
        {"Garagenkomplex Thomas-Müntzer-Ring", spot(p.estateSpots, 1, p.youthCentre), 10.0, 40.0, 0.1},
        {"Garagenkomplex Thomas-Müntzer-Ring, Rückseite", spot(p.estateSpots, 2, p.youthCentre), 10.0, 35.0, 0.1},
        {"Garagenhof Thomas-Müntzer-Ring Süd", spot(p.estateSpots, 3, p.youthCentre), 8.0, 30.0, 0.1},
        {"Thomas-Müntzer-Ring, Hauswand Eingang", spot(p.estateSpots, 4, p.youthCentre) + Vec2{20.0, 15.0}, 4.0, 12.0,
         0.0},
        {"Thomas-Müntzer-Ring, Giebelwand", spot(p.estateSpots, 5, p.youthCentre) + Vec2{-25.0, 10.0}, 15.0, 50.0, 0.4},
        {"Thomas-Müntzer-Ring, Hauseingang", spot(p.estateSpots, 6, p.youthCentre) + Vec2{10.0, -20.0}, 3.0, 8.0, 0.0},
        {"Jugendhaus Treff, Rückwand", p.youthCentre + Vec2{0.0, 8.0}, 15.0, 40.0, 0.9, youthMural},
        {"Spielplatz Thomas-Müntzer-Ring", spot(p.estateSpots, 7, p.youthCentre), 2.0, 8.0, 0.0},
        {"Frischemarkt Ost, Laderampe",
         p.estateSpots.empty() ? p.youthCentre : p.estateSpots.front() + Vec2{0.0, -16.0}, 6.0, 20.0, 0.0},
        {"Straße der Jugend, Bushaltestelle", p.youthCentre + Vec2{-90.0, -25.0}, 2.0, 5.0, 0.0},
        {"Müllplatz Thomas-Müntzer-Ring", spot(p.estateSpots, 8, p.youthCentre) + Vec2{-12.0, 18.0}, 3.0, 10.0, 0.0},
        {"Trafostation Straße der Jugend", p.youthCentre + Vec2{60.0, -18.0}, 4.0, 10.0, 0.2},
        // Neubaugebiet Nord.
        {"Lessingstraße, Garagen", spot(p.estateNordSpots, 0, p.castle), 8.0, 30.0, 0.1},
        {"Heinrich-Heine-Straße, Hauswand", spot(p.estateNordSpots, 1, p.castle) + Vec2{15.0, 10.0}, 4.0, 14.0, 0.0},
        {"Spielplatz Lessingstraße", spot(p.estateNordSpots, 3, p.castle), 2.0, 6.0, 0.0},
        {"Nordstraße, Stromkasten", spot(p.estateNordSpots, 2, p.castle) + Vec2{-20.0, 0.0}, 1.5, 3.0, 0.0},
        {"Grundschule Nord, Turnhalle", p.schools.back() + Vec2{0.0, 10.0}, 6.0, 20.0, 0.3},
        {"Heinrich-Heine-Straße, Müllplatz", spot(p.estateNordSpots, 4, p.castle) + Vec2{10.0, -15.0}, 3.0, 8.0, 0.0},
        // Elsewhere.
        {"Muldenbrücke, Widerlager", Vec2{riverX(-405.0) - 26.0, -404.0}, 10.0, 30.0, 0.2},
        {"Brückenstraßenbrücke, Geländer", Vec2{riverX(785.0) + 24.0, 788.0}, 3.0, 8.0, 0.0},
        {"Haltestelle Schlosspark", p.busStops.size() > 2 ? p.busStops[2] : p.castle, 1.5, 4.0, 0.0},
        {"Friedhofsmauer", Vec2{540.0, 414.0}, 6.0, 20.0, 0.0},
        {"Grundschule Am Park, Turnhalle", p.schools.front() + Vec2{0.0, -20.0}, 6.0, 20.0, 0.3},
        {"Gymnasium, Fahrradkeller", p.schools[2] + Vec2{10.0, -12.0}, 4.0, 12.0, 0.2},
        {"Sachsenallee, Stromkasten", Vec2{-1165.0, 200.0}, 1.5, 3.0, 0.0},
        {"Gewerbering, Lagerhalle", Vec2{900.0, -1110.0}, 15.0, 60.0, 0.0},
        {"Fachmarktzentrum, Rückwand", Vec2{670.0, -690.0}, 10.0, 40.0, 0.1},
        {"Zwickauer Straße, Brücke", Vec2{500.0, railY(500.0) + 16.0}, 8.0, 30.0, 0.2},
    };
    return sites;
}

struct HistoryEntry {
    const char* status;
    std::int64_t day;
    std::int64_t cost;
};

}  // namespace

void writeGraffiti(const Town& town, const Wgs84Projector& projector, std::uint64_t seed,
                   const std::filesystem::path& path) {
    DemoRandom rng = DemoRandom::stream(seed, static_cast<std::uint64_t>(DemoStream::Graffiti));
    const std::vector<Site> sites = graffitiSites(town);
    const std::int64_t first = firstDemoDay();
    const std::int64_t last = lastDemoDay();

    struct Record {
        Vec2 at;
        double area;
        int reportHour;
        int reportMinute;
        std::vector<HistoryEntry> history;
    };
    std::vector<Record> records;
    for (const Site& site : sites) {
        Record r;
        r.at = site.at + Vec2{rng.uniform(-4.0, 4.0), rng.uniform(-4.0, 4.0)};
        r.area = std::round(rng.uniform(site.areaMin, site.areaMax) * 10.0) / 10.0;
        r.reportHour = rng.range(7, 16);
        r.reportMinute = 5 * rng.range(0, 11);
        // Walls that got a mural were reported before the programme; others at any time.
        const std::int64_t reportUntil = site.muralDay > 0 ? site.muralDay - 90 : last - 30;
        std::int64_t day = first + static_cast<std::int64_t>(rng.index(static_cast<std::size_t>(reportUntil - first)));
        r.history.push_back({"gemeldet", day, 0});
        day += rng.range(2, 20);
        if (day <= last) {
            r.history.push_back({"begutachtet", day, 0});
            const double outcome = rng.uniform();
            const double rate = rng.uniform(22.0, 38.0);  // EUR per m² for removal
            bool removed = false;
            bool legal = false;
            if (outcome < site.legalChance) {
                day = site.muralDay > day ? site.muralDay : day + rng.range(20, 90);
                legal = day <= last;
                if (legal) r.history.push_back({"legal gestaltet", day, 10 * rng.range(90, 260)});
            } else if (outcome < 0.9) {
                day += rng.range(5, 45);
                removed = day <= last;
                if (removed) r.history.push_back({"entfernt", day, std::llround(r.area * rate)});
            }
            // Walls that were cleaned are often sprayed again; murals mostly stay untouched.
            for (int cycle = 0; cycle < 4 && (removed || legal); ++cycle) {
                if (!rng.chance(removed ? 0.45 : 0.12)) break;
                day += rng.range(20, 240);
                if (day > last) break;
                r.history.push_back({"erneut besprüht", day, 0});
                legal = false;
                removed = false;
                if (!rng.chance(0.7)) break;
                day += rng.range(5, 40);
                if (day > last) break;
                r.history.push_back({"entfernt", day, std::llround(r.area * rate * rng.uniform(0.6, 1.0))});
                removed = true;
            }
        }
        records.push_back(std::move(r));
    }

    // Scale the costs so that they add up to the programme budget exactly (largest remainder, whole euros).
    std::vector<HistoryEntry*> costly;
    std::int64_t raw = 0;
    for (Record& r : records) {
        for (HistoryEntry& e : r.history) {
            if (e.cost > 0) {
                costly.push_back(&e);
                raw += e.cost;
            }
        }
    }
    if (raw > 0) {
        std::vector<std::pair<std::int64_t, std::size_t>> remainders;  // (remainder, index)
        std::int64_t assigned = 0;
        for (std::size_t i = 0; i < costly.size(); ++i) {
            const std::int64_t scaled = costly[i]->cost * kGraffitiBudgetEur;
            remainders.emplace_back(scaled % raw, i);
            costly[i]->cost = std::max<std::int64_t>(1, scaled / raw);
            assigned += costly[i]->cost;
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t k = 0; assigned < kGraffitiBudgetEur; ++k, ++assigned) {
            ++costly[remainders[k % remainders.size()].second]->cost;
        }
        while (assigned > kGraffitiBudgetEur) {  // only if the minimum of 1 EUR lifted some entries
            auto largest =
                std::max_element(costly.begin(), costly.end(),
                                 [](const HistoryEntry* a, const HistoryEntry* b) { return a->cost < b->cost; });
            --(*largest)->cost;
            --assigned;
        }
    }

    GeoJsonWriter out(path);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record& r = records[i];
        std::string history = "[";
        std::int64_t total = 0;
        for (std::size_t k = 0; k < r.history.size(); ++k) {
            const HistoryEntry& e = r.history[k];
            JsonObject entry;
            entry.add("status", e.status).add("date", isoDate(e.day)).add("cost_eur", e.cost);
            if (k > 0) history += ',';  // not `"," + str`: GCC 12 -Wrestrict false positive at -O3
            history += entry.str();
            total += e.cost;
        }
        history += "]";
        std::string id = "G";
        appendInteger(id, static_cast<std::int64_t>(i + 1), 3);
        JsonObject properties;
        properties.add("id", id)
            .add("name", sites[i].name)
            .add("status", r.history.back().status)
            .add("area_m2", r.area, 1)
            .add("cost_eur", total)
            .add("time", isoLocal(r.history.front().day, r.reportHour, r.reportMinute))
            .addRaw("history", history);
        out.feature(properties, geoJsonPoint(projector, r.at));
    }
    out.close();
}

// [observations] -------------------------------------------------------------------------------------------

void writeObservations(const Town& town, const Wgs84Projector& projector, std::uint64_t seed,
                       const std::filesystem::path& path) {
    DemoRandom rng = DemoRandom::stream(seed, static_cast<std::uint64_t>(DemoStream::Observations));
    const TownPlaces& p = town.places;
    auto along = [](const Polyline& line, double f) { return pointAlong(line, f * polylineLength(line)).pos; };
    const Vec2 market = ringCentroid(p.market);
    const Vec2 forecourt = ringCentroid(p.forecourt);
    const Vec2 estate = p.estateSpots.empty() ? p.youthCentre : p.estateSpots[p.estateSpots.size() / 2];
    const Vec2 nord = p.estateNordSpots.empty() ? p.castle : p.estateNordSpots.front();
    struct Template {
        const char* category;
        const char* note;
        Vec2 at;
        double spread;
        double weight;
    };
    const std::vector<Template> templates = {
        {"Treffpunkt", "Sitzbänke am Schlossteich abends als Treffpunkt genutzt", along(p.pondPath, 0.55), 12.0, 3.0},
        {"Treffpunkt", "Unterstand am Busbahnhof: Treffpunkt, viele leere Flaschen", p.busStation, 10.0, 2.5},
        {"Treffpunkt", "Spielplatz Thomas-Müntzer-Ring nach 20 Uhr als Treffpunkt genutzt", estate, 15.0, 2.0},
        {"Treffpunkt", "Treppe am Rathaus: regelmäßiger Treffpunkt", p.townHall + Vec2{0.0, -12.0}, 6.0, 1.5},
        {"Treffpunkt", "Garagenhof Lessingstraße: Treffpunkt mit lauter Musik", nord, 15.0, 1.0},
        {"Treffpunkt", "Fahrradständer am Bahnhofsvorplatz als Treffpunkt", forecourt, 10.0, 1.5},
        {"Graffiti", "Neue Tags an der Tunnelwand der Unterführung", p.underpass, 5.0, 2.5},
        {"Graffiti", "Schriftzug an der Garagenwand", estate + Vec2{30.0, -20.0}, 20.0, 1.5},
        {"Graffiti", "Frische Sprühereien am Pavillon im Schlosspark", along(p.parkMainPath, 0.5), 12.0, 1.5},
        {"Graffiti", "Tags an einem Stromkasten", market + Vec2{-40.0, -60.0}, 40.0, 1.0},
        {"Graffiti", "Graffiti an der Wartehalle des Busbahnhofs", p.busStation, 6.0, 1.0},
        {"Müll", "Glasscherben am Spielplatz", p.playgrounds.empty() ? estate : p.playgrounds.front(), 10.0, 2.0},
        {"Müll", "Illegale Sperrmüllablagerung am Garagenhof", estate + Vec2{-30.0, 25.0}, 25.0, 1.5},
        {"Müll", "Überfüllte Abfallbehälter am Markt", market, 20.0, 1.5},
        {"Müll", "Pizzakartons und Flaschen an der Teichmauer", along(p.pondPath, 0.25), 10.0, 2.0},
        {"Müll", "Müll entlang des Muldenwegs", along(p.meadowPath, 0.4), 40.0, 1.5},
        {"Spritzen/Drogenfund", "Spritzenfund im Gebüsch am Bahnhofsweg", along(p.stationPath, 0.5), 8.0, 1.5},
        {"Spritzen/Drogenfund", "Spritze im Sandkasten gefunden und entsorgt", along(p.pondPath, 0.9), 15.0, 0.8},
        {"Spritzen/Drogenfund", "Folienreste und Verpackungen in der Unterführung", p.underpass, 5.0, 1.0},
        {"Spritzen/Drogenfund", "Spritzenfund unter der Bank am Teich", along(p.pondPath, 0.6), 8.0, 0.8},
        {"Defekte Beleuchtung", "Laterne am Bahnhofsweg defekt", along(p.stationPath, 0.7), 6.0, 1.2},
        {"Defekte Beleuchtung", "Beleuchtung in der Unterführung flackert", p.underpass, 4.0, 1.0},
        {"Defekte Beleuchtung", "Zwei Laternen am Parkweg ohne Funktion", along(p.parkMainPath, 0.6), 15.0, 1.0},
        {"Defekte Beleuchtung", "Laterne Thomas-Müntzer-Ring defekt", estate + Vec2{0.0, 40.0}, 30.0, 0.8},
        {"Angstraum", "Unterführung abends sehr dunkel und unübersichtlich", p.underpass, 5.0, 1.5},
        {"Angstraum", "Dichtes Gebüsch am Bahnhofsweg, keine Sichtachsen", along(p.stationPath, 0.4), 8.0, 1.2},
        {"Angstraum", "Nordausgang Schlosspark schlecht einsehbar", along(p.parkMainPath, 0.75), 10.0, 1.0},
        {"Angstraum", "Fußweg an der Muldenaue abends menschenleer", along(p.meadowPath, 0.6), 40.0, 1.0},
        {"Angstraum", "Parkplatz hinter dem Frischemarkt uneinsehbar",
         p.estateSpots.empty() ? estate : p.estateSpots.front() + Vec2{0.0, -25.0}, 10.0, 0.7},
        {"Sonstiges", "Sitzbank am Markt beschädigt", market + Vec2{15.0, 10.0}, 10.0, 0.8},
        {"Sonstiges", "Zaun am Spielplatz beschädigt", estate, 15.0, 0.6},
        {"Sonstiges", "Beschilderung im Schlosspark beschmiert", along(p.parkMainPath, 0.3), 20.0, 0.6},
        {"Sonstiges", "Abgestellte Fahrradwracks am Bahnhof", forecourt + Vec2{-20.0, 0.0}, 8.0, 0.6},
    };
    std::vector<double> weights;
    for (const Template& t : templates) weights.push_back(t.weight);

    struct Observation {
        std::int64_t day;
        int minute;
        std::size_t kind;
        Vec2 at;
    };
    std::vector<Observation> observations;
    const std::int64_t first = firstDemoDay();
    const auto days = static_cast<std::size_t>(lastDemoDay() - first + 1);
    for (int i = 0; i < 150; ++i) {
        Observation o;
        o.day = first + static_cast<std::int64_t>(rng.index(days));
        o.minute = rng.range(14 * 60, 22 * 60 - 1);
        o.kind = rng.weighted(weights);
        const Template& t = templates[o.kind];
        o.at = t.at + Vec2{t.spread * rng.normal() * 0.5, t.spread * rng.normal() * 0.5};
        observations.push_back(o);
    }
    std::stable_sort(observations.begin(), observations.end(), [](const Observation& a, const Observation& b) {
        return a.day != b.day ? a.day < b.day : a.minute < b.minute;
    });

    TextFile out(path);
    out << "id,time,category,note,lat,lon\n";
    for (std::size_t i = 0; i < observations.size(); ++i) {
        const Observation& o = observations[i];
        const Template& t = templates[o.kind];
        const Vec2 ll = projector.lonLat(o.at);
        std::string id = "B";
        appendInteger(id, static_cast<std::int64_t>(i + 1), 3);
        out << id << ',' << isoLocal(o.day, o.minute / 60, o.minute % 60) << ',' << csvField(t.category, ',') << ','
            << csvField(t.note, ',') << ',';
        out.fixed(ll.y, 7) << ',';
        out.fixed(ll.x, 7) << '\n';
    }
    out.close();
}

}  // namespace lb::demo::detail
