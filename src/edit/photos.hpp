#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "edit/edit_command.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::edit {

// Photos of field observations (observation_photos). Only JPEG and PNG, recognised by their content (not
// the file name), decodable, at most kMaxPhotoBytes and kMaxPhotoEdge pixels per side. Each photo gets a
// PNG thumbnail of at most kThumbnailEdge pixels per side. Photos are sensitive: never in public outputs.
inline constexpr std::size_t kMaxPhotoBytes = 12 * 1024 * 1024;
inline constexpr int kMaxPhotoEdge = 12000;
inline constexpr int kThumbnailEdge = 256;

std::unique_ptr<EditCommand> attachPhoto(std::string observationUuid, std::vector<std::uint8_t> bytes);
std::unique_ptr<EditCommand> removePhoto(std::string observationUuid, std::int64_t photoId);

struct PhotoInfo {
    std::int64_t id = 0;
    std::string mimeType;  // image/jpeg, image/png
    std::size_t bytes = 0;
    std::vector<std::uint8_t> thumbnailPng;
    std::string created;
    std::string author;
};
// The photos of an observation, oldest first (thumbnails, not the full images).
std::vector<PhotoInfo> observationPhotos(store::ProjectStore& store, const std::string& observationUuid);
// A stored thumbnail decoded for display: RGBA, 4 bytes per pixel, rows top to bottom.
struct ThumbnailPixels {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};
// Decodes a thumbnail PNG (PhotoInfo::thumbnailPng); throws core::InputError when it is broken.
ThumbnailPixels decodeThumbnail(const std::vector<std::uint8_t>& png);

// The full image bytes of one photo.
std::vector<std::uint8_t> photoData(store::ProjectStore& store, std::int64_t photoId);

}  // namespace lb::edit
