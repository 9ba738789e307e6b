#include "project/thematic_import.hpp"

// Section index: [row problems] [value conversion] [geometry] [graffiti history] [import]

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/error.hpp"
#include "core/field_of_action.hpp"
#include "core/time.hpp"
#include "geo/address_match.hpp"
#include "geo/crs.hpp"
#include "geo/geos_context.hpp"
#include "geo/wkb.hpp"
#include "io/vector_source.hpp"
#include "project/detail/column_resolver.hpp"
#include "project/detail/import_fingerprint.hpp"
#include "project/detail/location_check.hpp"
#include "project/detail/value_parsing.hpp"
#include "project/vocabulary.hpp"
#include "store/layer_writer.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/spatialite_blob.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

using core::LayerId;

// [row problems] A row that cannot be imported; caught per row and reported with its number.
class RowRejected : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string text(const core::Value& value) {
    return core::toString(value);
}

// [value conversion] Converts a source value for a layer column; throws RowRejected with the reason.
class ValueConverter {
public:
    explicit ValueConverter(LayerId layer) : m_layer(layer) {}

    core::Value convert(const std::string& column, const core::Value& raw, const std::string& sourceName) {
        if (core::isNull(raw)) return {};
        const std::string value = text(raw);
        if (value.find_first_not_of(" \t\r\n") == std::string::npos) return {};
        const auto* def = store::findColumn(m_layer, column);
        if (column == "time" || column == "end_time") {
            const auto time = core::parseTime(value);
            if (!time) {
                throw RowRejected("cannot read the time '" + value + "' in column " + sourceName +
                                  " (expected e.g. 14.03.2025 22:15 or 2025-03-14T22:15:00)");
            }
            return core::formatBerlin(*time);
        }
        if (column == "start_date" || column == "end_date") {
            const auto date = detail::parseDate(value);
            if (!date) throw RowRejected("cannot read the date '" + value + "' in column " + sourceName);
            return *date;
        }
        if (column == "category") return category(value);
        if (column == "status") return status(value, sourceName);
        if (column == "type" && m_layer == LayerId::Measures) {
            if (auto match = matchVocabulary(kMeasureTypes, value)) return *match;
            ++m_unknownTypes;
            m_unmapped = value;
            return std::string("Sonstiges");
        }
        if (def && def->type == store::ColumnType::Integer) {
            std::optional<std::int64_t> number;
            if (const auto typed = quantity(raw)) {
                if (std::floor(*typed) == *typed && std::abs(*typed) < 9.0e15)
                    number = static_cast<std::int64_t>(*typed);
            } else {
                number = detail::parseInteger(value);
            }
            if (!number || *number < 0) {
                throw RowRejected("'" + value + "' in column " + sourceName + " is not a whole number ≥ 0");
            }
            return *number;
        }
        if (def && def->type == store::ColumnType::Real) {
            const auto number = quantity(raw) ? quantity(raw) : detail::parseQuantity(value);
            if (!number || *number < 0) {
                throw RowRejected("'" + value + "' in column " + sourceName + " is not a number ≥ 0");
            }
            return *number;
        }
        return value;
    }

    std::int64_t unmappedCategories() const { return m_unmappedCategories; }
    // The original text of a category/type that was stored as Sonstiges in the last row, once.
    std::optional<std::string> takeUnmapped() { return std::exchange(m_unmapped, std::nullopt); }
    std::int64_t unknownTypes() const { return m_unknownTypes; }

private:
    // A value the file already typed as a number (GeoJSON, GeoPackage): taken as is, never re-read as text,
    // where 1.234 would look like a German thousands group.
    static std::optional<double> quantity(const core::Value& raw) {
        if (const auto* d = std::get_if<double>(&raw)) return *d;
        if (const auto* i = std::get_if<std::int64_t>(&raw)) return static_cast<double>(*i);
        return std::nullopt;
    }

