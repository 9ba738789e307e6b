#include "project/osm_import.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/geos_context.hpp"
#include "geo/wkb.hpp"
#include "io/osm_reader.hpp"
#include "store/layer_writer.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

constexpr std::array<core::LayerId, 6> kBaseLayers{core::LayerId::Roads,    core::LayerId::Buildings,
                                                   core::LayerId::Landuse,  core::LayerId::Water,
                                                   core::LayerId::Railways, core::LayerId::Pois};

// The OSM key a column is made from: columns keep OSM keys, with ':' written as '_'.
std::string tagKeyOf(std::string_view column) {
    if (column == "addr_street") return "addr:street";
    if (column == "addr_housenumber") return "addr:housenumber";
    if (column == "addr_postcode") return "addr:postcode";
    if (column == "building_levels") return "building:levels";
    return std::string(column);
}

// Writes one base-map layer: column values from tags, the remaining tags as JSON in `tags`.
class BaseLayerWriter {
public:
    BaseLayerWriter(store::ProjectStore& store, core::LayerId layer) : m_layer(layer) {
        std::vector<std::string> columns;
        for (const auto& column : store::layerColumns(layer)) {
            columns.emplace_back(column.name);
            if (column.name != "osm_id" && column.name != "osm_type" && column.name != "tags") {
                m_tagKeys.push_back(tagKeyOf(column.name));
            } else {
                m_tagKeys.emplace_back();
            }
        }
        m_writer = std::make_unique<store::LayerWriter>(store, layer, columns);
        m_values.resize(columns.size());
    }

    void write(const io::OsmFeature& feature, core::Wkb geometry) {
        const auto& columns = m_writer->columns();
        std::vector<bool> used(feature.tags->size(), false);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string& column = columns[i];
            if (column == "osm_id") {
                m_values[i] = feature.osmId;
            } else if (column == "osm_type") {
                m_values[i] = std::string(feature.osmType);
            } else if (column != "tags") {
                m_values[i] = std::monostate{};
                for (std::size_t t = 0; t < feature.tags->size(); ++t) {
                    if ((*feature.tags)[t].first == m_tagKeys[i]) {
                        m_values[i] = (*feature.tags)[t].second;
                        used[t] = true;
                        break;
                    }
                }
            }
        }
        nlohmann::json rest = nlohmann::json::object();
        for (std::size_t t = 0; t < feature.tags->size(); ++t) {
            if (!used[t]) rest[(*feature.tags)[t].first] = (*feature.tags)[t].second;
        }
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i] == "tags") {
                m_values[i] = rest.empty() ? core::Value{} : core::Value{rest.dump()};
            }
        }
        if (core::layerInfo(m_layer).geometryType == core::GeometryType::MultiPolygon) geo::promoteToMulti(geometry);
        m_writer->insert(geometry, m_values);
        ++m_count;
    }

    std::int64_t count() const { return m_count; }
    void finish() { m_writer->finish(); }

private:
    core::LayerId m_layer;
    std::unique_ptr<store::LayerWriter> m_writer;
    std::vector<std::string> m_tagKeys;
    std::vector<core::Value> m_values;
    std::int64_t m_count = 0;
};

// A box as a ring of `perSide` points per side (a box in lon/lat is curved in a projected CRS).
std::vector<geo::Coord> boxRing(const core::BBox& box, int perSide) {
    std::vector<geo::Coord> ring;
    const auto side = [&](double x0, double y0, double x1, double y1) {
        for (int i = 0; i < perSide; ++i) {
            const double t = static_cast<double>(i) / perSide;
            ring.emplace_back(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        }
    };
    side(box.minX, box.minY, box.maxX, box.minY);
    side(box.maxX, box.minY, box.maxX, box.maxY);
    side(box.maxX, box.maxY, box.minX, box.maxY);
    side(box.minX, box.maxY, box.minX, box.minY);
    ring.push_back(ring.front());
    return ring;
}

struct ResolvedClip {
    core::Wkb area;  // project CRS
    core::BBox wgs84;
    std::string description;
};

ResolvedClip resolveClip(const OsmClip& clip, io::OsmReader& reader, const std::filesystem::path& file,
                         const std::string& crs, core::Progress& progress) {
    const int given = (clip.bbox ? 1 : 0) + (clip.bboxWgs84 ? 1 : 0) + (clip.boundary.empty() ? 0 : 1);
    if (given > 1) throw core::UsageError("--bbox, --bbox-wgs84 and --boundary exclude each other");
    geo::CrsTransform toProject("EPSG:4326", crs);
    geo::CrsTransform toWgs84(crs, "EPSG:4326");
    ResolvedClip out;
    if (clip.bbox) {
        auto ring = boxRing(*clip.bbox, 1);
        out.area = geo::polygonWkb({ring});
        core::Wkb wgs = geo::polygonWkb({boxRing(*clip.bbox, 16)});
        geo::transformWkb(wgs, toWgs84);
        out.wgs84 = geo::wkbEnvelope(wgs);
        out.description = "bbox " + core::toString(core::Value{clip.bbox->minX}) + "," +
                          core::toString(core::Value{clip.bbox->minY}) + "," +
                          core::toString(core::Value{clip.bbox->maxX}) + "," +
                          core::toString(core::Value{clip.bbox->maxY}) + " (" + crs + ")";
    } else if (clip.bboxWgs84) {
        const core::BBox& b = *clip.bboxWgs84;
        if (b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90) {
            throw core::UsageError("--bbox-wgs84 takes lon,lat,lon,lat (longitude -180…180, latitude -90…90)");
        }
        out.area = geo::polygonWkb({boxRing(b, 16)});
        geo::transformWkb(out.area, toProject);
        out.wgs84 = b;
        out.description = "bbox-wgs84 " + core::toString(core::Value{b.minX}) + "," +
                          core::toString(core::Value{b.minY}) + "," + core::toString(core::Value{b.maxX}) + "," +
                          core::toString(core::Value{b.maxY});
    } else {
        progress.beginStage("Grenze suchen");
        const auto boundaries = reader.boundaries(clip.boundary, progress);
        progress.finishStage();
        const io::OsmBoundary* chosen = nullptr;
        for (const auto& b : boundaries) {
            if (!b.matches) continue;
            // The most local level wins (a town, admin_level 8, over a district of the same name).
            if (!chosen || b.adminLevel > chosen->adminLevel) chosen = &b;
        }
        if (!chosen) {
            std::string names;
            std::size_t listed = 0;
            for (const auto& b : boundaries) {
                if (listed++ == 12) {
                    names += ", …";
                    break;
                }
                names += (names.empty() ? "" : ", ") + b.name +
                         (b.adminLevel ? " (" + std::to_string(b.adminLevel) + ")" : std::string());
            }
            throw core::InputError(file.string() + ": no administrative boundary named '" + clip.boundary + "'",
                                   names.empty() ? "the file holds no administrative boundary relations; use --bbox"
                                                 : "the file's boundaries (admin_level): " + names);
        }
        out.wgs84 = geo::wkbEnvelope(chosen->geometry);
        out.area = chosen->geometry;
        geo::transformWkb(out.area, toProject);
        out.description = "boundary " + chosen->name + " (admin_level " + std::to_string(chosen->adminLevel) +
                          ", relation " + std::to_string(chosen->osmId) + ")";
    }
    return out;
}

}  // namespace

