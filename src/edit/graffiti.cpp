#include "edit/graffiti.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "core/time.hpp"
#include "core/vocabulary.hpp"
#include "edit/detail/feature_command.hpp"
#include "edit/form_spec.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

using core::LayerId;

// The day number of a date that starts "YYYY-MM-DD" (a time may follow); nullopt for anything else, so a
// damaged row in the project is named instead of failing deep inside std::stoi.
std::optional<std::int64_t> dayNumber(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    auto field = [&](std::size_t at, std::size_t length, int& out) {
        const char* begin = date.data() + at;
        const auto [ptr, ec] = std::from_chars(begin, begin + length, out);
        return ec == std::errc() && ptr == begin + length;
    };
    int y = 0, m = 0, d = 0;
    if (!field(0, 4, y) || !field(5, 2, m) || !field(8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
        return std::nullopt;
    return core::daysFromCivil(y, m, d);
}

struct Transition {
    std::string_view from;
    std::string_view to;
};
constexpr Transition kTransitions[] = {
    {"gemeldet", "begutachtet"},
    {"begutachtet", "entfernt"},
    {"begutachtet", "legal gestaltet"},
    {"entfernt", "erneut besprüht"},
    {"legal gestaltet", "erneut besprüht"},
    {"erneut besprüht", "begutachtet"},
    {"erneut besprüht", "entfernt"},
    {"erneut besprüht", "legal gestaltet"},
};

bool isCleared(std::string_view status) {
    return status == "entfernt" || status == "legal gestaltet";
}

ValidationError statusProblem(std::string en, std::string de) {
    return ValidationError(LayerId::Graffiti, {{"status", std::move(en), std::move(de)}});
}

}  // namespace

bool graffitiTransitionAllowed(std::string_view from, std::string_view to) {
    return std::any_of(std::begin(kTransitions), std::end(kTransitions),
                       [&](const Transition& t) { return t.from == from && t.to == to; });
}

std::vector<std::string_view> nextGraffitiStatuses(std::string_view from) {
    std::vector<std::string_view> out;
    for (const auto& t : kTransitions) {
        if (t.from == from) out.push_back(t.to);
    }
    return out;
}

std::unique_ptr<EditCommand> setGraffitiStatus(std::string graffitiUuid, GraffitiStatusChange change) {
    const std::string uuid = graffitiUuid;
    return std::make_unique<detail::FeatureCommand>(
        EditKind::SetGraffitiStatus, LayerId::Graffiti, std::move(graffitiUuid),
        [uuid, change = std::move(change)](detail::EditContext&, const std::optional<detail::FeatureSnapshot>& current)
            -> std::optional<detail::FeatureSnapshot> {
            detail::FeatureSnapshot next = detail::requireFeature(current, LayerId::Graffiti, uuid);
            const auto status = core::matchVocabulary(core::kGraffitiStatuses, change.status);
            if (!status) {
                throw statusProblem("unknown status '" + change.status +
                                        "' (allowed: " + core::joinVocabulary(core::kGraffitiStatuses) + ")",
                                    "unbekannter Status „" + change.status + "“");
            }
            const std::string from =
                next.history.empty() ? core::toString(next.record.values["status"]) : next.history.back().status;
            if (!graffitiTransitionAllowed(from, *status)) {
                std::string allowed;
                for (auto s : nextGraffitiStatuses(from)) allowed += (allowed.empty() ? "" : ", ") + std::string(s);
                throw statusProblem(
                    "a site with status '" + from + "' cannot become '" + *status + "' (next: " + allowed + ")",
                    "von „" + from + "“ ist „" + *status + "“ nicht möglich (möglich: " + allowed + ")");
            }
            const auto time = core::parseTime(change.date);
            if (!time) {
                throw ValidationError(LayerId::Graffiti, {{"date", "'" + change.date + "' is not a valid date",
                                                           "„" + change.date + "“ ist kein gültiges Datum"}});
            }
            const std::string date = core::formatBerlin(*time).substr(0, 10);
            if (time->unixSeconds > core::now().unixSeconds + 86400 || date < "1990-01-01") {
                throw ValidationError(LayerId::Graffiti, {{"date", "the date " + date + " is out of range",
                                                           "das Datum " + date + " ist nicht möglich"}});
            }
            if (!next.history.empty() && date < next.history.back().date) {
                throw ValidationError(
                    LayerId::Graffiti,
                    {{"date", "the date " + date + " lies before the last entry (" + next.history.back().date + ")",
                      "das Datum liegt vor dem letzten Eintrag (" + next.history.back().date + ")"}});
            }
            if (change.costEur && (*change.costEur < 0 || *change.costEur > 1e7)) {
                throw ValidationError(LayerId::Graffiti, {{"cost_eur", "the cost must be 0–10000000 €",
                                                           "die Kosten müssen 0–10.000.000 € sein"}});
            }
            if (change.areaM2 && (*change.areaM2 < 0 || *change.areaM2 > 100000)) {
                throw ValidationError(LayerId::Graffiti, {{"area_m2", "the area must be 0–100000 m²",
                                                           "die Fläche muss 0–100.000 m² sein"}});
            }
            next.history.push_back({*status, date, change.costEur, change.note});
            next.record.values["status"] = *status;
            if (change.areaM2) next.record.values["area_m2"] = *change.areaM2;
            if (change.costEur) {
                double total = 0;
                for (const auto& entry : next.history) total += entry.costEur.value_or(0);
                next.record.values["cost_eur"] = total;
            }
            return next;
        });
}

GraffitiDerived deriveGraffiti(const std::vector<GraffitiStatusEntry>& history) {
    GraffitiDerived out;
    if (history.empty()) return out;
    out.currentStatus = history.back().status;
    auto day = [](const std::string& date) {
        const auto number = dayNumber(date);
        if (!number) throw core::InputError("graffiti status history: the date '" + date + "' is not YYYY-MM-DD");
        return *number;
    };
    const std::int64_t reported = day(history.front().date);
    std::int64_t lastCleared = -1;  // day of the last removal/legal design not yet sprayed again; -1: none
    for (const auto& entry : history) {
        out.totalCostEur += entry.costEur.value_or(0);
        if (isCleared(entry.status)) {
            if (!out.daysToRemoval) out.daysToRemoval = static_cast<int>(day(entry.date) - reported);
            lastCleared = day(entry.date);
        } else if (entry.status == "erneut besprüht" && lastCleared >= 0) {
            ++out.recurrences;
            out.daysToRecurrence = static_cast<int>(day(entry.date) - lastCleared);
            lastCleared = -1;
        }
    }
    return out;
}

std::vector<GraffitiStatusEntry> graffitiHistory(store::ProjectStore& store, const std::string& graffitiUuid) {
    store::Statement s(store.db(),
                       "SELECT status, date, cost_eur, note FROM graffiti_status WHERE graffiti_uuid = ? "
                       "ORDER BY date, id");
    s.bind(1, graffitiUuid);
    std::vector<GraffitiStatusEntry> out;
    while (s.step()) {
        GraffitiStatusEntry entry{s.columnText(0), s.columnText(1), std::nullopt, s.columnText(3)};
        if (!dayNumber(entry.date)) {
            throw core::InputError(store.path().string() + ": graffiti_status of " + graffitiUuid + ": the date '" +
                                       entry.date + "' is not a date (YYYY-MM-DD)",
                                   "the project file is damaged; correct the row or restore a backup");
        }
        if (!s.isNull(2)) entry.costEur = s.columnDouble(2);
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace lb::edit
