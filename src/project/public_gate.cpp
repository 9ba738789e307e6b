#include "project/public_gate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/error.hpp"
#include "geo/planar.hpp"
#include "geo/wkb.hpp"
#include "geo/wkb_reader.hpp"
#include "project/density_overlay.hpp"
#include "project/gistar_overlay.hpp"

namespace lb::project {
namespace {

constexpr std::string_view kWithheldColumns[] = {"author", "note", "notes", "attrs", "ext_id", "photo"};

// [suppression]

struct Group {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
};

std::vector<Group> groupsOf(std::size_t rows, std::size_t columns, bool rowTotals, bool columnTotals, bool grandTotal) {
    std::vector<Group> groups;
    if (grandTotal) {
        Group all;
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < columns; ++c) all.cells.emplace_back(r, c);
        }
        groups.push_back(std::move(all));
    }
    if (rowTotals) {
        for (std::size_t r = 0; r < rows; ++r) {
            Group row;
            for (std::size_t c = 0; c < columns; ++c) row.cells.emplace_back(r, c);
            groups.push_back(std::move(row));
        }
    }
    if (columnTotals) {
        for (std::size_t c = 0; c < columns; ++c) {
            Group column;
            for (std::size_t r = 0; r < rows; ++r) column.cells.emplace_back(r, c);
            groups.push_back(std::move(column));
        }
    }
    return groups;
}

// [points in zones]

struct ZoneRings {
    std::vector<std::vector<double>> rings;  // interleaved x, y; polygons' shells and holes alike (even-odd)
    core::BBox box;
};

struct RingCollector {
    ZoneRings& out;
    void point(double, double) {}
    void beginLine(std::uint32_t) {}
    void beginPolygon(std::uint32_t) {}
    void beginRing(std::uint32_t, std::uint32_t) { out.rings.emplace_back(); }
    void coord(double x, double y) {
        if (out.rings.empty()) return;
        out.rings.back().push_back(x);
        out.rings.back().push_back(y);
        out.box.add(x, y);
    }
};

bool zoneContains(const ZoneRings& zone, double x, double y) {
    if (!zone.box.contains(x, y)) return false;
    bool inside = false;
    for (const auto& ring : zone.rings) {
        const auto vertex = [&ring](std::size_t i) { return std::pair{ring[2 * i], ring[2 * i + 1]}; };
        if (geo::planar::ringContains(ring.size() / 2, vertex, x, y)) inside = !inside;
    }
    return inside;
}

core::Wkb squareWkb(double x0, double y0, double size) {
    return geo::polygonWkb({{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}});
}

std::size_t columnIndex(const io::OutputTable& table, std::string_view name) {
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
        if (table.fields[i].name == name) return i;
    }
    return table.fields.size();
}

double numberOf(const core::Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    return 0;
}

// Applies the suppression to counts in one column of `rows` (the whole table's total known): values under k
// and the secondary ones become null; returns which rows were suppressed.
std::vector<bool> suppressColumn(std::vector<std::int64_t> values, int k) {
    std::vector<std::vector<std::int64_t>> cells(values.size());
    std::vector<std::vector<bool>> suppressed(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        cells[i] = {values[i]};
        suppressed[i] = {values[i] < k};
    }
    suppressSecondary(cells, suppressed, k, false, false, true);
    std::vector<bool> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) out[i] = suppressed[i][0];
    return out;
}

}  // namespace

CountTable CountTable::list(const std::vector<std::pair<std::string, std::int64_t>>& counts, std::string column) {
    CountTable table;
    table.columns = {std::move(column)};
    for (const auto& [key, count] : counts) {
        table.rows.push_back(key);
        table.cells.push_back({count});
    }
    table.grandTotal = true;
    return table;
}

