// The export of layers (issue 11), tested per output path by reading back what was written: GDAL for the
// GeoPackage and the CSV, nlohmann for the GeoJSON, SQLite for layer_styles, xmllint for the QML.
#include <gtest/gtest.h>

#include <gdal.h>
#include <ogr_api.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/geometry_text.hpp"
#include "geo/wkb.hpp"
#include "project/demo.hpp"
#include "project/layer_export.hpp"
#include "project/qgis_style.hpp"
#include "store/project_store.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace lb;

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

const std::string kNoteMarker = "NOTIZ-MARKER-7f3a91";
const std::string kAuthorMarker = "AUTOR-MARKER-c04e22";

// One demo town with marker strings in a note and in authors of every thematic layer.
class LayerExportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        s_path = *s_dir / "demo.sqlite";
        project::createDemo(s_path, {3, 1500}, core::Progress::none());
        auto store = store::ProjectStore::open(s_path, store::ProjectStore::Access::ReadWrite);
        store->db().exec("UPDATE observations SET note = '" + kNoteMarker +
                         "' WHERE id = (SELECT min(id) FROM "
                         "observations)");
        for (const char* layer : {"incidents", "graffiti", "measures", "districts", "observations", "routes"}) {
            store->db().exec(std::string("UPDATE ") + layer + " SET author = '" + kAuthorMarker + "'");
        }
        GDALAllRegister();
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::unique_ptr<store::ProjectStore> open() {
        return store::ProjectStore::open(s_path, store::ProjectStore::Access::ReadOnly);
    }
    static render::Style style() { return render::Style::load(render::defaultStylePath()); }
    static test::TempDir* s_dir;
    static std::filesystem::path s_path;
};
test::TempDir* LayerExportTest::s_dir = nullptr;
std::filesystem::path LayerExportTest::s_path;

struct GdalDataset {
    explicit GdalDataset(const std::filesystem::path& path, const char* const* options = nullptr)
        : handle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr)) {}
    ~GdalDataset() {
        if (handle) GDALClose(handle);
    }
    GDALDatasetH handle;
};

std::int64_t sqlCount(store::ProjectStore& store, const std::string& sql) {
    store::Statement st(store.db(), sql);
    return st.step() ? st.columnInt(0) : -1;
}

// The raw incident coordinates of the project.
std::vector<geo::Coord> incidentPoints(store::ProjectStore& store) {
    std::vector<geo::Coord> out;
    store::Statement st(store.db(), "SELECT ST_X(geometry), ST_Y(geometry) FROM incidents");
    while (st.step()) out.emplace_back(st.columnDouble(0), st.columnDouble(1));
    return out;
}

// Every vertex of every geometry of every layer of a GDAL dataset.
std::vector<geo::Coord> allVertices(GDALDatasetH ds) {
    std::vector<geo::Coord> out;
    std::function<void(OGRGeometryH)> walk = [&](OGRGeometryH g) {
        if (!g) return;
        const int parts = OGR_G_GetGeometryCount(g);
        if (parts > 0) {
            for (int i = 0; i < parts; ++i) walk(OGR_G_GetGeometryRef(g, i));
            return;
        }
        for (int i = 0; i < OGR_G_GetPointCount(g); ++i) out.emplace_back(OGR_G_GetX(g, i), OGR_G_GetY(g, i));
    };
    for (int l = 0; l < GDALDatasetGetLayerCount(ds); ++l) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, l);
        OGR_L_ResetReading(layer);
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            walk(OGR_F_GetGeometryRef(f));
            OGR_F_Destroy(f);
        }
    }
    return out;
}

// How many vertices lie within `tolerance` of a raw incident.
std::size_t incidentCoordinates(const std::vector<geo::Coord>& incidents, const std::vector<geo::Coord>& vertices,
                                double tolerance) {
    std::set<std::pair<long long, long long>> cells;  // incidents binned to the tolerance
    for (const auto& [x, y] : incidents) {
        cells.insert({std::llround(x / tolerance), std::llround(y / tolerance)});
    }
    std::size_t hits = 0;
    for (const auto& [x, y] : vertices) {
        for (long long dx = -1; dx <= 1; ++dx) {
            for (long long dy = -1; dy <= 1; ++dy) {
                if (!cells.count({std::llround(x / tolerance) + dx, std::llround(y / tolerance) + dy})) continue;
                for (const auto& [ix, iy] : incidents) {
                    if (std::abs(ix - x) < tolerance && std::abs(iy - y) < tolerance) ++hits;
                }
            }
        }
    }
    return hits;
}