    core::Value category(const std::string& value) {
        if (m_layer == LayerId::Incidents) {
            if (const auto field = core::parseFieldOfAction(value)) {
                return std::string(core::fieldOfActionInfo(*field).id);
            }
            ++m_unmappedCategories;
            m_unmapped = value;
            return std::string(core::fieldOfActionInfo(core::FieldOfAction::Sonstiges).id);
        }
        if (m_layer == LayerId::Observations) {
            if (auto match = matchVocabulary(kObservationCategories, value)) return *match;
            ++m_unmappedCategories;
            m_unmapped = value;
            return std::string("Sonstiges");
        }
        return value;
    }

    core::Value status(const std::string& value, const std::string& sourceName) {
        if (m_layer == LayerId::Graffiti) {
            if (auto match = matchVocabulary(kGraffitiStatuses, value)) return *match;
            throw RowRejected("unknown graffiti status '" + value + "' in column " + sourceName +
                              " (allowed: " + joinVocabulary(kGraffitiStatuses) + ")");
        }
        if (m_layer == LayerId::Measures) {
            if (auto match = matchVocabulary(kMeasureStatuses, value)) return *match;
            throw RowRejected("unknown measure status '" + value + "' in column " + sourceName +
                              " (allowed: " + joinVocabulary(kMeasureStatuses) + ")");
        }
        return value;
    }

    LayerId m_layer;
    std::int64_t m_unmappedCategories = 0;
    std::int64_t m_unknownTypes = 0;
    std::optional<std::string> m_unmapped;
};

// [geometry] Builds and checks a row's geometry in the project CRS.
class GeometryBuilder {
public:
    // location: checks that each row lies near the project; null to import wherever rows lie.
    GeometryBuilder(LayerId layer, const detail::ColumnPlan& plan, const std::string& sourceCrs,
                    const std::string& projectCrs, detail::LocationCheck* location,
                    const geo::AddressIndex* addresses = nullptr)
        : m_layer(layer),
          m_plan(plan),
          m_toProject(sourceCrs, projectCrs),
          m_location(location),
          m_addresses(addresses) {}

    // The last row's address match (--address), for the match report; reset by every build().
    const std::optional<geo::AddressMatch>& lastMatch() const { return m_lastMatch; }
    const std::string& lastAddress() const { return m_lastAddress; }

    // Rows rejected because they lie off the project area; the first one's problem and what it suggests.
    std::int64_t offArea() const { return m_offArea; }
    const std::string& offAreaProblem() const { return m_offAreaProblem; }
    const std::string& offAreaHint() const { return m_offAreaHint; }

    // Empty result: the row has no location (allowed only where the layer's geometry is optional).
    core::Wkb build(const core::Feature& row) {
        core::Wkb wkb;
        m_lastMatch.reset();
        m_lastAddress.clear();
        if (!m_plan.address.empty()) return geocode(row);
        if (m_plan.x >= 0 || m_plan.lat >= 0) {
            const bool geographic = m_plan.lat >= 0;
            const auto& xv = row.attributes[static_cast<std::size_t>(geographic ? m_plan.lon : m_plan.x)].value;
            const auto& yv = row.attributes[static_cast<std::size_t>(geographic ? m_plan.lat : m_plan.y)].value;
            if (core::isNull(xv) && core::isNull(yv)) return missing();
            const auto x = number(xv);
            const auto y = number(yv);
            if (!x || !y) {
                throw RowRejected("coordinates '" + text(xv) + "', '" + text(yv) + "' are not numbers");
            }
            if (geographic) checkLatLon(*y, *x);
            checkLocation(*x, *y);
            wkb = geo::pointWkb(*x, *y);
        } else {
            if (row.geometry.empty()) return missing();
            wkb = row.geometry;
            if (m_location) {
                const auto coordinates = geo::wkbCoordinates(wkb);
                if (!coordinates.empty()) checkLocation(coordinates.front().first, coordinates.front().second);
            }
        }
        try {
            geo::transformWkb(wkb, m_toProject);
        } catch (const core::Error& e) {
            throw RowRejected(e.what());
        }
        return fitToLayer(std::move(wkb));
    }

private:
    // The row's address matched against the project's addresses; the point is in the project CRS already.
    core::Wkb geocode(const core::Feature& row) {
        std::vector<std::string> parts;
        for (const int column : m_plan.address) {
            const auto& value = row.attributes[static_cast<std::size_t>(column)].value;
            parts.push_back(core::isNull(value) ? std::string() : text(value));
        }
        for (const auto& part : parts) {
            if (!part.empty()) m_lastAddress += (m_lastAddress.empty() ? "" : " ") + part;
        }
        if (m_lastAddress.empty()) return missing();
        geo::AddressMatch match = parts.size() == 1
                                      ? m_addresses->match(parts[0], m_cache)
                                      : m_addresses->match(parts[0], parts[1], parts.size() > 2 ? parts[2] : "",
                                                           parts.size() > 3 ? parts[3] : "", m_cache);
        m_lastMatch = match;
        if (!match.located()) {
            throw RowRejected("address '" + m_lastAddress + "' " +
                              (match.quality == geo::MatchQuality::Ambiguous ? "is ambiguous" : "not found") + ": " +
                              match.reason);
        }
        return fitToLayer(geo::pointWkb(match.x, match.y));
    }

