#pragma once

#include <string>
#include <vector>

namespace lb::io {

// Initialises GDAL once (drivers, quiet defaults); safe from any thread.
void ensureGdal();

// Captures every GDAL/OGR message raised on this thread while alive, instead of letting GDAL print to
// stderr. The owner turns failures into a core::Error with file/layer/row context.
class GdalErrorScope {
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;

    bool hasFailure() const { return !m_failures.empty(); }
    const std::vector<std::string>& failures() const { return m_failures; }
    const std::vector<std::string>& warnings() const { return m_warnings; }
    // "; "-joined failure messages (or "" if none).
    std::string failureText() const;
    void clear();

    // Called by the GDAL handler.
    void record(int errorClass, const char* message);

private:
    std::vector<std::string> m_failures;
    std::vector<std::string> m_warnings;
};

}  // namespace lb::io
