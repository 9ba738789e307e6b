// Section index: [xml] [symbols] [renderers] [labels] [documents]
#include "project/qgis_style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace lb::project {
namespace {

// [xml]

std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\n':
                out += "&#10;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// QGIS writes colours as "r,g,b,a" (0–255).
std::string colour(const render::Color& c) {
    auto byte = [](float v) { return std::to_string(static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255))); };
    return byte(c.r) + "," + byte(c.g) + "," + byte(c.b) + "," + byte(c.a);
}

// One symbol layer's properties, written both as QGIS 3.26+ reads them (<Option type="Map">) and as older
// QGIS 3 versions do (<prop k v>).
struct Props {
    std::vector<std::pair<std::string, std::string>> items;
    Props& set(std::string key, std::string value) {
        items.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    std::string xml(const char* indent) const {
        std::string out = std::string(indent) + "<Option type=\"Map\">\n";
        for (const auto& [k, v] : items) {
            out += std::string(indent) + "  <Option type=\"QString\" name=\"" + escape(k) + "\" value=\"" + escape(v) +
                   "\"/>\n";
        }
        out += std::string(indent) + "</Option>\n";
        for (const auto& [k, v] : items) {
            out += std::string(indent) + "<prop k=\"" + escape(k) + "\" v=\"" + escape(v) + "\"/>\n";
        }
        return out;
    }
};

// [symbols]

enum class Kind { Point, Line, Polygon };

const char* kindName(Kind kind) {
    switch (kind) {
        case Kind::Point:
            return "marker";
        case Kind::Line:
            return "line";
        case Kind::Polygon:
            break;
    }
    return "fill";
}

const char* shapeName(render::SymbolShape shape) {
    switch (shape) {
        case render::SymbolShape::Circle:
            return "circle";
        case render::SymbolShape::Square:
            return "square";
        case render::SymbolShape::Triangle:
            return "triangle";
        case render::SymbolShape::Diamond:
            return "diamond";
        case render::SymbolShape::Star:
            return "star";
        case render::SymbolShape::Cross:
            break;
    }
    return "cross_fill";
}

std::string symbolLayer(const char* cls, const Props& props) {
    return "        <layer class=\"" + std::string(cls) + "\" enabled=\"1\" pass=\"0\" locked=\"0\">\n" +
           props.xml("          ") + "        </layer>\n";
}

Props lineProps(const render::Color& c, float width, float dash) {
    Props p;
    p.set("line_color", colour(c))
        .set("line_width", number(width))
        .set("line_width_unit", "Pixel")
        .set("line_style", "solid")
        .set("capstyle", "round")
        .set("joinstyle", "round")
        .set("offset", "0");
    if (dash > 0) {
        p.set("use_custom_dash", "1")
            .set("customdash", number(dash) + ";" + number(dash))
            .set("customdash_unit", "Pixel");
    } else {
        p.set("use_custom_dash", "0");
    }
    return p;
}

// The layers of one class's symbol of a kind, as Lagebild draws it (render/gl: casing under the line;
// polygons filled, outlined, and their line on top; points a shape with fill and stroke).
std::string symbolLayers(const render::ClassStyle& cls, Kind kind) {
    std::string out;
    if (kind == Kind::Point) {
        const render::Color fill = cls.symbolFill.value_or(render::Color{0.5f, 0.5f, 0.5f, 1});
        Props p;
        p.set("name", shapeName(cls.shape))
            .set("color", colour(fill))
            .set("outline_color", colour(cls.symbolStroke.value_or(fill)))
            .set("outline_style", cls.symbolStroke ? "solid" : "no")
            .set("outline_width", number(cls.symbolStroke ? cls.symbolStrokeWidth : 0))
            .set("outline_width_unit", "Pixel")
            .set("size", number(cls.size))
            .set("size_unit", "Pixel")
            .set("angle", "0")
            .set("scale_method", "diameter");
        out += symbolLayer("SimpleMarker", p);
    } else if (kind == Kind::Line) {
        const render::Color line = cls.line.value_or(cls.outline.value_or(render::Color{0.5f, 0.5f, 0.5f, 1}));
        if (cls.casing && cls.casingWidth > 0) {
            out += symbolLayer("SimpleLine", lineProps(*cls.casing, cls.lineWidth + 2 * cls.casingWidth, 0));
        }
        out += symbolLayer("SimpleLine", lineProps(line, cls.lineWidth, cls.dash));
    } else {
        if (cls.fill || cls.outline) {
            Props p;
            p.set("color", colour(cls.fill.value_or(render::Color{0, 0, 0, 0})))
                .set("style", cls.fill ? "solid" : "no")
                .set("outline_color", colour(cls.outline.value_or(render::Color{0, 0, 0, 0})))
                .set("outline_style", cls.outline && cls.outlineWidth > 0 ? "solid" : "no")
                .set("outline_width", number(cls.outline ? cls.outlineWidth : 0))
                .set("outline_width_unit", "Pixel")
                .set("joinstyle", "round");
            out += symbolLayer("SimpleFill", p);
        }
        // A polygon's line (districts: a dashed boundary) is QGIS's "Outline: simple line" in a fill symbol.
        if (cls.line) out += symbolLayer("SimpleLine", lineProps(*cls.line, cls.lineWidth, cls.dash));
        if (out.empty()) {
            Props p;
            p.set("style", "no").set("outline_style", "no");
            out += symbolLayer("SimpleFill", p);
        }
    }
    return out;
}

std::string symbol(const std::string& name, Kind kind, const std::string& layers) {
    return "      <symbol type=\"" + std::string(kindName(kind)) + "\" name=\"" + escape(name) +
           "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n" + layers + "      </symbol>\n";
}

// [renderers]

// The expression of the class: the column, or the first non-empty of several (Lagebild's rule).
std::string classExpression(const std::vector<std::string>& columns) {
    if (columns.size() == 1) return columns[0];
    std::string out = "coalesce(";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) out += ", ";
        out += "nullif(\"" + columns[i] + "\", '')";
    }
    return out + ")";
}

