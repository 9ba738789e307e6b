#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/kde.hpp"
#include "core/layer.hpp"
#include "io/table_writer.hpp"
#include "render/classified_overlay.hpp"
#include "render/raster_overlay.hpp"
#include "render/render_options.hpp"
#include "render/scene.hpp"

namespace lb::project {

// The output gate (DESIGN.md, privacy; issue 11). Everything that leaves Lagebild — a PNG, a PDF or SVG
// print, an exported GeoPackage/GeoJSON/CSV, the report, the presentation, the GUI's export and clipboard —
// takes its data from an OutputGate as Released<T> values, and only the gate can make a Released<T>. The
// writers of outputs take Released<T>, so no command, panel or future output can write data that did not
// pass the gate. An internal gate passes data as it is; a public gate (the audience of a
// Sicherheitskonferenz, a handout, the press) enforces the public rules:
//  - no raw features of the sensitive layers (core::LayerInfo::sensitive: incidents, routes, visits,
//    observations): they leave only as counts per grid cell or zone;
//  - of the other layers no author names, free-text notes, photos, source ids or free attributes;
//  - every count shown is at least k (default 5; k below 5 is refused), smaller ones are suppressed — zeros
//    too, so that a blank does not tell 0 from 1–4;
//  - secondary suppression (as official statistics do it): in every group of counts whose total is shown
//    (the whole table, and each row or column whose total is printed), the suppressed cells are either none
//    or at least two whose sum is at least k; otherwise the smallest shown cells of the group are suppressed
//    as well until that holds. Totals are printed exactly (no rounding), so a suppressed value cannot be
//    recovered by subtraction, only a range;
//  - heat maps (KDE) use at least kMinimumPublicKdeRadius and show density only in cells where at least k
//    incidents lie within the kernel's radius (counted conservatively), so no surface marks a single
//    address;
//  - hot-spot (Gi*) maps show only cells or zones with at least k incidents.

enum class Audience { Internal, Public };

inline constexpr int kMinimumPublicK = 5;
// A quartic of 300 m spreads one incident over 0.28 km²: no peak pins an address in a town's streets.
inline constexpr double kMinimumPublicKdeRadius = 300;
// The grid cell of public aggregates when none is asked for (metres).
inline constexpr double kDefaultPublicCell = 250;

// A value that passed an OutputGate. Only the gate constructs one; it remembers for which audience.
template <typename T>
class Released {
public:
    const T& operator*() const { return m_value; }
    const T* operator->() const { return &m_value; }
    const T& value() const { return m_value; }
    Audience audience() const { return m_audience; }
    bool isPublic() const { return m_audience == Audience::Public; }

private:
    friend class OutputGate;
    Released(T value, Audience audience) : m_value(std::move(value)), m_audience(audience) {}
    T m_value;
    Audience m_audience;
};

// Counts as an output prints them: cells by row and column, and which margins it prints. A plain list
// (counts by district) is one column.
struct CountTable {
    std::vector<std::string> rows;
    std::vector<std::string> columns;
    std::vector<std::vector<std::int64_t>> cells;  // [row][column]
    bool rowTotals = false;                        // the sum of each row is printed
    bool columnTotals = false;                     // the sum of each column is printed
    bool grandTotal = true;                        // the sum of all cells is printed

    // A one-column table of (key, count), with the total printed.
    static CountTable list(const std::vector<std::pair<std::string, std::int64_t>>& counts,
                           std::string column = "count");
};

// The counts after the gate: nullopt = suppressed. Margins are empty when not printed.
struct SuppressedCounts {
    std::vector<std::string> rows;
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::int64_t>>> cells;
    std::vector<std::optional<std::int64_t>> rowTotals;
    std::vector<std::optional<std::int64_t>> columnTotals;
    std::optional<std::int64_t> grandTotal;
    std::size_t primary = 0;    // cells suppressed because they are under k
    std::size_t secondary = 0;  // cells suppressed so that no primary one can be recovered by subtraction

    const std::optional<std::int64_t>& cell(std::size_t row, std::size_t column = 0) const {
        return cells[row][column];
    }
};

// Zones to count points in (districts): names and polygons (WKB, the points' CRS).
struct Zones {
    std::vector<std::string> names;
    std::vector<core::Wkb> polygons;
};

class OutputGate {
public:
    static OutputGate internal();
    // Throws core::UsageError naming --k for k < kMinimumPublicK.
    static OutputGate forPublic(int k = kMinimumPublicK);

