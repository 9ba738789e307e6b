#include "project/gistar_overlay.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "project/scene_loader.hpp"

namespace lb::project {

GiStarOverlay toGiStarOverlay(const io::OutputTable& table) {
    const auto field = std::find_if(table.fields.begin(), table.fields.end(),
                                    [](const io::FieldDef& f) { return f.name == "gi_bin"; });
    if (field == table.fields.end()) throw core::UsageError("toGiStarOverlay: the table has no gi_bin column");
    if (table.geometries.size() != table.rows.size()) {
        throw core::UsageError("toGiStarOverlay: the table needs one geometry per row");
    }
    const auto binColumn = static_cast<std::size_t>(field - table.fields.begin());
    GiStarOverlay out;
    out.overlay = std::make_shared<render::ClassifiedOverlay>();
    out.overlay->style = render::giStarOverlayStyle();
    out.overlay->layer.name = out.overlay->style.layer;
    out.overlay->layer.kind = render::GeometryKind::Polygon;
    out.units = table.rows.size();
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const std::int64_t bin = std::get<std::int64_t>(table.rows[i][binColumn]);
        if (bin == 0) continue;
        ++(bin > 0 ? out.hot : out.cold);
        appendPolygons(out.overlay->layer, table.geometries[i], static_cast<std::int64_t>(i), std::to_string(bin));
    }
    return out;
}

}  // namespace lb::project
