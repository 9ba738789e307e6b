#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/bbox.hpp"
#include "core/time.hpp"
#include "engine/query.hpp"

namespace lb::store {
class ProjectStore;
}

namespace lb::project {

// What a slide shows on top of the base map.
enum class SlideOverlay { None, Heatmap, GiStar };

// A saved view (a presentation slide): the part of the map, the visible layers, the query's filters, the
// time window, a caption and the analysis overlay. Stored as JSON in the `views` table's `definition`
// column and read from `lagebild present --slides FILE.json`:
//   {"extent": [minx, miny, maxx, maxy], "layers": ["roads", ...], "query": {engine query JSON},
//    "from": "2025-01-01T00:00:00+01:00", "to": "...", "caption": "...", "overlay": "heatmap|gistar|none"}
// Only "extent" is required; "layers" absent means the style's default layers; "from"/"to" (the time
// window, `to` exclusive) replace the query's own times.
struct ViewDefinition {
    core::BBox extent;
    std::optional<std::vector<std::string>> layers;
    engine::Query query;
    std::optional<core::Timestamp> from, to;
    std::string caption;
    SlideOverlay overlay = SlideOverlay::Heatmap;
    bool operator==(const ViewDefinition&) const = default;

    // The query with the time window applied: what the slide's heat map or Gi* layer counts.
    engine::Query effectiveQuery() const;
};

// One row of the `views` table (or one slide of a slides file: id 0, uuid empty).
struct Slide {
    std::int64_t id = 0;
    std::string uuid;
    std::string name;
    int sortOrder = 0;
    ViewDefinition definition;
    bool operator==(const Slide&) const = default;
};

std::string overlayName(SlideOverlay overlay);
nlohmann::json toJson(const ViewDefinition& definition);
// Checks every key (types, a finite non-empty extent, known layer names, the query's keys, times, the
// overlay's name); throws core::InputError "view 'NAME': ..." naming the view and the key.
ViewDefinition viewDefinitionFromJson(const nlohmann::json& in, const std::string& viewName);
// The same from text (a garbled definition column); never anything but core::InputError.
ViewDefinition viewDefinitionFromText(const std::string& text, const std::string& viewName);

// The project's saved views in presentation order (sort_order, then id). A definition that cannot be used
// throws core::InputError naming the view.
std::vector<Slide> readSlides(store::ProjectStore& store);
// A slides file: {"slides": [{"name": "...", ...definition keys...}, ...]} or the bare array. Throws
// core::InputError naming the file and the slide.
std::vector<Slide> readSlidesFile(const std::filesystem::path& file);

// Edits of the views table, each one transaction with an audit row ("view_add", "view_rename",
// "view_move", "view_delete"). addSlide appends at the end and returns the new uuid.
std::string addSlide(store::ProjectStore& store, const std::string& name, const ViewDefinition& definition);
// Puts a slide back as it was (undo of a delete): same uuid, name, place and definition.
void restoreSlide(store::ProjectStore& store, const Slide& slide);
void renameSlide(store::ProjectStore& store, const std::string& uuid, const std::string& name);
// Moves a slide one place earlier (delta < 0) or later (delta > 0); the order is renumbered 0, 1, 2, ...
void moveSlide(store::ProjectStore& store, const std::string& uuid, int delta);
void deleteSlide(store::ProjectStore& store, const std::string& uuid);

// The town logo of presentations: an image file path kept in the project's settings ("" = none).
inline constexpr const char* kLogoSetting = "presentation.logo";

// The logo setting ("" when none) and its change (one transaction with an audit row).
std::string logoSetting(store::ProjectStore& store);
void setLogo(store::ProjectStore& store, const std::string& path);

// A logo image decoded to RGBA (rows top to bottom).
struct LogoImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
};
// Reads a PNG or JPEG logo; throws core::InputError naming the file when it cannot be read or decoded, or has
// more than maxPixels pixels.
LogoImage loadLogo(const std::filesystem::path& file, std::int64_t maxPixels);

}  // namespace lb::project
