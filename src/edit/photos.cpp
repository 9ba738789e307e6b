#include "edit/photos.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "edit/detail/feature_command.hpp"
#include "io/image_thumbnail.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::edit {
namespace {

using core::LayerId;
using detail::FeatureSnapshot;
using Current = std::optional<FeatureSnapshot>;

}  // namespace

std::unique_ptr<EditCommand> attachPhoto(std::string observationUuid, std::vector<std::uint8_t> bytes) {
    // Check the content now, before anything is written: the caller learns at once that a file is no photo.
    const std::string what = "photo for observation " + observationUuid;
    if (bytes.size() > kMaxPhotoBytes) {
        throw core::InputError(what + ": " + std::to_string(bytes.size() / (1024 * 1024)) +
                                   " MiB is more than the limit of " + std::to_string(kMaxPhotoBytes / (1024 * 1024)) +
                                   " MiB",
                               "reduce the photo's resolution or quality");
    }
    const io::ImageInfo info = io::inspectImage(bytes, what);
    if (info.width > kMaxPhotoEdge || info.height > kMaxPhotoEdge) {
        throw core::InputError(what + ": " + std::to_string(info.width) + "×" + std::to_string(info.height) +
                               " pixels is larger than " + std::to_string(kMaxPhotoEdge) + " on a side");
    }
    detail::PhotoRow photo;
    photo.mimeType = info.mimeType;
    photo.thumbnail = io::thumbnailPng(bytes, kThumbnailEdge, what);
    photo.data = std::move(bytes);
    const std::string uuid = observationUuid;
    return std::make_unique<detail::FeatureCommand>(
        EditKind::AttachPhoto, LayerId::Observations, std::move(observationUuid),
        [uuid, photo = std::move(photo)](detail::EditContext& context, const Current& current) -> Current {
            FeatureSnapshot next = detail::requireFeature(current, LayerId::Observations, uuid);
            detail::PhotoRow added = photo;
            added.created = context.timestamp();
            added.author = context.author();
            next.photos.push_back(std::move(added));
            return next;
        });
}

std::unique_ptr<EditCommand> removePhoto(std::string observationUuid, std::int64_t photoId) {
    const std::string uuid = observationUuid;
    return std::make_unique<detail::FeatureCommand>(
        EditKind::RemovePhoto, LayerId::Observations, std::move(observationUuid),
        [uuid, photoId](detail::EditContext&, const Current& current) -> Current {
            FeatureSnapshot next = detail::requireFeature(current, LayerId::Observations, uuid);
            const auto it = std::find_if(next.photos.begin(), next.photos.end(),
                                         [&](const detail::PhotoRow& p) { return p.id == photoId; });
            if (it == next.photos.end()) {
                throw core::InputError("observation " + uuid + " has no photo " + std::to_string(photoId));
            }
            next.photos.erase(it);
            return next;
        });
}

std::vector<PhotoInfo> observationPhotos(store::ProjectStore& store, const std::string& observationUuid) {
    store::Statement s(store.db(),
                       "SELECT id, mime_type, length(data), thumbnail, created, author FROM observation_photos "
                       "WHERE observation_uuid = ? ORDER BY id");
    s.bind(1, observationUuid);
    std::vector<PhotoInfo> out;
    while (s.step()) {
        out.push_back({s.columnInt(0), s.columnText(1), static_cast<std::size_t>(s.columnInt(2)), s.columnBlob(3),
                       s.columnText(4), s.columnText(5)});
    }
    return out;
}

ThumbnailPixels decodeThumbnail(const std::vector<std::uint8_t>& png) {
    // A thumbnail has at most kThumbnailEdge pixels per side; anything larger is not one of ours.
    auto image = io::decodeRgba(png, "photo thumbnail", static_cast<std::int64_t>(kThumbnailEdge) * kThumbnailEdge);
    return {image.width, image.height, std::move(image.pixels)};
}

std::vector<std::uint8_t> photoData(store::ProjectStore& store, std::int64_t photoId) {
    store::Statement s(store.db(), "SELECT data FROM observation_photos WHERE id = ?");
    s.bind(1, photoId);
    if (!s.step()) throw core::InputError("there is no photo " + std::to_string(photoId));
    return s.columnBlob(0);
}

}  // namespace lb::edit
