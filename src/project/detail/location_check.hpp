#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/bbox.hpp"

namespace lb::geo {
class CrsTransform;
}
namespace lb::store {
class ProjectStore;
}

namespace lb::project::detail {

// Whether imported coordinates lie where the project is. The reference area is the extent of the base map
// and districts (without them: of everything in the project) grown by kMarginMetres; in an empty project it is Germany
// (with a margin). A point off the area is reported with the likely reason: another CRS that puts it into the area
// (Gauß-Krüger zone, UTM with zone prefix, the other UTM zone, WGS84 …), swapped axes, or 0/0.
class LocationCheck {
public:
    static constexpr double kMarginMetres = 100'000;

    LocationCheck(store::ProjectStore& store, std::string sourceCrs);
    ~LocationCheck();
    LocationCheck(const LocationCheck&) = delete;
    LocationCheck& operator=(const LocationCheck&) = delete;

    // Empty if (x, y) in the source CRS lies in the reference area; otherwise the problem, e.g.
    // "x 4591234, y 5621234 (EPSG:25833) lie 4213 km from the project area".
    std::optional<std::string> problem(double x, double y);
    // For the last problem: what to do ("they look like Gauß-Krüger zone 4: give --crs EPSG:31468").
    const std::string& hint() const { return m_hint; }

private:
    bool inArea(const std::string& crs, double x, double y);
    geo::CrsTransform& transformFrom(const std::string& crs);
    std::string likelyCause(double x, double y);

    std::string m_sourceCrs;
    std::string m_projectCrs;
    core::BBox m_area;  // project CRS; empty: the project holds nothing yet, Germany is the area
    std::map<std::string, std::unique_ptr<geo::CrsTransform>> m_toProject;
    std::unique_ptr<geo::CrsTransform> m_toWgs84;
    std::string m_hint;
};

}  // namespace lb::project::detail
