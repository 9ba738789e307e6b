#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace lb::geo {

// A CRS code as the project writes it: "EPSG:25833". parseCrs accepts "EPSG:25833", "epsg:25833",
// "25833" and checks with PROJ that the code exists; throws core::InputError otherwise.
std::string parseCrs(std::string_view text);
// The numeric EPSG code of "EPSG:N".
int epsgCode(const std::string& crs);
// Whether a CRS has metric projected axes (the project CRS must).
bool isProjectedMetric(const std::string& crs);

// A coordinate transformation between two CRSs, with x/y in easting/northing resp. longitude/latitude
// order whatever the CRS's official axis order is. Owns its PROJ context, so each thread uses its own
// instance. Not copyable.
class CrsTransform {
public:
    CrsTransform(const std::string& sourceCrs, const std::string& targetCrs);
    ~CrsTransform();
    CrsTransform(const CrsTransform&) = delete;
    CrsTransform& operator=(const CrsTransform&) = delete;

    bool isIdentity() const { return m_identity; }
    const std::string& source() const { return m_source; }
    const std::string& target() const { return m_target; }

    // Transforms n points in place (x[i*stride], y[i*stride]). Throws core::InputError if a point cannot be
    // transformed (e.g. outside the CRS's area of use).
    void transform(double* x, double* y, std::size_t n, std::size_t strideDoubles = 1) const;
    void transform(double& x, double& y) const { transform(&x, &y, 1); }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_source;
    std::string m_target;
    bool m_identity = false;
};

}  // namespace lb::geo
