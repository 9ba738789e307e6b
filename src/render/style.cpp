#include "render/style.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace lb::render {
namespace {

using nlohmann::json;

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Reader {
public:
    explicit Reader(std::string source) : m_source(std::move(source)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
        throw core::InputError(m_source + ": " + path + ": " + problem);
    }

    std::optional<Color> color(const json& object, const char* key, const std::string& path) const {
        if (!object.contains(key)) return std::nullopt;
        const json& value = object.at(key);
        if (!value.is_string()) fail(path + "." + key, "expected a colour string like \"#rrggbb\"");
        auto parsed = Color::parse(value.get<std::string>());
        if (!parsed)
            fail(path + "." + key, "\"" + value.get<std::string>() + "\" is not a colour (#rrggbb or #rrggbbaa)");
        return parsed;
    }

    template <typename T>
    T number(const json& object, const char* key, T fallback, const std::string& path) const {
        if (!object.contains(key)) return fallback;
        const json& value = object.at(key);
        if (!value.is_number()) fail(path + "." + key, "expected a number");
        return value.get<T>();
    }

    std::string string(const json& object, const char* key, const std::string& path) const {
        if (!object.contains(key)) return {};
        const json& value = object.at(key);
        if (!value.is_string()) fail(path + "." + key, "expected a string");
        return value.get<std::string>();
    }

    bool boolean(const json& object, const char* key, bool fallback, const std::string& path) const {
        if (!object.contains(key)) return fallback;
        const json& value = object.at(key);
        if (!value.is_boolean()) fail(path + "." + key, "expected true or false");
        return value.get<bool>();
    }

    ClassStyle classStyle(const json& object, const std::string& path) const {
        if (!object.is_object()) fail(path, "expected an object");
        ClassStyle style;
        style.value = object.contains("value") ? string(object, "value", path) : "*";
        style.legend = string(object, "legend", path);
        style.legendEn = string(object, "legendEn", path);
        if (style.legendEn.empty()) style.legendEn = style.legend;
        style.fill = color(object, "fill", path);
        style.outline = color(object, "outline", path);
        style.outlineWidth = number<float>(object, "outlineWidth", style.outline ? 1.0f : 0.0f, path);
        style.line = color(object, "line", path);
        style.lineWidth = number<float>(object, "lineWidth", 1.0f, path);
        style.lineWidthMetres = number<float>(object, "lineWidthMetres", 0.0f, path);
        style.casing = color(object, "casing", path);
        style.casingWidth = number<float>(object, "casingWidth", style.casing ? 1.0f : 0.0f, path);
        style.dash = number<float>(object, "dash", 0.0f, path);
        if (object.contains("shape")) {
            auto shape = symbolShapeFromName(string(object, "shape", path));
            if (!shape) fail(path + ".shape", "unknown symbol (circle, square, triangle, diamond, star, cross)");
            style.shape = *shape;
        }
        style.size = number<float>(object, "size", 6.0f, path);
        style.symbolFill = color(object, "symbolFill", path);
        style.symbolStroke = color(object, "symbolStroke", path);
        style.symbolStrokeWidth = number<float>(object, "symbolStrokeWidth", 1.0f, path);
        style.maxScale = number<double>(object, "maxScale", 0.0, path);
        style.order = number<int>(object, "order", 0, path);
        if (style.lineWidth < 0 || style.size < 0 || style.casingWidth < 0 || style.outlineWidth < 0) {
            fail(path, "widths and sizes must not be negative");
        }
        return style;
    }

    LayerStyle layerStyle(const json& object, const std::string& path) const {
        if (!object.is_object()) fail(path, "expected an object");
        LayerStyle style;
        style.layer = string(object, "layer", path);
        if (style.layer.empty()) fail(path + ".layer", "missing layer name");
        if (object.contains("classBy")) {
            const json& by = object.at("classBy");
            if (!by.is_array()) fail(path + ".classBy", "expected a list of column names");
            for (const auto& column : by) {
                if (!column.is_string()) fail(path + ".classBy", "expected a list of column names");
                style.classBy.push_back(column.get<std::string>());
            }
        }
        style.labelBy = string(object, "labelBy", path);
        style.maxScale = number<double>(object, "maxScale", 0.0, path);
        style.minAreaPixels = number<float>(object, "minAreaPixels", 0.0f, path);
        style.shrinkAboveScale = number<double>(object, "shrinkAboveScale", 0.0, path);
        style.thematic = boolean(object, "thematic", false, path);
        style.visibleByDefault = boolean(object, "visible", true, path);
        if (!object.contains("classes") || !object.at("classes").is_array() || object.at("classes").empty()) {
            fail(path + ".classes", "expected a non-empty list of class styles");
        }
        int index = 0;
        for (const auto& entry : object.at("classes")) {
            style.classes.push_back(classStyle(entry, path + ".classes[" + std::to_string(index++) + "]"));
        }
        if (object.contains("label")) {
            const json& label = object.at("label");
            const std::string labelPath = path + ".label";
            if (!label.is_object()) fail(labelPath, "expected an object");
            style.label.enabled = boolean(label, "enabled", true, labelPath);
            if (auto c = color(label, "color", labelPath)) style.label.color = *c;
            if (auto c = color(label, "halo", labelPath)) style.label.halo = *c;
            style.label.size = number<float>(label, "size", 12.0f, labelPath);
            style.label.alongLines = boolean(label, "alongLines", false, labelPath);
            style.label.maxScale = number<double>(label, "maxScale", 0.0, labelPath);
            style.label.priority = number<int>(label, "priority", 0, labelPath);
        }
        return style;
    }

private:
    std::string m_source;
};

}  // namespace