std::string quotedExpression(const std::vector<std::string>& columns) {
    return columns.size() == 1 ? "\"" + columns[0] + "\"" : classExpression(columns);
}

std::string literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// The classes in the order QGIS lists them: as the style lists them, the catch-all last.
std::vector<const render::ClassStyle*> orderedClasses(const render::LayerStyle& style) {
    std::vector<const render::ClassStyle*> out;
    for (const auto& cls : style.classes) {
        if (cls.value != "*") out.push_back(&cls);
    }
    for (const auto& cls : style.classes) {
        if (cls.value == "*") out.push_back(&cls);
    }
    return out;
}

std::string label(const render::ClassStyle& cls, bool english) {
    const std::string& text = english ? cls.legendEn : cls.legend;
    return text.empty() ? (cls.value == "*" ? std::string() : cls.value) : text;
}

std::string categorized(const render::LayerStyle& style, Kind kind, bool english) {
    const auto classes = orderedClasses(style);
    std::string out;
    if (style.classBy.empty()) {
        // One symbol for every feature (routes, districts): QGIS's single symbol renderer.
        out += "  <renderer-v2 type=\"singleSymbol\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n";
        out += "    <symbols>\n";
        if (!classes.empty()) out += symbol("0", kind, symbolLayers(*classes.front(), kind));
        out += "    </symbols>\n  </renderer-v2>\n";
        return out;
    }
    out += "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + escape(classExpression(style.classBy)) +
           "\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n";
    out += "    <categories>\n";
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const std::string value = classes[i]->value == "*" ? std::string() : classes[i]->value;
        out += "      <category value=\"" + escape(value) + "\" symbol=\"" + std::to_string(i) + "\" label=\"" +
               escape(label(*classes[i], english)) + "\" render=\"true\"/>\n";
    }
    out += "    </categories>\n    <symbols>\n";
    for (std::size_t i = 0; i < classes.size(); ++i) {
        out += symbol(std::to_string(i), kind, symbolLayers(*classes[i], kind));
    }
    out += "    </symbols>\n";
    if (!classes.empty()) {
        out +=
            "    <source-symbol>\n" + symbol("0", kind, symbolLayers(*classes.back(), kind)) + "    </source-symbol>\n";
    }
    out += "    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n";
    return out;
}