std::vector<std::string> layerNames(GDALDatasetH ds) {
    std::vector<std::string> out;
    for (int l = 0; l < GDALDatasetGetLayerCount(ds); ++l) out.push_back(OGR_L_GetName(GDALDatasetGetLayer(ds, l)));
    return out;
}

std::vector<std::int64_t> countColumn(OGRLayerH layer, std::size_t* nulls = nullptr) {
    std::vector<std::int64_t> out;
    OGR_L_ResetReading(layer);
    const int index = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "count");
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        if (OGR_F_IsFieldSetAndNotNull(f, index)) {
            out.push_back(OGR_F_GetFieldAsInteger64(f, index));
        } else if (nulls) {
            ++*nulls;
        }
        OGR_F_Destroy(f);
    }
    return out;
}

}  // namespace

// [GeoPackage]

TEST_F(LayerExportTest, InternalGeoPackageHoldsEveryFeatureWithItsStoredValues) {
    auto store = open();
    test::TempDir out;
    const auto file = out / "alles.gpkg";
    const auto report =
        project::exportProject(*store, file, project::OutputGate::internal(), {}, style(), core::Progress::none());
    GdalDataset ds(file);
    ASSERT_NE(ds.handle, nullptr);
    std::set<std::string> written;
    for (const auto& [name, count] : report.tables) written.insert(name);
    for (const auto& info : core::kLayers) {
        const auto n = store->count(info.id);
        ASSERT_EQ(written.count(std::string(info.name)), n > 0 ? 1u : 0u) << info.name;
        if (n == 0) continue;
        OGRLayerH layer = GDALDatasetGetLayerByName(ds.handle, std::string(info.name).c_str());
        ASSERT_NE(layer, nullptr) << info.name;
        EXPECT_EQ(OGR_L_GetFeatureCount(layer, 1), n) << info.name;
        // Every column's values equal the store's, feature by feature (text as SQLite gives it).
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        std::string sql = "SELECT id";
        for (const auto& column : store::layerColumns(info.id)) sql += ", " + store::quoteIdentifier(column.name);
        store::Statement st(store->db(),
                            sql + " FROM " + store::quoteIdentifier(std::string(info.name)) + " ORDER BY id");
        OGR_L_ResetReading(layer);
        std::size_t compared = 0;
        while (st.step()) {
            OGRFeatureH f = OGR_L_GetNextFeature(layer);
            ASSERT_NE(f, nullptr) << info.name;
            EXPECT_EQ(OGR_F_GetFieldAsInteger64(f, OGR_FD_GetFieldIndex(defn, "id")), st.columnInt(0));
            int c = 1;
            for (const auto& column : store::layerColumns(info.id)) {
                const int index = OGR_FD_GetFieldIndex(defn, std::string(column.name).c_str());
                ASSERT_GE(index, 0) << info.name << "." << column.name;
                if (st.isNull(c)) {
                    EXPECT_FALSE(OGR_F_IsFieldSetAndNotNull(f, index)) << info.name << "." << column.name;
                } else if (column.type == store::ColumnType::Real) {
                    EXPECT_DOUBLE_EQ(OGR_F_GetFieldAsDouble(f, index), st.columnDouble(c)) << column.name;
                } else if (column.type == store::ColumnType::Integer) {
                    EXPECT_EQ(OGR_F_GetFieldAsInteger64(f, index), st.columnInt(c)) << column.name;
                } else {
                    EXPECT_EQ(std::string(OGR_F_GetFieldAsString(f, index)), st.columnText(c)) << column.name;
                }
                ++c;
            }
            OGR_F_Destroy(f);
            ++compared;
        }
        EXPECT_EQ(static_cast<std::int64_t>(compared), n);
    }
    // The incidents and the markers are there: the public test below looks for them in vain, and would find them.
    const auto points = incidentPoints(*store);
    EXPECT_GE(incidentCoordinates(points, allVertices(ds.handle), 0.01), points.size());
    const std::string bytes = test::readFile(file);
    EXPECT_NE(bytes.find(kNoteMarker), std::string::npos);
    EXPECT_NE(bytes.find(kAuthorMarker), std::string::npos);
}

