#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "geo/wkb.hpp"
#include "project/public_gate.hpp"

namespace lb::project {
namespace {

std::vector<std::optional<std::int64_t>> column(const SuppressedCounts& counts) {
    std::vector<std::optional<std::int64_t>> out;
    for (const auto& row : counts.cells) out.push_back(row.at(0));
    return out;
}

CountTable listOf(std::initializer_list<std::int64_t> values) {
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (auto v : values) counts.emplace_back("z" + std::to_string(counts.size()), v);
    return CountTable::list(counts);
}

TEST(PublicGate, KUnderFiveIsRefusedAndRaisingIsFree) {
    EXPECT_THROW(OutputGate::forPublic(4), core::UsageError);
    EXPECT_THROW(OutputGate::forPublic(0), core::UsageError);
    EXPECT_EQ(OutputGate::forPublic().k(), 5);
    EXPECT_EQ(OutputGate::forPublic(12).k(), 12);
    EXPECT_FALSE(OutputGate::internal().isPublic());
}

TEST(PublicGate, InternalCountsPassUnchanged) {
    const auto counts = OutputGate::internal().counts(listOf({12, 3, 0, 9}));
    EXPECT_FALSE(counts.isPublic());
    EXPECT_EQ(column(*counts), (std::vector<std::optional<std::int64_t>>{12, 3, 0, 9}));
    EXPECT_EQ(counts->grandTotal, 24);
}

TEST(PublicGate, ASingleSuppressedCellTakesTheSmallestShownOneWithIt) {
    // Without the second suppression 44 − 12 − 20 − 9 = 3 would give the hidden cell away.
    const auto counts = OutputGate::forPublic().counts(listOf({12, 3, 20, 9}));
    EXPECT_EQ(column(*counts), (std::vector<std::optional<std::int64_t>>{12, std::nullopt, 20, std::nullopt}));
    EXPECT_EQ(counts->grandTotal, 44);
    EXPECT_EQ(counts->primary, 1u);
    EXPECT_EQ(counts->secondary, 1u);
}

TEST(PublicGate, ZerosAreSuppressedAndHiddenSumsReachK) {
    // 0 is under k; the hidden pair {0, 1} would sum to 1 < k, so the smallest shown cell joins them.
    const auto counts = OutputGate::forPublic().counts(listOf({0, 1, 30, 6, 40}));
    EXPECT_EQ(column(*counts),
              (std::vector<std::optional<std::int64_t>>{std::nullopt, std::nullopt, 30, std::nullopt, 40}));
    EXPECT_EQ(counts->primary, 2u);
    EXPECT_EQ(counts->secondary, 1u);
}

TEST(PublicGate, ATotalUnderKIsSuppressedToo) {
    const auto counts = OutputGate::forPublic().counts(listOf({1, 2}));
    EXPECT_FALSE(counts->grandTotal.has_value());
    EXPECT_EQ(column(*counts), (std::vector<std::optional<std::int64_t>>{std::nullopt, std::nullopt}));
}

// Every group whose total is printed hides none of its cells or at least two with a sum of at least k; no
// printed value is under k.
void expectProtected(const CountTable& table, const SuppressedCounts& out, int k) {
    const std::size_t rows = table.rows.size(), columns = table.columns.size();
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> groups;
    std::vector<std::optional<std::int64_t>> totals;
    std::vector<std::pair<std::size_t, std::size_t>> all;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            all.emplace_back(r, c);
            const auto& v = out.cells[r][c];
            if (v) {
                EXPECT_GE(*v, k) << "cell " << r << "," << c;
                EXPECT_EQ(*v, table.cells[r][c]);
            }
        }
    }
    groups.push_back(all);
    totals.push_back(out.grandTotal);
    for (std::size_t r = 0; r < rows; ++r) {
        std::vector<std::pair<std::size_t, std::size_t>> g;
        for (std::size_t c = 0; c < columns; ++c) g.emplace_back(r, c);
        groups.push_back(g);
        totals.push_back(out.rowTotals.at(r));
    }
    for (std::size_t c = 0; c < columns; ++c) {
        std::vector<std::pair<std::size_t, std::size_t>> g;
        for (std::size_t r = 0; r < rows; ++r) g.emplace_back(r, c);
        groups.push_back(g);
        totals.push_back(out.columnTotals.at(c));
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!totals[g]) continue;
        EXPECT_GE(*totals[g], k);
        std::size_t hidden = 0;
        std::int64_t hiddenSum = 0;
        for (const auto& [r, c] : groups[g]) {
            if (out.cells[r][c]) continue;
            ++hidden;
            hiddenSum += table.cells[r][c];
        }
        if (hidden == 0) continue;
        EXPECT_GE(hidden, 2u) << "group " << g;
        EXPECT_GE(hiddenSum, k) << "group " << g;
    }
}

