#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "edit/field_mark.hpp"
#include "ui/map_tool.hpp"

namespace lb::ui {

class EditController;

// Field mode for streetworkers: choose one of the big buttons (armed kind), tap the map, and the place is
// saved at once (edit::markField) with the optional note and photo, as one undoable edit. The state
// machine without ImGui; FieldModePanel draws it.
class FieldMode : public MapTool {
public:
    explicit FieldMode(EditController& controller) : m_controller(controller) {}

    void setEnabled(bool enabled);
    bool enabled() const { return m_enabled; }
    void arm(edit::FieldMarkKind kind) { m_armed = kind; }
    const std::optional<edit::FieldMarkKind>& armed() const { return m_armed; }
    std::string& note() { return m_note; }
    void setPhoto(std::optional<std::filesystem::path> photo) { m_photo = std::move(photo); }
    const std::optional<std::filesystem::path>& photo() const { return m_photo; }

    struct Saved {
        edit::FieldMarkKind kind;
        std::string observationUuid;
        double x = 0, y = 0;
    };
    // The last mark saved in this mode (for the confirmation and its undo button).
    const std::optional<Saved>& lastSaved() const { return m_lastSaved; }
    const std::string& lastError() const { return m_error; }
    // Saves a mark of the armed kind at (x, y); the note and photo are used once and cleared.
    bool markAt(double x, double y);
    void undoLast();

    // MapTool: active while enabled with a kind chosen; a click (not a drag) marks.
    bool active() const override { return m_enabled && m_armed.has_value(); }
    bool release(const MapPointer& p, bool dragged) override;
    bool key(MapKey key) override;

private:
    EditController& m_controller;
    bool m_enabled = false;
    std::optional<edit::FieldMarkKind> m_armed;
    std::string m_note;
    std::optional<std::filesystem::path> m_photo;
    std::optional<Saved> m_lastSaved;
    std::string m_error;
};

}  // namespace lb::ui