TEST_F(LayerExportTest, PublicGeoPackageHoldsAggregatesOnlyNoneUnderK) {
    auto store = open();
    test::TempDir out;
    const auto file = out / "oeffentlich.gpkg";
    const int k = 7;
    project::exportProject(*store, file, project::OutputGate::forPublic(k), {}, style(), core::Progress::none());
    GdalDataset ds(file);
    ASSERT_NE(ds.handle, nullptr);
    const auto names = layerNames(ds.handle);
    const std::set<std::string> expected{"roads",
                                         "buildings",
                                         "landuse",
                                         "water",
                                         "railways",
                                         "pois",
                                         "graffiti",
                                         "measures",
                                         "districts",
                                         "incidents_grid",
                                         "incidents_districts",
                                         "layer_styles"};
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), expected);

    const std::int64_t total = store->count(core::LayerId::Incidents);
    // Grid: every cell shown at least k; what is left out is nothing or at least k (secondary suppression).
    const auto grid = countColumn(GDALDatasetGetLayerByName(ds.handle, "incidents_grid"));
    ASSERT_FALSE(grid.empty());
    std::int64_t shown = 0;
    for (auto c : grid) {
        EXPECT_GE(c, k);
        shown += c;
    }
    EXPECT_LE(shown, total);
    EXPECT_TRUE(total - shown == 0 || total - shown >= k) << total - shown;
    // The same grid counted here: every shown cell has its true count.
    std::map<std::pair<long long, long long>, std::int64_t> truth;
    const auto points = incidentPoints(*store);
    for (const auto& [x, y] : points) ++truth[{std::llround(std::floor(x / 250)), std::llround(std::floor(y / 250))}];
    OGRLayerH gridLayer = GDALDatasetGetLayerByName(ds.handle, "incidents_grid");
    OGR_L_ResetReading(gridLayer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(gridLayer)) {
        const auto key = std::pair{std::llround(OGR_F_GetFieldAsDouble(f, 0) / 250),
                                   std::llround(OGR_F_GetFieldAsDouble(f, 1) / 250)};
        EXPECT_EQ(OGR_F_GetFieldAsInteger64(f, 2), truth[key]);
        OGR_F_Destroy(f);
    }
    // Districts: a row per district, suppressed counts null; hidden = in districts − shown, 0 or ≥ k.
    std::size_t nulls = 0;
    const auto zones = countColumn(GDALDatasetGetLayerByName(ds.handle, "incidents_districts"), &nulls);
    EXPECT_EQ(static_cast<std::int64_t>(zones.size() + nulls), store->count(core::LayerId::Districts));
    std::int64_t zoneShown = 0;
    for (auto c : zones) {
        EXPECT_GE(c, k);
        zoneShown += c;
    }
    const std::int64_t inDistricts =
        sqlCount(*store,
                 "SELECT count(*) FROM incidents i WHERE EXISTS (SELECT 1 FROM districts d WHERE "
                 "ST_Within(i.geometry, d.geometry))");
    EXPECT_LE(zoneShown, inDistricts);
    EXPECT_TRUE(inDistricts - zoneShown == 0 || (inDistricts - zoneShown >= k && nulls >= 2));

    // No raw incident coordinate among the vertices, no personal column, no marker in the bytes.
    EXPECT_EQ(incidentCoordinates(points, allVertices(ds.handle), 0.01), 0u) << "vertices at raw incidents";
    for (int l = 0; l < GDALDatasetGetLayerCount(ds.handle); ++l) {
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(GDALDatasetGetLayer(ds.handle, l));
        for (const char* column : {"author", "note", "notes", "photo", "ext_id", "attrs"}) {
            if (names[l] == "layer_styles") continue;
            EXPECT_EQ(OGR_FD_GetFieldIndex(defn, column), -1) << names[l] << "." << column;
        }
    }
    const std::string bytes = test::readFile(file);
    EXPECT_EQ(bytes.find(kNoteMarker), std::string::npos);
    EXPECT_EQ(bytes.find(kAuthorMarker), std::string::npos);
}

