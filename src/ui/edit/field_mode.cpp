#include "ui/edit/field_mode.hpp"

#include "ui/edit/edit_controller.hpp"

namespace lb::ui {

void FieldMode::setEnabled(bool enabled) {
    m_enabled = enabled;  // a chosen button stays chosen while a project loads
}

bool FieldMode::markAt(double x, double y) {
    if (!m_armed) return false;
    const auto outcome = m_controller.markField(*m_armed, x, y, m_note, m_photo);
    if (!outcome.ok) {
        m_error = outcome.error;  // note and photo stay for another try
        return false;
    }
    m_error.clear();
    m_lastSaved = Saved{*m_armed, outcome.featureUuid, x, y};
    m_note.clear();
    m_photo.reset();
    m_armed.reset();  // one tap, one mark: a stray second tap must not save another
    return true;
}

void FieldMode::undoLast() {
    const auto* next = m_controller.nextUndo();
    if (!m_lastSaved || !next || next->featureUuid() != m_lastSaved->observationUuid) return;
    const auto outcome = m_controller.undo();
    if (outcome.ok) {
        m_lastSaved.reset();
    } else {
        m_error = outcome.error;
    }
}

bool FieldMode::release(const MapPointer& p, bool dragged) {
    if (dragged) return false;
    markAt(p.x, p.y);
    return true;
}

bool FieldMode::key(MapKey key) {
    if (key != MapKey::Escape) return false;
    m_armed.reset();
    return true;
}

}  // namespace lb::ui
