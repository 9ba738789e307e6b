// Section index: [json] [reading] [editing]
#include "project/saved_views.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/error.hpp"
#include "core/layer.hpp"
#include "engine/query_json.hpp"
#include "io/image_thumbnail.hpp"
#include "store/project_store.hpp"
#include "store/sqlite.hpp"

namespace lb::project {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& viewName, const std::string& what) {
    throw core::InputError("view '" + viewName + "': " + what);
}

core::Timestamp timeOf(const json& in, const char* key, const std::string& viewName) {
    if (!in.at(key).is_string()) bad(viewName, std::string("\"") + key + "\" must be a time text");
    const auto text = in.at(key).get<std::string>();
    const auto t = core::parseTime(text);
    if (!t) bad(viewName, std::string("\"") + key + "\" is not a time: " + text);
    return *t;
}

}  // namespace

// [json]

engine::Query ViewDefinition::effectiveQuery() const {
    engine::Query q = query;
    if (from) q.from = from;
    if (to) q.to = to;
    return q;
}

std::string overlayName(SlideOverlay overlay) {
    switch (overlay) {
        case SlideOverlay::None:
            return "none";
        case SlideOverlay::Heatmap:
            return "heatmap";
        case SlideOverlay::GiStar:
            return "gistar";
    }
    return "none";
}

json toJson(const ViewDefinition& d) {
    json out{{"extent", {d.extent.minX, d.extent.minY, d.extent.maxX, d.extent.maxY}},
             {"query", engine::toJson(d.query)},
             {"caption", d.caption},
             {"overlay", overlayName(d.overlay)}};
    if (d.layers) out["layers"] = *d.layers;
    if (d.from) out["from"] = core::formatBerlin(*d.from);
    if (d.to) out["to"] = core::formatBerlin(*d.to);
    return out;
}

ViewDefinition viewDefinitionFromJson(const json& in, const std::string& viewName) {
    if (!in.is_object()) bad(viewName, "the definition is not a JSON object");
    ViewDefinition d;
    if (!in.contains("extent")) bad(viewName, "\"extent\" is missing");
    const json& extent = in.at("extent");
    if (!extent.is_array() || extent.size() != 4) bad(viewName, "\"extent\" must be [minx, miny, maxx, maxy]");
    double v[4];
    for (std::size_t i = 0; i < 4; ++i) {
        if (!extent[i].is_number()) bad(viewName, "\"extent\" must hold four numbers");
        v[i] = extent[i].get<double>();
        if (!std::isfinite(v[i])) bad(viewName, "\"extent\" holds a number that is not finite");
    }
    if (!(v[0] < v[2] && v[1] < v[3])) bad(viewName, "\"extent\" is empty (minx < maxx and miny < maxy needed)");
    d.extent.add(v[0], v[1]);
    d.extent.add(v[2], v[3]);
    if (in.contains("layers")) {
        const json& layers = in.at("layers");
        if (!layers.is_array()) bad(viewName, "\"layers\" must be a list of layer names");
        d.layers.emplace();
        for (const auto& layer : layers) {
            if (!layer.is_string()) bad(viewName, "\"layers\" must be a list of layer names");
            const auto name = layer.get<std::string>();
            if (!core::layerFromName(name)) bad(viewName, "\"layers\": unknown layer '" + name + "'");
            d.layers->push_back(name);
        }
    }
    if (in.contains("query")) {
        try {
            d.query = engine::queryFromJson(in.at("query"));
        } catch (const core::Error& e) {
            bad(viewName, e.what());
        } catch (const std::exception& e) {
            bad(viewName, std::string("\"query\": ") + e.what());
        }
    }
    if (in.contains("from")) d.from = timeOf(in, "from", viewName);
    if (in.contains("to")) d.to = timeOf(in, "to", viewName);
    if (d.from && d.to && !(*d.from < *d.to)) bad(viewName, "\"from\" must be before \"to\"");
    if (in.contains("caption")) {
        if (!in.at("caption").is_string()) bad(viewName, "\"caption\" must be text");
        d.caption = in.at("caption").get<std::string>();
    }
    if (in.contains("overlay")) {
        const json& overlay = in.at("overlay");
        const std::string name = overlay.is_string() ? overlay.get<std::string>() : std::string();
        if (name == "heatmap") {
            d.overlay = SlideOverlay::Heatmap;
        } else if (name == "gistar") {
            d.overlay = SlideOverlay::GiStar;
        } else if (name == "none") {
            d.overlay = SlideOverlay::None;
        } else {
            bad(viewName, "\"overlay\" must be heatmap, gistar or none");
        }
    }
    return d;
}