TEST_F(LayerExportTest, LayerStylesIsAGeoPackageAttributeTableWithQmlForEverySpatialLayer) {
    auto store = open();
    test::TempDir out;
    const auto file = out / "stile.gpkg";
    project::exportProject(*store, file, project::OutputGate::forPublic(), {}, style(), core::Progress::none());
    auto gpkg = std::make_unique<store::Db>(file.string(), store::Db::Mode::ReadOnly);
    {
        store::Statement st(*gpkg, "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'");
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.columnText(0), "attributes");
    }
    store::Statement st(*gpkg,
                        "SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, "
                        "styleSLD, useAsDefault, description, owner, ui, update_time FROM layer_styles");
    std::set<std::string> styled;
    const std::string xmllint = "xmllint";
    while (st.step()) {
        const std::string table = st.columnText(2);
        styled.insert(table);
        EXPECT_EQ(st.columnText(3), "geom") << table;
        EXPECT_EQ(st.columnInt(7), 1) << table;
        const std::string qml = st.columnText(5);
        EXPECT_EQ(qml.rfind("<!DOCTYPE qgis", 0), 0u) << table;
        const auto type = table.rfind("incidents_", 0) == 0         ? "graduatedSymbol"
                          : table == "measures" || table == "water" ? "RuleRenderer"
                          : table == "districts"                    ? "singleSymbol"
                                                                    : "categorizedSymbol";
        EXPECT_NE(qml.find(std::string("<renderer-v2 type=\"") + type + "\""), std::string::npos) << table;
        if (!test::haveProgram(xmllint)) continue;
        test::writeFile(out / (table + ".qml"), qml);
        const auto check = test::runProgram(xmllint, {"--noout", (out / (table + ".qml")).string()});
        EXPECT_EQ(check.exitCode, 0) << table << ": " << check.err;
    }
    // Every spatial layer written has its style.
    GdalDataset ds(file);
    for (const auto& name : layerNames(ds.handle)) {
        if (name != "layer_styles") {
            EXPECT_EQ(styled.count(name), 1u) << name;
        }
    }
    if (!test::haveProgram(xmllint)) LAGEBILD_SKIP_OR_FAIL_IN_CI("xmllint (libxml2-utils) not installed");
    // The structure QGIS reads: graffiti's categories are the style's classes with their legend labels.
    const auto count = test::runProgram(
        xmllint,
        {"--xpath", "count(/qgis/renderer-v2[@attr='status']/categories/category)", (out / "graffiti.qml").string()});
    EXPECT_EQ(trimmed(count.out), std::to_string(style().find("graffiti")->classes.size()));
    const auto labels =
        test::runProgram(xmllint, {"--xpath", "string(/qgis/renderer-v2/categories/category[@value='entfernt']/@label)",
                                   (out / "graffiti.qml").string()});
    EXPECT_EQ(trimmed(labels.out), style().find("graffiti")->classStyle("entfernt")->legend);
    const auto symbols = test::runProgram(
        xmllint,
        {"--xpath", "count(/qgis/renderer-v2/symbols/symbol[@type='marker'])", (out / "graffiti.qml").string()});
    EXPECT_EQ(trimmed(symbols.out), trimmed(count.out));
}

// [CSV]