TEST(PublicGate, CrossTablesWithMarginsKeepEveryRowAndColumnProtected) {
    std::mt19937 random(11);
    for (int trial = 0; trial < 300; ++trial) {
        CountTable table;
        const std::size_t rows = 2 + random() % 6, columns = 2 + random() % 7;
        for (std::size_t r = 0; r < rows; ++r) table.rows.push_back("r" + std::to_string(r));
        for (std::size_t c = 0; c < columns; ++c) table.columns.push_back("c" + std::to_string(c));
        for (std::size_t r = 0; r < rows; ++r) {
            std::vector<std::int64_t> row;
            for (std::size_t c = 0; c < columns; ++c) {
                // Many small values, as a district × field of action table of a small town has.
                row.push_back(random() % 3 == 0 ? random() % 5 : random() % 40);
            }
            table.cells.push_back(row);
        }
        table.rowTotals = table.columnTotals = table.grandTotal = true;
        const int k = 5 + static_cast<int>(random() % 3);
        const auto out = OutputGate::forPublic(k).counts(table);
        expectProtected(table, *out, k);
        if (HasFailure()) FAIL() << "trial " << trial;
    }
}

TEST(PublicGate, PointsWithinRadiusNeverOvercountAndMissOnlyTheRim) {
    std::mt19937 random(5);
    std::uniform_real_distribution<double> coord(0, 1000);
    std::vector<double> xs, ys;
    for (int i = 0; i < 400; ++i) {
        xs.push_back(coord(random));
        ys.push_back(coord(random));
    }
    analysis::GridSpec grid{0, 1000, 20, 50, 50};
    const double radius = 150;
    const auto counted = pointsWithinRadius(xs, ys, grid, radius);
    for (std::size_t r = 0; r < grid.rows; r += 7) {
        for (std::size_t c = 0; c < grid.columns; c += 3) {
            std::uint32_t within = 0, inner = 0;
            for (std::size_t i = 0; i < xs.size(); ++i) {
                const double d = std::hypot(xs[i] - grid.centerX(c), ys[i] - grid.centerY(r));
                within += d <= radius;
                inner += d <= radius - 2 * grid.cell * std::sqrt(2.0);
            }
            const auto n = counted[r * grid.columns + c];
            EXPECT_LE(n, within) << c << "," << r;
            EXPECT_GE(n, inner) << c << "," << r;
        }
    }
}