ViewDefinition viewDefinitionFromText(const std::string& text, const std::string& viewName) {
    json parsed;
    try {
        parsed = json::parse(text);
    } catch (const json::exception& e) {
        bad(viewName, std::string("the definition is not valid JSON (") + e.what() + ")");
    }
    return viewDefinitionFromJson(parsed, viewName);
}

// [reading]

std::vector<Slide> readSlides(store::ProjectStore& store) {
    std::vector<Slide> slides;
    store::Statement s(store.db(), "SELECT id, uuid, name, sort_order, definition FROM views ORDER BY sort_order, id");
    while (s.step()) {
        Slide slide;
        slide.id = s.columnInt(0);
        slide.uuid = s.columnText(1);
        slide.name = s.columnText(2);
        slide.sortOrder = static_cast<int>(s.columnInt(3));
        slide.definition = viewDefinitionFromText(s.columnText(4), slide.name);
        slides.push_back(std::move(slide));
    }
    return slides;
}

std::vector<Slide> readSlidesFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot read the slides file");
    std::ostringstream text;
    text << in.rdbuf();
    json parsed;
    try {
        parsed = json::parse(text.str());
    } catch (const json::exception& e) {
        throw core::InputError(file.string() + ": not valid JSON (" + e.what() + ")");
    }
    const json* list = &parsed;
    if (parsed.is_object() && parsed.contains("slides")) list = &parsed.at("slides");
    if (!list->is_array()) throw core::InputError(file.string() + ": expected {\"slides\": [...]} or a list of slides");
    std::vector<Slide> slides;
    int index = 0;
    for (const auto& entry : *list) {
        Slide slide;
        slide.sortOrder = index++;
        slide.name = "Folie " + std::to_string(index);
        if (entry.is_object() && entry.contains("name") && entry.at("name").is_string())
            slide.name = entry.at("name").get<std::string>();
        try {
            slide.definition = viewDefinitionFromJson(entry, slide.name);
        } catch (const core::InputError& e) {
            throw core::InputError(file.string() + ": slide " + std::to_string(index) + ": " + e.what());
        }
        slides.push_back(std::move(slide));
    }
    if (slides.empty()) throw core::InputError(file.string() + ": the slides file has no slides");
    return slides;
}

// [editing]

namespace {

std::string nowText() {
    return core::formatUtc(core::now());
}

void renumber(store::ProjectStore& store, std::vector<std::string> uuids) {
    store::Statement s(store.db(), "UPDATE views SET sort_order = ? WHERE uuid = ?");
    for (std::size_t i = 0; i < uuids.size(); ++i) {
        s.bind(1, static_cast<std::int64_t>(i)).bind(2, uuids[i]);
        s.run();
    }
}

std::vector<std::string> orderedUuids(store::ProjectStore& store) {
    std::vector<std::string> uuids;
    store::Statement s(store.db(), "SELECT uuid FROM views ORDER BY sort_order, id");
    while (s.step()) uuids.push_back(s.columnText(0));
    return uuids;
}

std::string nameOf(store::ProjectStore& store, const std::string& uuid) {
    store::Statement s(store.db(), "SELECT name FROM views WHERE uuid = ?");
    s.bind(1, uuid);
    if (!s.step()) throw core::InputError("no saved view with uuid " + uuid);
    return s.columnText(0);
}

}  // namespace