TEST_F(LayerExportTest, GermanCsvHasBomSemicolonsAndDecimalCommasThatGdalReads) {
    auto store = open();
    test::TempDir out;
    const auto file = out / "graffiti.csv";
    project::ExportOptions options;
    options.layers = {"graffiti"};
    project::exportProject(*store, file, project::OutputGate::forPublic(), options, style(), core::Progress::none());
    const std::string text = test::readFile(file);
    ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
    const std::string header = text.substr(3, text.find("\r\n") - 3);
    EXPECT_EQ(header.find(','), std::string::npos) << header;
    EXPECT_NE(header.find(";area_m2;"), std::string::npos) << header;
    EXPECT_EQ(header.substr(header.size() - 4), ";x;y");
    EXPECT_EQ(header.find("author"), std::string::npos);
    EXPECT_EQ(text.find(kAuthorMarker), std::string::npos);

    const char* const open[] = {"SEPARATOR=SEMICOLON", nullptr};
    GdalDataset ds(file, open);
    ASSERT_NE(ds.handle, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds.handle, 0);
    EXPECT_EQ(OGR_L_GetFeatureCount(layer, 1), store->count(core::LayerId::Graffiti));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    EXPECT_EQ(std::string(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, 0))), "id");  // the BOM is not in the name
    // x with a decimal comma is the stored coordinate.
    store::Statement st(store->db(), "SELECT id, ST_X(geometry), area_m2 FROM graffiti ORDER BY id");
    OGR_L_ResetReading(layer);
    while (st.step()) {
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        ASSERT_NE(f, nullptr);
        std::string x = OGR_F_GetFieldAsString(f, OGR_FD_GetFieldIndex(defn, "x"));
        ASSERT_NE(x.find(','), std::string::npos) << x;
        x[x.find(',')] = '.';
        EXPECT_DOUBLE_EQ(std::stod(x), st.columnDouble(1));
        if (!st.isNull(2)) {
            std::string area = OGR_F_GetFieldAsString(f, OGR_FD_GetFieldIndex(defn, "area_m2"));
            if (area.find(',') != std::string::npos) area[area.find(',')] = '.';
            EXPECT_DOUBLE_EQ(std::stod(area), st.columnDouble(2));
        }
        OGR_F_Destroy(f);
    }
}

TEST_F(LayerExportTest, InternationalCsvReadsAsPointsAndWktInGdal) {
    auto store = open();
    test::TempDir out;
    project::ExportOptions options;
    options.csv = io::CsvOptions::international();
    options.layers = {"incidents"};
    project::exportProject(*store, out / "incidents.csv", project::OutputGate::internal(), options, style(),
                           core::Progress::none());
    const std::string text = test::readFile(out / "incidents.csv");
    EXPECT_EQ(text.rfind("id,uuid,", 0), 0u);
    EXPECT_EQ(text.find('\r'), std::string::npos);
    const char* const xy[] = {"X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", nullptr};
    {
        GdalDataset ds(out / "incidents.csv", xy);
        ASSERT_NE(ds.handle, nullptr);
        OGRLayerH layer = GDALDatasetGetLayer(ds.handle, 0);
        EXPECT_EQ(OGR_L_GetFeatureCount(layer, 1), store->count(core::LayerId::Incidents));
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        ASSERT_NE(f, nullptr);
        const auto points = incidentPoints(*store);
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        ASSERT_NE(g, nullptr);
        EXPECT_DOUBLE_EQ(OGR_G_GetX(g, 0), points[0].first);  // shortest round-trip digits: exact
        EXPECT_DOUBLE_EQ(OGR_G_GetY(g, 0), points[0].second);
        OGR_F_Destroy(f);
    }
    // Lines and areas as WKT.
    options.layers = {"measures"};
    project::exportProject(*store, out / "measures.csv", project::OutputGate::internal(), options, style(),
                           core::Progress::none());
    const char* const wkt[] = {"GEOM_POSSIBLE_NAMES=wkt", "KEEP_GEOM_COLUMNS=NO", nullptr};
    GdalDataset ds(out / "measures.csv", wkt);
    ASSERT_NE(ds.handle, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds.handle, 0);
    EXPECT_EQ(OGR_L_GetFeatureCount(layer, 1), store->count(core::LayerId::Measures));
    std::size_t geometries = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        geometries += OGR_F_GetGeometryRef(f) != nullptr;
        OGR_F_Destroy(f);
    }
    EXPECT_EQ(static_cast<std::int64_t>(geometries), store->count(core::LayerId::Measures));
}

// [GeoJSON]