TEST(PublicGate, PublicHeatMapShowsNothingWhereFewerThanKIncidentsContribute) {
    analysis::KdeOptions options;
    options.cell = 10;
    options.radius = 100;  // raised to the public minimum
    options.extent = core::BBox{0, 0, 2000, 2000};
    std::vector<double> xs{500, 505, 510, 515}, ys{500, 500, 505, 510};
    const auto four = OutputGate::forPublic().density(xs, ys, options);
    ASSERT_TRUE(*four);
    EXPECT_EQ(*std::max_element((*four)->values.begin(), (*four)->values.end()), 0.0f);
    const auto internal = OutputGate::internal().density(xs, ys, options);
    EXPECT_GT(*std::max_element((*internal)->values.begin(), (*internal)->values.end()), 0.0f);

    xs.push_back(520);
    ys.push_back(495);
    xs.push_back(1500);  // a lone incident far away stays invisible
    ys.push_back(1500);
    const auto five = OutputGate::forPublic().density(xs, ys, options);
    const auto& overlay = **five;
    EXPECT_GT(*std::max_element(overlay.values.begin(), overlay.values.end()), 0.0f);
    const auto valueAt = [&overlay](double x, double y) {
        const auto c = static_cast<std::size_t>((x - overlay.originX) / overlay.cell);
        const auto r = static_cast<std::size_t>((overlay.originY - y) / overlay.cell);
        return overlay.values[r * static_cast<std::size_t>(overlay.columns) + c];
    };
    EXPECT_GT(valueAt(510, 502), 0.0f);
    EXPECT_EQ(valueAt(1500, 1500), 0.0f);
    // The public kernel is at least kMinimumPublicKdeRadius wide: density 250 m away from the cluster.
    EXPECT_GT((*internal)->values.size(), 0u);
    EXPECT_GT(valueAt(510, 502 + 250), 0.0f);
}

render::SceneSnapshot sceneWith(std::initializer_list<const char*> names) {
    render::Scene scene;
    for (const char* name : names) {
        render::SceneLayer layer;
        layer.name = name;
        layer.beginFeature(1, "");
        layer.beginPart();
        layer.beginRing();
        layer.addCoord(1, 2);
        scene.add(std::move(layer));
    }
    return std::make_shared<const render::Scene>(std::move(scene));
}

TEST(PublicGate, APublicSceneHasNoSensitiveLayerAtAll) {
    const auto scene = sceneWith({"roads", "incidents", "graffiti", "routes", "visits", "observations", "districts"});
    const auto released = OutputGate::forPublic().scene(scene);
    std::vector<std::string> names;
    for (const auto& layer : (*released)->layers) names.push_back(layer->name);
    EXPECT_EQ(names, (std::vector<std::string>{"roads", "graffiti", "districts"}));
    EXPECT_EQ((*OutputGate::internal().scene(scene))->layers.size(), 7u);
}

TEST(PublicGate, PublicRenderOptionsHideSensitiveLayersAndSelections) {
    render::RenderOptions options;
    options.layers["incidents"] = {true, 1};
    options.highlight = render::FeatureRef{"incidents", 4};
    const auto released = OutputGate::forPublic().renderOptions(options);
    EXPECT_FALSE(released->layers.at("incidents").visible);
    EXPECT_FALSE(released->layers.at("visits").visible);
    EXPECT_FALSE(released->highlight.has_value());
    EXPECT_TRUE(OutputGate::internal().renderOptions(options)->highlight.has_value());
}

TEST(PublicGate, PublicFeatureRowsRefuseSensitiveLayersAndDropPersonalColumns) {
    io::OutputTable table;
    table.fields = {{"id", io::FieldType::Integer},
                    {"name", io::FieldType::Text},
                    {"author", io::FieldType::Text},
                    {"notes", io::FieldType::Text}};
    table.rows = {{std::int64_t{1}, std::string("Unterführung"), std::string("M. Muster"), std::string("Notiz")}};
    const auto gate = OutputGate::forPublic();
    EXPECT_THROW(gate.features(core::LayerId::Incidents, table), core::UsageError);
    EXPECT_THROW(gate.features(core::LayerId::Observations, table), core::UsageError);
    const auto graffiti = gate.features(core::LayerId::Graffiti, table);
    ASSERT_EQ(graffiti->fields.size(), 2u);
    EXPECT_EQ(graffiti->fields[1].name, "name");
    EXPECT_EQ(graffiti->rows[0].size(), 2u);
    EXPECT_EQ(OutputGate::internal().features(core::LayerId::Incidents, table)->fields.size(), 4u);
}