    core::Wkb missing() const {
        if (core::layerInfo(m_layer).geometryRequired) throw RowRejected("no coordinates / no geometry");
        return {};
    }

    static std::optional<double> number(const core::Value& v) {
        if (const auto* d = std::get_if<double>(&v)) return *d;
        if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
        return detail::parseNumber(text(v));
    }

    static void checkLatLon(double lat, double lon) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw RowRejected("latitude " + text(lat) + " / longitude " + text(lon) + " out of range");
        }
        // Germany lies at lon 5.9–15.1, lat 47.2–55.1: values the other way round are swapped columns.
        if (lat >= 5 && lat <= 16 && lon >= 47 && lon <= 56) {
            throw RowRejected("latitude " + text(lat) + " and longitude " + text(lon) +
                              " look swapped (check --lat/--lon)");
        }
    }

    void checkLocation(double x, double y) {
        if (!m_location) return;
        if (const auto problem = m_location->problem(x, y)) {
            if (m_offArea++ == 0) {
                m_offAreaProblem = *problem;
                m_offAreaHint = m_location->hint();
            }
            throw RowRejected(*problem + "; " + m_location->hint());
        }
    }

    core::Wkb fitToLayer(core::Wkb wkb) {
        const auto type = geo::wkbType(wkb);
        const auto expected = core::layerInfo(m_layer).geometryType;
        const auto typeName = [](geo::WkbType t) {
            static constexpr const char* kNames[] = {
                "",           "Point",           "LineString",   "Polygon",
                "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"};
            return std::string(kNames[static_cast<int>(t)]);
        };
        switch (expected) {
            case core::GeometryType::Point:
                if (type == geo::WkbType::MultiPoint && geo::wkbCoordinates(wkb).size() == 1) {
                    const auto c = geo::wkbCoordinates(wkb)[0];
                    return geo::pointWkb(c.first, c.second);
                }
                if (type != geo::WkbType::Point) throw RowRejected("expected a point, got a " + typeName(type));
                return wkb;
            case core::GeometryType::LineString:
                if (type == geo::WkbType::MultiLineString) {
                    // A GPX track is a MultiLineString of its segments: one segment is one line. transformWkb
                    // wrote little-endian WKB: order byte, type, member count, then the members.
                    const std::uint32_t members = std::uint32_t{wkb[5]} | std::uint32_t{wkb[6]} << 8 |
                                                  std::uint32_t{wkb[7]} << 16 | std::uint32_t{wkb[8]} << 24;
                    if (members != 1) {
                        throw RowRejected("expected one line, got a MultiLineString of " + std::to_string(members) +
                                          " lines (split it into single lines)");
                    }
                    wkb.erase(wkb.begin(), wkb.begin() + 9);
                    if (geo::wkbCoordinates(wkb).size() < 2) throw RowRejected("a line needs at least two points");
                    return wkb;
                }
                if (type != geo::WkbType::LineString) throw RowRejected("expected a line, got a " + typeName(type));
                if (geo::wkbCoordinates(wkb).size() < 2) throw RowRejected("a line needs at least two points");
                return wkb;
            case core::GeometryType::MultiPolygon:
                if (type != geo::WkbType::Polygon && type != geo::WkbType::MultiPolygon) {
                    throw RowRejected("expected a polygon, got a " + typeName(type));
                }
                checkValid(wkb);
                geo::promoteToMulti(wkb);
                return wkb;
            case core::GeometryType::Geometry:
                if (type == geo::WkbType::GeometryCollection) {
                    throw RowRejected("geometry collections are not supported; use one geometry per row");
                }
                if (type == geo::WkbType::Polygon || type == geo::WkbType::MultiPolygon) checkValid(wkb);
                return wkb;
        }
        return wkb;
    }

    void checkValid(const core::Wkb& wkb) {
        const std::string reason = m_geos.invalidReason(wkb);
        if (!reason.empty()) throw RowRejected("invalid polygon: " + reason);
    }

    LayerId m_layer;
    const detail::ColumnPlan& m_plan;
    geo::CrsTransform m_toProject;
    detail::LocationCheck* m_location;
    const geo::AddressIndex* m_addresses;
    geo::AddressIndex::MatchCache m_cache;
    std::optional<geo::AddressMatch> m_lastMatch;
    std::string m_lastAddress;
    geo::GeosContext m_geos;
    std::int64_t m_offArea = 0;
    std::string m_offAreaProblem;
    std::string m_offAreaHint;
};

