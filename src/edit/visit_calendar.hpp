#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

// Streetwork visits per route per day for one month (Berlin local dates), for the visit calendar.
struct VisitDay {
    std::string routeUuid;  // "" for visits without a route
    std::string routeName;
    int day = 0;  // 1..31
    int visits = 0;
    std::int64_t contacts = 0;
    double staffHours = 0;  // sum of staff × duration (visits with both)
};
// Sorted by route name, then day. Throws core::UsageError for a month outside 1..12.
std::vector<VisitDay> visitCalendar(store::ProjectStore& store, int year, int month);

// A route for the visit form's route dropdown.
struct RouteName {
    std::string uuid;
    std::string name;
};
// All routes, sorted by name (then uuid).
std::vector<RouteName> routeNames(store::ProjectStore& store);

}  // namespace lb::edit