TEST(PublicGate, GridCountsShowOnlyCellsOfAtLeastKAndProtectTheTotal) {
    std::vector<double> xs, ys;
    const auto add = [&](double x, double y, int n) {
        for (int i = 0; i < n; ++i) {
            xs.push_back(x + i);
            ys.push_back(y);
        }
    };
    add(10, 10, 9);    // cell (0, 0)
    add(110, 10, 3);   // cell (1, 0): under k
    add(210, 10, 6);   // cell (2, 0): the smallest shown one, suppressed as well
    add(310, 10, 20);  // cell (3, 0)
    const auto released = OutputGate::forPublic().gridCounts("incidents_grid", xs, ys, 100, "EPSG:25833");
    const auto& table = *released;
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(std::get<std::int64_t>(table.rows[0][2]), 9);
    EXPECT_EQ(std::get<std::int64_t>(table.rows[1][2]), 20);
    EXPECT_EQ(std::get<double>(table.rows[1][0]), 300.0);
    EXPECT_EQ(table.geometries.size(), 2u);
    EXPECT_EQ(geo::wkbEnvelope(table.geometries[1]), (core::BBox{300, 0, 400, 100}));
    const auto internal = OutputGate::internal().gridCounts("incidents_grid", xs, ys, 100, "EPSG:25833");
    EXPECT_EQ(internal->rows.size(), 4u);
}

TEST(PublicGate, ZoneCountsAreNullUnderK) {
    Zones zones;
    zones.names = {"Altstadt", "Nord", "Süd"};
    zones.polygons = {geo::polygonWkb({{{0, 0}, {100, 0}, {100, 100}, {0, 100}}}),
                      geo::polygonWkb({{{0, 100}, {100, 100}, {100, 200}, {0, 200}}}),
                      geo::polygonWkb({{{100, 0}, {200, 0}, {200, 200}, {100, 200}}})};
    std::vector<double> xs, ys;
    for (int i = 0; i < 7; ++i) xs.push_back(10 + i), ys.push_back(50);
    for (int i = 0; i < 2; ++i) xs.push_back(10 + i), ys.push_back(150);
    for (int i = 0; i < 30; ++i) xs.push_back(110 + i), ys.push_back(50);
    const auto released = OutputGate::forPublic().zoneCounts("districts_counts", xs, ys, zones, "EPSG:25833");
    const auto& rows = released->rows;
    ASSERT_EQ(rows.size(), 3u);
    // Nord (2) is under k; Altstadt (7) is the smallest shown one and follows it.
    EXPECT_TRUE(core::isNull(rows[0][1]));
    EXPECT_TRUE(core::isNull(rows[1][1]));
    EXPECT_EQ(std::get<std::int64_t>(rows[2][1]), 30);
    const auto internal = OutputGate::internal().zoneCounts("districts_counts", xs, ys, zones, "EPSG:25833");
    EXPECT_EQ(std::get<std::int64_t>(internal->rows[1][1]), 2);
}

TEST(PublicGate, PublicHotSpotMapsLeaveOutUnitsUnderK) {
    io::OutputTable table;
    table.fields = {{"count", io::FieldType::Real}, {"gi_bin", io::FieldType::Integer}};
    const double counts[] = {2, 8, 12};
    for (int i = 0; i < 3; ++i) {
        table.rows.push_back({counts[i], std::int64_t{3}});
        table.geometries.push_back(
            geo::polygonWkb({{{i * 100.0, 0}, {i * 100.0 + 100, 0}, {i * 100.0 + 100, 100}, {i * 100.0, 100}}}));
    }
    EXPECT_EQ((*OutputGate::forPublic().hotspots(table))->layer.featureCount(), 2u);
    EXPECT_EQ((*OutputGate::forPublic(10).hotspots(table))->layer.featureCount(), 1u);
    EXPECT_EQ((*OutputGate::internal().hotspots(table))->layer.featureCount(), 3u);
}

}  // namespace
}  // namespace lb::project
