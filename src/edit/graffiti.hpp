#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/edit_command.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

// Graffiti sites: a status history in graffiti_status, the current status in graffiti.status.
//
// Allowed transitions (the first entry of a site is always "gemeldet"):
//   gemeldet        → begutachtet
//   begutachtet     → entfernt | legal gestaltet
//   entfernt        → erneut besprüht
//   legal gestaltet → erneut besprüht
//   erneut besprüht → begutachtet | entfernt | legal gestaltet
// Dates must not go backwards. An entry's cost adds to the site's cost_eur; an area updates area_m2.
bool graffitiTransitionAllowed(std::string_view from, std::string_view to);
// The statuses allowed after `from` (for the GUI's dropdown).
std::vector<std::string_view> nextGraffitiStatuses(std::string_view from);

struct GraffitiStatusEntry {
    std::string status;
    std::string date;  // "YYYY-MM-DD"
    std::optional<double> costEur;
    std::string note;
    bool operator==(const GraffitiStatusEntry&) const = default;
};

struct GraffitiStatusChange {
    std::string status;  // one of core::kGraffitiStatuses
    std::string date;    // any date form core::parseTime reads; stored "YYYY-MM-DD"
    std::optional<double> costEur;
    std::optional<double> areaM2;
    std::string note;
};

std::unique_ptr<EditCommand> setGraffitiStatus(std::string graffitiUuid, GraffitiStatusChange change);

// Derived values of one site's history.
struct GraffitiDerived {
    std::string currentStatus;
    // Days from the first report to the first removal or legal design (nothing while not removed).
    std::optional<int> daysToRemoval;
    // How often the site was sprayed again after a removal or legal design.
    int recurrences = 0;
    // Days from the last removal/legal design to the next "erneut besprüht" (nothing if none).
    std::optional<int> daysToRecurrence;
    double totalCostEur = 0;
};
GraffitiDerived deriveGraffiti(const std::vector<GraffitiStatusEntry>& history);

// A site's history in date order.
std::vector<GraffitiStatusEntry> graffitiHistory(store::ProjectStore& store, const std::string& graffitiUuid);

}  // namespace lb::edit
