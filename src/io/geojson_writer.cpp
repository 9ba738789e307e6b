#include "io/geojson_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/geometry_text.hpp"
#include "geo/wkb.hpp"
#include "io/atomic_output.hpp"

namespace lb::io {
namespace {

void jsonString(std::string& out, std::string_view text) {
    out += '"';
    for (unsigned char c : text) {
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
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void jsonValue(std::string& out, const core::Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        out += std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&value)) {
        if (!std::isfinite(*d)) {
            out += "null";  // JSON has no NaN or infinity
            return;
        }
        char buf[32];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        out.append(buf, end);
    } else if (const auto* s = std::get_if<std::string>(&value)) {
        jsonString(out, *s);
    } else {
        out += "null";
    }
}

}  // namespace

void writeGeoJson(std::ostream& out, const OutputTable& table) {
    std::unique_ptr<geo::CrsTransform> toWgs84;
    if (!table.geometries.empty()) {
        if (table.crs.empty()) throw core::UsageError("GeoJSON of " + table.name + ": the table has no CRS");
        toWgs84 = std::make_unique<geo::CrsTransform>(table.crs, "EPSG:4326");
    }
    std::string text = "{\"type\":\"FeatureCollection\",\"name\":";
    jsonString(text, table.name);
    text += ",\"features\":[\n";
    out << text;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        text.clear();
        text += "{\"type\":\"Feature\",\"properties\":{";
        const auto& row = table.rows[r];
        for (std::size_t f = 0; f < table.fields.size(); ++f) {
            if (f > 0) text += ',';
            jsonString(text, table.fields[f].name);
            text += ':';
            jsonValue(text, f < row.size() ? row[f] : core::Value{});
        }
        text += "},\"geometry\":";
        if (toWgs84 && r < table.geometries.size() && !table.geometries[r].empty()) {
            core::Wkb wkb = table.geometries[r];
            if (!toWgs84->isIdentity()) geo::transformWkb(wkb, *toWgs84);
            geo::appendGeoJson(text, wkb, 7);
        } else {
            text += "null";
        }
        text += r + 1 < table.rows.size() ? "},\n" : "}\n";
        out << text;
    }
    out << "]}\n";
}

void writeGeoJsonFile(const std::filesystem::path& path, const OutputTable& table) {
    AtomicOutput output(path);
    {
        std::ofstream file(output.tempPath(), std::ios::binary);
        writeGeoJson(file, table);
        file.flush();
        if (!file) throw core::ProcessingError("cannot write " + path.string() + " (disk full?)");
    }
    output.commit();
}

}  // namespace lb::io
