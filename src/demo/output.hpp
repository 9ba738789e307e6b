#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "demo/geometry.hpp"
#include "geo/crs.hpp"

namespace lb::demo::detail {

// A text file written through a large buffer, with failures (disk full, no permission) reported as
// core::ProcessingError naming the file. close() must be called; the destructor only releases.
class TextFile {
public:
    explicit TextFile(std::filesystem::path path);
    ~TextFile();
    TextFile(const TextFile&) = delete;
    TextFile& operator=(const TextFile&) = delete;

    TextFile& operator<<(std::string_view text) {
        m_buffer.append(text);
        if (m_buffer.size() >= kFlushBytes) flush();
        return *this;
    }
    TextFile& operator<<(char c) {
        m_buffer.push_back(c);
        return *this;
    }
    // Appends a number in fixed notation with `decimals` digits ("-0.00" is written as "0.00").
    TextFile& fixed(double value, int decimals);
    TextFile& integer(std::int64_t value);

    void close();

private:
    static constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
    void flush();

    std::filesystem::path m_path;
    std::ofstream m_stream;
    std::string m_buffer;
};

// Fixed-notation number text ("12.5446000" for decimals = 7), independent of the locale.
std::string formatFixed(double value, int decimals);
// Appends to `out` without allocating a temporary.
void appendFixed(std::string& out, double value, int decimals);
void appendInteger(std::string& out, std::int64_t value, int minDigits = 1);

// A JSON string literal with quotes, escaping quotes, backslashes and control characters.
std::string jsonString(std::string_view text);
// Text escaped for an XML attribute value.
std::string xmlEscape(std::string_view text);
// A CSV field, quoted when it contains the delimiter, a quote or a line break.
std::string csvField(std::string_view text, char delimiter);

// Turns town metres (relative to the origin in EPSG:25833) into WGS84 longitude/latitude.
class Wgs84Projector {
public:
    explicit Wgs84Projector(Vec2 origin);
    Vec2 lonLat(Vec2 local) const;
    // In place for many points at once: x → longitude, y → latitude.
    void lonLat(std::vector<double>& x, std::vector<double>& y) const;
    Vec2 origin() const { return m_origin; }

private:
    Vec2 m_origin;
    geo::CrsTransform m_transform;
};

// GeoJSON (RFC 7946) geometry objects in WGS84 with 7 decimals, from town metres.
std::string geoJsonPoint(const Wgs84Projector& projector, Vec2 p);
std::string geoJsonLineString(const Wgs84Projector& projector, const Polyline& line);
// The ring is closed and made counter-clockwise here.
std::string geoJsonPolygon(const Wgs84Projector& projector, const Ring& ring);

// The members of a GeoJSON "properties" object, in insertion order.
class JsonObject {
public:
    JsonObject& add(std::string_view key, std::string_view value);
    JsonObject& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
    JsonObject& add(std::string_view key, std::int64_t value);
    JsonObject& add(std::string_view key, int value) { return add(key, static_cast<std::int64_t>(value)); }
    JsonObject& add(std::string_view key, double value, int decimals);
    // A value that is already JSON text (an array or object).
    JsonObject& addRaw(std::string_view key, std::string_view json);
    std::string str() const { return "{" + m_text + "}"; }

private:
    void key(std::string_view k);
    std::string m_text;
};

// Writes a FeatureCollection one feature per line.
class GeoJsonWriter {
public:
    explicit GeoJsonWriter(std::filesystem::path path);
    void feature(const JsonObject& properties, const std::string& geometry);
    void close();

private:
    TextFile m_file;
    bool m_first = true;
};

// EPSG:25833 coordinates of Glauchau's centre (lon 12.5446, lat 50.8196), rounded to whole metres.
Vec2 projectedTownCentre();

}  // namespace lb::demo::detail
