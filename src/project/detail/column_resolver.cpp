#include "project/detail/column_resolver.hpp"

#include <array>
#include <string_view>

#include "core/error.hpp"
#include "project/vocabulary.hpp"
#include "store/schema.hpp"

namespace lb::project::detail {
namespace {

struct Alias {
    std::string_view column;
    std::string_view name;  // normalised with normaliseForMatch
};

// German and English names seen in police, office and citizen-report exports.
constexpr Alias kAliases[] = {
    {"ext_id", "id"},
    {"ext_id", "nr"},
    {"ext_id", "nummer"},
    {"ext_id", "vorgang"},
    {"ext_id", "vorgangsnummer"},
    {"ext_id", "aktenzeichen"},
    {"ext_id", "az"},
    {"ext_id", "fid"},
    {"time", "zeit"},
    {"time", "tatzeit"},
    {"time", "zeitpunkt"},
    {"time", "datum"},
    {"time", "date"},
    {"time", "datetime"},
    {"time", "timestamp"},
    {"time", "beginn"},
    {"time", "start"},
    {"time", "meldedatum"},
    {"time", "tatzeit von"},
    {"time", "gemeldet am"},
    {"end_time", "ende"},
    {"end_time", "end"},
    {"end_time", "bis"},
    {"end_time", "endzeit"},
    {"category", "kategorie"},
    {"category", "handlungsfeld"},
    {"category", "field"},
    {"subcategory", "delikt"},
    {"subcategory", "straftat"},
    {"subcategory", "deliktart"},
    {"subcategory", "unterkategorie"},
    {"subcategory", "offence"},
    {"subcategory", "offense"},
    {"offence_key", "schluessel"},
    {"offence_key", "pks"},
    {"offence_key", "pks schluessel"},
    {"offence_key", "straftatenschluessel"},
    {"source", "quelle"},
    {"weight", "gewicht"},
    {"name", "bezeichnung"},
    {"name", "titel"},
    {"name", "standort"},
    {"status", "zustand"},
    {"area_m2", "flaeche"},
    {"area_m2", "flaeche m2"},
    {"area_m2", "area"},
    {"cost_eur", "kosten"},
    {"cost_eur", "cost"},
    {"cost_eur", "kosten eur"},
    {"route", "runde"},
    {"route", "tour"},
    {"staff", "personal"},
    {"staff", "mitarbeiter"},
    {"staff", "fachkraefte"},
    {"contacts", "kontakte"},
    {"contacts", "anzahl kontakte"},
    {"duration_min", "dauer"},
    {"duration_min", "dauer min"},
    {"type", "typ"},
    {"type", "art"},
    {"type", "massnahme"},
    {"type", "massnahmenart"},
    {"budget_eur", "budget"},
    {"budget_eur", "kosten"},
    {"start_date", "beginn"},
    {"start_date", "start"},
    {"start_date", "von"},
    {"start_date", "startdatum"},
    {"end_date", "ende"},
    {"end_date", "bis"},
    {"end_date", "enddatum"},
    {"owner", "zustaendig"},
    {"owner", "verantwortlich"},
    {"owner", "amt"},
    {"note", "notiz"},
    {"note", "bemerkung"},
    {"note", "hinweis"},
    {"note", "beschreibung"},
    {"population", "einwohner"},
    {"population", "ew"},
    {"population", "bevoelkerung"},
};

constexpr std::array<std::string_view, 6> kXNames{"x", "rechtswert", "easting", "ostwert", "rw", "east"};
constexpr std::array<std::string_view, 6> kYNames{"y", "hochwert", "northing", "nordwert", "hw", "north"};
constexpr std::array<std::string_view, 4> kLatNames{"lat", "latitude", "breite", "breitengrad"};
constexpr std::array<std::string_view, 6> kLonNames{"lon", "lng", "long", "longitude", "laenge", "laengengrad"};

std::string listFields(const std::vector<std::string>& fields) {
    std::string out;
    for (const auto& f : fields) out += (out.empty() ? "" : ", ") + f;
    return out;
}

int findField(const std::vector<std::string>& fields, std::string_view wanted) {
    const std::string key = normaliseForMatch(wanted);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (normaliseForMatch(fields[i]) == key) return static_cast<int>(i);
    }
    return -1;
}

template <std::size_t N>
int findAny(const std::vector<std::string>& fields, const std::array<std::string_view, N>& names) {
    for (const auto name : names) {
        if (const int i = findField(fields, name); i >= 0) return i;
    }
    return -1;
}

int requireField(const std::vector<std::string>& fields, const std::string& wanted, const char* flag,
                 const std::string& file) {
    const int i = findField(fields, wanted);
    if (i < 0) {
        throw core::UsageError(file + ": no column '" + wanted + "' (given with " + flag + ")",
                               "the file's columns are: " + listFields(fields));
    }
    return i;
}

}  // namespace