std::string addSlide(store::ProjectStore& store, const std::string& name, const ViewDefinition& definition) {
    store::WriteTransaction tx(store);
    const std::string uuid = store.nextUuid();
    std::int64_t next = 0;
    {
        store::Statement max(store.db(), "SELECT COALESCE(MAX(sort_order) + 1, 0) FROM views");
        if (max.step()) next = max.columnInt(0);
    }
    const std::string text = toJson(definition).dump();
    const std::string now = nowText();
    store::Statement s(store.db(),
                       "INSERT INTO views(uuid, name, sort_order, definition, created, modified, author) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, uuid).bind(2, name).bind(3, next).bind(4, text).bind(5, now).bind(6, now).bind(7, store.author());
    s.run();
    store.audit("view_add", std::nullopt, uuid, "", text, name);
    tx.commit();
    return uuid;
}

void restoreSlide(store::ProjectStore& store, const Slide& slide) {
    store::WriteTransaction tx(store);
    const std::string text = toJson(slide.definition).dump();
    const std::string now = nowText();
    {  // room at its old place
        store::Statement shift(store.db(), "UPDATE views SET sort_order = sort_order + 1 WHERE sort_order >= ?");
        shift.bind(1, slide.sortOrder);
        shift.run();
    }
    store::Statement s(store.db(),
                       "INSERT INTO views(uuid, name, sort_order, definition, created, modified, author) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, slide.uuid).bind(2, slide.name).bind(3, slide.sortOrder).bind(4, text).bind(5, now).bind(6, now);
    s.bind(7, store.author());
    s.run();
    auto uuids = orderedUuids(store);
    renumber(store, uuids);
    store.audit("view_add", std::nullopt, slide.uuid, "", text, slide.name);
    tx.commit();
}

void renameSlide(store::ProjectStore& store, const std::string& uuid, const std::string& name) {
    store::WriteTransaction tx(store);
    const std::string old = nameOf(store, uuid);
    store::Statement s(store.db(), "UPDATE views SET name = ?, modified = ?, author = ? WHERE uuid = ?");
    s.bind(1, name).bind(2, nowText()).bind(3, store.author()).bind(4, uuid);
    s.run();
    store.audit("view_rename", std::nullopt, uuid, json{{"name", old}}.dump(), json{{"name", name}}.dump(), name);
    tx.commit();
}

void moveSlide(store::ProjectStore& store, const std::string& uuid, int delta) {
    store::WriteTransaction tx(store);
    auto uuids = orderedUuids(store);
    const auto it = std::find(uuids.begin(), uuids.end(), uuid);
    if (it == uuids.end()) throw core::InputError("no saved view with uuid " + uuid);
    const auto from = static_cast<int>(it - uuids.begin());
    const int to = std::clamp(from + delta, 0, static_cast<int>(uuids.size()) - 1);
    if (from == to) return;
    uuids.erase(uuids.begin() + from);
    uuids.insert(uuids.begin() + to, uuid);
    renumber(store, uuids);
    store.audit("view_move", std::nullopt, uuid, json{{"position", from}}.dump(), json{{"position", to}}.dump(),
                nameOf(store, uuid));
    tx.commit();
}

void deleteSlide(store::ProjectStore& store, const std::string& uuid) {
    store::WriteTransaction tx(store);
    const std::string name = nameOf(store, uuid);
    store::Statement s(store.db(), "DELETE FROM views WHERE uuid = ?");
    s.bind(1, uuid);
    s.run();
    renumber(store, orderedUuids(store));
    store.audit("view_delete", std::nullopt, uuid, "", "", name);
    tx.commit();
}

std::string logoSetting(store::ProjectStore& store) {
    return store.setting(kLogoSetting).value_or("");
}

void setLogo(store::ProjectStore& store, const std::string& path) {
    store::WriteTransaction tx(store);
    store.setSetting(kLogoSetting, path);
    store.audit("setting", std::nullopt, "", "", path, kLogoSetting);
    tx.commit();
}

LogoImage loadLogo(const std::filesystem::path& file, std::int64_t maxPixels) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot read the logo");
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto image = io::decodeRgba(bytes, file.string(), maxPixels);
    return LogoImage{image.width, image.height, std::move(image.pixels)};
}

}  // namespace lb::project