std::size_t suppressSecondary(const std::vector<std::vector<std::int64_t>>& cells,
                              std::vector<std::vector<bool>>& suppressed, int k, bool rowTotals, bool columnTotals,
                              bool grandTotal) {
    const std::size_t rows = cells.size();
    const std::size_t columns = rows == 0 ? 0 : cells[0].size();
    const auto groups = groupsOf(rows, columns, rowTotals, columnTotals, grandTotal);
    std::size_t secondary = 0;
    // Suppression only grows, so the loop ends: at the latest when every cell is suppressed.
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& group : groups) {
            std::int64_t total = 0;
            for (const auto& [r, c] : group.cells) total += cells[r][c];
            // A total under k is itself suppressed by the writer (SuppressedCounts), so it reveals nothing.
            if (total < k) continue;
            std::size_t hidden = 0;
            std::int64_t hiddenSum = 0;
            for (const auto& [r, c] : group.cells) {
                if (!suppressed[r][c]) continue;
                ++hidden;
                hiddenSum += cells[r][c];
            }
            if (hidden == 0 || (hidden >= 2 && hiddenSum >= k)) continue;
            // The smallest shown cell of the group joins the suppressed ones.
            std::optional<std::pair<std::size_t, std::size_t>> pick;
            for (const auto& [r, c] : group.cells) {
                if (suppressed[r][c]) continue;
                if (!pick || cells[r][c] < cells[pick->first][pick->second]) pick = std::pair{r, c};
            }
            if (!pick) continue;  // everything hidden already: hiddenSum == total >= k and hidden >= 1
            suppressed[pick->first][pick->second] = true;
            ++secondary;
            changed = true;
        }
    }
    return secondary;
}

std::vector<std::uint32_t> pointsWithinRadius(std::span<const double> xs, std::span<const double> ys,
                                              const analysis::GridSpec& grid, double radius) {
    const std::size_t columns = grid.columns, rows = grid.rows;
    std::vector<std::uint32_t> out(grid.size(), 0);
    if (columns == 0 || rows == 0) return out;
    // Points binned to the cell they lie in; a bin counts for a cell centre when the whole bin lies within
    // the radius, i.e. when the bin's centre is within radius − half the cell's diagonal.
    std::vector<std::uint32_t> bins(grid.size(), 0);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double c = std::floor((xs[i] - grid.originX) / grid.cell);
        const double r = std::floor((grid.originY - ys[i]) / grid.cell);
        if (c < 0 || r < 0 || c >= static_cast<double>(columns) || r >= static_cast<double>(rows)) continue;
        ++bins[static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(c)];
    }
    const double reach = radius - grid.cell * std::sqrt(0.5);
    if (reach < 0) return out;
    // Prefix sums per row: prefix[r * (columns + 1) + c] = bins of row r in columns [0, c).
    std::vector<std::uint32_t> prefix(rows * (columns + 1), 0);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            prefix[r * (columns + 1) + c + 1] = prefix[r * (columns + 1) + c] + bins[r * columns + c];
        }
    }
    const auto span = static_cast<long>(std::floor(reach / grid.cell));
    std::vector<long> halfWidth(static_cast<std::size_t>(span) + 1);
    for (long d = 0; d <= span; ++d) {
        const double dy = static_cast<double>(d) * grid.cell;
        halfWidth[static_cast<std::size_t>(d)] =
            static_cast<long>(std::floor(std::sqrt(reach * reach - dy * dy) / grid.cell));
    }
    const long lastColumn = static_cast<long>(columns) - 1, lastRow = static_cast<long>(rows) - 1;
    for (long r = 0; r <= lastRow; ++r) {
        for (long c = 0; c <= lastColumn; ++c) {
            std::uint32_t sum = 0;
            for (long d = -span; d <= span; ++d) {
                const long rr = r + d;
                if (rr < 0 || rr > lastRow) continue;
                const long w = halfWidth[static_cast<std::size_t>(std::labs(d))];
                const long c0 = std::max(0L, c - w), c1 = std::min(lastColumn, c + w);
                const std::size_t base = static_cast<std::size_t>(rr) * (columns + 1);
                sum += prefix[base + static_cast<std::size_t>(c1) + 1] - prefix[base + static_cast<std::size_t>(c0)];
            }
            out[static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(c)] = sum;
        }
    }
    return out;
}

