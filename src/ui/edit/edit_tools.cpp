// Section index: [state] [pointer input] [helpers] [overlay]
#include "ui/edit/edit_tools.hpp"

#include <imgui.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "edit/edit_session.hpp"
#include "edit/road_graph.hpp"
#include "geo/planar.hpp"
#include "geo/wkb.hpp"
#include "render/map_view.hpp"
#include "ui/edit/edit_controller.hpp"

namespace lb::ui {
namespace {

double distance(double ax, double ay, double bx, double by) {
    return std::hypot(ax - bx, ay - by);
}

// The closest point to (x, y) on the segment a–b.
geo::Coord closestOnSegment(const geo::Coord& a, const geo::Coord& b, double x, double y) {
    return geo::planar::closestOnSegment(x, y, a.first, a.second, b.first, b.second);
}

std::vector<core::LayerId> snapLayers() {
    std::vector<core::LayerId> layers{core::LayerId::Roads, core::LayerId::Buildings};
    for (const auto& info : core::kLayers) {
        if (info.kind == core::LayerKind::Thematic) layers.push_back(info.id);
    }
    return layers;
}

}  // namespace

EditTools::EditTools(EditController& controller) : m_controller(controller) {}
EditTools::~EditTools() = default;

// [state]

void EditTools::setTool(EditTool tool) {
    if (tool == m_tool) return;
    cancelSketch();
    m_tool = tool;
}

void EditTools::setLayer(core::LayerId layer) {
    if (layer == m_layer) return;
    cancelSketch();
    m_layer = layer;
}

void EditTools::setTarget(std::optional<EditTarget> target) {
    m_target = std::move(target);
    m_vertices.reset();
    if (!m_target || !m_controller.session()) return;
    try {
        const auto record = m_controller.session()->feature(m_target->layer, m_target->uuid);
        if (record && !record->geometry.empty()) m_vertices = edit::geometryVertices(record->geometry);
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

std::optional<PendingFeature> EditTools::takePending() {
    auto pending = std::move(m_pending);
    m_pending.reset();
    return pending;
}

void EditTools::cancelSketch() {
    m_sketch.clear();
    m_dragVertex.reset();
    m_dragFeature = false;
    m_error.clear();
}

bool EditTools::finishSketch() {
    const std::size_t needed = m_tool == EditTool::Polygon ? 3 : 2;
    if (m_sketch.size() < needed) return false;
    try {
        core::Wkb geometry;
        if (m_tool == EditTool::Polygon) {
            geometry = geo::polygonWkb({m_sketch});
        } else if (m_tool == EditTool::Route) {
            auto* store = m_controller.store();
            if (!store) return false;
            if (!m_roads || m_roadsProject != m_controller.projectPath()) {
                m_roads = std::make_unique<edit::RoadGraph>(edit::RoadGraph::build(*store));
                m_roadsProject = m_controller.projectPath();
            }
            geometry = m_roads->route(m_sketch);
        } else {
            geometry = geo::lineStringWkb(m_sketch);
        }
        m_pending = PendingFeature{m_layer, std::move(geometry)};
        m_sketch.clear();
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();  // e.g. a waypoint far from any street: the sketch stays for correction
        return false;
    }
    return true;
}

// [pointer input]

bool EditTools::press(const MapPointer& p) {
    m_dragVertex.reset();
    m_dragFeature = false;
    if (m_tool == EditTool::Vertices) m_dragVertex = vertexNear(p.x, p.y);
    if (m_tool == EditTool::Move) m_dragFeature = nearTarget(p.x, p.y);
    if (!m_dragVertex && !m_dragFeature) return false;  // the canvas pans
    m_dragStart = m_dragNow = {p.x, p.y};
    return true;
}

bool EditTools::drag(const MapPointer& p) {
    if (!m_dragVertex && !m_dragFeature) return false;
    hover(p);
    m_dragNow = m_hoverSnap && m_dragVertex ? geo::Coord{m_hoverSnap->x, m_hoverSnap->y} : geo::Coord{p.x, p.y};
    return true;
}

bool EditTools::release(const MapPointer& p, bool dragged) {
    if (m_swallowRelease) {
        m_swallowRelease = false;
        return true;
    }
    if (dragged) {
        if (m_dragVertex && m_target) {
            applyEdit(
                edit::moveVertex(m_target->layer, m_target->uuid, *m_dragVertex, m_dragNow.first, m_dragNow.second));
        } else if (m_dragFeature && m_target) {
            applyEdit(edit::moveFeature(m_target->layer, m_target->uuid, m_dragNow.first - m_dragStart.first,
                                        m_dragNow.second - m_dragStart.second));
        }
        m_dragVertex.reset();
        m_dragFeature = false;
        return true;
    }
    m_dragVertex.reset();
    m_dragFeature = false;
    const auto snap = snapped(p.x, p.y);
    switch (m_tool) {
        case EditTool::Point:
            m_pending = PendingFeature{m_layer, geo::pointWkb(snap.x, snap.y)};
            return true;
        case EditTool::Line:
        case EditTool::Polygon:
        case EditTool::Route:
            m_sketch.emplace_back(snap.x, snap.y);
            return true;
        case EditTool::Vertices: {
            geo::Coord at;
            if (m_target && !vertexNear(p.x, p.y)) {
                if (auto edge = edgeNear(p.x, p.y, at)) {
                    applyEdit(edit::insertVertex(m_target->layer, m_target->uuid,
                                                 {edge->part, edge->ring, edge->index + 1}, at.first, at.second));
                    return true;
                }
            }
            return false;  // select the feature under the pointer
        }
        default:
            return false;
    }
}

bool EditTools::rightClick(const MapPointer& p) {
    if (m_tool != EditTool::Vertices || !m_target) return false;
    const auto vertex = vertexNear(p.x, p.y);
    if (!vertex) return false;
    applyEdit(edit::deleteVertex(m_target->layer, m_target->uuid, *vertex));
    return true;
}

bool EditTools::doubleClick(const MapPointer&) {
    if (m_tool != EditTool::Line && m_tool != EditTool::Polygon && m_tool != EditTool::Route) return false;
    // The first click of the double-click added the last vertex; the second one's release is swallowed.
    m_swallowRelease = true;
    finishSketch();
    return true;
}

void EditTools::hover(const MapPointer& p) {
    m_hover = {p.x, p.y};
    const bool drawing = m_tool == EditTool::Point || m_tool == EditTool::Line || m_tool == EditTool::Polygon ||
                         m_tool == EditTool::Route || m_dragVertex;
    m_hoverSnap.reset();
    if (!drawing) return;
    const auto snap = snapped(p.x, p.y);
    if (snap.kind != edit::SnapKind::None) m_hoverSnap = snap;
}

bool EditTools::key(MapKey key) {
    switch (key) {
        case MapKey::Enter:
            return finishSketch();
        case MapKey::Escape:
            if (m_sketch.empty() && !m_dragVertex && !m_dragFeature) {
                setTool(EditTool::Select);
            } else {
                cancelSketch();
            }
            return true;
        case MapKey::Backspace:
            if (m_sketch.empty()) return false;
            m_sketch.pop_back();
            return true;
        case MapKey::Delete:
            return false;
    }
    return false;
}

// [helpers]

edit::SnapResult EditTools::snapped(double x, double y) const {
    edit::SnapResult none;
    none.x = x;
    none.y = y;
    auto* store = m_controller.store();
    if (!store) return none;
    edit::SnapOptions options;
    options.toleranceM = tolerance();
    options.layers = snapLayers();
    if (m_target && m_dragVertex) options.excludeUuid = m_target->uuid;
    try {
        return edit::snap(*store, x, y, options);
    } catch (const std::exception&) {
        return none;  // snapping is a help, never a reason to lose a click
    }
}

template <typename Visit>
void EditTools::forEachRing(Visit&& visit) const {
    if (!m_vertices) return;
    for (std::size_t p = 0; p < m_vertices->parts.size(); ++p) {
        for (std::size_t r = 0; r < m_vertices->parts[p].size(); ++r)
            visit(static_cast<int>(p), static_cast<int>(r), m_vertices->parts[p][r]);
    }
}

std::optional<edit::VertexRef> EditTools::vertexNear(double x, double y) const {
    std::optional<edit::VertexRef> best;
    double bestDistance = tolerance();
    forEachRing([&](int part, int ring, const std::vector<geo::Coord>& coords) {
        for (std::size_t i = 0; i < coords.size(); ++i) {
            const double d = distance(coords[i].first, coords[i].second, x, y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = edit::VertexRef{part, ring, static_cast<int>(i)};
            }
        }
    });
    return best;
}

std::optional<edit::VertexRef> EditTools::edgeNear(double x, double y, geo::Coord& at) const {
    std::optional<edit::VertexRef> best;
    double bestDistance = tolerance();
    const bool closed = m_vertices && m_vertices->polygonal();
    forEachRing([&](int part, int ring, const std::vector<geo::Coord>& coords) {
        const std::size_t edges = closed ? coords.size() : (coords.empty() ? 0 : coords.size() - 1);
        for (std::size_t i = 0; i < edges; ++i) {
            const auto point = closestOnSegment(coords[i], coords[(i + 1) % coords.size()], x, y);
            const double d = distance(point.first, point.second, x, y);
            if (d <= bestDistance) {
                bestDistance = d;
                at = point;
                best = edit::VertexRef{part, ring, static_cast<int>(i)};
            }
        }
    });
    return best;
}

bool EditTools::nearTarget(double x, double y) const {
    if (!m_vertices) return false;
    geo::Coord at;
    if (vertexNear(x, y) || edgeNear(x, y, at)) return true;
    // Inside a polygon's outer ring (even-odd test) also grabs it.
    if (!m_vertices->polygonal()) return false;
    for (const auto& part : m_vertices->parts) {
        if (part.empty()) continue;
        const auto& ring = part.front();
        if (geo::planar::ringContains(
                ring.size(), [&ring](std::size_t i) { return ring[i]; }, x, y))
            return true;
    }
    return false;
}

void EditTools::applyEdit(std::unique_ptr<edit::EditCommand> command) {
    const auto outcome = m_controller.apply(std::move(command));
    m_error = outcome.ok ? std::string() : outcome.error;
    setTarget(m_target);  // the stored geometry, whatever happened
}

// [overlay]

void EditTools::drawOverlay(ImDrawList& list, const render::MapView& view, const OverlayFrame& frame) {
    auto screen = [&](double x, double y) {
        const auto s = view.toScreen(x, y);
        return ImVec2(frame.originX + static_cast<float>(s[0]) / frame.framebufferScale,
                      frame.originY + static_cast<float>(s[1]) / frame.framebufferScale);
    };
    const ImU32 sketchColor = IM_COL32(214, 40, 100, 255);
    const ImU32 handleColor = IM_COL32(20, 90, 200, 255);
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const float r = 4.5f * ImGui::GetIO().FontGlobalScale * (ImGui::GetFontSize() / 15.0f);

    // Vertex handles of the target, shifted while the move tool drags it.
    if (m_vertices && (m_tool == EditTool::Vertices || m_tool == EditTool::Move)) {
        const double dx = m_dragFeature ? m_dragNow.first - m_dragStart.first : 0;
        const double dy = m_dragFeature ? m_dragNow.second - m_dragStart.second : 0;
        for (std::size_t p = 0; p < m_vertices->parts.size(); ++p) {
            for (std::size_t ri = 0; ri < m_vertices->parts[p].size(); ++ri) {
                const auto& ring = m_vertices->parts[p][ri];
                std::vector<ImVec2> points;
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    auto c = ring[i];
                    if (m_dragVertex && m_dragVertex->part == static_cast<int>(p) &&
                        m_dragVertex->ring == static_cast<int>(ri) && m_dragVertex->index == static_cast<int>(i)) {
                        c = m_dragNow;
                    }
                    points.push_back(screen(c.first + dx, c.second + dy));
                }
                if (points.size() > 1)
                    list.AddPolyline(points.data(), static_cast<int>(points.size()), handleColor,
                                     m_vertices->polygonal() ? ImDrawFlags_Closed : ImDrawFlags_None, 2.0f);
                for (const auto& point : points) {
                    list.AddRectFilled(ImVec2(point.x - r, point.y - r), ImVec2(point.x + r, point.y + r), white);
                    list.AddRect(ImVec2(point.x - r, point.y - r), ImVec2(point.x + r, point.y + r), handleColor, 0, 0,
                                 2.0f);
                }
            }
        }
    }
    // The sketch with its rubber band to the pointer.
    if (!m_sketch.empty()) {
        std::vector<ImVec2> points;
        for (const auto& c : m_sketch) points.push_back(screen(c.first, c.second));
        const geo::Coord next = m_hoverSnap ? geo::Coord{m_hoverSnap->x, m_hoverSnap->y} : m_hover;
        points.push_back(screen(next.first, next.second));
        list.AddPolyline(points.data(), static_cast<int>(points.size()), sketchColor,
                         m_tool == EditTool::Polygon ? ImDrawFlags_Closed : ImDrawFlags_None,
                         m_tool == EditTool::Route ? 1.5f : 2.5f);
        for (std::size_t i = 0; i + 1 < points.size(); ++i) {
            list.AddCircleFilled(points[i], r, white);
            list.AddCircle(points[i], r, sketchColor, 0, 2.0f);
        }
    }
    // The snap marker: a diamond on a vertex, a cross on an edge.
    if (m_hoverSnap) {
        const ImVec2 c = screen(m_hoverSnap->x, m_hoverSnap->y);
        const ImU32 snapColor = IM_COL32(240, 140, 0, 255);
        if (m_hoverSnap->kind == edit::SnapKind::Vertex) {
            list.AddQuad(ImVec2(c.x, c.y - r * 1.8f), ImVec2(c.x + r * 1.8f, c.y), ImVec2(c.x, c.y + r * 1.8f),
                         ImVec2(c.x - r * 1.8f, c.y), snapColor, 2.5f);
        } else {
            list.AddLine(ImVec2(c.x - r * 1.5f, c.y - r * 1.5f), ImVec2(c.x + r * 1.5f, c.y + r * 1.5f), snapColor,
                         2.5f);
            list.AddLine(ImVec2(c.x - r * 1.5f, c.y + r * 1.5f), ImVec2(c.x + r * 1.5f, c.y - r * 1.5f), snapColor,
                         2.5f);
        }
    }
}

}  // namespace lb::ui
