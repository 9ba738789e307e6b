#include "demo/output.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace lb::demo::detail {

TextFile::TextFile(std::filesystem::path path) : m_path(std::move(path)) {
    m_stream.open(m_path, std::ios::binary | std::ios::trunc);
    if (!m_stream) {
        throw core::ProcessingError("cannot create " + m_path.string(), "check that the folder is writable");
    }
    m_buffer.reserve(kFlushBytes + 4096);
}

TextFile::~TextFile() = default;

TextFile& TextFile::fixed(double value, int decimals) {
    appendFixed(m_buffer, value, decimals);
    return *this;
}

TextFile& TextFile::integer(std::int64_t value) {
    appendInteger(m_buffer, value);
    return *this;
}

void TextFile::flush() {
    if (m_buffer.empty()) return;
    m_stream.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
    if (!m_stream) throw core::ProcessingError("cannot write " + m_path.string(), "is the disk full?");
}

void TextFile::close() {
    flush();
    m_stream.flush();
    if (!m_stream) throw core::ProcessingError("cannot write " + m_path.string(), "is the disk full?");
    m_stream.close();
    if (m_stream.fail()) throw core::ProcessingError("cannot close " + m_path.string(), "is the disk full?");
}

void appendFixed(std::string& out, double value, int decimals) {
    const double half = 0.5 * std::pow(10.0, -decimals);
    if (std::abs(value) < half) value = 0.0;  // no "-0.00"
    std::array<char, 64> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
    out.append(buf.data(), result.ptr);
}

void appendInteger(std::string& out, std::int64_t value, int minDigits) {
    std::array<char, 24> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    const auto digits = static_cast<int>(result.ptr - buf.data()) - (value < 0 ? 1 : 0);
    if (value < 0) out.push_back('-');
    for (int i = digits; i < minDigits; ++i) out.push_back('0');
    out.append(buf.data() + (value < 0 ? 1 : 0), result.ptr);
}

std::string formatFixed(double value, int decimals) {
    std::string out;
    appendFixed(out, value, decimals);
    return out;
}

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static constexpr char kHex[] = "0123456789abcdef";
                    out += "\\u00";
                    out.push_back(kHex[(c >> 4) & 0xf]);
                    out.push_back(kHex[c & 0xf]);
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
    return out;
}

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string csvField(std::string_view text, char delimiter) {
    if (text.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

Wgs84Projector::Wgs84Projector(Vec2 origin) : m_origin(origin), m_transform("EPSG:25833", "EPSG:4326") {}

Vec2 Wgs84Projector::lonLat(Vec2 local) const {
    double x = m_origin.x + local.x;
    double y = m_origin.y + local.y;
    m_transform.transform(x, y);
    return {x, y};
}

void Wgs84Projector::lonLat(std::vector<double>& x, std::vector<double>& y) const {
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] += m_origin.x;
        y[i] += m_origin.y;
    }
    if (!x.empty()) m_transform.transform(x.data(), y.data(), x.size());
}

namespace {

void appendCoordinate(std::string& out, Vec2 lonLat) {
    out.push_back('[');
    appendFixed(out, lonLat.x, 7);
    out.push_back(',');
    appendFixed(out, lonLat.y, 7);
    out.push_back(']');
}

std::string coordinateList(const Wgs84Projector& projector, const std::vector<Vec2>& points) {
    std::string out = "[";
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i > 0) out.push_back(',');
        appendCoordinate(out, projector.lonLat(points[i]));
    }
    out.push_back(']');
    return out;
}

}  // namespace

std::string geoJsonPoint(const Wgs84Projector& projector, Vec2 p) {
    std::string out = "{\"type\":\"Point\",\"coordinates\":";
    appendCoordinate(out, projector.lonLat(p));
    out.push_back('}');
    return out;
}

std::string geoJsonLineString(const Wgs84Projector& projector, const Polyline& line) {
    return "{\"type\":\"LineString\",\"coordinates\":" + coordinateList(projector, line) + "}";
}

std::string geoJsonPolygon(const Wgs84Projector& projector, const Ring& ring) {
    Ring closedRing = counterClockwise(ring);
    if (!(closedRing.front() == closedRing.back())) closedRing.push_back(closedRing.front());
    return "{\"type\":\"Polygon\",\"coordinates\":[" + coordinateList(projector, closedRing) + "]}";
}

void JsonObject::key(std::string_view k) {
    if (!m_text.empty()) m_text.push_back(',');
    m_text += jsonString(k);
    m_text.push_back(':');
}

JsonObject& JsonObject::add(std::string_view k, std::string_view value) {
    key(k);
    m_text += jsonString(value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::int64_t value) {
    key(k);
    appendInteger(m_text, value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, double value, int decimals) {
    key(k);
    appendFixed(m_text, value, decimals);
    return *this;
}

JsonObject& JsonObject::addRaw(std::string_view k, std::string_view json) {
    key(k);
    m_text += json;
    return *this;
}

GeoJsonWriter::GeoJsonWriter(std::filesystem::path path) : m_file(std::move(path)) {
    m_file << "{\"type\":\"FeatureCollection\",\"features\":[\n";
}

void GeoJsonWriter::feature(const JsonObject& properties, const std::string& geometry) {
    if (!m_first) m_file << ",\n";
    m_first = false;
    m_file << "{\"type\":\"Feature\",\"properties\":" << properties.str() << ",\"geometry\":" << geometry << "}";
}

void GeoJsonWriter::close() {
    m_file << "\n]}\n";
    m_file.close();
}

Vec2 projectedTownCentre() {
    const geo::CrsTransform toUtm("EPSG:4326", "EPSG:25833");
    double x = 12.5446;
    double y = 50.8196;
    toUtm.transform(x, y);
    return {std::round(x), std::round(y)};
}

}  // namespace lb::demo::detail