std::optional<Color> Color::parse(std::string_view text) {
    if (text.size() != 7 && text.size() != 9) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    float channels[4] = {0, 0, 0, 1};
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        const int hi = hexDigit(text[i + 1]);
        const int lo = hexDigit(text[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        channels[i / 2] = static_cast<float>(hi * 16 + lo) / 255.0f;
    }
    return Color{channels[0], channels[1], channels[2], channels[3]};
}

std::optional<SymbolShape> symbolShapeFromName(std::string_view name) {
    if (name == "circle") return SymbolShape::Circle;
    if (name == "square") return SymbolShape::Square;
    if (name == "triangle") return SymbolShape::Triangle;
    if (name == "diamond") return SymbolShape::Diamond;
    if (name == "star") return SymbolShape::Star;
    if (name == "cross") return SymbolShape::Cross;
    return std::nullopt;
}

const ClassStyle* LayerStyle::classStyle(std::string_view value) const {
    const ClassStyle* fallback = nullptr;
    for (const auto& style : classes) {
        if (style.value == value) return &style;
        if (style.value == "*") fallback = &style;
    }
    return fallback;
}

const LayerStyle* Style::find(std::string_view layer) const {
    for (const auto& style : layers) {
        if (style.layer == layer) return &style;
    }
    return nullptr;
}

Style Style::parse(std::string_view text, const std::string& sourceName) {
    Reader reader(sourceName);
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& error) {
        throw core::InputError(sourceName + ": not valid JSON: " + error.what());
    }
    if (!document.is_object()) reader.fail("$", "expected an object");
    Style style;
    if (auto c = reader.color(document, "background", "$")) style.background = *c;
    if (auto c = reader.color(document, "highlight", "$")) style.highlight = *c;
    if (!document.contains("layers") || !document.at("layers").is_array()) reader.fail("$.layers", "missing list");
    int index = 0;
    for (const auto& layer : document.at("layers")) {
        style.layers.push_back(reader.layerStyle(layer, "$.layers[" + std::to_string(index++) + "]"));
    }
    return style;
}

Style Style::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot read the style file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), file.string());
}

std::filesystem::path assetsDir() {
    if (const char* dir = std::getenv("LAGEBILD_ASSETS_DIR"); dir && *dir) return dir;
    // Installed (cmake --install, the Debian package): bin/lagebild finds ../share/lagebild, wherever the
    // prefix is (/usr, /opt/lagebild, a `dpkg -x` folder).
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = self.parent_path().parent_path() / "share" / "lagebild";
        if (std::filesystem::is_regular_file(installed / "styles" / "default.json", ec)) return installed;
    }
    return LAGEBILD_SOURCE_ASSETS_DIR;
}

std::filesystem::path defaultStylePath() {
    return assetsDir() / "styles" / "default.json";
}

}  // namespace lb::render