OutputGate OutputGate::internal() {
    return OutputGate(Audience::Internal, 1);
}

OutputGate OutputGate::forPublic(int k) {
    if (k < kMinimumPublicK) {
        throw core::UsageError("--k " + std::to_string(k) + ": public outputs need at least k = " +
                               std::to_string(kMinimumPublicK) + " incidents per cell or zone (raising k is free)");
    }
    return OutputGate(Audience::Public, k);
}

// [features]

bool OutputGate::layerAllowed(core::LayerId layer) const {
    return !isPublic() || !core::layerInfo(layer).sensitive;
}

bool OutputGate::layerAllowed(std::string_view layer) const {
    const auto id = core::layerFromName(layer);
    // Auxiliary tables (status histories, photos, the audit log) never leave in public.
    return id ? layerAllowed(*id) : !isPublic();
}

bool OutputGate::columnAllowed(std::string_view column) const {
    return !isPublic() ||
           std::find(std::begin(kWithheldColumns), std::end(kWithheldColumns), column) == std::end(kWithheldColumns);
}

std::optional<std::string> OutputGate::refusal(core::LayerId layer) const {
    if (layerAllowed(layer)) return std::nullopt;
    return "layer " + std::string(core::layerInfo(layer).name) +
           " holds personal data: public outputs show it only as aggregates (counts per cell or zone with at least " +
           std::to_string(m_k) + "), never as rows";
}

Released<io::OutputTable> OutputGate::features(core::LayerId layer, io::OutputTable table) const {
    if (auto why = refusal(layer)) throw core::UsageError(*why);
    if (isPublic()) {
        std::vector<std::size_t> keep;
        for (std::size_t i = 0; i < table.fields.size(); ++i) {
            if (columnAllowed(table.fields[i].name)) keep.push_back(i);
        }
        if (keep.size() != table.fields.size()) {
            std::vector<io::FieldDef> fields;
            for (auto i : keep) fields.push_back(table.fields[i]);
            for (auto& row : table.rows) {
                std::vector<core::Value> kept;
                kept.reserve(keep.size());
                for (auto i : keep) kept.push_back(i < row.size() ? std::move(row[i]) : core::Value{});
                row = std::move(kept);
            }
            table.fields = std::move(fields);
        }
    }
    return {std::move(table), m_audience};
}

// [pictures]

Released<render::SceneSnapshot> OutputGate::scene(render::SceneSnapshot scene) const {
    if (!isPublic() || !scene) return {std::move(scene), m_audience};
    auto out = std::make_shared<render::Scene>();
    out->srid = scene->srid;
    for (const auto& layer : scene->layers) {
        if (layer && layerAllowed(layer->name)) out->layers.push_back(layer);
    }
    return {std::move(out), m_audience};
}

Released<render::RenderOptions> OutputGate::renderOptions(render::RenderOptions options) const {
    if (isPublic()) {
        for (const auto& info : core::kLayers) {
            if (info.sensitive) options.layers[std::string(info.name)].visible = false;
        }
        options.highlight.reset();
        options.highlightSet.reset();
    }
    return {std::move(options), m_audience};
}

Released<std::shared_ptr<const render::RasterOverlay>> OutputGate::density(std::span<const double> xs,
                                                                           std::span<const double> ys,
                                                                           analysis::KdeOptions options) const {
    if (xs.empty() && !options.extent) return {nullptr, m_audience};
    if (isPublic()) options.radius = std::max(options.radius, kMinimumPublicKdeRadius);
    analysis::KdeRaster raster = analysis::kernelDensity(xs, ys, options);
    if (isPublic()) {
        // The quartic reaches `radius`; the gaussian's bandwidth σ = radius, its mass mostly within 2σ:
        // count over the radius for both (the gaussian's tail beyond it is masked where too thin).
        const auto within = pointsWithinRadius(xs, ys, raster.grid, options.radius);
        for (std::size_t i = 0; i < raster.density.size(); ++i) {
            if (within[i] < static_cast<std::uint32_t>(m_k)) raster.density[i] = 0;
        }
    }
    std::shared_ptr<const render::RasterOverlay> overlay = toOverlay(std::move(raster));
    return {std::move(overlay), m_audience};
}

