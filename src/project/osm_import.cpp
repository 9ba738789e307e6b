#include "project/osm_import.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "geo/crs.hpp"
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

}  // namespace

OsmImportReport importOsm(store::ProjectStore& store, const std::filesystem::path& file, core::Progress& progress) {
    io::OsmReader reader(file);
    geo::CrsTransform toProject("EPSG:4326", store.crs());
    store::WriteTransaction tx(store);
    std::map<core::LayerId, std::unique_ptr<BaseLayerWriter>> writers;
    for (const auto layer : kBaseLayers) {
        store.clearLayer(layer);
        writers[layer] = std::make_unique<BaseLayerWriter>(store, layer);
    }
    reader.read(
        [&](const io::OsmFeature& feature) {
            core::Wkb geometry = feature.geometry;
            try {
                geo::transformWkb(geometry, toProject);
            } catch (const core::Error& e) {
                throw core::InputError(file.string() + ": " + feature.osmType + " " + std::to_string(feature.osmId) +
                                       ": " + e.what());
            }
            writers.at(feature.layer)->write(feature, std::move(geometry));
        },
        progress);
    std::int64_t total = 0;
    for (const auto& [layer, writer] : writers) total += writer->count();
    if (total == 0) {
        // A header-only or empty file, or one cut at a block boundary before its first way: replacing the
        // base map with nothing is never what the user meant. The transaction rolls back.
        throw core::InputError(file.string() +
                                   ": the file holds no roads, buildings, land use, water, railways or points of "
                                   "interest; the base map was left as it was",
                               "the file may be empty, header-only or cut off; download the extract again");
    }
    OsmImportReport report;
    report.warnings = reader.warnings();
    std::string detail = "file=" + file.filename().string();
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