TEST_F(LayerExportTest, GeoJsonIsRfc7946WithWgs84LongitudeLatitude) {
    auto store = open();
    test::TempDir out;
    project::ExportOptions options;
    options.layers = {"graffiti"};
    project::exportProject(*store, out / "graffiti.geojson", project::OutputGate::forPublic(), options, style(),
                           core::Progress::none());
    const auto json = nlohmann::json::parse(test::readFile(out / "graffiti.geojson"));
    EXPECT_EQ(json.at("type"), "FeatureCollection");
    EXPECT_FALSE(json.contains("crs"));  // RFC 7946 §4: WGS84 only, no crs member
    const auto& features = json.at("features");
    ASSERT_EQ(static_cast<std::int64_t>(features.size()), store->count(core::LayerId::Graffiti));
    geo::CrsTransform toWgs84(store->crs(), "EPSG:4326");
    store::Statement st(store->db(), "SELECT ST_X(geometry), ST_Y(geometry), name FROM graffiti ORDER BY id");
    for (const auto& feature : features) {
        ASSERT_TRUE(st.step());
        const auto& c = feature.at("geometry").at("coordinates");
        const double lon = c.at(0), lat = c.at(1);
        EXPECT_GT(lon, 12.4);  // Musterstadt lies by Glauchau (12.54 E, 50.82 N)
        EXPECT_LT(lon, 12.7);
        EXPECT_GT(lat, 50.7);
        EXPECT_LT(lat, 50.9);
        double x = st.columnDouble(0), y = st.columnDouble(1);
        toWgs84.transform(x, y);
        EXPECT_NEAR(lon, x, 1e-7);
        EXPECT_NEAR(lat, y, 1e-7);
        EXPECT_EQ(feature.at("properties").at("name"), st.columnText(2));
        EXPECT_FALSE(feature.at("properties").contains("author"));
    }
    // Public incidents per district: polygons, the right-hand rule, counts at least k or null.
    options.layers = {"incidents_districts"};
    project::exportProject(*store, out / "districts.geojson", project::OutputGate::forPublic(), options, style(),
                           core::Progress::none());
    const auto zones = nlohmann::json::parse(test::readFile(out / "districts.geojson"));
    ASSERT_EQ(static_cast<std::int64_t>(zones.at("features").size()), store->count(core::LayerId::Districts));
    for (const auto& feature : zones.at("features")) {
        const auto& count = feature.at("properties").at("count");
        if (!count.is_null()) {
            EXPECT_GE(count.get<int>(), project::kMinimumPublicK);
        }
        const auto& ring = feature.at("geometry").at("coordinates").at(0).at(0);
        double area = 0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            area += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
                    ring[i + 1][0].get<double>() * ring[i][1].get<double>();
        }
        EXPECT_GT(area, 0) << "exterior rings counterclockwise";
    }
    const std::string bytes = test::readFile(out / "districts.geojson");
    EXPECT_EQ(bytes.find(kAuthorMarker), std::string::npos);
}

// [refusals]

TEST_F(LayerExportTest, BadRequestsAreRefusedBeforeAnythingIsWritten) {
    auto store = open();
    test::TempDir out;
    const auto gate = project::OutputGate::forPublic();
    auto refused = [&](const std::filesystem::path& file, std::vector<std::string> layers, const std::string& what,
                       const project::OutputGate& g) {
        project::ExportOptions options;
        options.layers = std::move(layers);
        try {
            project::exportProject(*store, file, g, options, style(), core::Progress::none());
            ADD_FAILURE() << file << ": not refused";
        } catch (const core::UsageError& e) {
            EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
        }
        EXPECT_FALSE(std::filesystem::exists(file)) << file;
    };
    refused(out / "a.xlsx", {}, ".xlsx", gate);
    refused(out / "a.gpkg", {"strassen"}, "strassen", gate);
    refused(out / "a.gpkg", {"observations"}, "personal data", gate);
    refused(out / "a.gpkg", {"routes"}, "personal data", gate);
    refused(out / "a.csv", {}, "--layer", gate);
    refused(out / "a.geojson", {"incidents"}, "incidents_grid", gate);  // two aggregates: name one
    refused(out / "a.csv", {"roads", "pois"}, "--layer", project::OutputGate::internal());
    EXPECT_THROW(project::OutputGate::forPublic(4), core::UsageError);
    // A folder that does not exist: core::InputError, nothing left behind.
    EXPECT_THROW(project::exportProject(*store, out / "nope" / "a.gpkg", gate, {}, style(), core::Progress::none()),
                 core::InputError);
    EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}

TEST_F(LayerExportTest, ACancelledExportLeavesNoFile) {
    auto store = open();
    test::TempDir out;
    core::Progress progress;
    progress.cancel();
    EXPECT_THROW(project::exportProject(*store, out / "a.gpkg", project::OutputGate::internal(), {}, style(), progress),
                 core::CancelledError);
    EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}