Released<std::shared_ptr<const render::ClassifiedOverlay>> OutputGate::hotspots(const io::OutputTable& giStar) const {
    if (!isPublic()) {
        std::shared_ptr<const render::ClassifiedOverlay> overlay = toGiStarOverlay(giStar).overlay;
        return {std::move(overlay), m_audience};
    }
    const std::size_t count = columnIndex(giStar, "count");
    io::OutputTable kept = giStar;
    kept.rows.clear();
    kept.geometries.clear();
    for (std::size_t i = 0; i < giStar.rows.size(); ++i) {
        // Without a count column (zones by another value) nothing shows how many incidents a unit has.
        if (count < giStar.fields.size() && numberOf(giStar.rows[i][count]) < m_k) continue;
        kept.rows.push_back(giStar.rows[i]);
        if (i < giStar.geometries.size()) kept.geometries.push_back(giStar.geometries[i]);
    }
    std::shared_ptr<const render::ClassifiedOverlay> overlay = toGiStarOverlay(kept).overlay;
    return {std::move(overlay), m_audience};
}

// [aggregates]

Released<SuppressedCounts> OutputGate::counts(const CountTable& table) const {
    SuppressedCounts out;
    out.rows = table.rows;
    out.columns = table.columns;
    const std::size_t rows = table.rows.size(), columns = table.columns.size();
    if (table.cells.size() != rows) throw core::UsageError("counts: the table has the wrong number of rows");
    for (const auto& row : table.cells) {
        if (row.size() != columns) throw core::UsageError("counts: the table has the wrong number of columns");
    }
    std::vector<std::vector<bool>> suppressed(rows, std::vector<bool>(columns, false));
    if (isPublic()) {
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < columns; ++c) {
                if (table.cells[r][c] < m_k) {
                    suppressed[r][c] = true;
                    ++out.primary;
                }
            }
        }
        out.secondary =
            suppressSecondary(table.cells, suppressed, m_k, table.rowTotals, table.columnTotals, table.grandTotal);
    }
    const auto shown = [this](std::int64_t value) -> std::optional<std::int64_t> {
        if (isPublic() && value < m_k) return std::nullopt;
        return value;
    };
    out.cells.assign(rows, std::vector<std::optional<std::int64_t>>(columns));
    std::int64_t grand = 0;
    std::vector<std::int64_t> rowSums(rows, 0), columnSums(columns, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            const std::int64_t v = table.cells[r][c];
            if (!suppressed[r][c]) out.cells[r][c] = v;
            rowSums[r] += v;
            columnSums[c] += v;
            grand += v;
        }
    }
    if (table.rowTotals) {
        for (auto v : rowSums) out.rowTotals.push_back(shown(v));
    }
    if (table.columnTotals) {
        for (auto v : columnSums) out.columnTotals.push_back(shown(v));
    }
    if (table.grandTotal) out.grandTotal = shown(grand);
    return {std::move(out), m_audience};
}