// Several kinds in one table: rules per kind (geometry_type), classes inside as rules, the catch-all ELSE.
std::string ruleBased(const render::LayerStyle& style, GeometryKinds kinds, bool english) {
    const auto classes = orderedClasses(style);
    struct Group {
        Kind kind;
        const char* type;
        const char* de;
        const char* en;
    };
    std::vector<Group> groups;
    if (kinds.polygons) groups.push_back({Kind::Polygon, "Polygon", "Flächen", "Areas"});
    if (kinds.lines) groups.push_back({Kind::Line, "Line", "Linien", "Lines"});
    if (kinds.points) groups.push_back({Kind::Point, "Point", "Punkte", "Points"});
    std::string rules, symbols;
    int n = 0;
    for (const auto& group : groups) {
        rules += "      <rule key=\"{" + style.layer + "-" + group.type + "}\" filter=\"" +
                 escape("geometry_type($geometry) = '" + std::string(group.type) + "'") + "\" label=\"" +
                 escape(english ? group.en : group.de) + "\">\n";
        for (const auto* cls : classes) {
            const std::string id = std::to_string(n++);
            std::string filter = "ELSE";
            if (!style.classBy.empty() && cls->value != "*") {
                filter = quotedExpression(style.classBy) + " = " + literal(cls->value);
            }
            rules += "        <rule key=\"{" + style.layer + "-" + group.type + "-" + id + "}\" filter=\"" +
                     escape(filter) + "\" symbol=\"" + id + "\" label=\"" + escape(label(*cls, english)) + "\"/>\n";
            symbols += symbol(id, group.kind, symbolLayers(*cls, group.kind));
            if (style.classBy.empty()) break;
        }
        rules += "      </rule>\n";
    }
    return "  <renderer-v2 type=\"RuleRenderer\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n"
           "    <rules key=\"{" +
           style.layer + "-root}\">\n" + rules + "    </rules>\n    <symbols>\n" + symbols +
           "    </symbols>\n  </renderer-v2>\n";
}

// [labels]

std::string labeling(const render::LayerStyle& style, Kind kind) {
    if (style.labelBy.empty() || !style.label.enabled) return {};
    const auto& l = style.label;
    // QGIS placements: 0 around the point, 1 over the point (polygons: their centre), 2 along lines.
    const int placement = kind == Kind::Point ? 0 : kind == Kind::Line && l.alongLines ? 2 : 1;
    return "  <labeling type=\"simple\">\n    <settings calloutType=\"simple\">\n"
           "      <text-style fieldName=\"" +
           escape(style.labelBy) + "\" isExpression=\"0\" fontSize=\"" + number(l.size) +
           "\" fontSizeUnit=\"Pixel\" textColor=\"" + colour(l.color) + "\" textOpacity=\"1\">\n" +
           "        <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"Pixel\" bufferColor=\"" +
           colour(l.halo) + "\" bufferOpacity=\"1\"/>\n      </text-style>\n      <placement placement=\"" +
           std::to_string(placement) + "\"/>\n      <rendering priority=\"" +
           std::to_string(std::clamp(l.priority, 0, 10)) + "\"/>\n    </settings>\n  </labeling>\n";
}

// [documents]

int geometryTypeCode(Kind kind) {
    return kind == Kind::Point ? 0 : kind == Kind::Line ? 1 : 2;
}