// [styles and geometry text]

TEST(QgisStyle, ClassesBecomeCategoriesAndSeveralColumnsTheirFirstNonEmptyValue) {
    const auto style = render::Style::load(render::defaultStylePath());
    const auto* landuse = style.find("landuse");
    ASSERT_NE(landuse, nullptr);
    project::GeometryKinds polygons;
    polygons.polygons = true;
    const std::string qml = project::layerQml(*landuse, polygons, false);
    EXPECT_NE(qml.find("attr=\"coalesce(nullif(&quot;leisure&quot;, &apos;&apos;), nullif(&quot;landuse&quot;"),
              std::string::npos);
    EXPECT_NE(qml.find("<category value=\"park\" symbol=\"0\" label=\"Park\""), std::string::npos);
    // The catch-all class is QGIS's "all other values" category, listed last.
    EXPECT_NE(qml.find("<category value=\"\" symbol=\"" + std::to_string(landuse->classes.size() - 1) +
                       "\" label=\"Sonstige Fläche\""),
              std::string::npos);
    EXPECT_NE(project::layerQml(*landuse, polygons, true).find("label=\"Other area\""), std::string::npos);
    // Colours as QGIS writes them: park #d6e6c3 → 214,230,195,255.
    EXPECT_NE(qml.find("value=\"214,230,195,255\""), std::string::npos);
    // Incidents: circles of the style's size.
    project::GeometryKinds points;
    points.points = true;
    const std::string markers = project::layerQml(*style.find("incidents"), points, false);
    EXPECT_NE(markers.find("<symbol type=\"marker\""), std::string::npos);
    EXPECT_NE(markers.find("name=\"name\" value=\"circle\""), std::string::npos);
    EXPECT_EQ(markers.find("<symbol type=\"fill\""), std::string::npos);
}

TEST(QgisStyle, GraduatedCountsStartAtTheSmallestShownValue) {
    const std::string qml = project::graduatedQml("count", {9, 5, 12, 40, 7, 7, 100, 33}, false);
    EXPECT_NE(qml.find("<renderer-v2 type=\"graduatedSymbol\" attr=\"count\""), std::string::npos);
    EXPECT_NE(qml.find("<range lower=\"5\""), std::string::npos);
    EXPECT_NE(qml.find("upper=\"100\""), std::string::npos);
    EXPECT_EQ(qml.find("lower=\"0\""), std::string::npos);
    std::size_t ranges = 0;
    for (auto at = qml.find("<range "); at != std::string::npos; at = qml.find("<range ", at + 1)) ++ranges;
    EXPECT_EQ(ranges, 5u);
    EXPECT_EQ(project::graduatedQml("count", {}, false).find("<range "), std::string::npos);
}

TEST(GeometryText, WktAndGeoJsonOfPointsAndPolygons) {
    EXPECT_EQ(geo::toWkt(geo::pointWkb(1.5, -2)), "POINT (1.5 -2)");
    EXPECT_EQ(geo::toWkt(geo::lineStringWkb({{0, 0}, {0.1, 3}})), "LINESTRING (0 0, 0.1 3)");
    // A clockwise exterior ring is written counterclockwise in GeoJSON (RFC 7946 §3.1.6), as it is in WKT.
    const auto clockwise = geo::polygonWkb({{{0, 0}, {0, 1}, {1, 1}, {1, 0}}});
    EXPECT_EQ(geo::toWkt(clockwise), "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))");
    std::string json;
    geo::appendGeoJson(json, clockwise, 7);
    EXPECT_EQ(json, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}");
    json.clear();
    geo::appendGeoJson(json, geo::multiPolygonWkb({{{{0, 0}, {2, 0}, {2, 2}, {0, 0}}}}), 1);
    EXPECT_EQ(json, "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[2,0],[2,2],[0,0]]]]}");
    json.clear();
    geo::appendGeoJson(json, geo::pointWkb(12.123456789, 50.5), 7);
    EXPECT_EQ(json, "{\"type\":\"Point\",\"coordinates\":[12.1234568,50.5]}");
    EXPECT_THROW(geo::toWkt(core::Wkb{1, 9, 0}), core::InputError);
}