Released<io::OutputTable> OutputGate::groupCounts(io::OutputTable table, std::string_view countColumn,
                                                  const std::vector<std::string>& derived) const {
    if (!isPublic()) return {std::move(table), m_audience};
    const std::size_t count = columnIndex(table, countColumn);
    if (count == table.fields.size()) {
        throw core::UsageError("counts: the table " + table.name + " has no column " + std::string(countColumn));
    }
    std::vector<std::int64_t> values;
    for (const auto& row : table.rows) {
        // A count that is not a number is treated as 0: suppressed like every value under k.
        values.push_back(static_cast<std::int64_t>(std::llround(numberOf(row[count]))));
    }
    const auto suppressed = suppressColumn(values, m_k);
    std::vector<std::size_t> blanked{count};
    for (const auto& name : derived) {
        const std::size_t i = columnIndex(table, name);
        if (i < table.fields.size()) blanked.push_back(i);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (!suppressed[r]) continue;
        for (auto i : blanked) table.rows[r][i] = core::Value{};
    }
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
        if (columnAllowed(table.fields[i].name)) keep.push_back(i);
    }
    if (keep.size() != table.fields.size()) {
        std::vector<io::FieldDef> fields;
        for (auto i : keep) fields.push_back(table.fields[i]);
        for (auto& row : table.rows) {
            std::vector<core::Value> kept;
            for (auto i : keep) kept.push_back(std::move(row[i]));
            row = std::move(kept);
        }
        table.fields = std::move(fields);
    }
    return {std::move(table), m_audience};
}

Released<io::OutputTable> OutputGate::gridCounts(const std::string& name, std::span<const double> xs,
                                                 std::span<const double> ys, double cell,
                                                 const std::string& crs) const {
    if (!(cell > 0)) throw core::UsageError("grid cell size must be positive");
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> cells;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
        ++cells[{static_cast<std::int64_t>(std::floor(xs[i] / cell)),
                 static_cast<std::int64_t>(std::floor(ys[i] / cell))}];
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> keys;
    std::vector<std::int64_t> values;
    for (const auto& [key, count] : cells) {
        keys.push_back(key);
        values.push_back(count);
    }
    std::vector<bool> suppressed(values.size(), false);
    if (isPublic()) suppressed = suppressColumn(values, m_k);
    io::OutputTable table;
    table.name = name;
    table.crs = crs;
    table.fields = {
        {"cell_x", io::FieldType::Real}, {"cell_y", io::FieldType::Real}, {"count", io::FieldType::Integer}};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (suppressed[i]) continue;  // a grid leaves out what it may not show
        const double x0 = static_cast<double>(keys[i].first) * cell, y0 = static_cast<double>(keys[i].second) * cell;
        table.rows.push_back({x0, y0, values[i]});
        table.geometries.push_back(squareWkb(x0, y0, cell));
    }
    return {std::move(table), m_audience};
}

Released<io::OutputTable> OutputGate::zoneCounts(const std::string& name, std::span<const double> xs,
                                                 std::span<const double> ys, const Zones& zones,
                                                 const std::string& crs) const {
    if (zones.names.size() != zones.polygons.size()) throw core::UsageError("zones: one name per polygon");
    std::vector<ZoneRings> rings(zones.polygons.size());
    for (std::size_t z = 0; z < zones.polygons.size(); ++z) {
        RingCollector collector{rings[z]};
        geo::readWkb(zones.polygons[z].data(), zones.polygons[z].size(), collector);
    }
    std::vector<std::int64_t> counts(zones.names.size(), 0);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        for (std::size_t z = 0; z < rings.size(); ++z) {
            if (zoneContains(rings[z], xs[i], ys[i])) {
                ++counts[z];
                break;  // zones do not overlap: a point counts once
            }
        }
    }
    std::vector<bool> suppressed(counts.size(), false);
    if (isPublic()) suppressed = suppressColumn(counts, m_k);
    io::OutputTable table;
    table.name = name;
    table.crs = crs;
    table.fields = {{"zone", io::FieldType::Text}, {"count", io::FieldType::Integer}};
    for (std::size_t z = 0; z < counts.size(); ++z) {
        table.rows.push_back({zones.names[z], suppressed[z] ? core::Value{} : core::Value{counts[z]}});
        table.geometries.push_back(zones.polygons[z]);
    }
    return {std::move(table), m_audience};
}

}  // namespace lb::project