OsmImportReport importOsm(store::ProjectStore& store, const std::filesystem::path& file, core::Progress& progress,
                          const OsmClip& clip) {
    io::OsmReader reader(file);
    geo::CrsTransform toProject("EPSG:4326", store.crs());
    std::unique_ptr<geo::ClipArea> area;
    std::optional<core::BBox> wgs84;
    OsmImportReport report;
    if (clip.any()) {
        const ResolvedClip resolved = resolveClip(clip, reader, file, store.crs(), progress);
        area = std::make_unique<geo::ClipArea>(resolved.area);
        report.clip = resolved.description;
        report.clipAreaKm2 = area->area() / 1e6;
        // A little wider than the area: GDAL's filter is on envelopes in lon/lat, the cut is exact.
        core::BBox box = resolved.wgs84;
        const double margin = 0.001;
        wgs84 = core::BBox{box.minX - margin, box.minY - margin, box.maxX + margin, box.maxY + margin};
    }
    store::WriteTransaction tx(store);
    std::map<core::LayerId, std::unique_ptr<BaseLayerWriter>> writers;
    for (const auto layer : kBaseLayers) {
        store.clearLayer(layer);
        writers[layer] = std::make_unique<BaseLayerWriter>(store, layer);
    }
    reader.read(
        [&](const io::OsmFeature& feature) {
            if (wgs84) {
                // Far outside in lon/lat: left out before it is reprojected (most of a state extract).
                const core::BBox e = geo::wkbEnvelope(feature.geometry);
                if (e.minX > wgs84->maxX || e.maxX < wgs84->minX || e.minY > wgs84->maxY || e.maxY < wgs84->minY) {
                    ++report.outside;
                    return;
                }
            }
            core::Wkb geometry = feature.geometry;
            try {
                geo::transformWkb(geometry, toProject);
            } catch (const core::Error& e) {
                throw core::InputError(file.string() + ": " + feature.osmType + " " + std::to_string(feature.osmId) +
                                       ": " + e.what());
            }
            if (!area) {
                writers.at(feature.layer)->write(feature, std::move(geometry));
                return;
            }
            std::vector<core::Wkb> parts = area->clip(geometry);
            if (parts.empty()) {
                ++report.outside;
                return;
            }
            if (parts.size() != 1 || parts.front() != geometry) ++report.cut;
            for (auto& part : parts) writers.at(feature.layer)->write(feature, std::move(part));
        },
        progress, wgs84);
    std::int64_t total = 0;
    for (const auto& [layer, writer] : writers) total += writer->count();
    if (total == 0) {
        // A header-only or empty file, or one cut at a block boundary before its first way: replacing the
        // base map with nothing is never what the user meant. The transaction rolls back.
        if (area) {
            throw core::InputError(
                file.string() + ": nothing of the file lies inside the " + report.clip +
                    "; the base map was left as it was",
                "check the area: --bbox is in the project CRS " + store.crs() + ", --bbox-wgs84 in longitude,latitude");
        }
        throw core::InputError(file.string() +
                                   ": the file holds no roads, buildings, land use, water, railways or points of "
                                   "interest; the base map was left as it was",
                               "the file may be empty, header-only or cut off; download the extract again");
    }
    report.warnings = reader.warnings();
    std::string detail = "file=" + file.filename().string();
    if (area) detail += " clip=" + report.clip;
    progress.beginStage("Räumlicher Index");
    for (const auto& [layer, writer] : writers) writer->finish();
    progress.finishStage();
    for (const auto& [layer, writer] : writers) {
        report.counts[layer] = writer->count();
        // Appended piecewise: `" " + std::string(...)` trips GCC 12's false -Wrestrict (GCC bug 105651).
        detail.append(" ").append(core::layerInfo(layer).name).append("=").append(std::to_string(writer->count()));
    }
    store.audit("import-osm", std::nullopt, "", "", "", detail);
    progress.beginStage("Speichern");
    tx.commit();
    progress.finishStage();
    return report;
}

}  // namespace lb::project