// [graffiti history]
struct StatusEntry {
    std::string status;
    std::string date;
    std::optional<double> cost;
    std::string note;
};

std::vector<StatusEntry> parseHistory(const std::string& json) {
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception&) {
        throw RowRejected("the status history is not valid JSON");
    }
    if (!parsed.is_array()) throw RowRejected("the status history must be a JSON list");
    std::vector<StatusEntry> entries;
    for (const auto& item : parsed) {
        if (!item.is_object() || !item.contains("status") || !item.contains("date")) {
            throw RowRejected("each status history entry needs status and date");
        }
        StatusEntry entry;
        const auto status = matchVocabulary(
            kGraffitiStatuses, item["status"].is_string() ? item["status"].get<std::string>() : item["status"].dump());
        if (!status) {
            throw RowRejected("unknown graffiti status " + item["status"].dump() +
                              " in the history (allowed: " + joinVocabulary(kGraffitiStatuses) + ")");
        }
        entry.status = *status;
        const auto date = item["date"].is_string() ? detail::parseDate(item["date"].get<std::string>()) : std::nullopt;
        if (!date) throw RowRejected("cannot read the date " + item["date"].dump() + " in the status history");
        entry.date = *date;
        if (item.contains("cost_eur") && !item["cost_eur"].is_null()) {
            if (!item["cost_eur"].is_number() || item["cost_eur"].get<double>() < 0) {
                throw RowRejected("cost_eur in the status history must be a number ≥ 0");
            }
            entry.cost = item["cost_eur"].get<double>();
        }
        if (item.contains("note") && item["note"].is_string()) entry.note = item["note"].get<std::string>();
        if (!entries.empty() && entry.date < entries.back().date) {
            throw RowRejected("the status history is not in date order");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

nlohmann::json jsonValue(const core::Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    return nullptr;
}

std::string resolveSourceCrs(const io::ImportMapping& mapping, const io::VectorSource& source,
                             const detail::ColumnPlan& plan, const store::ProjectStore& store,
                             std::vector<std::string>& warnings) {
    if (!plan.address.empty()) {
        if (!mapping.crs.empty())
            throw core::UsageError(
                "--crs does not apply to --address (addresses are placed "
                "in the project CRS)");
        return store.crs();
    }
    if (!mapping.crs.empty()) return geo::parseCrs(mapping.crs);
    if (plan.lat >= 0) return "EPSG:4326";
    if (plan.x >= 0) {
        warnings.push_back("no --crs given: x/y taken as the project CRS " + store.crs());
        return store.crs();
    }
    if (!source.crs().empty()) return source.crs();
    if (source.hasGeometry()) {
        warnings.push_back("the file declares no CRS: coordinates taken as EPSG:4326 (WGS84)");
        return "EPSG:4326";
    }
    return store.crs();
}

// The project's address points for --address: today the addresses on the buildings of the OSM base map
// (addr:street, addr:housenumber, addr:postcode), each at a point inside its building.
geo::AddressIndex loadAddresses(store::ProjectStore& store) {
    std::vector<geo::AddressPoint> points;
    geo::GeosContext geos;
    store::Statement rows(store.db(),
                          "SELECT addr_street, addr_housenumber, addr_postcode, geometry FROM buildings "
                          "WHERE addr_street IS NOT NULL AND addr_housenumber IS NOT NULL AND geometry IS NOT NULL");
    while (rows.step()) {
        const auto blob = rows.columnBlob(3);
        try {
            const core::Wkb wkb = store::spatialiteToWkb(blob.data(), blob.size());
            const geo::Coord at = geos.pointOnSurface(wkb);
            if (!std::isfinite(at.first) || !std::isfinite(at.second)) continue;
            points.push_back({rows.columnText(0), rows.columnText(1), rows.isNull(2) ? "" : rows.columnText(2), "", "",
                              at.first, at.second});
        } catch (const core::Error&) {
            continue;  // a damaged geometry gives no address point
        }
    }
    return geo::AddressIndex(std::move(points));
}

}  // namespace

// [import]
ThematicImportReport importThematic(store::ProjectStore& store, LayerId layer, const std::filesystem::path& file,
                                    const io::ImportMapping& mapping, const ImportOptions& options,
                                    core::Progress& progress) {
    const auto& info = core::layerInfo(layer);
    if (info.kind != core::LayerKind::Thematic) {
        throw core::UsageError("layer " + std::string(info.name) + " is part of the OSM base map",
                               "import OSM data with `lagebild import-osm`");
    }
    const std::string name = file.string();
    io::VectorSource source(file, {mapping.encoding, mapping.delimiter});
    const detail::ColumnPlan plan =
        detail::planColumns(layer, source.fieldNames(), mapping, source.hasGeometry(), name);
    ThematicImportReport report;
    report.layer = layer;
    if (plan.x < 0 && plan.lat < 0 && plan.address.empty() && !source.hasGeometry() && info.geometryRequired) {
        throw core::UsageError(name + ": no coordinates found for layer " + std::string(info.name),
                               "give --x/--y (with --crs) or --lat/--lon; the file's columns are listed by "
                               "`ogrinfo -al -so`");
    }
    auto assignedColumn = [&](std::string_view column) -> int {
        for (const auto& a : plan.assignments) {
            if (a.column == column) return a.source;
        }
        return -1;
    };
    if ((layer == LayerId::Incidents || layer == LayerId::Visits) && assignedColumn("time") < 0) {
        throw core::UsageError(name + ": layer " + std::string(info.name) + " needs a time column",
                               "give it with --time COLUMN");
    }
    if (layer == LayerId::Incidents && assignedColumn("category") < 0) {
        throw core::UsageError(name + ": layer incidents needs a category column (field of action)",
                               "give it with --category COLUMN");
    }
    report.sourceCrs = resolveSourceCrs(mapping, source, plan, store, report.warnings);
    for (const auto& a : plan.assignments)
        report.columns[a.column] = source.fieldNames()[static_cast<std::size_t>(a.source)];

    // Column list of the writer: mapped columns, defaults the layer needs, attrs.
    std::vector<std::string> columns;
    for (const auto& a : plan.assignments) columns.push_back(a.column);
    auto ensureColumn = [&](const std::string& column) {
        if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
    };
    if (layer == LayerId::Graffiti) {
        ensureColumn("status");
        ensureColumn("cost_eur");
    }
    if (layer == LayerId::Measures) {
        ensureColumn("type");
        ensureColumn("status");
    }
    if (layer == LayerId::Observations) ensureColumn("category");
    if (layer == LayerId::Visits) {
        ensureColumn("route_uuid");
        ensureColumn("duration_min");
    }
    columns.push_back("attrs");
    auto indexOf = [&](const std::string& column) {
        return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
    };

    // Existing ids, so a second import of the same export adds nothing.
    std::unordered_set<std::string> existingIds, fileIds;
    {
        store::Statement ids(store.db(),
                             "SELECT ext_id FROM " + store::quoteIdentifier(info.name) + " WHERE ext_id IS NOT NULL");
        while (ids.step()) existingIds.insert(ids.columnText(0));
    }
    // Without ids, the very same file imported again would double every row.
    const bool hasIds = assignedColumn("ext_id") >= 0;
    const std::string fingerprint = detail::contentFingerprint(file);
    if (!hasIds && !options.allowDuplicates) {
        if (const auto previous = detail::findPreviousImport(store, layer, fingerprint)) {
            throw core::InputError(name + ": this file was imported into layer " + std::string(info.name) +
                                       " before (" + previous->file + ", " + previous->time + ", " +
                                       std::to_string(previous->rows) +
                                       " rows); importing it again would add every row a second time",
                                   "nothing was imported; give --allow-duplicates to import it again anyway, or "
                                   "--id COLUMN so rows already in the project are recognised");
        }
    }
    std::unordered_map<std::string, std::string> routeIds;  // ext_id or name → uuid
    if (layer == LayerId::Visits) {
        store::Statement routes(store.db(), "SELECT uuid, ext_id, name FROM routes");
        while (routes.step()) {
            if (!routes.isNull(2)) routeIds.emplace(routes.columnText(2), routes.columnText(0));
            if (!routes.isNull(1)) routeIds[routes.columnText(1)] = routes.columnText(0);
        }
    }

    store::WriteTransaction tx(store);
    store::LayerWriter writer(store, layer, columns);
    std::unique_ptr<store::Statement> statusInsert;
    if (layer == LayerId::Graffiti) {
        statusInsert = std::make_unique<store::Statement>(
            store.db(),
            "INSERT INTO graffiti_status(graffiti_uuid, status, date, cost_eur, note, created, author) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
    }
    const std::string now = core::formatUtc(core::now());
    const std::string author = store.author();
    std::unique_ptr<detail::LocationCheck> location;
    if (!options.forceLocation) location = std::make_unique<detail::LocationCheck>(store, report.sourceCrs);
    std::optional<geo::AddressIndex> addresses;
    if (!plan.address.empty()) {
        addresses.emplace(loadAddresses(store));
        report.addressPoints = addresses->size();
        if (addresses->size() == 0) {
            throw core::UsageError(name + ": the project has no addresses to match --address against",
                                   "import an OSM extract with addresses (addr:street, addr:housenumber) first, or "
                                   "give coordinates with --x/--y or --lat/--lon");
        }
    }
    GeometryBuilder geometryBuilder(layer, plan, report.sourceCrs, store.crs(), location.get(),
                                    addresses ? &*addresses : nullptr);
    // Every row with an address goes into the match report, imported or rejected.
    const auto noteMatch = [&](std::int64_t sourceRow) {
        const auto& match = geometryBuilder.lastMatch();
        if (!match) return;
        const std::string quality(geo::matchQualityName(match->quality));
        ++report.geocoding[quality];
        report.geocoded.push_back({sourceRow, geometryBuilder.lastAddress(), quality, match->reason});
    };
    ValueConverter converter(layer);
    std::int64_t unresolvedRoutes = 0;

    progress.beginStage("Importieren " + std::string(info.displayName),
                        source.featureCount() > 0 ? static_cast<std::uint64_t>(source.featureCount()) : 0);
    core::Feature row;
    std::vector<core::Value> values(columns.size());
    std::string firstOffAreaRow;  // "line 7", the first row off the project area
    while (source.next(row)) {
        progress.step();
        try {
            if (!row.problem.empty()) throw RowRejected(row.problem);
            converter.takeUnmapped();
            std::fill(values.begin(), values.end(), core::Value{});
            for (const auto& a : plan.assignments) {
                const auto& attribute = row.attributes[static_cast<std::size_t>(a.source)];
                values[indexOf(a.column)] = converter.convert(a.column, attribute.value, attribute.name);
            }
            // Identity and duplicates: a row whose id is in the layer already is skipped, not rejected.
            if (hasIds) {
                const std::string id = text(values[indexOf("ext_id")]);
                if (!id.empty() && existingIds.count(id)) {
                    ++report.alreadyPresent;
                    continue;
                }
                if (!id.empty() && !fileIds.insert(id).second) {
                    throw RowRejected("id " + id + " appears twice in this file");
                }
            }
            core::Wkb geometry;
            try {
                geometry = geometryBuilder.build(row);
            } catch (const RowRejected&) {
                noteMatch(static_cast<std::int64_t>(row.sourceRow));
                throw;
            }
            noteMatch(static_cast<std::int64_t>(row.sourceRow));
            // Layer rules.
            std::vector<StatusEntry> history;
            switch (layer) {
                case LayerId::Incidents:
                    if (core::isNull(values[indexOf("time")])) throw RowRejected("no time");
                    if (core::isNull(values[indexOf("category")])) throw RowRejected("no category");
                    break;
                case LayerId::Visits: {
                    const auto& start = values[indexOf("time")];
                    if (core::isNull(start)) throw RowRejected("no start time");
                    if (const auto endIndex = indexOf("end_time"); endIndex < columns.size()) {
                        const auto& end = values[endIndex];
                        if (!core::isNull(end)) {
                            const auto s = core::parseTime(text(start)), e = core::parseTime(text(end));
                            if (e->unixSeconds < s->unixSeconds) throw RowRejected("the visit ends before it starts");
                            if (core::isNull(values[indexOf("duration_min")])) {
                                values[indexOf("duration_min")] =
                                    static_cast<double>(e->unixSeconds - s->unixSeconds) / 60.0;
                            }
                        }
                    }
                    if (const auto routeIndex = indexOf("route"); routeIndex < columns.size()) {
                        const std::string route = text(values[routeIndex]);
                        if (!route.empty()) {
                            if (const auto it = routeIds.find(route); it != routeIds.end()) {
                                values[indexOf("route_uuid")] = it->second;
                            } else {
                                ++unresolvedRoutes;
                            }
                        }
                    }
                    break;
                }
                case LayerId::Graffiti: {
                    if (plan.history >= 0) {
                        const auto& raw = row.attributes[static_cast<std::size_t>(plan.history)].value;
                        if (!core::isNull(raw)) history = parseHistory(text(raw));
                    }
                    auto& status = values[indexOf("status")];
                    if (core::isNull(status)) {
                        status = history.empty() ? std::string("gemeldet") : history.back().status;
                    } else if (!history.empty() && text(status) != history.back().status) {
                        throw RowRejected("status '" + text(status) + "' differs from the last history entry '" +
                                          history.back().status + "'");
                    }
                    if (history.empty()) {
                        std::string date;
                        if (const auto t = indexOf("time"); t < columns.size() && !core::isNull(values[t])) {
                            date = *detail::parseDate(text(values[t]));
                        } else {
                            date = *detail::parseDate(core::formatBerlin(core::now()));
                        }
                        history.push_back({text(status), date, std::nullopt, {}});
                    }
                    auto& cost = values[indexOf("cost_eur")];
                    if (core::isNull(cost)) {
                        double sum = 0;
                        bool any = false;
                        for (const auto& entry : history) {
                            if (entry.cost) {
                                sum += *entry.cost;
                                any = true;
                            }
                        }
                        if (any) cost = sum;
                    }
                    break;
                }
                case LayerId::Measures: {
                    if (core::isNull(values[indexOf("type")])) values[indexOf("type")] = std::string("Sonstiges");
                    if (core::isNull(values[indexOf("status")])) values[indexOf("status")] = std::string("geplant");
                    const auto s = indexOf("start_date"), e = indexOf("end_date");
                    if (s < columns.size() && e < columns.size() && !core::isNull(values[s]) &&
                        !core::isNull(values[e]) && text(values[e]) < text(values[s])) {
                        throw RowRejected("the measure ends before it starts");
                    }
                    break;
                }
                case LayerId::Observations:
                    if (core::isNull(values[indexOf("category")]))
                        values[indexOf("category")] = std::string("Sonstiges");
                    break;
                case LayerId::Districts:
                    if (const auto n = indexOf("name"); n >= columns.size() || core::isNull(values[n])) {
                        throw RowRejected("a district needs a name");
                    }
                    break;
                default:
                    break;
            }
            // Everything else is kept in attrs.
            nlohmann::json attrs = nlohmann::json::object();
            for (const int extra : plan.extra) {
                const auto& attribute = row.attributes[static_cast<std::size_t>(extra)];
                if (!core::isNull(attribute.value)) attrs[attribute.name] = jsonValue(attribute.value);
            }
            if (auto original = converter.takeUnmapped()) attrs["original_value"] = *original;
            if (const auto& match = geometryBuilder.lastMatch()) {
                attrs["address"] = geometryBuilder.lastAddress();
                attrs["geocode"] = std::string(geo::matchQualityName(match->quality));
                if (!match->reason.empty()) attrs["geocode_reason"] = match->reason;
            }
            values.back() = attrs.empty() ? core::Value{} : core::Value{attrs.dump()};

            const std::string uuid = writer.insert(geometry, values);
            for (const auto& entry : history) {
                statusInsert->bind(1, uuid).bind(2, entry.status).bind(3, entry.date);
                if (entry.cost) statusInsert->bind(4, *entry.cost);
                if (!entry.note.empty()) statusInsert->bind(5, entry.note);
                statusInsert->bind(6, now).bind(7, author);
                statusInsert->run();
            }
            ++report.imported;
        } catch (const RowRejected& problem) {
            ++report.rejected;
            if (geometryBuilder.offArea() == 1 && firstOffAreaRow.empty()) {
                firstOffAreaRow = std::string(source.rowWord()) + " " + std::to_string(row.sourceRow);
            }
            const std::string message =
                name + ": " + source.rowWord() + " " + std::to_string(row.sourceRow) + ": " + problem.what();
            if (options.strict) {
                throw core::InputError(message, "nothing was imported (--strict); fix the row and import again");
            }
            if (report.rejections.size() < options.listedRejections) report.rejections.push_back(message);
        }
    }
    progress.finishStage();

    if (report.imported == 0) {
        if (report.alreadyPresent > 0) {
            // The same export again: nothing to do, and nothing is written (not even an audit row).
            report.warnings.push_back(
                report.rejected == 0
                    ? "all " + std::to_string(report.alreadyPresent) + " rows are already in the project"
                    : std::to_string(report.alreadyPresent) + " rows are already in the project; the other " +
                          std::to_string(report.rejected) + " were rejected");
            return report;
        }
        if (report.rejected == 0) throw core::InputError(name + ": the file contains no rows");
        if (geometryBuilder.offArea() == report.rejected) {
            throw core::InputError(name + ": none of the " + std::to_string(report.rejected) +
                                       " rows lies near the project (" + firstOffAreaRow + ": " +
                                       geometryBuilder.offAreaProblem() + ")",
                                   geometryBuilder.offAreaHint() + "; nothing was imported");
        }
        throw core::InputError(name + ": none of the " + std::to_string(report.rejected) +
                                   " rows could be imported; first problem: " + report.rejections.front(),
                               "nothing was imported; check the column mapping flags");
    }
    if (report.alreadyPresent > 0) {
        report.warnings.push_back(std::to_string(report.alreadyPresent) +
                                  " rows are already in the project (same id) and were skipped");
    }
    if (source.recodedValues() > 0) {
        report.warnings.push_back(std::to_string(source.recodedValues()) +
                                  " text values were not UTF-8 and were read as Windows-1252 (give --encoding)");
    }
    if (converter.unmappedCategories() > 0) {
        report.warnings.push_back(std::to_string(converter.unmappedCategories()) +
                                  " rows had a category that is not a known field of action; stored as Sonstiges");
    }
    if (converter.unknownTypes() > 0) {
        report.warnings.push_back(std::to_string(converter.unknownTypes()) +
                                  " measures had an unknown type; stored as Sonstiges");
    }
    if (unresolvedRoutes > 0) {
        report.warnings.push_back(std::to_string(unresolvedRoutes) +
                                  " visits name a route that is not in the project; kept without link");
    }
    store.audit("import", layer, "", "", "",
                "file=" + file.filename().string() + " imported=" + std::to_string(report.imported) +
                    " rejected=" + std::to_string(report.rejected));
    detail::recordImport(store, layer, fingerprint, {file.filename().string(), now, report.imported});
    writer.finish();
    tx.commit();
    return report;
}

}  // namespace lb::project
