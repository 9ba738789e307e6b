#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/layer.hpp"
#include "core/value.hpp"
#include "edit/edit_commands.hpp"
#include "edit/geometry_vertices.hpp"
#include "edit/snapping.hpp"
#include "ui/map_tool.hpp"

namespace lb::edit {
class RoadGraph;
}

namespace lb::ui {

class EditController;

enum class EditTool { Select, Point, Line, Polygon, Route, Vertices, Move, Delete };

// A drawn geometry waiting for its attribute form (nothing is saved before the form is valid).
struct PendingFeature {
    core::LayerId layer;
    core::Wkb geometry;
};

// The feature the vertex, move and delete tools work on (the map selection on a thematic layer).
struct EditTarget {
    core::LayerId layer;
    std::string uuid;
    bool operator==(const EditTarget&) const = default;
};

// The planner's edit tools as a state machine over map pointers (project CRS), without ImGui except in
// drawOverlay: clicks add sketch vertices (snapped to vertices and edges of nearby features within
// kSnapPixels), double-click or Enter finishes, Esc cancels, Backspace drops the last vertex; the route
// tool lays the sketch's waypoints on the street network. Vertex and move drags become one edit each on
// release, through the EditController (one undo step).
class EditTools : public MapTool {
public:
    static constexpr double kSnapPixels = 10;

    explicit EditTools(EditController& controller);
    ~EditTools() override;

    void setTool(EditTool tool);
    EditTool tool() const { return m_tool; }
    void setLayer(core::LayerId layer);
    core::LayerId layer() const { return m_layer; }
    // Ground size of a physical pixel now (for the snap and handle tolerances).
    void setResolution(double metresPerPixel) { m_metresPerPixel = metresPerPixel; }
    // The feature under edit; reloads its vertices (also after every edit: call again with the same target).
    void setTarget(std::optional<EditTarget> target);
    const std::optional<EditTarget>& target() const { return m_target; }
    const edit::GeometryVertices* targetVertices() const { return m_vertices ? &*m_vertices : nullptr; }

    // Asks for the attribute form of the target (double-click, "Bearbeiten", E); taken once by the form.
    // A click only selects: looking and editing are two intents.
    void requestEdit() { m_editRequested = true; }
    bool takeEditRequest() { return std::exchange(m_editRequested, false); }
    // A finished sketch for the form; taken once.
    std::optional<PendingFeature> takePending();
    const std::vector<geo::Coord>& sketch() const { return m_sketch; }
    const std::string& lastError() const { return m_error; }
    // Finishes the sketch (Enter / double-click); false when it has too few vertices.
    bool finishSketch();
    void cancelSketch();

    // MapTool
    bool active() const override { return m_tool != EditTool::Select; }
    bool press(const MapPointer& p) override;
    bool drag(const MapPointer& p) override;
    bool release(const MapPointer& p, bool dragged) override;
    bool rightClick(const MapPointer& p) override;
    bool doubleClick(const MapPointer& p) override;
    void hover(const MapPointer& p) override;
    bool key(MapKey key) override;
    void drawOverlay(ImDrawList& list, const render::MapView& view, const OverlayFrame& frame) override;

private:
    double tolerance() const { return kSnapPixels * m_metresPerPixel; }
    edit::SnapResult snapped(double x, double y) const;
    std::optional<edit::VertexRef> vertexNear(double x, double y) const;
    std::optional<edit::VertexRef> edgeNear(double x, double y, geo::Coord& at) const;
    bool nearTarget(double x, double y) const;
    template <typename Visit>
    void forEachRing(Visit&& visit) const;  // (part, ring, coordinates) of the target
    void applyEdit(std::unique_ptr<edit::EditCommand> command);

    EditController& m_controller;
    EditTool m_tool = EditTool::Select;
    core::LayerId m_layer = core::LayerId::Measures;
    double m_metresPerPixel = 1;
    std::vector<geo::Coord> m_sketch;
    std::optional<edit::SnapResult> m_hoverSnap;
    geo::Coord m_hover{0, 0};
    std::optional<PendingFeature> m_pending;
    std::optional<EditTarget> m_target;
    std::optional<edit::GeometryVertices> m_vertices;
    // A drag in progress: the vertex being moved, or the whole feature (move tool).
    std::optional<edit::VertexRef> m_dragVertex;
    bool m_dragFeature = false;
    geo::Coord m_dragStart{0, 0};
    geo::Coord m_dragNow{0, 0};
    bool m_swallowRelease = false;
    bool m_editRequested = false;  // the release that ends a double-click
    std::string m_error;
    std::unique_ptr<edit::RoadGraph> m_roads;  // built on the first route, per project
    std::string m_roadsProject;
};

}  // namespace lb::ui
