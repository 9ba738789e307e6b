#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/layer.hpp"
#include "core/progress.hpp"
#include "core/value.hpp"
#include "io/osm_tags.hpp"

class OGRLayer;
class OGRFeature;

namespace lb::io {

// One OSM feature destined for one Lagebild layer. Geometry is WKB in WGS84 (x = lon, y = lat):
// points for POIs (areas become their point on surface), linestrings for roads/railways/waterways,
// multipolygons for areas (multipolygon relations with their holes).
struct OsmFeature {
    core::LayerId layer;
    const char* osmType;  // "node", "way", "relation"
    std::int64_t osmId;
    const OsmTags* tags;
    core::Wkb geometry;
};

// Reads an OpenStreetMap file (.osm, .osm.pbf, .osm.bz2) through GDAL's OSM driver with our own
// osmconf (all tags kept). Checks the file's kind by its content before GDAL sees it, so a PNG renamed
// .osm.pbf gets a clear message. Parse errors, including a truncated file, throw core::InputError
// naming the file; the sink has then received a partial stream, so callers write inside a transaction.
// An administrative boundary relation of the file (boundary=administrative with a name).
struct OsmBoundary {
    std::string name;
    int adminLevel = 0;  // 0: none given
    std::int64_t osmId = 0;
    bool matches = false;  // its name is the one looked for (case-insensitive)
    core::Wkb geometry;    // WGS84 multipolygon; only for the matching ones
};

class OsmReader {
public:
    explicit OsmReader(std::filesystem::path file);

    using Sink = std::function<void(const OsmFeature&)>;
    // Reads every feature of the base-map layers; with `wgs84` only those whose envelope meets that box
    // (lon/lat) — the caller cuts them to its exact area.
    void read(const Sink& sink, core::Progress& progress, const std::optional<core::BBox>& wgs84 = std::nullopt);
    // The administrative boundary relations of the file, those named `name` with their geometry (one pass
    // over the file; for import-osm --boundary).
    std::vector<OsmBoundary> boundaries(const std::string& name, core::Progress& progress);
    // Problems the last read() got around without failing: features whose tag list GDAL cut (their
    // mapped keys are restored; other tags past the limit are lost), named by OSM type and id.
    const std::vector<std::string>& warnings() const { return m_warnings; }

private:
    using Visitor = std::function<void(OGRLayer&, OGRFeature&)>;
    // Opens the file (sniffed, bzip2 decompressed, our osmconf) and hands every feature GDAL reads to `visit`.
    void scan(const Visitor& visit, core::Progress& progress, const std::optional<core::BBox>& wgs84);

    std::filesystem::path m_file;
    std::vector<std::string> m_warnings;
    std::size_t m_cutTagLists = 0;
};

}  // namespace lb::io
