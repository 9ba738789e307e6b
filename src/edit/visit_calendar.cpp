#include "edit/visit_calendar.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {

std::vector<VisitDay> visitCalendar(store::ProjectStore& store, int year, int month) {
    if (month < 1 || month > 12) throw core::UsageError("month " + std::to_string(month) + " is not 1–12");
    if (year < 1990 || year > 2100) throw core::UsageError("year " + std::to_string(year) + " is out of range");
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%04d-%02d", year, month);
    // Visit times are stored in Berlin local time with offset, so the first 10 characters are the local date.
    store::Statement s(store.db(), R"SQL(
SELECT coalesce(v.route_uuid, ''), coalesce(r.name, v.route, ''), CAST(substr(v.time, 9, 2) AS INTEGER) AS day,
       count(*), coalesce(sum(v.contacts), 0), coalesce(sum(v.staff * v.duration_min) / 60.0, 0)
FROM visits v LEFT JOIN routes r ON r.uuid = v.route_uuid
WHERE substr(v.time, 1, 7) = ?
GROUP BY 1, 2, 3
ORDER BY 2, 3, 1)SQL");
    s.bind(1, std::string(prefix));
    std::vector<VisitDay> out;
    while (s.step()) {
        out.push_back({s.columnText(0), s.columnText(1), static_cast<int>(s.columnInt(2)),
                       static_cast<int>(s.columnInt(3)), s.columnInt(4), s.columnDouble(5)});
    }
    return out;
}

std::vector<RouteName> routeNames(store::ProjectStore& store) {
    store::Statement s(store.db(), "SELECT uuid, coalesce(name, '') FROM routes ORDER BY name, uuid");
    std::vector<RouteName> out;
    while (s.step()) out.push_back({s.columnText(0), s.columnText(1)});
    return out;
}

}  // namespace lb::edit