ColumnPlan planColumns(core::LayerId layer, const std::vector<std::string>& fields, const io::ImportMapping& mapping,
                       bool fileHasGeometry, const std::string& file) {
    ColumnPlan plan;
    std::vector<bool> used(fields.size(), false);
    auto take = [&](int index) {
        if (index >= 0) used[static_cast<std::size_t>(index)] = true;
        return index;
    };

    // Coordinates.
    if (!mapping.x.empty() || !mapping.y.empty()) {
        if (mapping.x.empty() || mapping.y.empty()) throw core::UsageError("--x and --y go together");
        plan.x = take(requireField(fields, mapping.x, "--x", file));
        plan.y = take(requireField(fields, mapping.y, "--y", file));
    } else if (!mapping.lat.empty() || !mapping.lon.empty()) {
        if (mapping.lat.empty() || mapping.lon.empty()) throw core::UsageError("--lat and --lon go together");
        plan.lat = take(requireField(fields, mapping.lat, "--lat", file));
        plan.lon = take(requireField(fields, mapping.lon, "--lon", file));
    } else if (!mapping.address.empty()) {
        // "Tatort" or "Straße,Hausnummer[,PLZ[,Ort]]".
        std::size_t start = 0;
        while (start <= mapping.address.size()) {
            std::size_t end = mapping.address.find(',', start);
            if (end == std::string::npos) end = mapping.address.size();
            const std::string column = mapping.address.substr(start, end - start);
            if (column.empty()) throw core::UsageError("--address: an empty column name in '" + mapping.address + "'");
            plan.address.push_back(take(requireField(fields, column, "--address", file)));
            start = end + 1;
        }
        if (plan.address.size() > 4) {
            throw core::UsageError("--address takes at most four columns (street, number, postcode, city)");
        }
    } else if (!fileHasGeometry) {
        const int lat = findAny(fields, kLatNames), lon = findAny(fields, kLonNames);
        const int x = findAny(fields, kXNames), y = findAny(fields, kYNames);
        if (lat >= 0 && lon >= 0) {
            plan.lat = take(lat);
            plan.lon = take(lon);
        } else if (x >= 0 && y >= 0) {
            plan.x = take(x);
            plan.y = take(y);
        }
    }

    // Explicit attribute flags.
    const std::pair<const char*, const std::string*> flags[] = {
        {"time", &mapping.time}, {"category", &mapping.category}, {"ext_id", &mapping.id}, {"name", &mapping.name}};
    for (const auto& [column, wanted] : flags) {
        if (wanted->empty()) continue;
        const std::string flag = std::string("--") + (std::string_view(column) == "ext_id" ? "id" : column);
        if (!store::findColumn(layer, column)) {
            throw core::UsageError("layer " + std::string(core::layerInfo(layer).name) + " has no " + column + " (" +
                                   flag + " does not apply)");
        }
        plan.assignments.push_back({column, take(requireField(fields, *wanted, flag.c_str(), file))});
    }
    auto assigned = [&](std::string_view column) {
        for (const auto& a : plan.assignments) {
            if (a.column == column) return true;
        }
        return false;
    };

    // Same-name columns, then aliases.
    for (const auto& column : store::layerColumns(layer)) {
        if (store::isBookkeepingColumn(column.name) || column.name == "attrs" || column.name == "route_uuid" ||
            assigned(column.name)) {
            continue;
        }
        int index = findField(fields, column.name);
        if (index >= 0 && used[static_cast<std::size_t>(index)]) index = -1;
        for (const auto& alias : kAliases) {
            if (index >= 0) break;
            if (alias.column != column.name) continue;
            const int candidate = findField(fields, alias.name);
            if (candidate >= 0 && !used[static_cast<std::size_t>(candidate)]) index = candidate;
        }
        if (index >= 0) plan.assignments.push_back({std::string(column.name), take(index)});
    }
    if (layer == core::LayerId::Graffiti) {
        plan.history = findField(fields, "history");
        if (plan.history < 0) plan.history = findField(fields, "verlauf");
        take(plan.history);
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!used[i]) plan.extra.push_back(static_cast<int>(i));
    }
    return plan;
}

}  // namespace lb::project::detail