std::string document(const std::string& body, Kind kind, double maxScale, bool labels) {
    // Lagebild hides a layer above a scale denominator; QGIS calls the most zoomed-out scale minScale.
    const bool scaled = maxScale > 0;
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
           "<qgis version=\"3.22.16-Białowieża\" styleCategories=\"Symbology|Labeling|Rendering\" "
           "hasScaleBasedVisibilityFlag=\"" +
           std::string(scaled ? "1" : "0") + "\" minScale=\"" + (scaled ? number(maxScale) : "100000000") +
           "\" maxScale=\"0\" labelsEnabled=\"" + (labels ? "1" : "0") + "\">\n" + body +
           "  <blendMode>0</blendMode>\n  <featureBlendMode>0</featureBlendMode>\n  <layerOpacity>1</layerOpacity>\n"
           "  <layerGeometryType>" +
           std::to_string(geometryTypeCode(kind)) + "</layerGeometryType>\n</qgis>\n";
}

}  // namespace

GeometryKinds geometryKinds(std::span<const core::Wkb> geometries) {
    GeometryKinds kinds;
    for (const auto& wkb : geometries) {
        if (wkb.size() < 5) continue;
        std::uint32_t type;
        std::memcpy(&type, wkb.data() + 1, 4);
        if (wkb[0] == 0) type = __builtin_bswap32(type);
        if (type == 1 || type == 4) kinds.points = true;
        if (type == 2 || type == 5) kinds.lines = true;
        if (type == 3 || type == 6) kinds.polygons = true;
    }
    return kinds;
}

std::string layerQml(const render::LayerStyle& style, GeometryKinds kinds, bool english) {
    if (kinds.count() > 1) {
        const Kind first = kinds.polygons ? Kind::Polygon : kinds.lines ? Kind::Line : Kind::Point;
        // Labels need one placement: the layer's first kind decides.
        const std::string labels = labeling(style, first);
        return document(ruleBased(style, kinds, english) + labels, first, style.maxScale, !labels.empty());
    }
    const Kind kind = kinds.points ? Kind::Point : kinds.lines ? Kind::Line : Kind::Polygon;
    const std::string labels = labeling(style, kind);
    return document(categorized(style, kind, english) + labels, kind, style.maxScale, !labels.empty());
}

std::string graduatedQml(const std::string& attribute, std::vector<std::int64_t> values, bool english) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    // Up to five quantile classes over the distinct values: [lower, upper] each, as QGIS compares them.
    static constexpr const char* kRamp[] = {"255,255,178,217", "254,204,92,217", "253,141,60,217", "240,59,32,217",
                                            "189,0,38,217"};
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    const std::size_t classes = std::min<std::size_t>(5, values.size());
    for (std::size_t c = 0; c < classes; ++c) {
        const std::size_t from = c * values.size() / classes, to = (c + 1) * values.size() / classes - 1;
        ranges.emplace_back(c == 0 ? values[from] : ranges.back().second, values[to]);
    }
    std::string body = "  <renderer-v2 type=\"graduatedSymbol\" attr=\"" + escape(attribute) +
                       "\" graduatedMethod=\"GraduatedColor\" forceraster=\"0\" symbollevels=\"0\" "
                       "enableorderby=\"0\">\n    <ranges>\n";
    std::string symbols;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const auto [lower, upper] = ranges[i];
        const std::string text =
            (i == 0 ? std::to_string(lower) : (english ? "over " : "über ") + std::to_string(lower)) + " – " +
            std::to_string(upper);
        body += "      <range lower=\"" + std::to_string(lower) + "\" upper=\"" + std::to_string(upper) +
                "\" symbol=\"" + std::to_string(i) + "\" label=\"" + escape(text) + "\" render=\"true\"/>\n";
        Props p;
        const std::size_t shade = ranges.size() == 1 ? 4 : i * 4 / (ranges.size() - 1);
        p.set("color", kRamp[shade])
            .set("style", "solid")
            .set("outline_color", "255,255,255,200")
            .set("outline_style", "solid")
            .set("outline_width", "0.5")
            .set("outline_width_unit", "Pixel");
        symbols += symbol(std::to_string(i), Kind::Polygon, symbolLayer("SimpleFill", p));
    }
    body += "    </ranges>\n    <symbols>\n" + symbols + "    </symbols>\n    <mode name=\"quantile\"/>\n" +
            "    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n";
    return document(body, Kind::Polygon, 0, false);
}

}  // namespace lb::project
