#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lb::render {

struct Color {
    float r = 0, g = 0, b = 0, a = 1;
    // "#rrggbb" or "#rrggbbaa"; nullopt when malformed.
    static std::optional<Color> parse(std::string_view text);
    Color withAlpha(float alpha) const { return {r, g, b, a * alpha}; }
    bool operator==(const Color&) const = default;
};

enum class SymbolShape { Circle, Square, Triangle, Diamond, Star, Cross };
std::optional<SymbolShape> symbolShapeFromName(std::string_view name);

// How the features of one class of a layer are drawn. Widths and sizes are logical pixels unless
// named in metres; a line's drawn width is max(width, widthMetres / metresPerPixel).
struct ClassStyle {
    std::string value;  // the class value it applies to; "*" matches every other class
    // Legend labels in both languages come with the style (assets/styles/*.json, or the code that builds an
    // overlay's style), not from the UI catalogue: `lagebild render` draws legends without ui/.
    std::string legend;    // German legend label
    std::string legendEn;  // English legend label
    // polygons
    std::optional<Color> fill;
    std::optional<Color> outline;
    float outlineWidth = 0;
    // lines (and polygon outlines drawn as lines)
    std::optional<Color> line;
    float lineWidth = 1;
    float lineWidthMetres = 0;
    std::optional<Color> casing;
    float casingWidth = 0;  // extra logical pixels on each side
    float dash = 0;         // dash length in logical pixels (0 = solid)
    // points
    SymbolShape shape = SymbolShape::Circle;
    float size = 6;  // symbol diameter, logical pixels
    std::optional<Color> symbolFill;
    std::optional<Color> symbolStroke;
    float symbolStrokeWidth = 1;
    // visibility: drawn only while the map scale denominator is <= maxScale (0 = always)
    double maxScale = 0;
    int order = 0;  // draw order within the layer (higher on top; casings of all classes go first)
};

struct LabelStyle {
    bool enabled = false;
    Color color{0.2f, 0.2f, 0.2f, 1};
    Color halo{1, 1, 1, 0.9f};
    float size = 12;  // logical pixels
    bool alongLines = false;
    double maxScale = 0;
    int priority = 0;  // higher wins collisions
};

struct LayerStyle {
    std::string layer;                 // project table name
    std::vector<std::string> classBy;  // columns whose first non-empty value is the class
    std::string labelBy;               // label column ("" = none)
    double maxScale = 0;               // layer hidden above this scale denominator (0 = always)
    float minAreaPixels = 0;           // level of detail: polygons smaller on screen are skipped
    double shrinkAboveScale = 0;       // point symbols shrink (to half at most) at overview scales above this
    bool thematic = false;
    bool visibleByDefault = true;
    std::vector<ClassStyle> classes;
    LabelStyle label;

    // The style for a class value, falling back to "*"; nullptr when neither exists (not drawn).
    const ClassStyle* classStyle(std::string_view value) const;
};

// The whole map style, loaded from assets/styles/*.json. Layers are listed bottom to top.
struct Style {
    Color background{0.96f, 0.95f, 0.93f, 1};
    Color highlight{0.0f, 0.75f, 1.0f, 1};
    std::vector<LayerStyle> layers;

    const LayerStyle* find(std::string_view layer) const;
    // Throws core::InputError naming the file and the JSON path of the problem.
    static Style load(const std::filesystem::path& file);
    static Style parse(std::string_view json, const std::string& sourceName);
};

// The directory of the assets (styles, help): LAGEBILD_ASSETS_DIR if set, else <prefix>/share/lagebild when
// the running program is <prefix>/bin/… of an installation, else the build-time source assets directory.
std::filesystem::path assetsDir();
std::filesystem::path defaultStylePath();

}  // namespace lb::render
