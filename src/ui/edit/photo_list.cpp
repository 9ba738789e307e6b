#include "ui/edit/photo_list.hpp"

#include "ui/edit/edit_controller.hpp"

namespace lb::ui {

bool PhotoList::sync(EditController& editor, const std::string& uuid) {
    if (uuid == m_uuid && editor.revision() == m_revision) return false;
    clear();
    m_uuid = uuid;
    m_revision = editor.revision();
    if (!editor.store() || uuid.empty()) return true;
    try {
        for (auto& photo : edit::observationPhotos(*editor.store(), uuid)) {
            Entry entry{
                photo.id, std::move(photo.mimeType), photo.bytes, std::move(photo.created), std::move(photo.author),
                {}};
            try {
                entry.pixels = edit::decodeThumbnail(photo.thumbnailPng);
            } catch (const std::exception&) {
                entry.pixels = {};  // listed without a preview
            }
            m_entries.push_back(std::move(entry));
        }
    } catch (const std::exception& e) {
        m_error = e.what();
    }
    return true;
}

void PhotoList::clear() {
    m_uuid.clear();
    m_revision = std::numeric_limits<std::uint64_t>::max();
    m_entries.clear();
    m_error.clear();
}

}  // namespace lb::ui
