#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "edit/photos.hpp"

namespace lb::ui {

class EditController;

// The photos the feature form shows for one observation: metadata and decoded thumbnails (RGBA), reloaded
// when the feature or the controller's revision changes. No ImGui, no GL: unit-testable.
class PhotoList {
public:
    struct Entry {
        std::int64_t id = 0;
        std::string mimeType;
        std::size_t bytes = 0;
        std::string created;
        std::string author;
        edit::ThumbnailPixels pixels;  // empty when the stored thumbnail cannot be decoded
    };

    // Loads the photos of `uuid` when it or the editor's revision differs from the last load; true when it
    // reloaded (textures made from the old entries are stale then).
    bool sync(EditController& editor, const std::string& uuid);
    void clear();
    const std::vector<Entry>& entries() const { return m_entries; }
    // Why the photos could not be read (empty: no problem).
    const std::string& error() const { return m_error; }

private:
    std::string m_uuid;
    std::uint64_t m_revision = std::numeric_limits<std::uint64_t>::max();
    std::vector<Entry> m_entries;
    std::string m_error;
};

}  // namespace lb::ui