    Audience audience() const { return m_audience; }
    bool isPublic() const { return m_audience == Audience::Public; }
    int k() const { return m_k; }

    // [features]
    // Whether raw features of the layer may leave through this gate.
    bool layerAllowed(core::LayerId layer) const;
    bool layerAllowed(std::string_view layer) const;
    // Whether a column of a layer that may leave does (public: no author, note, notes, attrs, ext_id, photo).
    bool columnAllowed(std::string_view column) const;
    // The refusal for raw features of a layer that may not leave, as a user reads it; nothing when it may.
    std::optional<std::string> refusal(core::LayerId layer) const;
    // Rows of a layer for an export or the clipboard. Public: core::UsageError for a sensitive layer; the
    // columns it does not allow are dropped.
    Released<io::OutputTable> features(core::LayerId layer, io::OutputTable table) const;

    // [pictures]
    // The scene of a picture. Public: the sensitive layers are not in it (hidden is not enough).
    Released<render::SceneSnapshot> scene(render::SceneSnapshot scene) const;
    // Render options. Public: the sensitive layers invisible, no highlighted features or query matches.
    Released<render::RenderOptions> renderOptions(render::RenderOptions options) const;
    // The heat map of the points (nullptr for no points without an extent). Public: the radius raised to
    // kMinimumPublicKdeRadius, density 0 wherever fewer than k points lie within the radius.
    Released<std::shared_ptr<const render::RasterOverlay>> density(std::span<const double> xs,
                                                                   std::span<const double> ys,
                                                                   analysis::KdeOptions options) const;
    // The Gi* overlay of a Gi* table (giStarTable: geometry, count, gi_bin…). Public: units with a count
    // under k are left out.
    Released<std::shared_ptr<const render::ClassifiedOverlay>> hotspots(const io::OutputTable& giStar) const;

    // [aggregates]
    // Suppression as above (internal: every value as it is).
    Released<SuppressedCounts> counts(const CountTable& table) const;
    // Points counted per square cell of `cell` metres (origin at multiples of the cell): a polygon layer
    // named `name` with columns cell_x, cell_y (lower-left corner) and count. Internal: every cell with a
    // point; public: only cells with at least k, after secondary suppression against the total.
    Released<io::OutputTable> gridCounts(const std::string& name, std::span<const double> xs,
                                         std::span<const double> ys, double cell, const std::string& crs) const;
    // Points counted per zone: a polygon layer `name` with columns zone and count (null when suppressed,
    // the whole table's total taken as known).
    Released<io::OutputTable> zoneCounts(const std::string& name, std::span<const double> xs,
                                         std::span<const double> ys, const Zones& zones, const std::string& crs) const;

    // A table of groups with a count column (counts by district, hour, category…; one row a group, the
    // whole table's total taken as known). Public: counts suppressed as in counts() become null, and so
    // do the `derived` columns of those rows (rates, shares). Columns the gate does not allow are dropped.
    Released<io::OutputTable> groupCounts(io::OutputTable table, std::string_view countColumn,
                                          const std::vector<std::string>& derived = {}) const;

    // Wraps text a writer prints that carries no data (titles, captions, method notes).
    Released<std::string> caption(std::string text) const { return {std::move(text), m_audience}; }

private:
    OutputGate(Audience audience, int k) : m_audience(audience), m_k(k) {}
    Audience m_audience;
    int m_k;
};

// The secondary suppression on plain values, for tests and the report's own tables: `suppressed` marks
// the primary cells (value < k) on entry and every suppressed cell on return. Returns the count of
// secondary cells. Groups: the whole table when `grandTotal`, every row when `rowTotals`, every column when
// `columnTotals`.
std::size_t suppressSecondary(const std::vector<std::vector<std::int64_t>>& cells,
                              std::vector<std::vector<bool>>& suppressed, int k, bool rowTotals, bool columnTotals,
                              bool grandTotal);

// How many of the points lie within `radius` of each cell centre of `grid`, counted conservatively (a point
// counts only when its whole grid cell lies within the radius): never more than the true count.
std::vector<std::uint32_t> pointsWithinRadius(std::span<const double> xs, std::span<const double> ys,
                                              const analysis::GridSpec& grid, double radius);

}  // namespace lb::project
