#include <gtest/gtest.h>

#include "core/error.hpp"
#include "render/style.hpp"

using lb::render::Color;
using lb::render::Style;

TEST(Style, ColoursParseWithAndWithoutAlpha) {
    const auto c = Color::parse("#ff8000");
    ASSERT_TRUE(c);
    EXPECT_FLOAT_EQ(c->r, 1.0f);
    EXPECT_NEAR(c->g, 128 / 255.0, 1e-6);
    EXPECT_FLOAT_EQ(c->a, 1.0f);
    EXPECT_NEAR(Color::parse("#00000080")->a, 128 / 255.0, 1e-6);
    EXPECT_FALSE(Color::parse("ff8000"));
    EXPECT_FALSE(Color::parse("#ff80zz"));
    EXPECT_FALSE(Color::parse("#fff"));
}

TEST(Style, TheShippedStyleCoversEveryLayerAndEveryFieldOfAction) {
    const Style style = Style::load(lb::render::defaultStylePath());
    for (const char* layer : {"roads", "buildings", "landuse", "water", "railways", "pois", "incidents", "graffiti",
                              "routes", "measures", "observations", "districts"}) {
        EXPECT_NE(style.find(layer), nullptr) << layer;
    }
    const auto* incidents = style.find("incidents");
    ASSERT_NE(incidents, nullptr);
    EXPECT_TRUE(incidents->thematic);
    // one distinct colour per field of action
    std::vector<Color> colours;
    for (const char* key : {"gewalt", "graffiti", "vermuellung", "drogen", "extremismus", "sonstiges"}) {
        const auto* cls = incidents->classStyle(key);
        ASSERT_NE(cls, nullptr) << key;
        ASSERT_TRUE(cls->symbolFill);
        for (const auto& other : colours) EXPECT_FALSE(other == *cls->symbolFill) << key;
        colours.push_back(*cls->symbolFill);
        EXPECT_FALSE(cls->legend.empty());
    }
    // base layers come before thematic ones
    std::size_t lastBase = 0, firstThematic = style.layers.size();
    for (std::size_t i = 0; i < style.layers.size(); ++i) {
        if (style.layers[i].thematic) firstThematic = std::min(firstThematic, i);
        if (!style.layers[i].thematic) lastBase = i;
    }
    EXPECT_LT(lastBase, style.layers.size());
    EXPECT_EQ(style.layers.back().layer, "incidents");
}

TEST(Style, UnknownClassFallsBackToTheStarRule) {
    const Style style = Style::parse(
        R"({"layers":[{"layer":"roads","classBy":["highway"],"classes":[{"value":"primary","line":"#ff0000"},)"
        R"({"value":"*","line":"#00ff00"}]}]})",
        "test.json");
    const auto* roads = style.find("roads");
    ASSERT_NE(roads, nullptr);
    EXPECT_EQ(roads->classStyle("primary")->value, "primary");
    EXPECT_EQ(roads->classStyle("track")->value, "*");
}

TEST(Style, ProblemsNameTheFileAndThePlace) {
    try {
        Style::parse(R"({"layers":[{"layer":"roads","classes":[{"value":"x","line":"red"}]}]})", "mystyle.json");
        FAIL() << "expected an error";
    } catch (const lb::core::InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("mystyle.json"), std::string::npos) << message;
        EXPECT_NE(message.find("$.layers[0].classes[0].line"), std::string::npos) << message;
    }
    EXPECT_THROW(Style::parse("{not json", "broken.json"), lb::core::InputError);
    EXPECT_THROW(Style::parse(R"({"layers":[{"layer":"roads","classes":[]}]})", "empty.json"), lb::core::InputError);
    EXPECT_THROW(Style::parse(R"({"layers":[{"layer":"roads","classes":[{"shape":"blob"}]}]})", "s.json"),
                 lb::core::InputError);
}
